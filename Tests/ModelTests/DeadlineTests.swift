import Testing
@testable import Model
import TestSupport

@Suite struct DeadlineTests {
    let configuration = HandlingFixture.configuration
    var rules: DeadlineRules { configuration.deadlines }

    func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }

    @Test func deadlinesFollowTheConfiguredRules() {
        #expect(rules.replyDeadline(assignedOn: day("2026-03-06"), role: .lead) == day("2026-06-06"))
        #expect(rules.replyDeadline(assignedOn: day("2026-03-06"), role: .coHandler) == day("2026-04-06"))
        // Month ends clamp: 11-30 plus three months is the last day of February.
        #expect(rules.replyDeadline(assignedOn: day("2026-11-30"), role: .sole) == day("2027-02-28"))
        #expect(rules.returnRequestDeadline(assignedOn: day("2026-03-06")) == day("2026-03-16"))
        #expect(rules.secondReplyDeadline(feedbackOn: day("2026-12-31")) == day("2027-02-28"))
        #expect(rules.feedbackExpected(repliedOn: day("2026-05-20")) == day("2026-06-19"))
    }

    /// A case in `status` assigned on `assigned`, due on `deadline`.
    func c(_ number: String, _ status: String, assigned: String = "2026-03-06", deadline: String) -> Case {
        Case(kind: .proposal, meeting: Meeting(term: 6, session: 5), number: number, title: "案件\(number)", leadProposer: "甲",
             assignedOn: day(assigned), deadline: day(deadline), status: status)
    }

    @Test func theDueListFlagsWhatNeedsAttentionOnTheDay() {
        let today = day("2026-06-06")
        var replied = c("006", "已答复", deadline: "2026-06-06")
        replied.reply.date = day("2026-05-07")               // 30 days ago: feedback now expected
        var answeredEarlier = c("007", "已答复", deadline: "2026-06-06")
        answeredEarlier.reply.date = day("2026-05-08")       // 29 days ago: not yet
        var reopenedAndAnsweredAgain = c("008", "已答复", deadline: "2026-06-06")
        reopenedAndAnsweredAgain.reply.date = day("2026-05-01")
        reopenedAndAnsweredAgain.feedback = [Feedback(date: day("2026-04-01"), satisfaction: .dissatisfied)]
        var answeredWithFeedback = c("009", "已答复", deadline: "2026-06-06")
        answeredWithFeedback.reply.date = day("2026-05-01")
        answeredWithFeedback.feedback = [Feedback(date: day("2026-05-10"), satisfaction: .satisfied)]
        let cases = [
            c("001", "办理中", deadline: "2026-06-06"),          // exactly on its deadline: due today, not overdue
            c("002", "办理中", deadline: "2026-06-05"),          // a day late
            c("003", "待审核", deadline: "2026-06-13"),          // 7 days: inside the warning window
            c("004", "办理中", deadline: "2026-06-14"),          // 8 days: outside it
            c("005", "已办结", deadline: "2026-05-01"),          // closed: never flagged
            c("010", "待签收", assigned: "2026-05-27", deadline: "2026-08-27"),  // return window ends today
            c("011", "待签收", assigned: "2026-06-01", deadline: "2026-09-01"),  // ends in 5 days
            c("012", "待签收", assigned: "2026-05-20", deadline: "2026-08-20"),  // ended 7 days ago
            c("013", "待签收", assigned: "2026-06-05", deadline: "2026-09-05"),  // ends in 9 days: not yet
            c("014", "待签收", assigned: "2026-05-20", deadline: "2026-06-05"),  // two reasons: one entry, both named
            replied, answeredEarlier, reopenedAndAnsweredAgain, answeredWithFeedback,
        ]
        let items = Attention.items(in: cases, on: today, configuration: configuration)
        let shown = items.map { "\($0.id.number) \($0.dueOn) \($0.label)" }
        let expected = [
            "012 2026-05-30 ！退回/改办申请期限已过7天，尚未签收",
            "014 2026-05-30 ！退回/改办申请期限已过7天，尚未签收；！逾期1天",
            "008 2026-05-31 答复后36天未收到反馈",
            "002 2026-06-05 ！逾期1天",
            "001 2026-06-06 ！今天到期",
            "006 2026-06-06 答复后30天未收到反馈",
            "010 2026-06-06 ！退回/改办申请今天截止",
            "011 2026-06-11 退回/改办申请剩5天",
            "003 2026-06-13 ！剩7天",
        ]
        #expect(shown == expected, "\(shown)")
        #expect(items.first { $0.id.number == "001" }?.reasons == [.dueSoon(daysLeft: 0)])
        #expect(!items.contains { $0.reasons.contains(.overdue(days: 0)) })
        // A wider window takes in the case due in 8 days.
        #expect(Attention.items(in: cases, on: today, configuration: configuration, warnDays: 8).contains { $0.id.number == "004" })
    }
}
