import Foundation
import Model
import Testing
import TestSupport

/// `banli log`, `banli diff` and the history screen of the real binary, on a store that is a real git
/// repository (`GitHistoryStore`: three commits and a change not committed).
@Suite struct HistoryEndToEndTests {
    let banli = Banli()
    /// SGR sequences, one of them reverse video (7), as tmux's `capture-pane -e` writes them before a character.
    let reversed = "\u{1B}\\[([0-9]+;)*7(;[0-9]+)*m(\u{1B}\\[[0-9;]*m)*"

    @Test func logListsEveryChangeNewestFirstWithItsCommit() throws {
        let fixture = try GitHistoryStore()
        let c = fixture.commits.map { String($0.prefix(7)) }
        let out = try banli.run(["log", "090", "--store", fixture.directory])
        #expect(out.status == 0 && out.stderr.isEmpty, "\(out.stderr)")
        // The users padded to the widest, so that what was done lines up.
        #expect(out.lines == ["2018-07-01 15:20  tester    登记面商（电话）", "2018-06-01 09:00  zhangsan  手工修改结尾  [\(c[2])]",
                              "2018-05-01 10:40  lihua     修改答复：第一部分  [\(c[1])]", "2018-03-21 09:02  wangli    签收  [\(c[0])]",
                              "2018-03-20 10:15  wangli    新建案件  [\(c[0])]"])
        let tsv = try banli.run(["log", "090", "--store", fixture.directory, "--format", "tsv"])
        #expect(tsv.lines.first == "time\tuser\twhat\tcommit" && tsv.lines[2] == "2018-06-01T09:00:00+08:00\tzhangsan\t手工修改结尾\t\(fixture.commits[2])")
        let json = try banli.run(["log", "090", "--store", fixture.directory, "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: String]])
        #expect(rows.count == 5 && rows[0]["commit"] == "" && rows[4]["what"] == "新建案件")
    }

    @Test func diffMarksTheChangedCharactersInAPipe() throws {
        let fixture = try GitHistoryStore()
        let c = fixture.commits.map { String($0.prefix(7)) }
        // No revision: the last commit against the working file — only the journal changed since.
        let none = try banli.run(["diff", "090", "--store", fixture.directory])
        #expect(none.status == 0 && none.lines == ["zx5-2-090  HEAD → 工作文件", "答复没有变化"], "\(none.stderr)")
        let one = try banli.run(["diff", "090", "HEAD~2", "--store", fixture.directory])
        #expect(one.lines == ["zx5-2-090  HEAD~2 → 工作文件", "第一部分", "- 一是……。[-二-]是……。", "+ 一是……。{+三+}是……。",
                              "结尾", "+ 此复。"])
        let two = try banli.run(["diff", "090", c[0], c[1], "--store", fixture.directory])
        #expect(two.lines == ["zx5-2-090  \(c[0]) → \(c[1])", "第一部分", "- 一是……。[-二-]是……。", "+ 一是……。{+三+}是……。"])
    }

    @Test func aBadRevisionAnUnknownCaseOrAStoreWithoutGitIsOneLine() throws {
        let fixture = try GitHistoryStore()
        let bad = try banli.run(["diff", "090", "HEAD~7", "--store", fixture.directory])
        #expect(bad.status == 1 && bad.stdout.isEmpty && bad.stderr == "banli: 没有版本“HEAD~7”\n")
        let unknown = try banli.run(["log", "777", "--store", fixture.directory])
        #expect(unknown.status == 1 && unknown.stderr.split(separator: "\n").count == 1)
        let many = try banli.run(["diff", "090", "a", "b", "c", "--store", fixture.directory])
        #expect(many.status == 64 && many.stderr.contains("最多比较两个版本"))
        try FileManager.default.removeItem(atPath: fixture.directory + "/.git")
        let plain = try banli.run(["diff", "090", "--store", fixture.directory])
        #expect(plain.status == 1 && plain.stderr == "banli: \(fixture.directory) 不是 git 仓库：只有当前一个版本（历史见 banli log；要保留各版本，用 banli git-setup）\n")
        let log = try banli.run(["log", "090", "--store", fixture.directory])
        #expect(log.status == 0 && log.lines.count == 4 && !log.stdout.contains("["))
    }

    /// In a terminal the changed characters are in reverse video (and colour), with no `[-…-]` marks.
    @Test func diffInATerminalMarksTheChangedCharactersInReverseVideo() throws {
        let fixture = try GitHistoryStore()
        let tmux = try TmuxSession(width: 100, height: 10, command: "env -u NO_COLOR LANG=C.UTF-8 TERM=xterm-256color \(Banli.binary) diff 090 HEAD~2 "
                                   + "--store \(fixture.directory); echo BANLI-EXITED $?; sleep 60")
        let screen = try tmux.wait(for: "the diff to end") { $0.contains("BANLI-EXITED") }
        #expect(screen.contains("BANLI-EXITED 0") && screen.contains("+ 一是……。三是……。") && !screen.contains("{+"))
        let attributes = try tmux.tmux(["capture-pane", "-p", "-e", "-t", tmux.name])
        #expect(attributes.range(of: reversed + "三", options: .regularExpression) != nil, "\(attributes.debugDescription)")
        #expect(attributes.range(of: reversed + "二", options: .regularExpression) != nil)
        #expect(attributes.range(of: reversed + "一是", options: .regularExpression) == nil)
    }

    /// `h` on the case, down to the first commit's entry, `d`: the diff with the changed character in
    /// reverse video (tmux's capture with attributes).
    @Test func theHistoryScreenShowsTheDiffInARealTerminal() throws {
        let fixture = try GitHistoryStore()
        let home = Fixtures.temporaryDirectory("banli-home")
        let tmux = try TmuxSession(width: 80, height: 24, command: "env -u NO_COLOR HOME=\(home) USER=tester LANG=C.UTF-8 TERM=xterm-256color "
                                   + "\(Banli.binary) --store \(fixture.directory); echo BANLI-EXITED $?; sleep 60")
        _ = try tmux.wait(for: "the case list") { $0.contains("共1件") }
        try tmux.send("h")
        let c = fixture.commits.map { String($0.prefix(7)) }
        _ = try tmux.wait(for: "the history") { $0.contains("zx5-2-090 变更历史") && $0.contains("2018-03-20 10:15  wangli    \(c[0])  新建案件") }
        try tmux.send("G", "d")
        let screen = try tmux.wait(for: "the diff") { $0.contains("答复的改动：\(c[0]) → 当前") && $0.contains("+ 此复。") }
        #expect(screen.contains("- 一是……。二是……。") && screen.contains("+ 一是……。三是……。"))
        let attributes = try tmux.tmux(["capture-pane", "-p", "-e", "-t", tmux.name])
        // The inserted 三 is drawn reversed and green (SGR 7 and 32); the 一是 before it is not.
        #expect(attributes.range(of: "\u{1B}\\[([0-9]+;)*32(;[0-9]+)*m(\u{1B}\\[[0-9;]*m)*三", options: .regularExpression) != nil)
        #expect(attributes.range(of: reversed + "三", options: .regularExpression) != nil, "\(attributes.debugDescription)")
        #expect(attributes.range(of: reversed + "一是", options: .regularExpression) == nil)
        try tmux.send("Escape")
        _ = try tmux.wait(for: "the history again") { $0.contains("zx5-2-090 变更历史") }
        try tmux.send("Escape", "q")
        _ = try tmux.wait(for: "banli to exit") { $0.contains("BANLI-EXITED 0") }
    }
}
