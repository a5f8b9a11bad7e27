/// How a handling result recorded by mistake was corrected （更正）: to what, by whom, when and why.
/// The mistaken record keeps it, so the history shows both and the correction can be traced; it is
/// a reversing entry, not a follow-up (跟踪办理, which records a result that really changed).
public struct OutcomeCorrection: Hashable, Sendable {
    /// The result the mistaken one was corrected to (the record that follows it).
    public var correctedTo: String
    /// The OS user who corrected it.
    public var correctedBy: String
    public var date: LocalDate
    public var reason: String

    public init(correctedTo: String, correctedBy: String, date: LocalDate, reason: String) {
        self.correctedTo = correctedTo
        self.correctedBy = correctedBy
        self.date = date
        self.reason = reason
    }
}
