import Foundation
import Testing
@testable import Model
import TestSupport

/// Records are histories: feedback forms are kept, each with its date and details; contact and
/// feedback dates are bounded; a mistaken outcome or status move is corrected by a reversing entry
/// and counted as corrected.
@Suite struct RecordsHistoryTests {
    let handling = HandlingFixture.handling
    let today = HandlingFixture.today
    func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }

    @Test func aSecondFeedbackFormIsAddedAndTheFirstKeepsEveryDetail() throws {
        let c = HandlingFixture.complete(in: "已答复")
        let first = Feedback(date: day("2026-05-01"), satisfaction: .basicallySatisfied, visited: false, attitude: "满意",
                             relevance: "基本针对", viewOfResult: "理解", comment: "试点范围偏小")
        let once = try handling.recordFeedback(c, first).value
        let twice = try handling.recordFeedback(once, Feedback(date: day("2026-05-18"), satisfaction: .satisfied, visited: true))
        #expect(twice.value.feedback == [first, Feedback(date: day("2026-05-18"), satisfaction: .satisfied, visited: true)])
        #expect(twice.value.currentFeedback?.satisfaction == .satisfied && twice.value.summary.satisfaction == .satisfied)
        #expect(twice.entry.text == "反馈：基本满意 → 满意（2026-05-18）")
        // Written as a list and read back whole.
        let text = CaseFileEncoder.encode(twice.value)
        #expect(text.contains("反馈:\n- 日期: 2026-05-01\n  满意度: 基本满意\n  是否走访: 否\n  工作态度: 满意\n"))
        let read = try CaseFileDecoder(vocabulary: HandlingFixture.configuration.vocabulary).decode(Array(text.utf8), path: "x.yaml")
        #expect(read.feedback == twice.value.feedback)
        // A form dated before the latest would silently become the current one (and 不满意 would reopen).
        HandlingFixture.expectRefused("反馈日期 2026-05-10 早于已登记的反馈（2026-05-18）：后收到的反馈表才是当前的，请核对日期") {
            () throws(HandlingError) in
            try handling.recordFeedback(twice.value, Feedback(date: day("2026-05-10"), satisfaction: .dissatisfied, comment: "未回应"))
        }
    }

    @Test func aFileWithOneFeedbackMapStillReads() throws {
        let old = CaseFileEncoder.encode(HandlingFixture.complete(in: "已答复"))
            .replacingOccurrences(of: "面商记录:", with: "反馈:\n  日期: 2026-05-01\n  满意度: 满意\n  意见: 好\n面商记录:")
        let c = try CaseFileDecoder(vocabulary: HandlingFixture.configuration.vocabulary).decode(Array(old.utf8), path: "x.yaml")
        #expect(c.feedback == [Feedback(date: day("2026-05-01"), satisfaction: .satisfied, comment: "好")])
    }

    @Test func dissatisfiedFeedbackNeedsTheComment() {
        HandlingFixture.expectRefused("登记“不满意”须写明提出人的意见") { () throws(HandlingError) in
            try handling.recordFeedback(HandlingFixture.complete(in: "已答复"), Feedback(satisfaction: .dissatisfied, comment: "  "))
        }
    }

    @Test func contactAndFeedbackDatesMayNotLieInTheFutureOrBefore交办() throws {
        let c = HandlingFixture.complete(in: "已答复")   // assigned 2026-03-06, today 2026-05-20
        HandlingFixture.expectRefused("反馈日期 2030-01-01 晚于今天 2026-05-20") { () throws(HandlingError) in
            try handling.recordFeedback(c, Feedback(date: day("2030-01-01"), satisfaction: .satisfied))
        }
        HandlingFixture.expectRefused("面商日期 2026-03-05 早于交办日期 2026-03-06") { () throws(HandlingError) in
            try handling.addContact(c, ContactEntry(date: day("2026-03-05"), method: .phone, people: "倪建荣", summary: "听取意见"))
        }
        HandlingFixture.expectRefused("面商日期 2026-05-21 晚于今天 2026-05-20") { () throws(HandlingError) in
            try handling.addContact(c, ContactEntry(date: day("2026-05-21"), method: .phone, people: "倪建荣", summary: "听取意见"))
        }
        #expect(try handling.addContact(c, ContactEntry(date: day("2026-03-06"), method: .phone, people: "倪建荣", summary: "听取")).value.contacts.count == 2)
        // The bounds are configurable: a grace either side.
        var configuration = HandlingFixture.configuration
        configuration.deadlines.recordDaysAhead = 2
        configuration.deadlines.recordDaysBeforeAssigned = 3
        let lenient = CaseHandling(configuration: configuration, user: "wangli", clock: .fixed(today))
        #expect(try lenient.addContact(c, ContactEntry(date: day("2026-03-03"), method: .visit, people: "倪建荣", summary: "办前面商")).value.contacts.count == 2)
        #expect(try lenient.recordFeedback(c, Feedback(date: day("2026-05-22"), satisfaction: .satisfied)).value.feedback.count == 1)
        HandlingFixture.expectRefused("反馈日期 2026-05-23 晚于 2026-05-22（今天起2天内）") { () throws(HandlingError) in
            try lenient.recordFeedback(c, Feedback(date: day("2026-05-23"), satisfaction: .satisfied))
        }
        HandlingFixture.expectRefused("面商日期 2026-03-02 早于 2026-03-03（交办日期 2026-03-06 前3天）") { () throws(HandlingError) in
            try lenient.addContact(c, ContactEntry(date: day("2026-03-02"), method: .visit, people: "倪建荣", summary: "办前面商"))
        }
    }

    @Test func theBoundsAreReadFromTheConfiguration() throws {
        let directory = Fixtures.temporaryDirectory()
        let path = directory + "/config.yaml"
        Fixtures.write("deadlines:\n  record_days_ahead: 5\n", to: path)
        let configuration = try ConfigurationLoader.load(defaultsPath: Fixtures.defaultConfigurationPath, userPath: path)
        #expect(configuration.deadlines.recordDaysAhead == 5 && configuration.deadlines.recordDaysBeforeAssigned == 0)
        #expect(HandlingFixture.configuration.deadlines.recordDaysAhead == 0)
    }

    @Test func aMistakenOutcomeIsCorrectedAndCountedAsCorrected() throws {
        var c = HandlingFixture.complete(in: "办理中")   // 留作参考, by zhaomin, today
        c.signOff = nil
        let corrected = try handling.correctOutcome(c, to: "解决或采纳", reason: "误选，实为已采纳")
        let v = corrected.value
        #expect(corrected.entry.text == "更正办理结果：留作参考 → 解决或采纳，原因：误选，实为已采纳")
        #expect(v.outcomes.count == 2)
        #expect(v.outcomes[0].result == "留作参考"
                && v.outcomes[0].correction == OutcomeCorrection(correctedTo: "解决或采纳", correctedBy: "wangli", date: today, reason: "误选，实为已采纳"))
        #expect(v.firstOutcome == OutcomeRecord(result: "解决或采纳", date: today, recordedBy: "wangli"))
        #expect(v.currentOutcome == v.firstOutcome && v.summary.outcome == "解决或采纳")
        // The ledger's first and current result, and the statistics, count the corrected value.
        let row = Ledger.row(v, meetings: HandlingFixture.configuration.meetingNaming)
        let first = Ledger.columns.firstIndex(of: "首次办理结果")!, current = Ledger.columns.firstIndex(of: "当前办理结果")!
        #expect(row[first] == "解决或采纳" && row[current] == "解决或采纳")
        let figures = Figures([v.summary], configuration: HandlingFixture.configuration)
        #expect(figures.byOutcome.first { $0.name == "留作参考" }?.count == 0 && figures.resolved.part == 1)
        // The correction is in the file, and read back.
        let text = CaseFileEncoder.encode(v)
        #expect(text.contains("  更正:\n    更正为: 解决或采纳\n    更正人: wangli\n    日期: 2026-05-20\n    原因: 误选，实为已采纳\n"))
        let read = try CaseFileDecoder(vocabulary: HandlingFixture.configuration.vocabulary).decode(Array(text.utf8), path: "x.yaml")
        #expect(read.outcomes == v.outcomes)
        // A follow-up after a correction follows the corrected result.
        let followed = try handling.followUp(v, to: "列入计划拟解决", note: "回头看").value
        #expect(followed.firstOutcome?.result == "解决或采纳" && followed.currentOutcome?.result == "列入计划拟解决")
        HandlingFixture.expectRefused("更正须写明原因") { () throws(HandlingError) in try handling.correctOutcome(c, to: "解决或采纳", reason: " ") }
        HandlingFixture.expectRefused("办理结果已是“留作参考”，未作更改") { () throws(HandlingError) in
            try handling.correctOutcome(c, to: "留作参考", reason: "x")
        }
        c.outcomes = []
        HandlingFixture.expectRefused("尚无办理结果，无可更正") { () throws(HandlingError) in try handling.correctOutcome(c, to: "留作参考", reason: "x") }
    }

    @Test func aMistakenStatusMoveIsReversedWithAReversingEntry() throws {
        let c = HandlingFixture.complete(in: "待签收")
        let moved = try handling.move(c, to: "办理中").value
        let corrected = try handling.correctStatus(moved, reason: "误签收，应由区卫健委办理")
        #expect(corrected.value.status == "待签收")
        #expect(corrected.entry.text == "更正状态：办理中 → 待签收，原因：误签收，应由区卫健委办理")
        #expect(corrected.value.journal.dropLast() == moved.journal[...], "the mistaken move stays in the journal")
        // Out of a returned state, the reason for the return goes with it.
        let returned = try handling.move(c, to: "退回", reason: "不属本单位").value
        let back = try handling.correctStatus(returned, reason: "误点").value
        #expect(back.status == "待签收" && back.returnReason == "")
        HandlingFixture.expectRefused("更正须写明原因") { () throws(HandlingError) in try handling.correctStatus(moved, reason: "") }
        HandlingFixture.expectRefused("日志中没有转为当前状态“待签收”的状态变更，无可更正") { () throws(HandlingError) in
            try handling.correctStatus(c, reason: "x")
        }
    }

    @Test func reversingOutOfASignedOrSentStateIsRefusedWithThePointer() throws {
        let signed = try handling.signOff(HandlingFixture.complete(in: "待审核"), signer: "顾卫东").value
        HandlingFixture.expectRefused("不能从“已签发”直接转为“待审核”：答复已签发，只读，须经“撤回签发”并写明原因") { () throws(HandlingError) in
            try handling.correctStatus(signed, reason: "误签")
        }
        let sent = try handling.move(signed, to: "已答复").value
        // Marked sent by mistake: back to 已签发, the reply still signed and read-only.
        let unsent = try handling.correctStatus(sent, reason: "尚未送达").value
        #expect(unsent.status == "已签发" && unsent.signOff == sent.signOff && unsent.reply == sent.reply)
        // A sent reply prints its result: correcting that result is correcting the reply.
        HandlingFixture.expectRefused("已答复（顾卫东 2026-05-20 签发），答复只读。要修改请先更正答复") { () throws(HandlingError) in
            try handling.correctOutcome(sent, to: "留作参考", reason: "误选")
        }
        // Between two sent states the reply is not touched: 已办结 back to 已答复 is a correction.
        let closed = try handling.move(sent, to: "已办结").value
        #expect(try handling.correctStatus(closed, reason: "反馈未回，不应办结").value.status == "已答复")
        // A move made as part of sending back is undone with that step, not corrected alone.
        let backForChanges = try handling.sendBack(HandlingFixture.complete(in: "待审核"), comment: "补充数据").value
        HandlingFixture.expectRefused("上一次状态变更是“退回修改：补充数据；状态：待审核 → 办理中”的一部分，不能单独更正；可撤销这一步") {
            () throws(HandlingError) in try handling.correctStatus(backForChanges, reason: "x")
        }
    }
}

