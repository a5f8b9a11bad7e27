import Model

/// A reply to be written as a file, as the export dialog asks for it (`Effect.export`): the case as
/// it is to be printed (the reply form's text, saved or not), the format, whether it is a draft, and
/// the path as typed.
public struct ExportJob: Equatable, Sendable {
    public var value: Case
    public var format: ExportFormat
    /// Export an incomplete reply, marked 草稿 (`ReplyDocument.file(as:draft:pdf:)`).
    public var draft: Bool
    /// The path as typed: `~` and a relative path are resolved by `Workspace.resolve`.
    public var path: String
    /// The user said an existing file may be replaced.
    public var overwrite: Bool

    public init(value: Case, format: ExportFormat, draft: Bool, path: String, overwrite: Bool) {
        self.value = value
        self.format = format
        self.draft = draft
        self.path = path
        self.overwrite = overwrite
    }

    /// Why the file was not written; each description is one line naming the path or the case.
    public enum Problem: Error, Sendable, CustomStringConvertible {
        /// The path breaks a rule of `OutputFile` (in the store, there already, a directory…).
        case refused(OutputFile.Refusal)
        /// The document could not be made: incomplete and no draft, no LibreOffice for a PDF…
        case document(ReplyDocument.ExportFailure)
        /// The directory could not be looked up, or the disk refused the write (a `StoreError`
        /// naming the path).
        case notWritten(any Error)

        public var description: String {
            switch self {
            case .refused(let refusal): return refusal.reasonFirst
            case .document(let failure): return failure.description
            case .notWritten(let error): return "\(error)"
            }
        }
    }
}
