/// One change banli saved to a case, kept so that it can be undone （撤销）: the case as it was
/// before, and the revision of the file the change wrote. It applies only while the case file is
/// still that version, so an undo never overwrites what someone (or something) did since.
public struct UndoStep: Hashable, Sendable {
    /// The case as it was before the change.
    public var before: Case
    /// The revision of the case file the change wrote.
    public var applies: Revision
    /// Where the step is kept: `.banli/undo/zx5-2-090.3.yaml`.
    public var path: String

    public init(before: Case, applies: Revision, path: String) {
        self.before = before
        self.applies = applies
        self.path = path
    }

    /// The journal entry the change appended, found in the case as it is now (`current`): the first
    /// entry after the ones the case had before. Nil when the journal no longer reaches that far.
    public func entry(in current: Case) -> JournalEntry? {
        current.journal.indices.contains(before.journal.count) ? current.journal[before.journal.count] : nil
    }
}
