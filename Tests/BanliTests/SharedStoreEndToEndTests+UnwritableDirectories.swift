import Foundation
import Model
import Testing
import TestSupport

/// A store first used by one user under a umask of 022: `.banli` and its directories are that
/// user's alone (2755), so a colleague in the group saves but keeps no undo step, no draft and no
/// editing mark. Each is said where it happens, `undo` names the change without a step, and
/// `banli check` names every such directory and the README's fix; a case file only its owner may
/// write is not called read-only.
extension SharedStoreEndToEndTests {
    /// `command` run as `user` (`asUser`), its output whatever the exit status.
    func run(as user: String, home: String, _ command: String) throws -> Banli.Output {
        try banli.run(["-c", asUser(user, home: home, command)], environment: ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin"],
                      executable: "/bin/sh")
    }

    @Test func directoriesMadeUnderUmask022AreToldAtSaveByUndoAndByCheck() throws {
        let group = try makeUsers()
        let (a, b) = (Self.users[0], Self.users[1])
        let homes = [a: try home(for: a), b: try home(for: b)]
        let store = try sharedStore(group: group, firstUser: a, home: homes[a]!)
        // a's first save and the directories a's terminal would make, under umask 022.
        try shell(asUser(a, home: homes[a]!, "umask 022 && rm -rf \(store)/.banli/undo && \(Banli.binary) contact 090 --store \(store) "
                         + "--method 电话 --people 周建平委员 --summary 甲电话沟通 >/dev/null && "
                         + "mkdir -p \(store)/.banli/recovery \(store)/.banli/editing \(store)/.banli/conflicts && chmod 2755 \(store)/.banli"))
        let contact = "\(Banli.binary) contact 090 --store \(store) --method 电话 --people 周建平委员 --summary 乙电话沟通"

        // b's save works, and says that it cannot be undone.
        let saved = try run(as: b, home: homes[b]!, contact)
        #expect(saved.status == 0 && saved.lines.count == 1, "\(saved.stderr)")
        #expect(saved.stderr == "注意：\(store)/.banli/undo: 没有权限，本次更改无法撤销\n")
        // a's step is still there (b may not remove it), but it is not b's change that is blamed on a.
        let undo = try run(as: b, home: homes[b]!, "\(Banli.binary) undo 090 --store \(store)")
        #expect(undo.status != 0)
        let change = try #require(saved.lines.first?.split(separator: "：", maxSplits: 1).last)
        #expect(undo.stderr == "banli: zx5-2-090：最近一次更改“\(change)”（\(b) 作出）没有撤销记录，不能撤销\n")
        #expect(!undo.stderr.contains(a), "\(undo.stderr)")

        // check names each directory, what is lost, and the README's fix; a sees nothing wrong.
        let check = try run(as: b, home: homes[b]!, "\(Banli.binary) check --store \(store)")
        #expect(check.status == 0, "\(check.stderr)")
        let losses = [".banli": "列表索引和文本缓存无法更新", ".banli/recovery": "没有崩溃恢复", ".banli/editing": "没有编辑标记",
                      ".banli/undo": "更改无法撤销", ".banli/conflicts": "保存冲突时无法另存你的版本"]
        for (directory, loss) in losses {
            let path = store + "/" + directory
            let line = try #require(check.lines.first { $0.hasPrefix(path + ": ") })
            #expect(line.hasPrefix("\(path): 警告：你不能写入此目录（所有者 \(a)，权限 2755）：\(loss)"), "\(line)")
            #expect(line.hasSuffix("；要允许写入：请目录所有者 \(a) 执行 chmod g+w \(path)；整个案件库的修正见 README 的“A store shared by a group”一节"), "\(line)")
        }
        let checkA = try run(as: a, home: homes[a]!, "\(Banli.binary) check --store \(store)")
        #expect(!checkA.stdout.contains("你不能写入此目录"), "\(checkA.stdout)")

        // A case only its owner may write is refused as such, not as a read-only file.
        let path = store + "/zx5-2-090.yaml"
        #expect(chown(path, 0, 0) == 0 && chmod(path, 0o644) == 0)
        let refused = try run(as: b, home: homes[b]!, contact)
        #expect(refused.status != 0)
        #expect(refused.stderr == "banli: \(path): 没有写入权限（你不能修改此文件：所有者 root，权限 0644；要允许修改：请文件所有者 root 允许你写入，你不在文件所属的组中），未保存\n")
    }
}