/// Undo of the latest change to a case, through the store: the before-image is kept in
/// `.banli/undo/`, restored with the journal kept and an entry appended, and refused when someone
/// else changed the case since.
@Suite struct UndoTests {
    let configuration = HandlingFixture.configuration
    let me = CaseHandling(configuration: HandlingFixture.configuration, user: "wangli", clock: .fixed(HandlingFixture.today))
    let other = CaseHandling(configuration: HandlingFixture.configuration, user: "lihua", clock: .fixed(HandlingFixture.today))

    func store() throws -> (CaseStore, CaseID) {
        let store = try CaseStore.create(at: Fixtures.temporaryDirectory() + "/store", vocabulary: configuration.vocabulary)
        var c = HandlingFixture.complete(in: "待签收")
        c.feedback = []
        return (store, try store.create(c).value.id)
    }

    /// Applies `step` as `who` and saves it.
    @discardableResult
    func change(_ store: CaseStore, _ id: CaseID, as who: CaseHandling,
                _ step: (CaseHandling, Case) throws(HandlingError) -> Handled) throws -> StoredCase {
        let stored = try store.load(id)
        return try store.save(try step(who, stored.value).value, replacing: stored.revision)
    }

    func undo(_ store: CaseStore, _ id: CaseID, as who: CaseHandling) throws -> Handled {
        let stored = try store.load(id)
        let step = try #require(try store.lastChange(of: id))
        let undone = try who.undo(stored, step)
        try store.saveUndoing(step, undone.value, replacing: stored.revision)
        return undone
    }

