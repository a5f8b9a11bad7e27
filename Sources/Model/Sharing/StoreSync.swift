/// `banli sync`: shares a store kept in git with its remote, by running git itself. Commits this
/// copy's changed case files (the message from their journals, the clerk as author), fetches, merges
/// the remote's branch — a merge, not a rebase, so that banli's merge driver sees this clerk's
/// version as its own (`%A`) —, and pushes, fetching and merging again when another clone pushed
/// first. Whatever fails, a commit made stays and the case files stay readable; a sync killed
/// half-way is repaired by the next (`repairInterrupted`).
public struct StoreSync: Sendable {
    /// What a sync is doing, for a progress line.
    public enum Step: Hashable, Sendable {
        case committing, fetching
        /// Merging the remote's changes to this many cases.
        case merging(receiving: Int)
        case pushing
    }

    /// The store, whose decoder reads the journals for the commit message.
    public let store: CaseStore
    /// git in the store's directory.
    public let repository: StoreRepository
    /// The author and committer of the commits made.
    public var identity: GitIdentity
    /// The merge driver registered before every merge (`StoreRepository.driverCommand`).
    public var driverCommand: String
    /// The remote shared with.
    public var remote = "origin"
    /// How many times a push rejected because another clone pushed first is tried, each after a
    /// new fetch and merge.
    public var pushAttempts = 4

    public init(store: CaseStore, git: Git, identity: GitIdentity, driverCommand: String) {
        self.store = store
        self.repository = StoreRepository(git: git)
        self.identity = identity
        self.driverCommand = driverCommand
    }

    var git: Git { repository.git }

    /// Runs the sync. Only one sync of a store runs at a time on this machine (a lock in `.banli/`;
    /// a second one waits for the first). `progress` is told each step as it starts.
    /// - Throws: `SyncError`: `.notARepository`, a remote's failure (`.remoteUnreachable`,
    ///   `.authenticationFailed`, `.remoteTimedOut`, `.pushRejected`), `.mergeRefused`, `.git`,
    ///   `.store`.
    public func run(progress: (Step) -> Void = { _ in }) throws(SyncError) -> SyncResult {
        guard repository.isRepository else { throw .notARepository(path: store.directory) }
        let outcome: Result<SyncResult, SyncError>
        do {
            try store.makeOwnDirectory(store.metadataDirectory)
            outcome = try FileSystem.withLock(store.metadataDirectory + "/sync.lock") { () throws(StoreError) in
                Result { () throws(SyncError) in try runLocked(progress: progress) }
            }
        } catch {
            throw .store(error)
        }
        let result = try outcome.get()
        git.tidy()
        return result
    }

    private func runLocked(progress: (Step) -> Void) throws(SyncError) -> SyncResult {
        try repairInterrupted()
        try repository.registerDriver(driverCommand)
        progress(.committing)
        let committed = try commitChanges()
        let remotes = try repository.sync { () throws(GitError) in try git.check(["remote"]) }
        guard remotes.split(separator: "\n").contains(Substring(remote)) else {
            return SyncResult(committed: committed, remote: nil, sent: 0, receivedPaths: [], conflicts: [])
        }
        let branch = try repository.sync { () throws(GitError) in try git.check(["symbolic-ref", "--short", "HEAD"]) }
        let tracking = "refs/remotes/\(remote)/\(branch)"
        let start = try revision("HEAD")
        var kept: [String] = [], attempt = 0, committedAgain = false
        while true {
            attempt += 1
            progress(.fetching)
            try remoteRun(["fetch", "-q", remote])
            // A case saved meanwhile (the terminal UI goes on while it syncs) is committed before the
            // merge, which would refuse to overwrite it.
            committedAgain = try commitChanges() || committedAgain
            if try revision(tracking) != nil {
                progress(.merging(receiving: try changedPaths(in: "HEAD..." + tracking).filter(CaseFiles.isCaseFileName).count))
                kept += try merge(tracking)
            }
            let sent = try changedPaths(from: try revision(tracking), to: "HEAD").filter(CaseFiles.isCaseFileName).count
            if try revision(tracking) == revision("HEAD") {
                return try result(committed: committed || committedAgain, sent: 0, start: start, kept: kept)
            }
            progress(.pushing)
            if try push(branch: branch) { return try result(committed: committed || committedAgain, sent: sent, start: start, kept: kept) }
            if attempt >= pushAttempts { throw .pushRejected(remote: remote, attempts: attempt) }
        }
    }

    private func result(committed: Bool, sent: Int, start: String?, kept: [String]) throws(SyncError) -> SyncResult {
        let received = try changedPaths(from: start, to: "HEAD")
        var conflicts: [String] = []
        for name in received where CaseFiles.isCaseFileName(name) {
            guard let bytes = try? FileSystem.read(store.directory + "/" + name, limit: store.caseFileLimit),
                  let value = try? store.decodeCase(named: name, bytes: bytes), !value.conflicts.isEmpty else { continue }
            conflicts.append(value.id.description)
        }
        var result = SyncResult(committed: committed, remote: remote, sent: sent, receivedPaths: received, conflicts: conflicts)
        result.keptAgainstDeletion = kept
        return result
    }

    /// The commit `name` names, or nil when there is none (no commit yet, no remote branch yet).
    func revision(_ name: String) throws(SyncError) -> String? {
        let output = try repository.sync { () throws(GitError) in try git.run(["rev-parse", "-q", "--verify", name + "^{commit}"]) }
        return output.status == 0 ? output.text : nil
    }

    /// The paths that differ between the commits `from` (nil: nothing, every file counts) and `to`.
    func changedPaths(from: String?, to: String) throws(SyncError) -> [String] {
        let arguments = from.map { ["diff", "--name-only", "-z", "--no-renames", $0, to] } ?? ["ls-tree", "-r", "-z", "--name-only", to]
        let output = try repository.sync { () throws(GitError) in try git.run(arguments) }
        guard output.status == 0 else { return [] }
        return output.standardOutput.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Runs a git command that talks to the remote.
    /// - Throws: the `SyncError` its failure means (`SyncError.remote`).
    private func remoteRun(_ arguments: [String]) throws(SyncError) {
        let output: Git.Output
        do { output = try git.run(arguments) } catch {
            if case .timedOut(_, let seconds) = error { throw .remoteTimedOut(remote: remote, seconds: seconds) }
            throw .git(error)
        }
        guard output.status == 0 else { throw SyncError.remote(remote, arguments: arguments, output: output) }
    }

    /// Pushes HEAD to the remote's `branch`. Returns false when the remote refused it because it
    /// holds commits this copy has not merged (another clone pushed first).
    private func push(branch: String) throws(SyncError) -> Bool {
        let arguments = ["push", "-q", remote, "HEAD:refs/heads/" + branch]
        let output: Git.Output
        do { output = try git.run(arguments) } catch {
            if case .timedOut(_, let seconds) = error { throw .remoteTimedOut(remote: remote, seconds: seconds) }
            throw .git(error)
        }
        if output.status == 0 { return true }
        let rejected = ["[rejected]", "non-fast-forward", "fetch first", "failed to update ref", "cannot lock ref"]
        if rejected.contains(where: output.standardError.contains) { return false }
        throw SyncError.remote(remote, arguments: arguments, output: output)
    }
}
