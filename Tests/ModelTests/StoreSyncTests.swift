import Foundation
import Model
import Testing
import TestSupport

/// `StoreRepository.setUp` and `StoreSync.run` with the real git: a bare remote and clones in
/// temporary directories.
@Suite struct StoreSyncTests {
    @Test func settingUpTwiceChangesNothingTheSecondTime() throws {
        let stores = try SharedStores(count: 3)
        let repository = StoreRepository(git: try Git.installed(in: try stores.directory("a")))
        let head = try stores.git("a", ["rev-parse", "HEAD"])
        let again = try repository.setUp(driverCommand: SharedStores.driver, remote: stores.remote, identity: SharedStores.identity("a"))
        #expect(again.isEmpty)
        #expect(try stores.git("a", ["rev-parse", "HEAD"]) == head)
        #expect(try stores.git("a", ["config", "merge.banli.driver"]) == SharedStores.driver)
        #expect(try stores.git("a", ["check-attr", "merge", "001.yaml"]).hasSuffix("merge: banli"))
        #expect(try stores.git("a", ["check-ignore", ".banli/index.tsv"]) == ".banli/index.tsv")
        // A fresh clone has the files but not the driver: a sync registers it.
        _ = try stores.directory("b")
        #expect((try? stores.git("b", ["config", "merge.banli.driver"])) == nil)
        _ = try stores.sync("b")
        #expect(try stores.git("b", ["config", "merge.banli.driver"]) == SharedStores.driver)
    }

    @Test func aSyncCommitsWithTheJournalAsMessageAndTheClerkAsAuthor() throws {
        let stores = try SharedStores(count: 3)
        try stores.edit("a", 2, title: "新标题")
        let result = try stores.sync("a")
        #expect(result.committed && result.sent == 1 && result.line == "已同步：上传 1 件案件，收到 0 件")
        let message = try stores.git("a", ["log", "-1", "--format=%an <%ae>%n%B"])
        #expect(message.hasPrefix("a <a@test>\nbanli 同步：1 件案件（zx5-2-002）\n\nzx5-2-002 修改标题：新标题"), "\(message)")
        #expect(try stores.git("a", ["rev-parse", "HEAD"]) == SharedStores.git(stores.remote, ["rev-parse", "main"]))
        let nothing = try stores.sync("a")
        #expect(!nothing.committed && nothing.sent == 0)
    }

    @Test func withoutARemoteTheCommitStaysLocalAndTheLineSaysSo() throws {
        let stores = try SharedStores(count: 2)
        try stores.git("a", ["remote", "remove", "origin"])
        try stores.edit("a", 1, title: "本机")
        let result = try stores.sync("a")
        #expect(result.line == "已在本机提交；未设置远程仓库（git remote add origin 地址）")
        #expect(try stores.git("a", ["status", "--porcelain"]).isEmpty)
    }

    @Test func twoClonesEditingDifferentCasesConvergeAndOnlyTheChangedFilesAreReRead() throws {
        let stores = try SharedStores(count: 40)
        let a = try stores.store("a"), b = try stores.store("b")
        _ = try a.list()
        _ = try b.list()
        usleep(20_000)
        for n in 1...5 { try stores.edit("a", n, title: "甲改\(n)") }
        try stores.edit("b", 30, title: "乙改")
        #expect(try stores.sync("a").sent == 5)
        let received = try stores.sync("b")
        #expect(received.receivedCases.sorted() == (1...5).map { String(format: "zx5-2-%03d.yaml", $0) })
        #expect(received.line == "已同步：上传 1 件案件，收到 5 件")
        #expect(try b.list().parsedCount == 6)
        let back = try stores.sync("a")
        #expect(back.receivedCases == ["zx5-2-030.yaml"])
        #expect(try stores.git("a", ["rev-parse", "HEAD^{tree}"]) == stores.git("b", ["rev-parse", "HEAD^{tree}"]))
        #expect(try a.load(try a.resolve(["030"])[0]).value.title == "乙改")
    }

    @Test func aPushRejectedBecauseAnotherClonePushedFirstIsMergedAndPushedAgain() throws {
        let stores = try SharedStores(count: 4)
        _ = try stores.directory("c")
        try stores.edit("c", 3, title: "丙先推")
        try stores.git("c", ["commit", "-qam", "丙"])
        // Between a's fetch and its push, c pushes: a's push is refused once.
        let hook = try stores.directory("a") + "/.git/hooks/pre-push"
        Fixtures.write("""
            #!/bin/sh
            [ -e "\(stores.root)/pushed" ] && exit 0
            touch "\(stores.root)/pushed"
            env -u GIT_DIR -u GIT_WORK_TREE -u GIT_INDEX_FILE git -C "\(stores.root)/c" push -q origin main
            """, to: hook)
        chmod(hook, 0o755)
        try stores.edit("a", 1, title: "甲后推")
        let result = try stores.sync("a")
        #expect(result.receivedCases == ["zx5-2-003.yaml"] && result.sent == 1)
        #expect(try stores.git("a", ["rev-parse", "HEAD"]) == SharedStores.git(stores.remote, ["rev-parse", "main"]))
        #expect(FileManager.default.fileExists(atPath: stores.root + "/pushed"))
        try FileManager.default.removeItem(atPath: stores.root + "/pushed")
        try stores.edit("a", 2, title: "再次")
        do {
            _ = try stores.sync("a", attempts: 1)
            Issue.record("a push rejected with no attempt left must fail")
        } catch {
            #expect(error.description == "推送到 origin 被拒绝 1 次（其他同事正在同步）：本机的修改已提交并保留，下次同步继续，请稍后再同步")
        }
    }

