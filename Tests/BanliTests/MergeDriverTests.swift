import Foundation
import Testing
@testable import Model
import TestSupport

/// `banli merge-driver` run by the real git during `git merge`, and `banli resolve`, `banli check`
/// and `banli show` on the conflicts it records.
@Suite struct MergeDriverTests {
    let banli = Banli()
    let vocabulary = try! Fixtures.configuration().vocabulary
    let id = CaseID("zx5-2-090")!

    /// A store that is a git repository, banli's driver registered for `*.yaml` as `banli git-setup`
    /// registers it, `Fixtures.fullCase()` committed on `main` and a branch `other` beside it.
    func repository() throws -> (store: CaseStore, git: Git) {
        let store = try Fixtures.storeHoldingFullCase(vocabulary: vocabulary)
        let git = try Git.installed(in: store.directory)
        try git.check(["init", "-q", "-b", "main"])
        try git.check(["config", "user.name", "测试"])
        try git.check(["config", "user.email", "test@example.invalid"])
        try git.check(["config", "merge.banli.driver", "\(Banli.binary) merge-driver %O %A %B %P"])
        Fixtures.write("*.yaml merge=banli\n", to: store.directory + "/.gitattributes")
        Fixtures.write(".banli/\n", to: store.directory + "/.gitignore")
        try git.check(["add", "-A"])
        try git.check(["commit", "-q", "-m", "基础"])
        try git.check(["branch", "other"])
        return (store, git)
    }

    /// Commits `c` on `branch`, written as banli writes it.
    func commit(_ c: Case, on branch: String, _ store: CaseStore, _ git: Git) throws {
        try git.check(["checkout", "-q", branch])
        Fixtures.write(CaseFileEncoder.encode(c), to: store.path(of: c.id))
        try git.check(["commit", "-q", "-am", "改 \(branch)"])
    }

    /// `git merge other` on main, the driver run as the test's own user.
    func merge(_ git: Git) throws -> Git.Output {
        try git.check(["checkout", "-q", "main"])
        return try git.run(["merge", "--no-edit", "other"], environment: ["HOME": banli.home, "USER": "tester", "LANG": "C.UTF-8"])
    }

    func read(_ store: CaseStore) throws -> (text: String, value: Case) {
        let bytes = Fixtures.bytes(store.path(of: id))
        return (String(decoding: bytes, as: UTF8.self), try CaseFileDecoder(vocabulary: vocabulary).decode(bytes, path: "merged"))
    }

