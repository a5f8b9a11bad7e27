/// 撤案： the proposer withdrew the case in writing before it was answered. The office records the
/// day, the proposer's reason and who recorded it; the case is then no longer open, whatever its
/// status (no deadline, not due, not counted as unanswered), and keeps everything else it holds.
public struct Withdrawal: Hashable, Sendable {
    /// The day the withdrawal was received (`日期`).
    public var date: LocalDate
    /// The proposer's reason, as given (`理由`).
    public var reason: String
    /// Who recorded it (`登记人`, a user name).
    public var recordedBy: String

    public init(date: LocalDate, reason: String, recordedBy: String) {
        self.date = date
        self.reason = reason
        self.recordedBy = recordedBy
    }
}
