import Foundation
import Testing
@testable import Model
import TestSupport

/// A case and a handler on a fixed day, for the handling tests.
struct HandlingFixture {
    static let configuration = try! Fixtures.configuration()
    static let today = LocalDate(year: 2026, month: 5, day: 20)!
    static let handling = CaseHandling(configuration: configuration, user: "wangli", clock: .fixed(today))

    /// A lead case assigned on 2026-03-06 in `status`, with a complete reply, a 办理结果 and a sign-off
    /// and one 面商 — everything any state requires, so only the workflow decides.
    static func complete(in status: String) -> Case {
        var c = Case(kind: .suggestion, meeting: Meeting(term: 7, session: 5), number: "019", title: "关于增加养老床位的建议",
                     leadProposer: "倪建荣", assignedOn: LocalDate(year: 2026, month: 3, day: 6)!,
                     deadline: LocalDate(year: 2026, month: 6, day: 6)!, status: status,
                     journal: [JournalEntry(time: "2026-03-06T14:20:00+08:00", user: "zhaomin", text: "新建案件")])
        c.reply = Reply.started(for: c, configuration: configuration, today: today)
        c.reply.sections = [ReplySection(heading: "加快床位建设", text: "一是……。")]
        c.outcomes = [OutcomeRecord(result: "留作参考", date: today, recordedBy: "zhaomin")]
        c.signOff = SignOff(signer: "顾卫东", date: today)
        c.contacts = [ContactEntry(date: LocalDate(year: 2026, month: 4, day: 16)!, method: .phone, people: "倪建荣代表", summary: "听取意见")]
        return c
    }

    /// A step that must be refused with exactly `message`.
    static func expectRefused(_ message: String, sourceLocation: SourceLocation = #_sourceLocation,
                              _ step: () throws(HandlingError) -> Handled) {
        do {
            _ = try step()
            Issue.record("expected “\(message)”", sourceLocation: sourceLocation)
        } catch {
            #expect(error.description == message, sourceLocation: sourceLocation)
        }
    }
}

@Suite struct WorkflowTransitionTests {
    let handling = HandlingFixture.handling

    /// The default configuration's moves, written out here rather than read from it, so a change to
    /// config/banli.yaml that alters the workflow fails this test.
    static let allowed: [String: [String]] = [
        "待签收": ["办理中", "退回"], "办理中": ["待审核", "退回"], "待审核": ["办理中", "已签发"], "已签发": ["已答复"],
        "已答复": ["已办结", "办理中"], "已办结": ["办理中"], "退回": ["待签收"],
    ]
    static let states = ["待签收", "办理中", "待审核", "已签发", "已答复", "已办结", "退回"]
    /// What a refusal names: the moves that would be taken, a move freeing a signed reply named as
    /// the step that does it.
    static let offered = allowed.merging(["已签发": ["已答复", "撤回签发"], "已答复": ["已办结", "更正答复"], "已办结": ["更正答复"]]) { $1 }

