import Foundation

/// Why `banli sync` (or `git-setup`) stopped; each description is one line of Chinese saying what
/// is kept and what to do. Whatever the failure, a commit already made stays, and the case files
/// are left readable.
public enum SyncError: Error, Sendable, CustomStringConvertible {
    /// The store's directory is not a git repository.
    case notARepository(path: String)
    /// The remote could not be reached, or is no repository: `detail` is git's line. `committed`:
    /// the local changes were committed and stay.
    case remoteUnreachable(remote: String, detail: String)
    /// The remote refused who banli is (password, key, permission).
    case authenticationFailed(remote: String, detail: String)
    /// The remote did not answer within the time allowed.
    case remoteTimedOut(remote: String, seconds: Int)
    /// The push was rejected this many times because other clones pushed meanwhile.
    case pushRejected(remote: String, attempts: Int)
    /// Merging the remote's changes left these files unmerged (banli's merge driver refused them,
    /// for `reasons`, its own lines, when it gave any); the merge was taken back, the local commit stays.
    case mergeRefused(files: [String], reasons: [String])
    /// A push failed otherwise than by being rejected (a hook of the remote's declined it, the
    /// remote cannot be written): `detail` is git's line.
    case pushFailed(remote: String, status: Int32, detail: String)
    /// A case was saved while the sync merged, and git would not overwrite it: nothing was merged.
    case savedDuringSync
    /// The remote changed case files this copy left out of its commit because they do not read
    /// (`UnsentCaseFile`): git would not overwrite them, so nothing was merged.
    case unsentInTheWay(files: [String])
    /// git failed in a way banli does not tell apart.
    case git(GitError)
    /// Reading or writing a file of the store failed.
    case store(StoreError)

    public var description: String {
        let kept = "本机的修改已提交并保留，下次同步继续"
        switch self {
        case .notARepository: return "本案件库不是 git 仓库：先运行 banli git-setup"
        case .remoteUnreachable(let remote, let detail):
            return "无法连接远程仓库 \(remote)（\(UntrustedText.inert(detail))）：\(kept)"
        case .authenticationFailed(let remote, let detail):
            return "远程仓库 \(remote) 拒绝了身份验证（\(UntrustedText.inert(detail))）：请检查账号、密码或密钥；\(kept)"
        case .remoteTimedOut(let remote, let seconds):
            return "远程仓库 \(remote) 在 \(seconds) 秒内没有应答：\(kept)"
        case .pushRejected(let remote, let attempts):
            return "推送到 \(remote) 被拒绝 \(attempts) 次（其他同事正在同步）：\(kept)，请稍后再同步"
        case .mergeRefused(let files, let reasons):
            let why = reasons.isEmpty ? "" : "（合并程序：\(reasons.map { UntrustedText.inert($0) }.joined(separator: "；"))）"
            return "合并远程的修改未能完成，已撤回合并：\(files.map { UntrustedText.inert($0) }.joined(separator: "、"))\(why)；\(kept)，案件文件为本机版本"
        case .pushFailed(let remote, let status, let detail):
            return "推送到 \(remote) 失败（退出码 \(status)）" + (detail.isEmpty ? "" : "：" + UntrustedText.inert(detail)) + "；\(kept)"
        case .savedDuringSync: return "同步时又有案件保存，未合并远程的修改：\(kept)，请再同步一次"
        case .unsentInTheWay(let files):
            return "远程也修改了本机读不出的案件文件 \(files.map { UntrustedText.inert($0) }.joined(separator: "、"))，未合并远程的修改：请改正后再同步（banli check 说明原因）；\(kept)"
        case .git(let error): return error.description
        case .store(let error): return error.description
        }
    }

    /// The failure a remote operation (`fetch`, `push`) that ended with `output` means, told apart
    /// by git's English messages (banli runs git with `LC_ALL=C`) anywhere in what it wrote: git's
    /// last line is often advice ("and the repository exists."), the cause comes before it.
    static func remote(_ remote: String, arguments: [String], output: Git.Output) -> SyncError {
        let text = output.standardError
        let lines = text.split(whereSeparator: \.isNewline).map(String.init)
        // The first complaint names the cause; the lines after it are advice.
        let cause = lines.first { $0.hasPrefix("fatal: ") || $0.hasPrefix("error: ") || $0.hasPrefix("remote: ") }
            .map { GitError.lastLine(of: $0) } ?? GitError.lastLine(of: text)
        // `remote: ` lines carry the remote's padding.
        let trimmed = cause.trimmingCharacters(in: .whitespaces)
        let authentication = ["Authentication failed", "Permission denied", "could not read Username",
                              "could not read Password", "HTTP Basic: Access denied", "The requested URL returned error: 403",
                              "The requested URL returned error: 401"]
        if authentication.contains(where: text.contains) { return .authenticationFailed(remote: remote, detail: trimmed) }
        let unreachable = ["Could not read from remote repository", "does not appear to be a git repository",
                           "Could not resolve host", "Connection refused", "Connection timed out", "unable to access",
                           "No route to host", "Network is unreachable", "Connection reset"]
        if unreachable.contains(where: text.contains) { return .remoteUnreachable(remote: remote, detail: trimmed) }
        // A push that fails here has still left the local commit: say so, as the failures above do.
        if arguments.first == "push" { return .pushFailed(remote: remote, status: output.status, detail: trimmed) }
        return .git(.failed(arguments: arguments, status: output.status, message: trimmed))
    }
}
