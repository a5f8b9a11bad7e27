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
    /// How many days after today a 面商 or feedback may be dated (0: not after today). Such records
    /// are written up after the event, so a later date is a typing mistake unless a place allows it.
    public var recordDaysAhead: Int
    /// How many days before 交办 a 面商 or feedback may be dated (0: not before 交办), for places
    /// that count a consultation held just before the formal assignment.
    public var recordDaysBeforeAssigned: Int

    /// The reply deadline for a case assigned on `date` in the given role.
    public func replyDeadline(assignedOn date: LocalDate, role: HandlingRole) -> LocalDate {
        role == .coHandler ? date.adding(months: coHandlerOpinionMonths) : date.adding(months: replyMonths)
    }

    /// The last day on which a 退回/改办 request may be made for a case assigned on `date`.
    public func returnRequestDeadline(assignedOn date: LocalDate) -> LocalDate { date.adding(days: returnRequestDays) }

    /// The deadline of a second reply （二次答复） after 不满意 feedback received on `date`.
    public func secondReplyDeadline(feedbackOn date: LocalDate) -> LocalDate { date.adding(months: secondReplyMonths) }

    /// The days a 面商 or feedback on a case assigned on `assignedOn` may carry, on `today`.
    public func recordDates(assignedOn: LocalDate, today: LocalDate) -> ClosedRange<LocalDate> {
        let earliest = assignedOn.adding(days: -recordDaysBeforeAssigned), latest = today.adding(days: recordDaysAhead)
        return earliest...max(earliest, latest)
    }

    /// The day by which feedback on a reply sent on `date` is expected.
    public func feedbackExpected(repliedOn date: LocalDate) -> LocalDate { date.adding(days: feedbackDays) }
}
