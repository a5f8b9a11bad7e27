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

    /// The reply deadline for a case assigned on `date` in the given role.
    public func replyDeadline(assignedOn date: LocalDate, role: HandlingRole) -> LocalDate {
        role == .coHandler ? date.adding(months: coHandlerOpinionMonths) : date.adding(months: replyMonths)
    }
}
