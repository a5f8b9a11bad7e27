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
    ///   `.authenticationFailed`, `.remoteTimedOut`, `.pushRejected`, `.pushFailed`), `.mergeRefused`, `.git`,
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
        var unsent: [UnsentCaseFile] = []
        let committed = try commitChanges(unsent: &unsent)
        let remotes = try repository.sync { () throws(GitError) in try git.check(["remote"]) }
        guard remotes.split(separator: "\n").contains(Substring(remote)) else {
            var result = SyncResult(committed: committed, remote: nil, sent: 0, receivedPaths: [], conflicts: [])
            result.unsent = unsent
            return result
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
            committedAgain = try commitChanges(unsent: &unsent) || committedAgain
            if try revision(tracking) != nil {
                progress(.merging(receiving: try changedPaths(in: "HEAD..." + tracking).filter(CaseFiles.isCaseFileName).count))
                kept += try merge(tracking, unsent: unsent)
            }
            var outcome = SyncResult(committed: committed || committedAgain, remote: remote, sent: 0, receivedPaths: [], conflicts: [])
            outcome.unsent = unsent
            outcome.keptAgainstDeletion = kept
            if try revision(tracking) == revision("HEAD") { return try finished(outcome, start: start) }
            (outcome.sent, outcome.deleted) = try sentCases(from: try revision(tracking))
            progress(.pushing)
            if try push(branch: branch) { return try finished(outcome, start: start) }
            if attempt >= pushAttempts { throw .pushRejected(remote: remote, attempts: attempt) }
        }
    }

    /// `result` with what the sync received since `start`: the changed paths and the cases among
    /// them that now hold a recorded conflict.
    private func finished(_ result: SyncResult, start: String?) throws(SyncError) -> SyncResult {
        var result = result
        result.receivedPaths = try changedPaths(from: start, to: "HEAD")
        for name in result.receivedPaths where CaseFiles.isCaseFileName(name) {
            guard let bytes = try? FileSystem.read(store.directory + "/" + name, limit: store.caseFileLimit),
                  let value = try? store.decodeCase(named: name, bytes: bytes), !value.conflicts.isEmpty else { continue }
            result.conflicts.append(value.id.description)
        }
        return result
    }

    /// The case files HEAD changes against the remote's branch at `tracking` (nil: no branch yet,
    /// every file is sent): how many it adds or changes, and how many it deletes.
    private func sentCases(from tracking: String?) throws(SyncError) -> (sent: Int, deleted: Int) {
        guard let tracking else { return (try changedPaths(from: nil, to: "HEAD").filter(CaseFiles.isCaseFileName).count, 0) }
        let output = try repository.sync { () throws(GitError) in
            try git.run(["diff", "--name-status", "-z", "--no-renames", tracking, "HEAD"])
        }
        let fields = output.standardOutput.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        var counts = (sent: 0, deleted: 0)
        // Pairs of `STATUS`, `PATH`.
        for i in stride(from: 0, to: fields.count - 1, by: 2) where CaseFiles.isCaseFileName(fields[i + 1]) {
            if fields[i] == "D" { counts.deleted += 1 } else { counts.sent += 1 }
        }
        return counts
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
