/// The committed versions of a store's case files, read with the real git (`Git`) in a store that
/// is a git repository.
///
/// A revision is anything git takes for a commit — a commit id (short ok), `HEAD`, `HEAD~2`, a
/// branch — and a case's version at a revision is the file under the case's name in that commit. A
/// case file keeps its name for its life (it follows the case's ID), so renames are not followed.
public struct CaseRevisions: Sendable {
    /// One commit that touched a case's file.
    public struct Commit: Hashable, Sendable {
        /// The full id.
        public var id: String
        /// The author's name (a sync commits as the clerk, from the configuration or the OS user).
        public var author: String
        /// The author date, ISO 8601 with offset.
        public var time: String
        /// The first line of the message.
        public var subject: String
        /// The full ids of its parents: more than one for a merge.
        public var parents: [String]
    }

    /// git, run in the store's directory.
    public let git: Git
    /// The store whose case files are read (its decoder reads each version).
    public let store: CaseStore

    /// The revisions of `store`, or nil when its directory is not in a git work tree (or no git is
    /// installed: then there is nothing but the working files to read either).
    /// - Throws: `HistoryError.git` when git could not be run.
    public static func open(_ store: CaseStore) throws(HistoryError) -> CaseRevisions? {
        let git: Git
        do { git = try Git.installed(in: store.directory) } catch { return nil }
        let inside: Git.Output
        do { inside = try git.run(["rev-parse", "--is-inside-work-tree"]) } catch { throw .git(error) }
        guard inside.status == 0, inside.text == "true" else { return nil }
        return CaseRevisions(git: git, store: store)
    }

    /// The commits that changed the case's file, oldest first, parents before children (a merge after
    /// both sides); empty when nothing was committed yet.
    /// - Throws: `HistoryError.git` when git fails.
    public func commits(of id: CaseID) throws(HistoryError) -> [Commit] {
        do {
            guard try git.run(["rev-parse", "--verify", "--quiet", "HEAD"]).status == 0 else { return [] }
            // Unit and record separators: a subject may hold any printable character.
            let log = try git.check(["log", "--topo-order", "--reverse", "--format=%H%x1f%an%x1f%aI%x1f%s%x1f%P%x1e", "--", id.fileName])
            return log.split(separator: "\u{1E}").compactMap { record in
                let fields = record.trimmingCharacters(in: .newlines).split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
                guard fields.count == 5 else { return nil }
                return Commit(id: fields[0], author: fields[1], time: fields[2], subject: fields[3],
                              parents: fields[4].split(separator: " ").map(String.init))
            }
        } catch { throw .git(error) }
    }

    /// The full id of the commit `revision` names.
    /// - Throws: `HistoryError.unknownRevision` when git knows no such commit.
    public func commit(_ revision: String) throws(HistoryError) -> String {
        // `--end-of-options`: a revision typed as `-x` is a name, never an option of rev-parse.
        let output: Git.Output
        do { output = try git.run(["rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"]) } catch { throw .git(error) }
        guard output.status == 0, !output.text.isEmpty else {
            throw .unknownRevision(revision, message: GitError.lastLine(of: output.standardError))
        }
        return output.text
    }

    /// The case `id` as it was in the commit `revision` names.
    /// - Throws: `HistoryError.unknownRevision`, `.notInRevision` when the file is not in that commit,
    ///   `.unreadable` when that version is not a case file banli reads.
    public func version(of id: CaseID, at revision: String) throws(HistoryError) -> Case {
        try version(of: id, inCommit: try commit(revision), named: revision)
    }

    /// The case `id` in each of `commits` (full ids), in their order: nil where the file is not in that
    /// commit or is not a case file banli reads. One run of `git cat-file --batch` for them all, so
    /// that a case committed a hundred times is read in one process, not a hundred.
    /// - Throws: `HistoryError.git` when git fails.
    func versions(of id: CaseID, inCommits commits: [String]) throws(HistoryError) -> [Case?] {
        let prefix: String, files: [[UInt8]?]
        do {
            // cat-file takes paths from the repository's top: the store may be a directory inside it.
            prefix = try git.check(["rev-parse", "--show-prefix"])
            files = try git.objects(commits.map { "\($0):\(prefix)\(id.fileName)" })
        } catch { throw .git(error) }
        return zip(commits, files).map { commit, bytes in
            bytes.flatMap { try? store.decoder.decode($0, path: "\(commit):\(id.fileName)") }
        }
    }

    /// The case `id` in the commit whose full id is `commit`, named `revision` in errors.
    private func version(of id: CaseID, inCommit commit: String, named revision: String) throws(HistoryError) -> Case {
        let output: Git.Output
        // `./`: the file's path relative to the store's directory, wherever the repository's top is.
        do { output = try git.run(["show", commit + ":./" + id.fileName]) } catch { throw .git(error) }
        guard output.status == 0 else { throw .notInRevision(id: id.description, revision: revision) }
        do { return try store.decoder.decode(output.standardOutput, path: "\(revision):\(id.fileName)") } catch {
            throw .unreadable(revision: revision, error)
        }
    }

    /// The case `id` as its working file holds it now (what a version is compared with by default).
    /// - Throws: `HistoryError.store` when it cannot be read.
    public func current(_ id: CaseID) throws(HistoryError) -> Case {
        do { return try store.load(id).value } catch { throw .store(error) }
    }
}
