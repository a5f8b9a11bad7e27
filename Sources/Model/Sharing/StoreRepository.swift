import Foundation

/// A store kept in git: the files that make it share well (`.gitattributes`, `.gitignore`), banli's
/// merge driver registered in the repository's configuration, and a first commit. `banli init --git`
/// and `banli git-setup` make one; `banli sync` registers the driver again before every merge,
/// because a fresh `git clone` copies the files but never the configuration.
public struct StoreRepository: Sendable {
    /// git, run in the store's directory.
    public let git: Git

    public init(git: Git) { self.git = git }

    /// The store's directory.
    public var directory: String { git.directory }

    /// Whether the store's directory is the top of a git repository (it holds `.git`). A store
    /// inside some other repository is not one: its sync would commit that repository's files.
    public var isRepository: Bool { FileSystem.exists(directory + "/.git") }

    /// What `.gitattributes` must say. Case files merge with banli's driver, field by field, never
    /// line by line with `<<<<<<<` markers banli could not read; they and the marker travel as the
    /// exact bytes banli wrote (`-text`: no end-of-line conversion, whatever a clerk's
    /// `core.autocrlf` says), so that nothing is rewritten behind banli's back.
    public static let attributeLines = ["*.yaml merge=banli -text", ".banli-store -text"]

    /// What `.gitignore` must say: `.banli/` holds this copy's caches, drafts, editing marks and
    /// deleted cases, none of which another clerk should receive; `.*.tmp-*` are the temporary files
    /// of a save under way (`FileSystem.writeAtomically`), which a sync running beside it must not
    /// commit.
    public static let ignoreLines = [".banli/", ".*.tmp-*"]

    /// What `setUp` did, in the order it did it, as lines for the user; empty when the store was
    /// set up already and nothing changed.
    public typealias Changes = [String]

    /// Makes the store a repository ready to share, doing only what is missing: `git init` (branch
    /// `main`), the lines of `.gitattributes` and `.gitignore` (appended to a file the user keeps),
    /// the merge driver (`driverCommand`, see `registerDriver`), `origin` when `remote` is given, and
    /// a commit of these files — of every file when nothing was ever committed — by `identity`.
    /// - Throws: `SyncError.git` when git fails, `.store` when a file cannot be written.
    public func setUp(driverCommand: String, remote: String?, identity: GitIdentity) throws(SyncError) -> Changes {
        var changes: Changes = []
        if !isRepository {
            try sync { () throws(GitError) in try git.check(["init", "-q", "--initial-branch=main"]) }
            changes.append("已初始化 git 仓库（分支 main）")
        }
        var wroteFiles: [String] = []
        for (name, lines) in [(".gitattributes", Self.attributeLines), (".gitignore", Self.ignoreLines)] {
            if try ensureLines(lines, in: name) {
                wroteFiles.append(name)
                changes.append("已写入 \(name)")
            }
        }
        if try registerDriver(driverCommand) { changes.append("已登记合并程序：\(driverCommand)") }
        if let remote, try setRemote(remote) { changes.append("远程仓库 origin：\(remote)") }
        let hasCommit = try sync { () throws(GitError) in try git.run(["rev-parse", "-q", "--verify", "HEAD"]).status == 0 }
        if !hasCommit || !wroteFiles.isEmpty {
            try sync { () throws(GitError) in
                try git.check(hasCommit ? ["add", "--"] + wroteFiles + [StoreMarker.fileName] : ["add", "-A"])
            }
            let staged = try sync { () throws(GitError) in try git.run(["diff", "--cached", "--quiet"]).status != 0 }
            if staged || !hasCommit {
                let message = hasCommit ? "banli git-setup：共享设置" : "banli git-setup：案件库首次提交"
                try sync { () throws(GitError) in
                    try git.check(["commit", "-q", "--allow-empty", "-m", message], environment: identity.environment)
                }
                changes.append(hasCommit ? "已提交共享设置" : "已作首次提交")
                git.tidy()
            }
        }
        return changes
    }

    /// Registers banli's merge driver (`merge.banli.driver`, `merge.banli.name`) in the repository's
    /// configuration unless it is there already; `command` is banli's absolute path followed by
    /// `merge-driver %O %A %B %P`. Returns whether anything was written.
    /// - Throws: `SyncError.git` when git fails.
    @discardableResult
    public func registerDriver(_ command: String) throws(SyncError) -> Bool {
        let settings = [("merge.banli.name", "banli 按字段合并案件文件"), ("merge.banli.driver", command)]
        var wrote = false
        for (key, value) in settings {
            let current = try sync { () throws(GitError) in try git.run(["config", "--local", "--get", key]) }
            guard current.status != 0 || current.text != value else { continue }
            try sync { () throws(GitError) in try git.check(["config", "--local", key, value]) }
            wrote = true
        }
        return wrote
    }

    /// The merge driver command for the banli at `executable`.
    public static func driverCommand(executable: String) -> String {
        // git runs it through the shell: a path with a space or a quote stays one word.
        "'" + executable.replacingOccurrences(of: "'", with: "'\\''") + "' merge-driver %O %A %B %P"
    }

    /// Sets `origin` to `url`, adding it when missing. Returns whether anything changed.
    private func setRemote(_ url: String) throws(SyncError) -> Bool {
        let current = try sync { () throws(GitError) in try git.run(["remote", "get-url", "origin"]) }
        if current.status == 0 && current.text == url { return false }
        try sync { () throws(GitError) in try git.check(["remote", current.status == 0 ? "set-url" : "add", "origin", url]) }
        return true
    }

    /// Appends to the file `name` the lines of `lines` it lacks (making it when missing). Returns
    /// whether it wrote.
    private func ensureLines(_ lines: [String], in name: String) throws(SyncError) -> Bool {
        let path = directory + "/" + name
        var text = ""
        if FileSystem.exists(path) {
            do { text = String(decoding: try FileSystem.read(path, limit: .smallFile), as: UTF8.self) } catch { throw .store(error) }
        }
        let present = Set(text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) })
        let missing = lines.filter { !present.contains($0) }
        guard !missing.isEmpty else { return false }
        if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
        if text.isEmpty { text = "# banli 写入：共享案件库所需的设置（banli git-setup）\n" }
        text += missing.joined(separator: "\n") + "\n"
        do { try FileSystem.writeAtomically(Array(text.utf8), to: path) } catch { throw .store(error) }
        return true
    }

    /// Runs `body`, giving its `GitError` as `SyncError.git`.
    @discardableResult
    func sync<T>(_ body: () throws(GitError) -> T) throws(SyncError) -> T {
        do { return try body() } catch { throw .git(error) }
    }
}