    @Test(arguments: states, states)
    func everyMoveIsAllowedOrRefusedWithItsMessage(from: String, to: String) throws {
        let c = HandlingFixture.complete(in: from)
        let allowed = Self.allowed[from]!
        if from == to {
            HandlingFixture.expectRefused("状态已是“\(to)”，未作更改") { () throws(HandlingError) in try handling.move(c, to: to) }
        } else if !allowed.contains(to) {
            HandlingFixture.expectRefused("不能从“\(from)”转为“\(to)”（“\(from)”只能转为：\(Self.offered[from]!.joined(separator: "、"))）") {
                () throws(HandlingError) in try handling.move(c, to: to, reason: "理由")
            }
        } else if to == "已签发" {
            HandlingFixture.expectRefused("转为“已签发”须经签发，登记签发人") { () throws(HandlingError) in try handling.move(c, to: to) }
            let signed = try handling.signOff(c, signer: "顾卫东")
            #expect(signed.value.status == "已签发" && signed.entry.text == "签发（签发人：顾卫东）；状态：待审核 → 已签发")
        } else if ["已签发", "已答复", "已办结"].contains(from) && !["已签发", "已答复", "已办结"].contains(to) {
            // Only 不满意 feedback and 更正答复 take a sent reply back; a plain move would leave its sign-off on an editable reply.
            HandlingFixture.expectRefused("不能从“\(from)”直接转为“\(to)”：答复已签发，只读，须经“更正答复”并写明原因") {
                () throws(HandlingError) in try handling.move(c, to: to)
            }
        } else if to == "退回" {
            HandlingFixture.expectRefused("转为“退回”须写明理由") { () throws(HandlingError) in try handling.move(c, to: to, reason: "  ") }
            let returned = try handling.move(c, to: to, reason: "不属本单位职能")
            #expect(returned.value.status == "退回" && returned.value.returnReason == "不属本单位职能")
            #expect(returned.entry.text == "状态：\(from) → 退回（理由：不属本单位职能）")
        } else {
            let moved = try handling.move(c, to: to)
            #expect(moved.value.status == to && moved.entry.text == "状态：\(from) → \(to)")
            #expect(moved.value.journal.dropLast() == c.journal[...] && moved.entry.user == "wangli")
        }
    }

    @Test func unknownStatesAreNamedWithTheChoices() {
        HandlingFixture.expectRefused("未知状态“飞了”（可选：待签收、办理中、待审核、已签发、已答复、已办结、退回）") {
            () throws(HandlingError) in try handling.move(HandlingFixture.complete(in: "办理中"), to: "飞了")
        }
    }

    @Test func signingOffNeedsAnOutcomeAndTheRequiredReplyParts() throws {
        var c = HandlingFixture.complete(in: "待审核")
        c.outcomes = []
        c.reply.sections = []
        c.reply.closing = " "
        HandlingFixture.expectRefused("不能转为“已签发”：缺少 第一部分、结尾、办理结果") { () throws(HandlingError) in
            try handling.signOff(c, signer: "顾卫东")
        }
        HandlingFixture.expectRefused("签发须写明签发人") { () throws(HandlingError) in try handling.signOff(c, signer: " ") }
        // A co-handler's opinion goes to the lead unit: no numbered section or result is needed.
        c.role = .coHandler
        c.reply.closing = "以上供你单位答复代表时参考。"
        #expect(try handling.signOff(c, signer: "顾卫东").value.status == "已签发")
    }

    @Test func signingOffWithNoContactOnRecordWarns() throws {
        var c = HandlingFixture.complete(in: "待审核")
        #expect(try handling.signOff(c, signer: "顾卫东").warnings.isEmpty)
        c.contacts = []
        let signed = try handling.signOff(c, signer: "顾卫东")
        #expect(signed.warnings == [.noContactOnRecord] && signed.value.signOff == SignOff(signer: "顾卫东", date: HandlingFixture.today))
        #expect(signed.warnings[0].description == "尚无面商记录：答复签发前通常应与提出人面商或沟通")
    }

    @Test func aReplyGoesOutOnlyOnceSigned() {
        var c = HandlingFixture.complete(in: "已签发")
        c.signOff = nil
        HandlingFixture.expectRefused("不能转为“已答复”：缺少 签发人") { () throws(HandlingError) in try handling.move(c, to: "已答复") }
    }

    @Test func reviewSendsBackWithAComment() throws {
        let c = HandlingFixture.complete(in: "待审核")
        let back = try handling.sendBack(c, comment: "第一部分请补充床位数据")
        #expect(back.value.status == "办理中" && back.entry.text == "退回修改：第一部分请补充床位数据；状态：待审核 → 办理中")
        HandlingFixture.expectRefused("退回修改须写明修改意见") { () throws(HandlingError) in try handling.sendBack(c, comment: "") }
        HandlingFixture.expectRefused("只有“待审核”的答复可以退回修改（当前状态为“办理中”）") { () throws(HandlingError) in
            try handling.sendBack(back.value, comment: "再改")
        }
    }

