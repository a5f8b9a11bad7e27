/// A case as read from the store, with the revision of the bytes it came from.
public struct StoredCase: Sendable {
    public var value: Case
    public var revision: Revision
    public var path: String
    /// After a save: the lines of the comments a person had written into the file it replaced,
    /// which banli's file does not keep (see `CaseFileComments`); empty otherwise.
    public var droppedComments: [Int]
    /// After a save whose undo step could not be written: why, and that the change cannot be undone
    /// (`…/.banli/undo: 没有权限，本次更改无法撤销`, from `CaseStore.recordUndoStep`); nil otherwise.
    public var undoNote: String?

    public init(value: Case, revision: Revision, path: String, droppedComments: [Int] = [], undoNote: String? = nil) {
        self.value = value
        self.revision = revision
        self.path = path
        self.droppedComments = droppedComments
        self.undoNote = undoNote
    }

    /// What a save message adds when the save dropped comments (`已删除文件中的注释（第3、7行）`), or nil.
    public var droppedCommentsNote: String? {
        droppedComments.isEmpty ? nil
            : "已删除文件中的注释（第\(droppedComments.map(String.init).joined(separator: "、"))行；banli 不保留注释）"
    }

    /// What a save message adds after saying what was saved, in order: the dropped comments, the
    /// undo step that could not be kept.
    public var saveNotes: [String] { [droppedCommentsNote, undoNote].compactMap { $0 } }
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
