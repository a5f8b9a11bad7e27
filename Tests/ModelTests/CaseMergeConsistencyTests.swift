import Foundation
import Testing
@testable import Model
import TestSupport

/// What keeps a merged case one that either side could have written (`CaseMerge+Consistency`): a
/// reply signed on one side keeps its signed text, and 撤案 on one side with 并入 on the other is a
/// conflict, not both; and what `CaseHandling.resolve` and `banli check` make of them.
@Suite struct CaseMergeConsistencyTests {
    let configuration = try! Fixtures.configuration()
    let now = "2026-12-07T20:00:00+08:00"
    var handling: CaseHandling { CaseHandling(configuration: configuration, user: "wangli", clock: .fixed(LocalDate(year: 2026, month: 12, day: 7)!)) }

    /// A case being drafted, not signed, that both copies had.
    var draft: Case {
        var c = Fixtures.fullCase()
        c.status = "办理中"
        c.signOff = nil
        return c
    }

    func signed(_ c: Case) -> Case {
        var c = c
        c.signOff = SignOff(signer: "钱志明", date: LocalDate(year: 2026, month: 12, day: 1)!)
        c.status = configuration.workflow.signed
        c.journal.append(JournalEntry(time: "2026-12-01T09:00:00+08:00", user: "wangli", text: "签发"))
        return c
    }

    /// B's edits of the draft, not yet synced: 开头, a section, 抄送 and a new section.
    func edited(_ c: Case) -> Case {
        var c = c
        c.reply.opening = "未经签发的开头"
        c.reply.sections[1].text = "未经签发的第二部分"
        c.reply.copyTo.append("市政府办公室")
        c.reply.sections.append(ReplySection(heading: "四、补充", text: "补充的内容"))
        c.journal.append(JournalEntry(time: "2026-12-01T10:00:00+08:00", user: "lihua", text: "修改答复"))
        return c
    }

    @Test(arguments: [true, false]) func aSignedReplyKeepsItsTextAndRecordsTheOtherSidesChanges(signedIsMine: Bool) {
        let base = draft, a = signed(base), b = edited(base)
        let merged = signedIsMine ? CaseMerge(base: base, mine: a, theirs: b, user: "m", time: now)
                                  : CaseMerge(base: base, mine: b, theirs: a, user: "m", time: now)
        #expect(merged.value.signOff == a.signOff && merged.value.status == configuration.workflow.signed)
        #expect(merged.value.reply == a.reply)
        let expected: [(String, String)] = [
            ("答复.开头", "未经签发的开头"), ("答复.正文.2.内容", "未经签发的第二部分"), ("答复.正文.3.标题", "四、补充"),
            ("答复.正文.3.内容", "补充的内容"), ("答复.正文.3.层级", "1"), ("答复.正文.3.接排", "否"), ("答复.抄送", b.reply.copyTo.joined(separator: "\n")),
        ]
        let recorded = merged.conflicts.map { ($0.field, signedIsMine ? $0.theirs : $0.mine) }
        let signedTexts = merged.conflicts.map { signedIsMine ? $0.mine : $0.theirs }
        #expect(Set(recorded.map { "\($0.0)=\($0.1)" }) == Set(expected.map { "\($0.0)=\($0.1)" }))
        #expect(signedTexts.first == a.reply.opening)
        #expect(merged.value.conflicts == merged.conflicts)
    }

    @Test func aSignedReplyEditedOnNeitherSideMergesWithoutConflicts() {
        let base = draft
        var b = base
        b.title = "改了标题"
        let merged = CaseMerge(base: base, mine: b, theirs: signed(base), user: "m", time: now)
        #expect(merged.conflicts.isEmpty && merged.value.title == "改了标题" && merged.value.signOff != nil)
    }

    @Test func takingTheUnsignedTextAsksForTheReopeningStepFirst() throws {
        let base = draft
        let c = CaseMerge(base: base, mine: signed(base), theirs: edited(base), user: "m", time: now).value
        #expect(throws: configuration.workflow.replyLock(of: c)!) { try handling.resolve(c, field: "答复.开头", choosing: .theirs) }
        // Keeping the signed text is no edit; after 撤回签发 the other text may be taken.
        #expect(try handling.resolve(c, field: "答复.开头", choosing: .mine).value.reply.opening == c.reply.opening)
        let step = configuration.workflow.reopenings(from: c.status)[0].name
        let reopened = try handling.reopenReply(c, step: step, reason: "合并带来未签发的修改").value
        #expect(try handling.resolve(reopened, field: "答复.开头", choosing: .theirs).value.reply.opening == "未经签发的开头")
        let lists = try handling.resolve(reopened, field: "答复.抄送", choosing: .theirs).value
        #expect(lists.reply.copyTo.last == "市政府办公室")
    }

    func withdrawnAndMerged() -> (base: Case, withdrawn: Case, merged: Case) {
        let base = draft
        var withdrawn = base, merged = base
        withdrawn.withdrawal = Withdrawal(date: LocalDate(year: 2018, month: 4, day: 1)!, reason: "书面撤回", recordedBy: "wangli")
        withdrawn.journal.append(JournalEntry(time: "2026-12-01T09:00:00+08:00", user: "wangli", text: "撤案"))
        merged.mergedInto = CaseID("zx5-2-001")
        merged.journal.append(JournalEntry(time: "2026-12-01T10:00:00+08:00", user: "lihua", text: "并入"))
        return (base, withdrawn, merged)
    }

    @Test(arguments: [true, false]) func withdrawnOnOneSideAndMergedOnTheOtherIsAConflict(withdrawnIsMine: Bool) throws {
        let (base, w, m) = withdrawnAndMerged()
        let (mine, theirs) = withdrawnIsMine ? (w, m) : (m, w)
        let merged = CaseMerge(base: base, mine: mine, theirs: theirs, user: "m", time: now)
        #expect(merged.value.withdrawal == mine.withdrawal && merged.value.mergedInto == mine.mergedInto)
        #expect(merged.conflicts.map(\.field) == ["撤案", "并入"])
        // Both to one side (the one that empties a field first) gives that side's state; one each
        // would give both, and is refused.
        let c = merged.value
        let (emptied, filled) = withdrawnIsMine ? ("撤案", "并入") : ("并入", "撤案")
        let theirsState = try handling.resolve(try handling.resolve(c, field: emptied, choosing: .theirs).value, field: filled, choosing: .theirs).value
        #expect(theirsState.withdrawal == theirs.withdrawal && theirsState.mergedInto == theirs.mergedInto && theirsState.conflicts.isEmpty)
        #expect(throws: HandlingError.withdrawnAndMerged(carrier: CaseID("zx5-2-001")!)) { try handling.resolve(c, field: filled, choosing: .theirs) }
    }

    @Test func checkWarnsAboutACaseBothWithdrawnAndMerged() {
        var c = draft
        c.withdrawal = Withdrawal(date: LocalDate(year: 2018, month: 4, day: 1)!, reason: "书面撤回", recordedBy: "wangli")
        c.mergedInto = CaseID("zx5-2-001")
        let problems = CaseStore.mergeProblems([StoredCase(value: c, revision: Revision(value: 0), path: "x.yaml")])
        #expect(problems.contains { $0.severity == .warning && $0.reason.hasPrefix("既已撤案又并入 zx5-2-001") })
    }
}
