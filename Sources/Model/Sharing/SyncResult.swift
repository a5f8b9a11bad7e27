/// What one `banli sync` did.
public struct SyncResult: Hashable, Sendable {
    /// Whether a commit of this copy's changes was made.
    public var committed: Bool
    /// The remote synced with; nil when the repository has none (the commit stays local).
    public var remote: String?
    /// Cases this copy sent: case files added or changed here that the remote did not have.
    public var sent: Int
    /// Case files deleted here whose deletion this copy sent.
    public var deleted = 0
    /// Paths (relative to the store) the merge changed in this copy: what the caller re-reads.
    public var receivedPaths: [String]
    /// IDs of the received cases that now hold a recorded conflict （冲突）.
    public var conflicts: [String]
    /// Case files one side deleted and the other changed: kept, changed, so that nothing is lost.
    public var keptAgainstDeletion: [String] = []
    /// Changed case files that do not read: left out of the commit, not sent, kept on disk.
    public var unsent: [UnsentCaseFile] = []

    public init(committed: Bool, remote: String?, sent: Int, receivedPaths: [String], conflicts: [String]) {
        self.committed = committed
        self.remote = remote
        self.sent = sent
        self.receivedPaths = receivedPaths
        self.conflicts = conflicts
    }

    /// Case files among `receivedPaths`.
    public var receivedCases: [String] { receivedPaths.filter(CaseFiles.isCaseFileName) }

    /// The one line telling the user what happened:
    /// `已同步：上传 2 件案件，删除 1 件，收到 5 件；冲突 1 件（zx5-2-090）`.
    public var line: String {
        guard remote != nil else {
            return (committed ? "已在本机提交" : "没有需要提交的修改") + "；未设置远程仓库（git remote add origin 地址）" + unsentPart
        }
        var line = "已同步：上传 \(sent) 件案件" + (deleted > 0 ? "，删除 \(deleted) 件" : "") + "，收到 \(receivedCases.count) 件"
        if !conflicts.isEmpty {
            let named = conflicts.prefix(3).joined(separator: "、") + (conflicts.count > 3 ? " 等" : "")
            line += "；冲突 \(conflicts.count) 件（\(named)）"
        }
        if !keptAgainstDeletion.isEmpty {
            line += "；一方删除、另一方修改的案件已保留：" + keptAgainstDeletion.joined(separator: "、")
        }
        return line + unsentPart
    }

    /// What the line says of the files left out: each one's own line (`UnsentCaseFile`) says why.
    private var unsentPart: String {
        guard !unsent.isEmpty else { return "" }
        let named = unsent.prefix(3).map(\.name).joined(separator: "、") + (unsent.count > 3 ? " 等" : "")
        return "；\(unsent.count) 个案件文件读不出，未同步（\(named)），改正后再同步"
    }
}
