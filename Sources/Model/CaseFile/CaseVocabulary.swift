/// The configured words a case file's fields must come from. A case whose status or outcome is not
/// among them is reported as malformed rather than shown with a value nothing else understands.
public struct CaseVocabulary: Hashable, Sendable {
    public var statuses: [String]
    public var outcomes: [String]
    public var disclosures: [String]

    public init(statuses: [String], outcomes: [String], disclosures: [String]) {
        self.statuses = statuses
        self.outcomes = outcomes
        self.disclosures = disclosures
    }
}