    func refused(_ store: CaseStore, _ id: CaseID, as who: CaseHandling) throws -> String? {
        let stored = try store.load(id)
        do {
            guard let step = try store.lastChange(of: id) else { return "\(CaseHandling.noStepKept(in: stored.value))" }
            _ = try who.undo(stored, step)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func theLatestChangesAreUndoneOneByOneAndTheJournalKeepsThem() throws {
        let (store, id) = try store()
        // The case as created has no step: its latest entry is named, and whose it is.
        let created = try #require(try store.load(id).value.journal.last)
        #expect(try refused(store, id, as: me) == "最近一次更改“\(created.text)”（\(created.user) 作出）没有撤销记录，不能撤销")
        let original = try store.load(id).value
        try change(store, id, as: me) { h, c throws(HandlingError) in try h.move(c, to: "办理中") }
        let moved = try store.load(id).value
        try change(store, id, as: me) { h, c throws(HandlingError) in
            try h.addContact(c, ContactEntry(date: HandlingFixture.today, method: .visit, people: "倪建荣", summary: "面商"))
        }
        #expect(FileManager.default.fileExists(atPath: store.directory + "/.banli/undo/\(id).2.yaml"))
        let contact = try undo(store, id, as: me)
        #expect(contact.entry.text == "撤销：登记面商（走访，2026-05-20）：倪建荣")
        var now = try store.load(id).value
        #expect(now.contacts == moved.contacts && now.status == "办理中")
        #expect(now.journal.map(\.text).suffix(2) == ["登记面商（走访，2026-05-20）：倪建荣", "撤销：登记面商（走访，2026-05-20）：倪建荣"])
        let move = try undo(store, id, as: me)
        #expect(move.entry.text == "撤销：状态：待签收 → 办理中")
        now = try store.load(id).value
        var expected = original
        expected.journal = now.journal
        #expect(now == expected && now.journal.count == original.journal.count + 4)
        #expect(try refused(store, id, as: me) == "没有可撤销的更改")
    }

    @Test func anUndoIsRefusedWhenSomeoneElseChangedTheCaseSince() throws {
        let (store, id) = try store()
        try change(store, id, as: me) { h, c throws(HandlingError) in try h.move(c, to: "办理中") }
        try change(store, id, as: other) { h, c throws(HandlingError) in try h.setOutcome(c, "解决或采纳", note: "已采纳") }
        #expect(try refused(store, id, as: me) == "此后 lihua 已修改本案件（跟踪办理，办理结果：留作参考 → 解决或采纳（已采纳）），不能撤销")
        let stranger = CaseHandling(configuration: configuration, user: "zhouli", clock: .fixed(HandlingFixture.today))
        #expect(try refused(store, id, as: stranger) == "最近一次更改“跟踪办理，办理结果：留作参考 → 解决或采纳（已采纳）”是 lihua 作出的，只能撤销自己的更改")
        // lihua may undo their own change, and then wangli theirs.
        #expect(try undo(store, id, as: other).entry.text.hasPrefix("撤销：跟踪办理"))
        #expect(try undo(store, id, as: me).entry.text == "撤销：状态：待签收 → 办理中")
    }

    @Test func anUndoIsRefusedWhenTheFileWasChangedOutsideBanli() throws {
        let (store, id) = try store()
        try change(store, id, as: me) { h, c throws(HandlingError) in try h.move(c, to: "办理中") }
        let path = store.path(of: id)
        Fixtures.write(String(decoding: Fixtures.bytes(path), as: UTF8.self).replacingOccurrences(of: "标题: 关于增加养老床位的建议", with: "标题: 关于增加养老床位的建议（修改）"), to: path)
        #expect(try refused(store, id, as: me) == "此后案件文件已在 banli 之外被修改，不能撤销")
        // Nor does the store write a step over a changed file: the save itself is refused.
        let stale = try store.lastChange(of: id)!
        let stored = try store.load(id)
        var restored = stale.before
        restored.journal = stored.value.journal
        #expect(throws: StoreError.self) { try store.saveUndoing(stale, restored, replacing: Revision(value: stale.applies.value)) }
        // A change saved after the edit can be undone; the steps before the edit are gone.
        try change(store, id, as: me) { h, c throws(HandlingError) in try h.move(c, to: "待审核") }
        #expect(try undo(store, id, as: me).entry.text == "撤销：状态：办理中 → 待审核")
        #expect(try store.load(id).value.title == "关于增加养老床位的建议（修改）")
        #expect(try refused(store, id, as: me) == "没有可撤销的更改")
    }

    @Test func onlyTheLatestStepsAreKept() throws {
        let (store, id) = try store()
        for i in 0..<(CaseStore.undoDepth + 2) {
            try change(store, id, as: me) { h, c throws(HandlingError) in
                try h.addContact(c, ContactEntry(date: HandlingFixture.today, method: .phone, people: "第\(i)次", summary: "沟通"))
            }
        }
        let kept = try FileManager.default.contentsOfDirectory(atPath: store.directory + "/.banli/undo")
        #expect(kept.count == CaseStore.undoDepth)
        for _ in 0..<CaseStore.undoDepth { _ = try undo(store, id, as: me) }
        #expect(try store.load(id).value.contacts.count == 3, "the complete case had one; two steps were beyond the depth")
        #expect(try refused(store, id, as: me) == "没有可撤销的更改")
    }

    /// A save whose undo step cannot be written (`.banli/undo` not this user's to write, a full disk)
    /// is kept and says so; undo then names the latest change as the one without a step.
    @Test func aSaveWhoseStepCannotBeWrittenSaysSoAndUndoNamesTheChangeWithoutAStep() throws {
        var (store, id) = try store()
        try change(store, id, as: me) { h, c throws(HandlingError) in try h.move(c, to: "办理中") }
        store.simulatedFailure = SimulatedDiskFailure(errno: EACCES) { $0.contains("/.banli/undo/") }
        let saved = try change(store, id, as: me) { h, c throws(HandlingError) in
            try h.addContact(c, ContactEntry(date: HandlingFixture.today, method: .visit, people: "倪建荣", summary: "面商"))
        }
        #expect(saved.undoNote == "\(store.directory)/.banli/undo: 没有权限，本次更改无法撤销")
        #expect(saved.saveNotes == [saved.undoNote])
        store.simulatedFailure = nil
        #expect(try refused(store, id, as: me) == "最近一次更改“登记面商（走访，2026-05-20）：倪建荣”（wangli 作出）没有撤销记录，不能撤销")
        #expect(try refused(store, id, as: other) == "最近一次更改“登记面商（走访，2026-05-20）：倪建荣”（wangli 作出）没有撤销记录，不能撤销")
        // A save that keeps its step says nothing of undo.
        #expect(try change(store, id, as: me) { h, c throws(HandlingError) in try h.move(c, to: "待审核") }.undoNote == nil)
    }

    /// Where the older steps could not be removed either (a directory this user may not write), the
    /// step left is another user's, for an earlier version: undo names the latest change, by whom the
    /// journal says, and does not blame the older step's author.
    @Test func aStaleStepOfAnotherUserIsNotBlamedForTheLatestChange() throws {
        let (store, id) = try store()
        try change(store, id, as: other) { h, c throws(HandlingError) in try h.move(c, to: "办理中") }
        let othersStep = try #require(try store.lastChange(of: id))
        var mine = try store.load(id)
        mine.value = try me.addContact(mine.value, ContactEntry(date: HandlingFixture.today, method: .phone, people: "倪建荣", summary: "沟通")).value
        let saved = try store.save(mine.value, replacing: mine.revision)
        #expect {
            _ = try me.undo(saved, othersStep)
        } throws: { "\($0)" == "最近一次更改“登记面商（电话，2026-05-20）：倪建荣”（wangli 作出）没有撤销记录，不能撤销" }
    }
}
