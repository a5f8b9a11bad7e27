/// A case as read from the store, with the revision of the bytes it came from.
public struct StoredCase: Sendable {
    public var value: Case
    public var revision: Revision
    public var path: String

    public init(value: Case, revision: Revision, path: String) {
        self.value = value
        self.revision = revision
        self.path = path
    }
}

/// What opening a store found: the valid cases' header fields, sorted by ID, and a problem for
/// every file that could not be read.
public struct StoreListing: Sendable {
    public var summaries: [CaseSummary]
    public var problems: [DataFileError]
    /// How many case files were parsed rather than taken from the index.
    public var parsedCount: Int

    public init(summaries: [CaseSummary], problems: [DataFileError], parsedCount: Int) {
        self.summaries = summaries
        self.problems = problems
        self.parsedCount = parsedCount
    }
}
