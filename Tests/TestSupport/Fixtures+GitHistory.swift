import Foundation
import Model

/// A store that is a git repository holding case zx5-2-090 at three commits, with a change on top
/// that is not committed — the history screen's, `banli log`'s and `banli diff`'s test store:
///
/// 1. `wangli`, 2018-03-20 10:30 — the case as `fullCase` has it (journal 新建案件, 签收), message
///    as a sync writes it;
/// 2. `lihua`, 2018-05-01 11:00 — 二是 → 三是 in the first section (one character), journal line
///    `修改答复：第一部分`;
/// 3. `zhangsan`, 2018-06-01 09:00 — `此复。` added to the 结尾 by hand: no journal line;
/// 4. not committed — journal line `登记面商（电话）` by `tester`, 2018-07-01.
public struct GitHistoryStore {
    public let directory: String
    /// The commits' full ids, oldest first.
    public let commits: [String]

    public static let id = CaseID("zx5-2-090")!

    public init() throws {
        let configuration = try Fixtures.configuration()
        directory = Fixtures.temporaryDirectory("banli-git-history")
        let store = try CaseStore.create(at: directory, vocabulary: configuration.vocabulary)
        let git = try Git.installed(in: directory)
        try git.check(["init", "-q", "-b", "main"])
        // As `banli init --git` keeps it: banli's own files stay with this copy.
        Fixtures.write(".banli/\n", to: directory + "/.gitignore")
        var value = Fixtures.fullCase()
        var commits: [String] = []
        func commit(_ author: String, _ time: String, _ message: String) throws {
            Fixtures.write(CaseFileEncoder.encode(value), to: store.path(of: value.id))
            try git.check(["add", "-A"])
            let environment = ["GIT_AUTHOR_NAME": author, "GIT_AUTHOR_EMAIL": "\(author)@example.org", "GIT_AUTHOR_DATE": time,
                               "GIT_COMMITTER_NAME": author, "GIT_COMMITTER_EMAIL": "\(author)@example.org", "GIT_COMMITTER_DATE": time]
            try git.check(["commit", "-q", "-m", message], environment: environment)
            commits.append(try git.check(["rev-parse", "HEAD"]))
        }
        try commit("wangli", "2018-03-21T10:30:00+08:00", "banli 同步：1 件\nzx5-2-090 新建案件；签收")
        value.reply.sections[0].text = "一是……。三是……。"
        value.journal.append(JournalEntry(time: "2018-05-01T10:40:00+08:00", user: "lihua", text: "修改答复：第一部分"))
        try commit("lihua", "2018-05-01T11:00:00+08:00", "banli 同步：1 件\nzx5-2-090 修改答复：第一部分")
        value.reply.closing += "\n此复。"
        try commit("zhangsan", "2018-06-01T09:00:00+08:00", "手工修改结尾")
        value.journal.append(JournalEntry(time: "2018-07-01T15:20:00+08:00", user: "tester", text: "登记面商（电话）"))
        Fixtures.write(CaseFileEncoder.encode(value), to: store.path(of: value.id))
        self.commits = commits
    }
}
