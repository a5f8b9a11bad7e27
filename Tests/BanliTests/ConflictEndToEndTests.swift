import Foundation
import Testing
@testable import Model
import TestSupport

/// The real binary in tmux resolving a conflict that a real `git merge`, through `banli merge-driver`,
/// recorded in a copy of the demo store.
@Suite struct ConflictEndToEndTests {
    @Test func aConflictFromAGitMergeIsFlaggedAndResolvedInTheTerminal() throws {
        let store = Fixtures.demoStoreCopy()
        let vocabulary = try Fixtures.configuration().vocabulary
        let git = try Git.installed(in: store)
        let environment = ["HOME": Fixtures.temporaryDirectory("banli-home"), "USER": "tester", "LANG": "C.UTF-8"]
        try git.check(["init", "-q", "-b", "main"])
        try git.check(["config", "user.name", "测试"])
        try git.check(["config", "user.email", "test@example.invalid"])
        try git.check(["config", "merge.banli.driver", "\(Banli.binary) merge-driver %O %A %B %P"])
        Fixtures.write("*.yaml merge=banli\n", to: store + "/.gitattributes")
        Fixtures.write(".banli/\n", to: store + "/.gitignore")
        try git.check(["add", "-A"])
        try git.check(["commit", "-q", "-m", "基础"])
        try git.check(["branch", "other"])
        let path = store + "/zx6-5-101.yaml"
        for (branch, user, opening) in [("other", "lihua", "他写的开头"), ("main", "wangli", "我写的开头")] {
            try git.check(["checkout", "-q", branch])
            var c = try CaseFileDecoder(vocabulary: vocabulary).decode(Fixtures.bytes(path), path: path)
            c.reply.opening = opening
            c.journal.append(JournalEntry(time: "2026-11-28T10:00:00+08:00", user: user, text: "修改答复"))
            Fixtures.write(CaseFileEncoder.encode(c), to: path)
            try git.check(["commit", "-q", "-am", "改开头"])
        }
        try git.check(["merge", "--no-edit", "other"], environment: environment)

        let tmux = try TmuxSession.banli(store: store)
        try tmux.select("zx6-5-101")
        _ = try tmux.wait(for: "the flag") { $0.split(separator: "\n").contains { $0.hasPrefix("zx6-5-101") && $0.contains("[冲突]") } }
        try tmux.send("R")
        let screen = try tmux.wait(for: "both versions") { $0.contains("│ 对方（lihua）") }
        #expect(screen.contains("本方（wangli）") && screen.contains("我写的开头") && screen.contains("│ 他写的开头"))
        try tmux.send("2")
        _ = try tmux.wait(for: "the resolution") { $0.contains("解决冲突：答复.开头（采用 lihua 的版本）") }
        let resolved = try CaseFileDecoder(vocabulary: vocabulary).decode(Fixtures.bytes(path), path: path)
        #expect(resolved.reply.opening == "他写的开头" && resolved.conflicts.isEmpty)
        _ = try tmux.wait(for: "the list without the flag") {
            $0.split(separator: "\n").contains { $0.hasPrefix("zx6-5-101") && !$0.contains("[冲突]") }
        }
    }
}