    @Test func gitMergesACaseByFieldAndRecordsTheClashInsideIt() throws {
        let (store, git) = try repository()
        var mine = Fixtures.fullCase(), theirs = Fixtures.fullCase()
        // Both reopened the closed case's reply: a locked reply is not resolved by text.
        mine.status = "办理中"
        theirs.status = "办理中"
        mine.title = "我改的标题"
        mine.reply.sections[1].text = "我写的第二部分"
        mine.journal.append(JournalEntry(time: "2026-12-01T09:00:00+08:00", user: "wangli", text: "修改答复"))
        theirs.reply.sections[1].text = "他写的第二部分"
        theirs.contacts.append(ContactEntry(date: LocalDate(year: 2018, month: 5, day: 2)!, method: .phone, people: "周", summary: "电话沟通"))
        theirs.journal.append(JournalEntry(time: "2026-12-01T10:00:00+08:00", user: "lihua", text: "登记面商"))
        try commit(theirs, on: "other", store, git)
        try commit(mine, on: "main", store, git)
        let out = try merge(git)
        #expect(out.status == 0, "\(out.text)\(out.standardError)")
        let (text, merged) = try read(store)
        #expect(!text.contains("<<<<<<<") && !text.contains(">>>>>>>"))
        #expect(merged.title == "我改的标题" && merged.contacts.count == 2 && merged.reply.sections[1].text == "我写的第二部分")
        #expect(merged.conflicts.map { [$0.field, $0.theirs, $0.mineUser, $0.theirsUser] } == [["答复.正文.2.内容", "他写的第二部分", "wangli", "lihua"]])
        #expect(merged.journal.last?.user == "tester" && merged.journal.last?.text.hasSuffix("；冲突：答复.正文.2.内容") == true)
        #expect(try git.check(["status", "--porcelain"]).isEmpty)

        // check passes and says what is left to do; show lists both versions.
        let check = try banli.run(["check", "--store", store.directory])
        #expect(check.status == 0 && check.stdout.contains("警告：有 1 个待解决的冲突（答复.正文.2.内容）"), "\(check.stdout)")
        let show = try banli.run(["show", "090", "--store", store.directory])
        #expect(show.stdout.contains("【冲突】待解决 1 个") && show.stdout.contains("对方（lihua）：他写的第二部分"))
        let list = try banli.run(["list", "--store", store.directory])
        #expect(list.lines.contains { $0.hasPrefix("zx5-2-090") && $0.contains("[冲突]*我改的标题") }, "\(list.stdout)")
        let listed = try banli.run(["resolve", "090", "--store", store.directory])
        #expect(listed.status == 0 && listed.lines.first?.hasPrefix("答复.正文.2.内容") == true && listed.stdout.contains("    他写的第二部分"))

        // Resolving takes theirs, journals it, and leaves nothing for check to say.
        let resolved = try banli.run(["resolve", "090", "答复.正文.2.内容", "--theirs", "--store", store.directory])
        #expect(resolved.status == 0 && resolved.stdout.contains("解决冲突：答复.正文.2.内容（采用 lihua 的版本）"), "\(resolved.stderr)")
        #expect(try read(store).value.reply.sections[1].text == "他写的第二部分" && (try read(store).value.conflicts.isEmpty))
        #expect(try banli.run(["check", "--store", store.directory]).stdout.contains("没有发现问题"))
        // Undone like any step: the record comes back with the field as it was.
        let undone = try banli.run(["undo", "090", "--store", store.directory])
        #expect(undone.status == 0 && undone.stdout.contains("撤销：解决冲突：答复.正文.2.内容"), "\(undone.stderr)")
        #expect(try read(store).value.conflicts.count == 1 && (try read(store).value.reply.sections[1].text == "我写的第二部分"))
        #expect(try banli.run(["resolve", "090", "--text", "合写的第二部分", "--store", store.directory]).status == 0)
        let again = try banli.run(["resolve", "090", "--mine", "--store", store.directory])
        #expect(again.status == 1 && again.stderr.contains("没有待解决的冲突"))
        let both = try banli.run(["resolve", "090", "--mine", "--theirs", "--store", store.directory])
        #expect(both.status == 64 && both.stderr.contains("只能选一个"))
    }

    @Test func aBrokenSideLeavesMineReadableAndGitReportsTheConflict() throws {
        let (store, git) = try repository()
        var mine = Fixtures.fullCase()
        mine.title = "我改的标题"
        try git.check(["checkout", "-q", "other"])
        Fixtures.write("格式: banli-case/1\n类型: 提案\n标题: [未闭合\n", to: store.path(of: id))
        try git.check(["commit", "-q", "-am", "手工改坏"])
        try commit(mine, on: "main", store, git)
        let out = try merge(git)
        #expect(out.status != 0)
        let complaint = out.standardError.split(separator: "\n").filter { $0.contains("banli merge-driver") }
        #expect(complaint.count == 1 && complaint[0].contains("zx5-2-090.yaml（对方）"), "\(out.standardError)")
        #expect(try read(store).value.title == "我改的标题")
        try git.check(["merge", "--abort"])
    }

    @Test func theSameCaseAddedOnBothSidesMergesWithoutABase() throws {
        let (store, git) = try repository()
        var mine = Fixtures.fullCase(number: "091"), theirs = Fixtures.fullCase(number: "091")
        mine.topic = "甲"
        theirs.topic = "乙"
        for (c, branch) in [(theirs, "other"), (mine, "main")] {
            try git.check(["checkout", "-q", branch])
            Fixtures.write(CaseFileEncoder.encode(c), to: store.path(of: c.id))
            try git.check(["add", "-A"])
            try git.check(["commit", "-q", "-m", "新建 \(branch)"])
        }
        #expect(try merge(git).status == 0)
        let merged = try CaseFileDecoder(vocabulary: vocabulary).decode(Fixtures.bytes(store.path(of: mine.id)), path: "091")
        #expect(merged.topic == "甲" && merged.conflicts.map(\.field) == ["主题"] && merged.conflicts.first?.theirs == "乙")
    }
}