    @Test func aRemovedRemoteIsOneLineTheCommitStaysAndTheNextSyncFinishes() throws {
        let stores = try SharedStores(count: 2)
        try FileManager.default.moveItem(atPath: stores.remote, toPath: stores.root + "/away.git")
        try stores.edit("a", 1, title: "断网时")
        do {
            _ = try stores.sync("a")
            Issue.record("a sync without its remote must fail")
        } catch {
            #expect(error.description.hasPrefix("无法连接远程仓库 origin（'\(stores.remote)' does not appear to be a git repository）"), "\(error)")
            #expect(error.description.hasSuffix("本机的修改已提交并保留，下次同步继续"))
        }
        #expect(try stores.git("a", ["log", "-1", "--format=%s"]) == "banli 同步：1 件案件（zx5-2-001）")
        try FileManager.default.moveItem(atPath: stores.root + "/away.git", toPath: stores.remote)
        let result = try stores.sync("a")
        #expect(result.sent == 1 && !result.committed)
        #expect(try stores.git("a", ["rev-parse", "HEAD"]) == SharedStores.git(stores.remote, ["rev-parse", "main"]))
    }

    @Test func aCaseDeletedOnOneSideAndChangedOnTheOtherIsKept() throws {
        let stores = try SharedStores(count: 3)
        _ = try stores.directory("b")
        try FileManager.default.removeItem(atPath: try stores.directory("a") + "/zx5-2-002.yaml")
        let deleted = try stores.sync("a")
        let body = try stores.git("a", ["log", "-1", "--format=%b"])
        #expect(deleted.sent == 0 && deleted.deleted == 1 && body == "zx5-2-002 已删除")
        #expect(deleted.line == "已同步：上传 0 件案件，删除 1 件，收到 0 件")
        try stores.edit("b", 2, title: "乙仍在办")
        let result = try stores.sync("b")
        #expect(result.keptAgainstDeletion == ["zx5-2-002.yaml"])
        #expect(result.line.hasSuffix("；一方删除、另一方修改的案件已保留：zx5-2-002.yaml"))
        #expect(try stores.store("b").load(try stores.store("b").resolve(["002"])[0]).value.title == "乙仍在办")
        _ = try stores.sync("a")
        #expect(FileManager.default.fileExists(atPath: try stores.directory("a") + "/zx5-2-002.yaml"))
    }

    @Test func aFileTheDriverRefusesTakesTheMergeBackAndKeepsTheLocalCommit() throws {
        let stores = try SharedStores(count: 3)
        _ = try stores.directory("b")
        try stores.edit("a", 1, title: "甲")
        _ = try stores.sync("a")
        try stores.edit("b", 1, title: "乙")
        do {
            _ = try stores.sync("b")
            Issue.record("the refusing driver must stop the merge")
        } catch {
            #expect(error.description == "合并远程的修改未能完成，已撤回合并：zx5-2-001.yaml；本机的修改已提交并保留，下次同步继续，案件文件为本机版本")
        }
        #expect(!FileManager.default.fileExists(atPath: try stores.directory("b") + "/.git/MERGE_HEAD"))
        #expect(try stores.store("b").load(try stores.store("b").resolve(["001"])[0]).value.title == "乙")
        #expect(try stores.git("b", ["status", "--porcelain"]).isEmpty)
    }

    @Test func theDriversReasonIsInTheRefusal() throws {
        let stores = try SharedStores(count: 3)
        _ = try stores.directory("b")
        try stores.edit("a", 1, title: "甲")
        _ = try stores.sync("a")
        try stores.edit("b", 1, title: "乙")
        // As banli's driver words a side it cannot read; git passes the line through.
        let driver = "echo 'banli merge-driver：%P（对方）:3: 读不出' >&2; false"
        do {
            _ = try stores.sync("b", driver: driver)
            Issue.record("the refusing driver must stop the merge")
        } catch {
            #expect(error.description == "合并远程的修改未能完成，已撤回合并：zx5-2-001.yaml（合并程序：zx5-2-001.yaml（对方）:3: 读不出）；本机的修改已提交并保留，下次同步继续，案件文件为本机版本")
        }
    }

