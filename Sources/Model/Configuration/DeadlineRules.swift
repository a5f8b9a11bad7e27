/// The time limits for handling a case; they differ by place, so all of them are settings.
public struct DeadlineRules: Hashable, Sendable {
    public var replyMonths: Int
    public var difficultReplyMonths: Int
    public var returnRequestDays: Int
    public var coHandlerOpinionMonths: Int
    public var preMeetingWorkingDays: Int
    public var secondReplyMonths: Int
    /// Cases due within this many days are flagged.
    public var warnDays: Int
    /// A reply without feedback this many days after it went out is flagged.
    public var feedbackDays: Int

    /// The reply deadline for a case assigned on `date` in the given role.
    public func replyDeadline(assignedOn date: LocalDate, role: HandlingRole) -> LocalDate {
        role == .coHandler ? date.adding(months: coHandlerOpinionMonths) : date.adding(months: replyMonths)
    }

    /// The last day on which a 退回/改办 request may be made for a case assigned on `date`.
    public func returnRequestDeadline(assignedOn date: LocalDate) -> LocalDate { date.adding(days: returnRequestDays) }

    /// The deadline of a second reply （二次答复） after 不满意 feedback received on `date`.
    public func secondReplyDeadline(feedbackOn date: LocalDate) -> LocalDate { date.adding(months: secondReplyMonths) }

    /// The day by which feedback on a reply sent on `date` is expected.
    public func feedbackExpected(repliedOn date: LocalDate) -> LocalDate { date.adding(days: feedbackDays) }
}
