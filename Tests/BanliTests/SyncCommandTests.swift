import Foundation
import Model
import Testing
import TestSupport

/// `banli init --git`, `git-setup` and `sync` run as a clerk would, on copies of the demo store
/// shared through a bare remote in a temporary directory, with the real git; and a sync killed
/// while git works.
@Suite struct SyncCommandTests {
    let banli = Banli()
    let root = Fixtures.temporaryDirectory("banli-sync")
    var remote: String { root + "/remote.git" }

    /// The demo store as clerk A's, set up and pushed to a new bare remote; its directory.
    func sharedDemo() throws -> String {
        let a = Fixtures.demoStoreCopy()
        try git(root, ["init", "-q", "--bare", "--initial-branch=main", remote])
        let setUp = try banli.run(["git-setup", "--remote", remote, "--store", a])
        #expect(setUp.status == 0, "\(setUp.stderr)")
        let first = try banli.run(["sync", "--store", a])
        #expect(first.status == 0 && first.lines == ["已同步：上传 32 件案件，收到 0 件"], "\(first.stdout)\(first.stderr)")
        return a
    }

    func clone(_ name: String) throws -> String {
        try git(root, ["clone", "-q", remote, root + "/" + name])
        return root + "/" + name
    }

    @discardableResult
    func git(_ directory: String, _ arguments: [String]) throws -> String {
        try Git(executable: "/usr/bin/git", directory: directory).check(arguments)
    }

    func retitle(_ store: String, _ title: String) {
        let path = store + "/zx5-2-090.yaml"
        let text = String(decoding: Fixtures.bytes(path), as: UTF8.self)
        Fixtures.write(text.replacingOccurrences(of: "标题: 关于我区居民委员会若干问题的建议", with: "标题: " + title), to: path)
    }

