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
        #expect(history.entries.map(\.line) == [
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
}
