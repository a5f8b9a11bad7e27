/// Where a shared store stands against its remote, for the terminal UI's title bar (`↑2 ↓5 冲突1`).
public struct SyncStatus: Hashable, Sendable {
    /// Cases changed here and not yet pushed: changed case files not committed, and those changed
    /// by commits the remote's branch lacks.
    public var toSend: Int
    /// Cases the remote changed, as of the last fetch, not yet merged here.
    public var toReceive: Int
    /// Cases holding a recorded conflict （冲突）, counted by the caller from the list's summaries.
    public var conflicts: Int

    public init(toSend: Int, toReceive: Int, conflicts: Int = 0) {
        self.toSend = toSend
        self.toReceive = toReceive
        self.conflicts = conflicts
    }

    /// The parts in the order a narrow title bar keeps them, the most pressing first: recorded
    /// conflicts wait for the clerk, then what to send and what to receive.
    public var parts: [String] {
        (conflicts > 0 ? ["冲突\(conflicts)"] : []) + ["↑\(toSend)", "↓\(toReceive)"]
    }
}

extension StoreSync {
    /// The store's state against its remote, worked out with git (`status`, `diff` against the
    /// remote's branch as last fetched; nothing is fetched, and git takes no lock that a sync could
    /// find in its way). Takes a `stat` of every case file: run it off the UI thread. Conflicts are
    /// left 0.
    /// - Throws: `SyncError.notARepository`, `.git` when git fails.
    public func status() throws(SyncError) -> SyncStatus {
        guard repository.isRepository else { throw .notARepository(path: store.directory) }
        let changed = try repository.sync { () throws(GitError) in
            try git.run(["--no-optional-locks", "status", "--porcelain", "-z", "--no-renames", "--untracked-files=all"])
        }
        // Each entry: `XY PATH`.
        var toSend = Set(changed.standardOutput.split(separator: 0).map { String(decoding: $0.dropFirst(3), as: UTF8.self) }
            .filter(CaseFiles.isCaseFileName))
        let branch = try repository.sync { () throws(GitError) in try git.run(["symbolic-ref", "-q", "--short", "HEAD"]) }
        let tracking = "refs/remotes/\(remote)/\(branch.text)"
        guard branch.status == 0, try revision(tracking) != nil, try revision("HEAD") != nil else {
            return SyncStatus(toSend: toSend.count, toReceive: 0)
        }
        toSend.formUnion(try changedPaths(in: tracking + "...HEAD").filter(CaseFiles.isCaseFileName))
        let toReceive = try changedPaths(in: "HEAD..." + tracking).filter(CaseFiles.isCaseFileName).count
        return SyncStatus(toSend: toSend.count, toReceive: toReceive)
    }

    /// The paths a `diff` of `range` (`A...B`: from their common ancestor to B) names.
    func changedPaths(in range: String) throws(SyncError) -> [String] {
        let output = try repository.sync { () throws(GitError) in try git.run(["diff", "--name-only", "-z", "--no-renames", range]) }
        return output.standardOutput.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
    }
}