    @Test func initWithGitIsIdempotentAndSyncOutsideARepositoryIsOneLine() throws {
        let store = root + "/new"
        let made = try banli.run(["init", "--git", store])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.lines.count == 2 && made.lines[1].hasPrefix("\(store)：已初始化 git 仓库（分支 main）；已写入 .gitattributes；已写入 .gitignore；已登记合并程序："),
                "\(made.lines)")
        #expect(made.lines[1].hasSuffix("merge-driver %O %A %B %P；已作首次提交"))
        let again = try banli.run(["init", "--git", store])
        #expect(again.lines == ["\(store) 已是共享的 git 案件库，未作改动"])
        let plain = Fixtures.demoStoreCopy()
        let refused = try banli.run(["sync", "--store", plain])
        #expect(refused.status == 1 && refused.stderr == "banli: 本案件库不是 git 仓库：先运行 banli git-setup\n", "\(refused.stderr)")
        let noRemote = try banli.run(["sync", "--store", store])
        #expect(noRemote.status == 0 && noRemote.lines == ["没有需要提交的修改；未设置远程仓库（git remote add origin 地址）"])
    }

    @Test func theSameFieldChangedInTwoClonesBecomesARecordedConflictNamedByTheSync() throws {
        let a = try sharedDemo()
        let b = try clone("b")
        retitle(a, "甲的标题")
        #expect(try banli.run(["sync", "--store", a]).status == 0)
        retitle(b, "乙的标题")
        // A fresh clone: the sync registers the merge driver before merging.
        let merged = try banli.run(["sync", "--store", b])
        #expect(merged.status == 0 && merged.lines == ["已同步：上传 1 件案件，收到 1 件；冲突 1 件（zx5-2-090）"], "\(merged.stdout)\(merged.stderr)")
        let file = String(decoding: Fixtures.bytes(b + "/zx5-2-090.yaml"), as: UTF8.self)
        #expect(file.contains("标题: 乙的标题") && file.contains("甲的标题") && !file.contains("<<<<<<<"))
        #expect(try banli.run(["check", "--store", b]).status == 0)
        let back = try banli.run(["sync", "--store", a])
        #expect(back.lines == ["已同步：上传 0 件案件，收到 1 件；冲突 1 件（zx5-2-090）"], "\(back.stdout)\(back.stderr)")
        #expect(try git(a, ["rev-parse", "HEAD^{tree}"]) == git(b, ["rev-parse", "HEAD^{tree}"]))
    }

    @Test func aCaseFileThatDoesNotReadIsNotSentAndTheExitStatusIsTwo() throws {
        let a = try sharedDemo()
        let path = a + "/zx5-2-090.yaml"
        Fixtures.write(String(decoding: Fixtures.bytes(path), as: UTF8.self) + "状态: [坏了\n", to: path)
        let sync = try banli.run(["sync", "--store", a])
        #expect(sync.status == 2 && sync.lines == ["已同步：上传 0 件案件，收到 0 件；1 个案件文件读不出，未同步（zx5-2-090.yaml），改正后再同步"],
                "\(sync.stdout)\(sync.stderr)")
        #expect(sync.stderr.hasPrefix("zx5-2-090.yaml 第") && sync.stderr.hasSuffix("；未同步此文件，改正后再同步\n"), "\(sync.stderr)")
        #expect(try !git(remote, ["show", "main:zx5-2-090.yaml"]).contains("[坏了"))
        #expect(try git(a, ["rev-parse", "HEAD"]) == git(remote, ["rev-parse", "main"]))
    }

    @Test func aSyncKilledWhileGitPushesLeavesASoundRepositoryAndTheNextSyncFinishes() throws {
        let a = try sharedDemo()
        // The remote answers slowly: banli is killed while git waits for it.
        let hook = remote + "/hooks/pre-receive"
        Fixtures.write("#!/bin/sh\ncat >/dev/null\nsleep 2\n", to: hook)
        chmod(hook, 0o755)
        for (round, delay) in [200_000, 1_000_000].enumerated() {
            retitle(a, "第\(round)次被打断的同步")
            let (pid, output) = try Spawned.start(["env", "HOME=\(banli.home)", "USER=tester", "LANG=C.UTF-8", Banli.binary, "sync", "--store", a],
                                                  keepingOutput: true, keepingErrors: false)
            close(output)
            usleep(useconds_t(delay))
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            try git(a, ["fsck", "--no-progress"])
            #expect(try banli.run(["list", "--store", a]).status == 0)
            let next = try banli.run(["sync", "--store", a])
            #expect(next.status == 0, "\(next.stderr)")
            #expect(try git(a, ["rev-parse", "HEAD"]) == git(remote, ["rev-parse", "main"]))
            #expect(try git(a, ["status", "--porcelain"]).isEmpty)
        }
    }

    @Test func pressingSInTheTerminalUIBringsAColleaguesChange() throws {
        let a = try sharedDemo()
        let b = try clone("b")
        // b has a change of its own, so the merge makes a commit, and git's hook before it gives
        // the screen time to show what is being received.
        let hook = b + "/.git/hooks/pre-merge-commit"
        Fixtures.write("#!/bin/sh\nsleep 2\n", to: hook)
        chmod(hook, 0o755)
        let tmux = try TmuxSession.banli(store: b)
        _ = try tmux.wait(for: "the sync state") { $0.split(separator: "\n").first?.contains("↑0 ↓0") == true }
        retitle(a, "甲同步来的标题")
        #expect(try banli.run(["sync", "--store", a]).lines == ["已同步：上传 1 件案件，收到 0 件"])
        let own = b + "/zx6-5-101.yaml"
        Fixtures.write(String(decoding: Fixtures.bytes(own), as: UTF8.self).replacingOccurrences(of: "\n标题: ", with: "\n标题: 乙的"), to: own)
        try tmux.send("S")
        _ = try tmux.wait(for: "↓1 while merging") { $0.split(separator: "\n").first?.contains("↓1") == true }
        let done = try tmux.wait(timeout: 20, for: "the sync's line") { $0.contains("已同步：上传 1 件案件，收到 1 件") }
        _ = try tmux.wait(for: "the colleague's title") { $0.contains("甲同步来的标题") }
        #expect(done.split(separator: "\n").first?.contains("BANLI-EXITED") == false)
        #expect(try git(remote, ["log", "-1", "--format=%s", "main"]) == "banli 同步：合并 origin/main")
    }
}
