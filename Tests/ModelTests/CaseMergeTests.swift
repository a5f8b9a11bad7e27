import Foundation
import Testing
@testable import Model
import TestSupport

/// The field-level three-way merge of one case (`CaseMerge`, behind `banli merge-driver`) and the
/// resolution of the conflicts it records (`CaseHandling.resolve`).
@Suite struct CaseMergeTests {
    let configuration = try! Fixtures.configuration()
    let now = "2026-12-07T20:00:00+08:00"

    func merge(_ base: Case?, _ mine: Case, _ theirs: Case) -> CaseMerge {
        CaseMerge(base: base, mine: mine, theirs: theirs, user: "merger", time: now)
    }

    func entry(_ time: String, _ user: String, _ text: String) -> JournalEntry { JournalEntry(time: time, user: user, text: text) }

    @Test func differentFieldsChangedOnEachSideAreBothKept() {
        let base = Fixtures.fullCase()
        var mine = base, theirs = base
        mine.title = "我改的标题"
        mine.journal.append(entry("2026-12-01T09:00:00+08:00", "wangli", "修改标题"))
        theirs.reply.opening = "他改的开头"
        theirs.status = "办理中"
        theirs.journal.append(entry("2026-12-01T10:00:00+08:00", "lihua", "修改答复"))
        let merged = merge(base, mine, theirs)
        #expect(merged.value.title == "我改的标题" && merged.value.reply.opening == "他改的开头" && merged.value.status == "办理中")
        #expect(merged.conflicts.isEmpty && merged.value.conflicts.isEmpty)
        #expect(merged.value.journal.suffix(3).map(\.text) == ["修改标题", "修改答复", "合并：状态、答复.开头"])
        #expect(merged.value.journal.last?.user == "merger")
    }