    @Test func severalCasesMoveTogetherOrNotAtAll() throws {
        let cases = ["待签收", "待签收"].map(HandlingFixture.complete(in:)).enumerated().map { i, c in
            var c = c
            c.number = "00\(i + 1)"
            return c
        }
        let moved = try handling.applying({ c throws(HandlingError) in try handling.move(c, to: "办理中") }, to: cases)
        #expect(moved.map(\.value.status) == ["办理中", "办理中"])
        var mixed = cases
        mixed[1].status = "已办结"
        do {
            _ = try handling.applying({ c throws(HandlingError) in try handling.move(c, to: "待审核") }, to: mixed)
            Issue.record("expected a refusal")
        } catch {
            #expect(error.refusals.count == 2)
            #expect(error.description == "2件中有2件不能办理，均未更改：rd7-5-001：不能从“待签收”转为“待审核”（“待签收”只能转为：办理中、退回）；"
                + "rd7-5-002：不能从“已办结”转为“待审核”（“已办结”只能转为：更正答复）")
        }
    }
}

@Suite struct OutcomeAndRecordTests {
    let handling = HandlingFixture.handling

    @Test func anOutcomeIsFollowedUpAndBothResultsAreKept() throws {
        var c = HandlingFixture.complete(in: "办理中")
        c.outcomes = []
        HandlingFixture.expectRefused("尚无办理结果，不能跟踪办理") { () throws(HandlingError) in
            try handling.followUp(c, to: "解决或采纳", note: "已完成")
        }
        HandlingFixture.expectRefused("未知办理结果“A类”（可选：解决或采纳、列入计划拟解决、留作参考）") { () throws(HandlingError) in
            try handling.recordOutcome(c, "A类")
        }
        let first = try handling.setOutcome(c, "列入计划拟解决")
        #expect(first.entry.text == "办理结果：列入计划拟解决")
        HandlingFixture.expectRefused("已有办理结果“列入计划拟解决”，更改须作为跟踪办理并写明说明") { () throws(HandlingError) in
            try handling.recordOutcome(first.value, "解决或采纳")
        }
        HandlingFixture.expectRefused("跟踪办理须写明说明") { () throws(HandlingError) in
            try handling.setOutcome(first.value, "解决或采纳")
        }
        HandlingFixture.expectRefused("办理结果已是“列入计划拟解决”，未作更改") { () throws(HandlingError) in
            try handling.followUp(first.value, to: "列入计划拟解决", note: "x")
        }
        let later = CaseHandling(configuration: HandlingFixture.configuration, user: "zhaomin",
                                 clock: .fixed(LocalDate(year: 2026, month: 12, day: 18)!))
        let followed = try later.setOutcome(first.value, "解决或采纳", note: "“回头看”：床位已建成")
        #expect(followed.entry.text == "跟踪办理，办理结果：列入计划拟解决 → 解决或采纳（“回头看”：床位已建成）")
        let v = followed.value
        #expect(v.firstOutcome == OutcomeRecord(result: "列入计划拟解决", date: HandlingFixture.today, recordedBy: "wangli"))
        #expect(v.currentOutcome == OutcomeRecord(result: "解决或采纳", date: LocalDate(year: 2026, month: 12, day: 18)!,
                                                  recordedBy: "zhaomin", note: "“回头看”：床位已建成"))
        #expect(v.summary.outcome == "解决或采纳")
    }

    @Test func dissatisfiedFeedbackReopensTheCaseForASecondReply() throws {
        let c = HandlingFixture.complete(in: "已答复")
        let feedbackDay = LocalDate(year: 2026, month: 5, day: 10)!
        let reopened = try handling.recordFeedback(c, Feedback(date: feedbackDay, satisfaction: .dissatisfied, relevance: "未针对",
                                                                            comment: "未回应床位缺口"))
        let v = reopened.value
        #expect(v.status == "办理中" && v.currentFeedback?.satisfaction == .dissatisfied)
        #expect(v.previousReplies == [EarlierReply(reply: c.reply, supersededBy: "不满意", reason: "未回应床位缺口", date: feedbackDay,
                                                   signOff: c.signOff)])
        #expect(v.reply.isEmpty && v.signOff == nil)
        // second_reply_months: 2, counted from the feedback.
        #expect(v.deadline == LocalDate(year: 2026, month: 7, day: 10)! && v.deadlineNote == "反馈不满意，二次答复期限为反馈后2个月")
        #expect(reopened.entry.text == "反馈：不满意（2026-05-10）；状态：已答复 → 办理中；原答复移入往次答复，重新办理；答复期限：2026-06-06 → 2026-07-10")
        #expect(v.outcomes == c.outcomes, "the outcome history stays")
    }

    @Test func feedbackIsRecordedOnlyOnceTheReplyHasGoneOut() throws {
        let replied = HandlingFixture.complete(in: "已答复")
        let satisfied = try handling.recordFeedback(replied, Feedback(satisfaction: .satisfied, visited: true, attitude: "满意"))
        #expect(satisfied.value.status == "已答复" && satisfied.value.currentFeedback?.date == HandlingFixture.today)
        #expect(satisfied.entry.text == "反馈：满意（2026-05-20）")
        let closed = try handling.move(satisfied.value, to: "已办结").value
        #expect(try handling.recordFeedback(closed, Feedback(satisfaction: .basicallySatisfied)).entry.text == "反馈：满意 → 基本满意（2026-05-20）")
        HandlingFixture.expectRefused("案件尚未答复（当前状态为“已签发”），不能登记反馈") { () throws(HandlingError) in
            try handling.recordFeedback(HandlingFixture.complete(in: "已签发"), Feedback(satisfaction: .satisfied))
        }
        HandlingFixture.expectRefused("反馈的工作态度“很好”无效（可选：满意、理解、不满意）") { () throws(HandlingError) in
            try handling.recordFeedback(replied, Feedback(satisfaction: .satisfied, attitude: "很好"))
        }
    }

    @Test func disclosureOtherThanActiveNeedsAReason() throws {
        let c = HandlingFixture.complete(in: "办理中")
        HandlingFixture.expectRefused("公开属性为“不予公开”时须写明理由") { () throws(HandlingError) in
            try handling.setDisclosure(c, "不予公开")
        }
        HandlingFixture.expectRefused("未知公开属性“公开”（可选：主动公开·全文、主动公开·摘要、依申请公开、不予公开）") {
            () throws(HandlingError) in try handling.setDisclosure(c, "公开")
        }
        let set = try handling.setDisclosure(c, "不予公开", reason: "涉及个人隐私")
        #expect(set.value.disclosure == Disclosure(category: "不予公开", reason: "涉及个人隐私"))
        #expect(set.entry.text == "公开属性：不予公开（理由：涉及个人隐私）")
        #expect(try handling.setDisclosure(set.value, "主动公开·摘要").entry.text == "公开属性：不予公开 → 主动公开·摘要")
    }

    @Test func contactsNeedPeopleAndSummaryAndStayInDateOrder() throws {
        let c = HandlingFixture.complete(in: "办理中")
        HandlingFixture.expectRefused("面商记录缺少 人员、摘要") { () throws(HandlingError) in
            try handling.addContact(c, ContactEntry(date: HandlingFixture.today, method: .visit, people: " ", summary: ""))
        }
        let earlier = ContactEntry(date: LocalDate(year: 2026, month: 3, day: 20)!, method: .visit, people: "倪建荣代表", summary: "登门听取意见")
        let added = try handling.addContact(c, earlier)
        #expect(added.value.contacts.map(\.date) == [earlier.date, c.contacts[0].date])
        #expect(added.entry.text == "登记面商（走访，2026-03-20）：倪建荣代表")
    }

    @Test func aDeadlineSetByHandNeedsAReasonAndMayNotPrecedeTheAssignment() throws {
        let c = HandlingFixture.complete(in: "办理中")
        let later = LocalDate(year: 2026, month: 11, day: 30)!
        HandlingFixture.expectRefused("修改答复期限须写明理由") { () throws(HandlingError) in try handling.setDeadline(c, to: later, reason: "") }
        HandlingFixture.expectRefused("答复期限 2026-03-01 早于交办日期 2026-03-06") { () throws(HandlingError) in
            try handling.setDeadline(c, to: LocalDate(year: 2026, month: 3, day: 1)!, reason: "x")
        }
        HandlingFixture.expectRefused("答复期限已是“2026-06-06”，未作更改") { () throws(HandlingError) in
            try handling.setDeadline(c, to: c.deadline!, reason: "x")
        }
        let set = try handling.setDeadline(c, to: later, reason: "经代表工委同意延期")
        #expect(set.value.deadline == later && set.value.deadlineNote == "经代表工委同意延期")
        #expect(set.entry.text == "答复期限：2026-06-06 → 2026-11-30（理由：经代表工委同意延期）")
    }
}

