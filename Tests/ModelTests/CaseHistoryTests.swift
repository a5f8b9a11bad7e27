import Foundation
import Model
import Testing
import TestSupport

/// Real git in a temporary store (`GitHistoryStore`): three commits and a change not committed.
@Suite struct CaseHistoryTests {
    private func store(_ directory: String) throws -> CaseStore {
        try CaseStore(directory: directory, vocabulary: Fixtures.configuration().vocabulary)
    }

    @Test func journalLinesAreTaggedWithTheCommitThatCarriedThemNewestFirst() throws {
        let fixture = try GitHistoryStore()
        let history = try CaseHistory.read(GitHistoryStore.id, in: store(fixture.directory))
        #expect(history.hasVersions)
        let c = fixture.commits.map { String($0.prefix(7)) }
        #expect(history.entries.map { $0.line() } == [
            "2018-07-01 15:20  tester  登记面商（电话）",
            "2018-06-01 09:00  zhangsan  手工修改结尾  [\(c[2])]",
            "2018-05-01 10:40  lihua  修改答复：第一部分  [\(c[1])]",
            "2018-03-21 09:02  wangli  签收  [\(c[0])]",
            "2018-03-20 10:15  wangli  新建案件  [\(c[0])]",
        ])
        // The sync commits repeat their journal lines in the message: each change is listed once.
        #expect(!history.entries.contains { $0.text.hasPrefix("banli 同步") })
    }

    @Test func withoutGitTheJournalAloneIsTheHistory() throws {
        let fixture = try GitHistoryStore()
        try FileManager.default.removeItem(atPath: fixture.directory + "/.git")
        let history = try CaseHistory.read(GitHistoryStore.id, in: store(fixture.directory))
        #expect(!history.hasVersions)
        #expect(history.entries.map(\.text) == ["登记面商（电话）", "修改答复：第一部分", "签收", "新建案件"])
        #expect(history.entries.allSatisfy { $0.commit == nil })
        #expect(try CaseRevisions.open(store(fixture.directory)) == nil)
    }

    @Test func aVersionIsReadAtAnyRevisionGitTakes() throws {
        let fixture = try GitHistoryStore()
        let revisions = try #require(try CaseRevisions.open(store(fixture.directory)))
        #expect(try revisions.version(of: GitHistoryStore.id, at: "HEAD~2").reply.sections[0].text == "一是……。二是……。")
        #expect(try revisions.version(of: GitHistoryStore.id, at: String(fixture.commits[1].prefix(7))).reply.sections[0].text == "一是……。三是……。")
        #expect(try revisions.commits(of: GitHistoryStore.id).map(\.id) == fixture.commits)
        let diff = ReplyDiff(from: try revisions.version(of: GitHistoryStore.id, at: "HEAD~2"), to: try revisions.current(GitHistoryStore.id))
        #expect(diff.lines.map(\.kind) == [.place, .removed, .added, .place, .added])
    }

    @Test func anUnknownRevisionOrACaseNotInItIsOneLine() throws {
        let fixture = try GitHistoryStore()
        let revisions = try #require(try CaseRevisions.open(store(fixture.directory)))
        #expect(throws: HistoryError.self) { try revisions.version(of: GitHistoryStore.id, at: "HEAD~9") }
        #expect(throws: HistoryError.self) { try revisions.version(of: GitHistoryStore.id, at: "--output=/tmp/x") }
        #expect(throws: HistoryError.self) { try revisions.version(of: CaseID("zx5-2-091")!, at: "HEAD") }
        do { _ = try revisions.version(of: GitHistoryStore.id, at: "HEAD~9") } catch {
            #expect(error.description == "没有版本“HEAD~9”")
        }
    }

    @Test func aMergeIsNotListedAndEachSideKeepsItsOwnCommit() throws {
        let fixture = try GitHistoryStore()
        let git = try Git.installed(in: fixture.directory)
        let store = try store(fixture.directory)
        let identity = ["GIT_AUTHOR_NAME": "x", "GIT_AUTHOR_EMAIL": "x@example.org", "GIT_COMMITTER_NAME": "x", "GIT_COMMITTER_EMAIL": "x@example.org"]
        func commitJournal(_ line: JournalEntry, _ message: String) throws {
            var value = try store.load(GitHistoryStore.id)
            value.value.journal.append(line)
            _ = try store.save(value.value, replacing: value.revision)
            try git.check(["commit", "-q", "-a", "-m", message], environment: identity)
        }
        try git.check(["checkout", "-q", "--", "."])
        try git.check(["checkout", "-q", "-b", "other"])
        try commitJournal(JournalEntry(time: "2018-08-01T10:00:00+08:00", user: "lihua", text: "登记面商（走访）"), "other side")
        try git.check(["checkout", "-q", "main"])
        try commitJournal(JournalEntry(time: "2018-08-02T10:00:00+08:00", user: "wangli", text: "送审"), "this side")
        // The journal's two new lines clash in git's line merge; the union is what banli's driver keeps.
        _ = try git.run(["merge", "-q", "--no-edit", "other"], environment: identity)
        let revisions = try #require(try CaseRevisions.open(store))
        var merged = try revisions.version(of: GitHistoryStore.id, at: "HEAD")
        let theirs = try revisions.version(of: GitHistoryStore.id, at: "other")
        merged.journal = Array(Set(merged.journal + theirs.journal)).sorted { $0.time < $1.time }
        Fixtures.write(CaseFileEncoder.encode(merged), to: store.path(of: GitHistoryStore.id))
        try git.check(["commit", "-q", "-a", "--no-edit"], environment: identity)
        let history = try CaseHistory.read(GitHistoryStore.id, in: store)
        let other = try git.check(["rev-parse", "other"]), this = try git.check(["rev-parse", "main^1"])
        #expect(history.entries.prefix(2).map { [$0.text, $0.commit] } == [["送审", this], ["登记面商（走访）", other]])
        #expect(history.entries.map(\.text) == ["送审", "登记面商（走访）", "手工修改结尾", "修改答复：第一部分", "签收", "新建案件"])
    }

    @Test func aStoreInsideALargerRepositoryReadsItsVersions() throws {
        let fixture = try GitHistoryStore()
        let top = Fixtures.temporaryDirectory("banli-git-top")
        try FileManager.default.moveItem(atPath: fixture.directory + "/.git", toPath: top + "/.git")
        let inner = top + "/办公室/案件库"
        try FileManager.default.createDirectory(atPath: top + "/办公室", withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: fixture.directory, toPath: inner)
        let git = try Git.installed(in: top)
        try git.check(["add", "-A"])
        try git.check(["commit", "-q", "-m", "移入子目录"], environment: ["GIT_AUTHOR_NAME": "x", "GIT_AUTHOR_EMAIL": "x@example.org",
                                                                "GIT_COMMITTER_NAME": "x", "GIT_COMMITTER_EMAIL": "x@example.org"])
        let history = try CaseHistory.read(GitHistoryStore.id, in: store(inner))
        // Renames are not followed: the file's history starts at the move, which carries every line.
        let head = try git.check(["rev-parse", "HEAD"])
        #expect(history.entries.count == 4 && history.entries.allSatisfy { $0.commit == head }, "\(history.entries.map { $0.line() })")
        let revisions = try #require(try CaseRevisions.open(store(inner)))
        #expect(try revisions.version(of: GitHistoryStore.id, at: "HEAD").journal.last?.text == "登记面商（电话）")
    }
}