    @Test func theSameFieldChangedDifferentlyKeepsMineAndRecordsTheirs() {
        let base = Fixtures.fullCase()
        var mine = base, theirs = base
        mine.reply.sections[1].text = "我写的第二部分"
        mine.journal.append(entry("2026-12-01T09:00:00+08:00", "wangli", "修改答复"))
        theirs.reply.sections[1].text = "他写的第二部分"
        theirs.deadline = LocalDate(year: 2018, month: 7, day: 1)
        mine.deadline = LocalDate(year: 2018, month: 7, day: 2)
        theirs.journal.append(entry("2026-12-01T10:00:00+08:00", "lihua", "修改答复"))
        let merged = merge(base, mine, theirs)
        #expect(merged.value.reply.sections[1].text == "我写的第二部分")
        #expect(merged.conflicts == [
            FieldConflict(field: "答复期限", mine: "2018-07-02", theirs: "2018-07-01", mineUser: "wangli", theirsUser: "lihua", time: now),
            FieldConflict(field: "答复.正文.2.内容", mine: "我写的第二部分", theirs: "他写的第二部分", mineUser: "wangli", theirsUser: "lihua", time: now),
        ])
        #expect(merged.value.conflicts == merged.conflicts)
        #expect(merged.value.journal.last?.text == "合并：日志；冲突：答复期限、答复.正文.2.内容")
        #expect(merged.value.summary.conflictCount == 2)
    }

    @Test func theSameChangeOnBothSidesIsNoConflict() {
        let base = Fixtures.fullCase()
        var mine = base
        mine.title = "同样的标题"
        mine.reply.sections[0].heading = "同样的标题"
        let merged = merge(base, mine, mine)
        #expect(merged.conflicts.isEmpty && merged.value.title == "同样的标题")
    }

    @Test func namesMergeAsSets() {
        let base = Fixtures.fullCase()  // 联名人 沈雅琴、陆卫国; 抄送 two units
        var mine = base, theirs = base
        mine.jointSigners = ["沈雅琴", "陆卫国", "张三"]
        theirs.jointSigners = ["陆卫国", "李四"]
        mine.reply.copyTo = []
        theirs.reply.copyTo.append("区委办")
        let merged = merge(base, mine, theirs).value
        #expect(merged.jointSigners == ["陆卫国", "张三", "李四"])
        #expect(merged.reply.copyTo == ["区委办"])
    }

    @Test func journalAndContactsAreTheUnionInTimeOrderWithRemovalsKept() {
        let base = Fixtures.fullCase()
        var mine = base, theirs = base
        // theirs undid 签收 (an entry removed relative to base); it stays removed.
        theirs.journal.removeLast()
        theirs.journal.append(entry("2018-04-02T09:00:00+08:00", "lihua", "面商"))
        mine.journal.append(entry("2018-04-01T09:00:00+08:00", "wangli", "改标题"))
        mine.journal.append(entry("2018-04-03T09:00:00+08:00", "wangli", "改开头"))
        let visit = ContactEntry(date: LocalDate(year: 2018, month: 4, day: 1)!, method: .phone, people: "周", summary: "电话")
        mine.contacts.append(visit)
        theirs.contacts.insert(ContactEntry(date: LocalDate(year: 2018, month: 3, day: 25)!, method: .visit, people: "周", summary: "走访"), at: 0)
        theirs.contacts.append(visit)
        let merged = merge(base, mine, theirs).value
        #expect(merged.journal.dropLast().map(\.text) == ["新建案件", "改标题", "面商", "改开头"])
        #expect(merged.contacts.map(\.summary) == ["走访", "电话", "当面听取意见。\n约定再次沟通。"])
    }

    @Test func journalTimesWrittenUnderDifferentOffsetsInterleaveAsTheyHappened() {
        let base = Fixtures.fullCase()
        var mine = base, theirs = base
        mine.journal.append(entry("2026-12-01T09:00:00+08:00", "wangli", "北京时间九点"))
        // 01:30Z is 09:30 in Beijing: after mine, though its text sorts before.
        theirs.journal.append(entry("2026-12-01T01:30:00Z", "server", "北京时间九点半"))
        #expect(merge(base, mine, theirs).value.journal.suffix(3).map(\.text) == ["北京时间九点", "北京时间九点半", "合并：日志"])
    }

    @Test func anOutcomeMarkedCorrectedOnOneSideComesOutOnce() {
        let base = Fixtures.fullCase()
        var mine = base, theirs = base
        mine.outcomes[1].correction = OutcomeCorrection(correctedTo: "列入计划拟解决", correctedBy: "wangli",
                                                        date: LocalDate(year: 2019, month: 3, day: 5)!, reason: "记错")
        mine.outcomes.append(OutcomeRecord(result: "列入计划拟解决", date: LocalDate(year: 2019, month: 3, day: 5)!, recordedBy: "wangli"))
        theirs.feedback.append(Feedback(date: LocalDate(year: 2019, month: 4, day: 1)!, satisfaction: .satisfied))
        let merged = merge(base, mine, theirs).value
        #expect(merged.outcomes == mine.outcomes)
        #expect(merged.feedback == theirs.feedback)
        // The other way round too.
        #expect(merge(base, theirs, mine).value.outcomes == mine.outcomes)
    }

    @Test func theSameOutcomeCorrectedDifferentlyOnBothSidesKeepsBothMarks() {
        let base = Fixtures.fullCase()
        var mine = base, theirs = base
        let day = LocalDate(year: 2019, month: 3, day: 5)!
        mine.outcomes[1].correction = OutcomeCorrection(correctedTo: "列入计划拟解决", correctedBy: "wangli", date: day, reason: "记错")
        theirs.outcomes[1].correction = OutcomeCorrection(correctedTo: "解决或采纳", correctedBy: "lihua", date: day, reason: "误选")
        let merged = merge(base, mine, theirs).value
        #expect(merged.outcomes.compactMap(\.correction?.correctedBy) == ["wangli", "lihua"])
        #expect(merged.outcomes.count == base.outcomes.count + 1)
    }

    @Test func equalJournalLinesOneSideWroteInOneSecondAreBothKept() {
        let base = Fixtures.fullCase()
        var mine = base, theirs = base
        mine.journal += [entry("2026-12-01T09:00:00+08:00", "wangli", "面商"), entry("2026-12-01T09:00:00+08:00", "wangli", "面商")]
        theirs.journal.append(entry("2026-12-01T10:00:00+08:00", "lihua", "改开头"))
        let merged = merge(base, mine, theirs).value
        #expect(merged.journal.filter { $0.text == "面商" }.count == 2)
        // Reached both sides by different routes (no base has it): once.
        var other = base
        other.journal.append(entry("2026-12-01T09:00:00+08:00", "wangli", "面商"))
        #expect(merge(base, other, other).value.journal.filter { $0.text == "面商" }.count == 1)
        var third = other
        third.journal.append(entry("2026-12-01T11:00:00+08:00", "lihua", "签收"))
        #expect(merge(base, other, third).value.journal.filter { $0.text == "面商" }.count == 1)
    }

    @Test func sectionsAddedOnOneSideAndEditedOnTheOtherAreBothKept() {
        let base = Fixtures.fullCase()
        var mine = base, theirs = base
        mine.reply.sections[0].text = "我改的第一部分"
        theirs.reply.sections.append(ReplySection(heading: "他加的", text: "新的"))
        let merged = merge(base, mine, theirs)
        #expect(merged.value.reply.sections.map(\.heading) == ["规范居委会功能，推进社区减负", "挖掘特色优势", "他加的"])
        #expect(merged.value.reply.sections[0].text == "我改的第一部分" && merged.conflicts.isEmpty)
        // Both added a different section at the end: both kept, mine first.
        mine.reply.sections.append(ReplySection(heading: "我加的", text: "我的"))
        let both = merge(base, mine, theirs).value.reply.sections.map(\.heading)
        #expect(both.suffix(2) == ["我加的", "他加的"])
        // The same section added on both sides comes out once.
        #expect(merge(base, theirs, theirs).value.reply.sections.count == 3)
    }

    @Test func aSectionDeletedOrInsertedInTheMiddleLeavesTheLaterSectionsMatched() {
        var base = Fixtures.fullCase()
        base.reply.sections.append(ReplySection(heading: "第三部分", text: "三"))
        var mine = base, theirs = base
        mine.reply.sections.remove(at: 1)
        theirs.reply.sections[2].text = "他改的第三部分"
        var merged = merge(base, mine, theirs)
        #expect(merged.value.reply.sections.map(\.heading) == ["规范居委会功能，推进社区减负", "第三部分"])
        #expect(merged.value.reply.sections[1].text == "他改的第三部分" && merged.conflicts.isEmpty)
        // A section inserted in the middle stays there; the edit lands on the section it was made to.
        mine = base
        mine.reply.sections.insert(ReplySection(heading: "我插入的", text: "新"), at: 1)
        merged = merge(base, mine, theirs)
        #expect(merged.value.reply.sections.map(\.heading) == ["规范居委会功能，推进社区减负", "我插入的", "挖掘特色优势", "第三部分"])
        #expect(merged.value.reply.sections[3].text == "他改的第三部分" && merged.conflicts.isEmpty)
        // A heading rewritten on one side and the same section's text on the other: one section with both.
        mine = base
        mine.reply.sections[2].heading = "我改的标题"
        merged = merge(base, mine, theirs)
        #expect(merged.value.reply.sections.count == 3 && merged.conflicts.isEmpty)
        #expect(merged.value.reply.sections[2].heading == "我改的标题" && merged.value.reply.sections[2].text == "他改的第三部分")
    }

    @Test func aDeletedSectionIsDroppedUnlessTheOtherSideChangedIt() {
        let base = Fixtures.fullCase()
        var mine = base, theirs = base
        mine.reply.sections.removeLast()
        theirs.reply.opening = "他改的开头"
        theirs.reply.sections[0].level = 2
        #expect(merge(base, mine, theirs).value.reply.sections.map(\.level) == [2])
        theirs.reply.sections[1].text = "他补写的第二部分"
        let kept = merge(base, mine, theirs).value.reply.sections
        #expect(kept.map(\.text) == ["一是……。二是……。", "他补写的第二部分"])
    }

    @Test func withoutABaseTheSameCaseAddedTwiceMergesByValue() {
        var mine = Fixtures.fullCase(), theirs = Fixtures.fullCase()
        #expect(merge(nil, mine, theirs).conflicts.isEmpty)
        mine.title = "甲"
        theirs.title = "乙"
        theirs.jointSigners.append("王五")
        let merged = merge(nil, mine, theirs)
        #expect(merged.conflicts.map(\.field) == ["标题"] && merged.value.title == "甲" && merged.value.jointSigners.contains("王五"))
    }

    @Test func theMergedCaseIsAValidCaseFile() throws {
        let base = Fixtures.fullCase()
        var mine = base, theirs = base
        mine.withdrawal = Withdrawal(date: LocalDate(year: 2018, month: 4, day: 1)!, reason: "书面撤回", recordedBy: "wangli")
        theirs.withdrawal = Withdrawal(date: LocalDate(year: 2018, month: 4, day: 2)!, reason: "另一理由", recordedBy: "lihua")
        mine.reply.opening = "甲\n乙"
        theirs.reply.opening = "丙"
        let merged = merge(base, mine, theirs)
        let decoded = try CaseFileDecoder(vocabulary: configuration.vocabulary).decode(Array(CaseFileEncoder.encode(merged.value).utf8), path: "m.yaml")
        #expect(decoded == merged.value)
        #expect(merged.conflicts.first?.theirs == "日期：2018-04-02\n理由：另一理由\n登记人：lihua")
    }

    @Test func everyFieldReadsBackItsOwnText() throws {
        var c = Fixtures.fullCase()
        c.mergedInto = CaseID("zx5-2-001")
        c.withdrawal = Withdrawal(date: LocalDate(year: 2018, month: 4, day: 1)!, reason: "书面撤回", recordedBy: "wangli")
        c.reply.sections[1].runIn = true
        for field in MergeField.all(sections: c.reply.sections.count) {
            var copy = c
            try field.set(field.text(c), in: &copy, vocabulary: configuration.vocabulary)
            #expect(copy == c, "\(field.path)")
        }
        var cleared = c
        try MergeField.named("撤案", in: c)!.set("", in: &cleared, vocabulary: configuration.vocabulary)
        #expect(cleared.withdrawal == nil)
    }

    // MARK: resolving

    func conflicted() -> Case {
        let base = Fixtures.fullCase()
        var mine = base, theirs = base
        mine.reply.sections[1].text = "我写的"
        mine.journal.append(entry("2026-12-01T09:00:00+08:00", "wangli", "改"))
        theirs.reply.sections[1].text = "他写的"
        // Open states on both sides: a reply locked by its state is not resolved by text (CaseMergeConsistencyTests).
        theirs.status = "办理中"
        mine.status = "待审核"
        theirs.journal.append(entry("2026-12-01T10:00:00+08:00", "lihua", "改"))
        return merge(base, mine, theirs).value
    }

    var handling: CaseHandling { CaseHandling(configuration: configuration, user: "wangli", clock: .fixed(LocalDate(year: 2026, month: 12, day: 7)!)) }

    @Test func resolvingTakesTheChosenVersionAndRemovesTheRecord() throws {
        let c = conflicted()
        #expect(c.conflicts.map(\.field) == ["状态", "答复.正文.2.内容"])
        let theirs = try handling.resolve(c, field: "答复.正文.2.内容", choosing: .theirs)
        #expect(theirs.value.reply.sections[1].text == "他写的" && theirs.value.conflicts.map(\.field) == ["状态"])
        #expect(theirs.entry.text == "解决冲突：答复.正文.2.内容（采用 lihua 的版本）")
        let mine = try handling.resolve(c, choosing: .mine)
        #expect(mine.value.status == "待审核" && mine.entry.text == "解决冲突：状态（采用 wangli 的版本）")
        let written = try handling.resolve(c, field: "答复.正文.2.内容", choosing: .text("我写的\n他写的"))
        #expect(written.value.reply.sections[1].text == "我写的\n他写的" && written.entry.text.hasSuffix("（改写）"))
    }

    @Test func resolvingRefusesWhatTheCaseFileWouldRefuse() throws {
        let c = conflicted()
        #expect(throws: HandlingError.conflictText(.invalid(field: "状态", why: "未知状态“胡写”（可选：\(configuration.vocabulary.statuses.joined(separator: "、"))）"))) {
            try handling.resolve(c, field: "状态", choosing: .text("胡写"))
        }
        #expect(throws: HandlingError.noConflict(field: "标题", recorded: ["状态", "答复.正文.2.内容"])) {
            try handling.resolve(c, field: "标题", choosing: .mine)
        }
        #expect(throws: HandlingError.noConflicts) { try handling.resolve(Fixtures.fullCase(), choosing: .mine) }
        // A section removed since the merge: only "keep as it is" resolves it.
        var gone = c
        gone.reply.sections.removeLast()
        #expect(throws: HandlingError.conflictText(.unknownField("答复.正文.2.内容"))) {
            try handling.resolve(gone, field: "答复.正文.2.内容", choosing: .theirs)
        }
        #expect(try handling.resolve(gone, field: "答复.正文.2.内容", choosing: .mine).value.conflicts.count == 1)
    }

    @Test func keepingMineKeepsAChangeMadeSinceTheMerge() throws {
        var c = conflicted()
        // The status moved again after the merge, before anyone resolved the conflict on it.
        #expect(c.conflicts.first?.mine == "待审核")
        c.status = "退回"
        #expect(c.openConflicts.first?.mine == "退回" && c.openConflicts.first?.mineUser == "")
        let kept = try handling.resolve(c, field: "状态", choosing: .mine)
        #expect(kept.value.status == "退回" && kept.entry.text == "解决冲突：状态（保留现有版本）")
    }

    @Test func aOneLineFieldRefusesALineBreak() throws {
        var c = conflicted()
        c.conflicts.append(FieldConflict(field: "期限说明", mine: "延期二", theirs: "延期一", time: "2026-12-07T20:30:00+08:00"))
        #expect(throws: HandlingError.conflictText(.invalid(field: "期限说明", why: "只能写一行，请删去换行"))) {
            try handling.resolve(c, field: "期限说明", choosing: .text("延期二\n延期一"))
        }
        #expect(try handling.resolve(c, field: "期限说明", choosing: .text("延期一、二")).value.deadlineNote == "延期一、二")
    }

    @Test func aStatusIsResolvedOnlyToOneOfTheTwoVersions() throws {
        let c = conflicted()
        #expect(throws: HandlingError.conflictText(.invalid(field: "状态", why: "只能采用两个版本之一；要改为其他状态，先解决冲突，再按工作流转（m 或 banli move）"))) {
            try handling.resolve(c, field: "状态", choosing: .text("已签发"))
        }
        #expect(try handling.resolve(c, field: "状态", choosing: .text("办理中")).value.status == "办理中")
    }
}