    @Test func aCaseFileThatDoesNotReadIsLeftOutOfTheCommitAndTheRestIsSynced() throws {
        let stores = try SharedStores(count: 3)
        let a = try stores.directory("a")
        try stores.edit("a", 1, title: "能读")
        let broken = String(decoding: Fixtures.bytes(a + "/zx5-2-002.yaml"), as: UTF8.self) + "状态: [坏了\n"
        Fixtures.write(broken, to: a + "/zx5-2-002.yaml")
        // A case whose number is not its file's name, as a copy made by hand is.
        Fixtures.write(String(decoding: Fixtures.bytes(a + "/zx5-2-001.yaml"), as: UTF8.self), to: a + "/zx5-2-009.yaml")
        let result = try stores.sync("a")
        #expect(result.sent == 1 && result.unsent.map(\.name) == ["zx5-2-002.yaml", "zx5-2-009.yaml"])
        #expect(result.line == "已同步：上传 1 件案件，收到 0 件；2 个案件文件读不出，未同步（zx5-2-002.yaml、zx5-2-009.yaml），改正后再同步")
        let line = result.unsent[0].description
        #expect(line.hasPrefix("zx5-2-002.yaml 第") && line.hasSuffix("；未同步此文件，改正后再同步") && !line.contains("\n"), "\(line)")
        #expect(result.unsent[1].description.hasPrefix("zx5-2-009.yaml："), "\(result.unsent[1])")
        // Neither reached the remote; both stay on disk as the clerk left them.
        #expect(try SharedStores.git(stores.remote, ["ls-tree", "--name-only", "main", "zx5-2-009.yaml"]).isEmpty)
        let status = try stores.git("a", ["status", "--porcelain"])
        #expect(status.contains("M zx5-2-002.yaml") && status.contains("?? zx5-2-009.yaml") && status.split(separator: "\n").count == 2, "\(status)")
        #expect(String(decoding: Fixtures.bytes(a + "/zx5-2-002.yaml"), as: UTF8.self) == broken)
        #expect(try stores.git("a", ["log", "-1", "--format=%s"]) == "banli 同步：1 件案件（zx5-2-001）")
    }

    @Test func aFileLeftOutThatTheRemoteChangedStopsTheMergeAndIsNamed() throws {
        let stores = try SharedStores(count: 3)
        let b = try stores.directory("b")
        try stores.edit("a", 2, title: "甲")
        _ = try stores.sync("a")
        Fixtures.write(String(decoding: Fixtures.bytes(b + "/zx5-2-002.yaml"), as: UTF8.self) + "状态: [坏了\n", to: b + "/zx5-2-002.yaml")
        do {
            _ = try stores.sync("b")
            Issue.record("git must refuse to overwrite the file left out")
        } catch {
            #expect(error.description.hasPrefix("远程也修改了本机读不出的案件文件 zx5-2-002.yaml，未合并远程的修改"), "\(error)")
        }
        #expect(String(decoding: Fixtures.bytes(b + "/zx5-2-002.yaml"), as: UTF8.self).hasSuffix("状态: [坏了\n"))
    }

    @Test func aPushAHookDeclinesSaysTheCommitIsKept() throws {
        let stores = try SharedStores(count: 2)
        let hook = stores.remote + "/hooks/pre-receive"
        Fixtures.write("#!/bin/sh\ncat >/dev/null\necho '不许推送   ' >&2\nexit 1\n", to: hook)
        chmod(hook, 0o755)
        try stores.edit("a", 1, title: "被拒")
        do {
            _ = try stores.sync("a")
            Issue.record("a declined push must fail")
        } catch {
            #expect(error.description == "推送到 origin 失败（退出码 1）：remote: 不许推送；本机的修改已提交并保留，下次同步继续", "\(error)")
        }
    }

    @Test func whatAKilledSyncLeftIsRepaired() throws {
        let stores = try SharedStores(count: 3)
        _ = try stores.directory("b")
        try stores.edit("a", 1, title: "甲")
        _ = try stores.sync("a")
        // A merge stopped before its commit, and git's index lock left by a killed git.
        try stores.git("b", ["fetch", "-q"])
        try stores.git("b", ["merge", "-q", "--no-commit", "--no-ff", "origin/main"])
        Fixtures.write("", to: try stores.directory("b") + "/.git/index.lock")
        try stores.edit("b", 2, title: "乙")
        let result = try stores.sync("b")
        #expect(result.sent == 1)
        #expect(!FileManager.default.fileExists(atPath: try stores.directory("b") + "/.git/index.lock"))
        #expect(try stores.git("b", ["rev-parse", "HEAD"]) == SharedStores.git(stores.remote, ["rev-parse", "main"]))
        _ = try stores.git("b", ["fsck", "--no-progress"])
    }

    @Test func notARepositoryIsOneLine() throws {
        let store = try Fixtures.numberedStore(count: 1)
        let sync = StoreSync(store: store, git: Git(executable: "/usr/bin/git", directory: store.directory),
                             identity: SharedStores.identity("a"), driverCommand: SharedStores.driver)
        #expect(throws: SyncError.self) { try sync.run() }
        do { _ = try sync.run() } catch { #expect(error.description == "本案件库不是 git 仓库：先运行 banli git-setup") }
    }
}