@Suite struct JournalTests {
    let handling = HandlingFixture.handling

    @Test func everyStepAppendsOneEntryAndKeepsTheRest() throws {
        var c = HandlingFixture.complete(in: "待签收")
        c.outcomes = []
        c.signOff = nil
        // Plain `throws`: an array literal of typed-throws closures crashes the Swift 6.3 compiler.
        let steps: [(Case) throws -> Handled] = [
            { c in try handling.move(c, to: "办理中") },
            { c in try handling.addContact(c, ContactEntry(date: HandlingFixture.today, method: .phone, people: "倪建荣", summary: "沟通")) },
            { c in try handling.recordOutcome(c, "列入计划拟解决") },
            { c in try handling.move(c, to: "待审核") },
            { c in try handling.signOff(c, signer: "顾卫东") },
            { c in try handling.move(c, to: "已答复") },
            { c in try handling.recordFeedback(c, Feedback(satisfaction: .satisfied)) },
            { c in try handling.move(c, to: "已办结") },
            { c in try handling.followUp(c, to: "解决或采纳", note: "已建成") },
        ]
        let store = try CaseStore.create(at: Fixtures.temporaryDirectory() + "/store", vocabulary: HandlingFixture.configuration.vocabulary)
        var stored = try store.create(c)
        for step in steps {
            let before = stored.value.journal
            let result = try step(stored.value)
            #expect(result.value.journal.count == before.count + 1 && result.value.journal.starts(with: before))
            #expect(result.value.journal.last == result.entry && result.entry.time == "2026-05-20T09:00:00+08:00")
            stored = try store.save(result.value, replacing: stored.revision)
        }
        #expect(try store.load(c.id).value.journal.count == c.journal.count + steps.count)
        // A refused step changes nothing: the value is the caller's, untouched.
        #expect(throws: HandlingError.self) { try handling.move(stored.value, to: "待签收") }
        #expect(try store.load(c.id).value == stored.value)
    }

    @Test func editsAreJournalledWithOldAndNewValues() throws {
        let old = HandlingFixture.complete(in: "办理中")
        #expect(try handling.recordEdit(from: old, to: old) == nil)
        var new = old
        new.title = "关于增加西部地区养老床位的建议"
        new.handler = "zhaomin"
        new.reply.opening += "补充。"
        new.text = "正文"
        let edit = try #require(try handling.recordEdit(from: old, to: new))
        #expect(edit.entry.text == "标题：关于增加养老床位的建议 → 关于增加西部地区养老床位的建议；经办人：zhaomin；修改提案正文；修改答复：开头")
        #expect(edit.value.journal.dropLast() == old.journal[...])
    }
}
