/// Why a case's history or an earlier version could not be read; each description is one line.
public enum HistoryError: Error, Sendable, CustomStringConvertible {
    /// The store is not a git repository, so the working file is the only version.
    case onlyOneVersion(store: String)
    /// git does not know `revision` as a commit: git's words.
    case unknownRevision(String, message: String)
    /// The case's file is not in `revision` (the case is newer, or was not committed yet).
    case notInRevision(id: String, revision: String)
    /// The version of the file at `revision` is not a case banli can read.
    case unreadable(revision: String, DataFileError)
    case git(GitError)
    case store(StoreError)

    public var description: String {
        switch self {
        case .onlyOneVersion(let store):
            return "\(store) 不是 git 仓库：只有当前一个版本（历史见 banli log；要保留各版本，用 banli git-setup）"
        case .unknownRevision(let revision, let message):
            return "没有版本“\(UntrustedText.inert(revision))”" + (message.isEmpty ? "" : "：" + UntrustedText.inert(message))
        case .notInRevision(let id, let revision): return "版本 \(UntrustedText.inert(revision)) 中没有案件 \(id)（那时尚未提交）"
        case .unreadable(let revision, let error): return "版本 \(UntrustedText.inert(revision)) 的案件文件无法读取：\(error)"
        case .git(let error): return error.description
        case .store(let error): return error.description
        }
    }
}
