import Foundation

/// Every change to one case, newest first — as `git log` lists, and as someone asking "who changed
/// this" reads: the latest change is the one looked for.
///
/// The journal (日志) says who changed what and when; in a store that is a git repository each
/// journal line is tagged with the commit that first holds it in the case's file (every version read
/// by one `git cat-file --batch`, so the tag is exact whatever the commit's message says). A sync's
/// commit message repeats the journal lines it carries, so such a commit is not listed again; a commit
/// that carried no journal line (a hand edit committed with git) is listed under its own subject, but
/// for a merge, which only joins changes listed on their own commits. Without git, the journal alone.
public struct CaseHistory: Sendable {
    /// The changes, newest first.
    public let entries: [HistoryEntry]
    /// Whether the store is a git repository: earlier versions can be read and compared.
    public let hasVersions: Bool

    public init(entries: [HistoryEntry], hasVersions: Bool) {
        self.entries = entries
        self.hasVersions = hasVersions
    }

    /// The history of case `id` in `store`.
    /// - Throws: `HistoryError.store` when the case cannot be read, `.git` when git fails.
    public static func read(_ id: CaseID, in store: CaseStore) throws(HistoryError) -> CaseHistory {
        let current: Case
        do { current = try store.load(id).value } catch { throw .store(error) }
        guard let revisions = try CaseRevisions.open(store) else {
            return CaseHistory(entries: ordered(current.journal.map { HistoryEntry(time: $0.time, user: $0.user, text: $0.text) }),
                               hasVersions: false)
        }
        var entries: [HistoryEntry] = [], seen = Set<JournalEntry>()
        let commits = try revisions.commits(of: id)
        for (commit, version) in zip(commits, try revisions.versions(of: id, inCommits: commits.map(\.id))) {
            // A version that cannot be read (deleted in that commit, or not a case file then) carries nothing.
            let carried = (version?.journal ?? []).filter { seen.insert($0).inserted }
            entries += carried.map { HistoryEntry(time: $0.time, user: $0.user, text: $0.text, commit: commit.id) }
            // A merge that brought no line of its own only joined changes already listed on their own commits.
            if carried.isEmpty && commit.parents.count < 2 {
                entries.append(HistoryEntry(time: commit.time, user: commit.author, text: commit.subject, commit: commit.id))
            }
        }
        entries += current.journal.filter { !seen.contains($0) }.map { HistoryEntry(time: $0.time, user: $0.user, text: $0.text) }
        return CaseHistory(entries: ordered(entries), hasVersions: true)
    }

    /// `entries` newest first by the moment they name (a time without an offset, or unreadable, as the
    /// oldest); entries at the same moment keep their order reversed, the journal's latest first.
    static func ordered(_ entries: [HistoryEntry]) -> [HistoryEntry] {
        let keyed = entries.enumerated().map { (key: $0.element.moment ?? .distantPast, index: $0.offset, entry: $0.element) }
        return keyed.sorted { $0.key != $1.key ? $0.key > $1.key : $0.index > $1.index }.map(\.entry)
    }
}
