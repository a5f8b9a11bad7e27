import Foundation
import Testing
import TestSupport
import TUI

/// The real binary in a real terminal (tmux), driven by keys, read back with capture-pane.
@Suite(.serialized) struct TerminalEndToEndTests {
    @Test func browseTheDemoStoreInARealTerminal() throws {
        let tmux = try TmuxSession.banli(store: Fixtures.demoStoreCopy())

        let list = try tmux.screen()
        let rows = list.split(separator: "\n").map(String.init)
        #expect(rows[1].hasPrefix("编号       类型 标题"))
        #expect(rows.allSatisfy { TextMetrics.width(of: $0) <= 80 })

        try tmux.send("/")
        try tmux.send("-l", "殡葬")
        let searching = try tmux.wait(for: "the search prompt") { $0.contains("搜索：殡葬") }
        #expect(searching.contains("zx6-4-082"))
        let cursor = try tmux.tmux(["display-message", "-p", "-t", tmux.name, "#{cursor_x},#{cursor_y}"])
        #expect(cursor.trimmingCharacters(in: .whitespacesAndNewlines) == "10,22")
        try tmux.send("Enter", "g")

        // A bracketed paste lands in the prompt as text, newline included, without submitting it.
        try tmux.send("/")
        try tmux.tmux(["set-buffer", "消防\n"])
        try tmux.tmux(["paste-buffer", "-p", "-t", tmux.name])
        let pasted = try tmux.wait(for: "the pasted search") { $0.contains("搜索：消防") }
        #expect(pasted.contains("zx6-4-047"))
        try tmux.send("Escape")

        // A word only in a proposal's text: found, and the status line says so.
        try tmux.send("/")
        try tmux.send("-l", "随迁")
        let inText = try tmux.wait(for: "a word of the proposal text") { $0.contains("搜索：随迁（正文）") }
        #expect(inText.contains("zx6-5-052"))
        try tmux.send("Escape")

        try tmux.send("j", "j", "Enter")
        _ = try tmux.wait(for: "the detail of 047") { $0.contains("第047号委员提案") && $0.contains("Esc 返回") }

        try tmux.send("Escape")
        _ = try tmux.wait(for: "back on the list") { $0.contains("共32件") && $0.contains("Enter 打开") }

        try tmux.tmux(["resize-window", "-t", tmux.name, "-x", "40", "-y", "12"])
        let narrow = try tmux.wait(for: "the narrow list") { screen in
            let lines = screen.split(separator: "\n")
            return lines.count <= 12 && lines.first?.hasPrefix("banli 办理") == true && !screen.contains("领衔人")
        }
        #expect(narrow.split(separator: "\n").allSatisfy { TextMetrics.width(of: $0) <= 40 })

        try tmux.send("q")
        _ = try tmux.wait(for: "banli to exit") { $0.contains("BANLI-EXITED 0") }
    }

    /// The editor's keys get through: Ctrl-arrows as tmux sends them (xterm's sequences) whether
    /// TERM's terminfo entry has them (xterm-256color) or not (screen), and Ctrl-Y despite job
    /// control. The list screen binds none of them, so its status line names each key as it arrives.
    /// (Ctrl-Z stops banli on the list, as in any terminal program: see `ctrlZStopsBanliAndFgBringsItBack`.)
    @Test(arguments: ["xterm-256color", "screen"])
    func editingKeysReachTheApp(term: String) throws {
        let tmux = try TmuxSession.banli(store: Fixtures.demoStoreCopy(), term: term)
        for (key, label) in [("C-Left", "Ctrl-←"), ("C-Right", "Ctrl-→"), ("C-Home", "Ctrl-Home"), ("C-End", "Ctrl-End"),
                             ("C-y", "Ctrl-Y")] {
            try tmux.send(key)
            _ = try tmux.wait(for: "\(label) on \(term)") { $0.contains("\(label) 在这里不做任何事") }
        }
        try tmux.send("q")
        _ = try tmux.wait(for: "banli to exit") { $0.contains("BANLI-EXITED 0") }
    }

    /// Where the full-screen UI cannot work, banli says why and what to do in one line, and exits 1.
    @Test(arguments: [
        ("LANG=C TERM=xterm-256color", "当前语言环境不是 UTF-8（LANG=C），无法显示中文；请设置 LANG=C.UTF-8 或 zh_CN.UTF-8"),
        ("LANG=C.UTF-8 TERM=dumb", "终端类型“dumb”不支持全屏界面；请设置 TERM（如 xterm-256color），或用 banli list"),
        ("LANG=C.UTF-8 TERM=no-such-terminal", "terminfo 中没有终端类型“no-such-terminal”"),
        ("LANG=C.UTF-8 TERM=xterm-256color setsid -w", "没有控制终端"),
    ])
    func refusesInOneLineWhereTheUICannotWork(environment: String, message: String) throws {
        let store = Fixtures.demoStoreCopy()
        let home = Fixtures.temporaryDirectory("banli-home")
        let lines = try TmuxSession.linesOnceEnded("env -u LC_ALL -u LC_CTYPE HOME=\(home) \(environment) \(Banli.binary) --store \(store)")
        #expect(lines.first?.hasPrefix("banli：" + message) == true, "\(lines)")
        #expect(lines.count == 2 && lines[1] == "BANLI-EXITED 1", "\(lines)")
    }

    /// `banli | head` on a terminal: the list goes into the pipe, no screen is opened.
    @Test func withItsOutputInAPipeBanliPrintsTheList() throws {
        let store = Fixtures.demoStoreCopy()
        let home = Fixtures.temporaryDirectory("banli-home")
        let lines = try TmuxSession.linesOnceEnded("env HOME=\(home) LANG=C.UTF-8 TERM=xterm-256color \(Banli.binary) --store \(store) | head -3")
        #expect(lines.count == 4 && lines[0].hasPrefix("编号") && lines[1].hasPrefix("zx5-2-090"), "\(lines)")
    }

    /// SIGHUP and SIGTERM reach banli as events, so it ends as it chooses (`banli keys` as `q` does:
    /// status 0) with the terminal put back, rather than dying.
    @Test(arguments: [SIGHUP, SIGTERM]) func aHangUpOrTerminateIsAnEventNotADeath(signal: Int32) throws {
        let pidFile = Fixtures.temporaryDirectory() + "/pid"
        let command = "sh -c 'echo $$ > \(pidFile); exec env LANG=C.UTF-8 TERM=xterm-256color \(Banli.binary) keys'; echo BANLI-EXITED $?; sleep 60"
        let tmux = try TmuxSession(width: 80, height: 24, command: command)
        _ = try tmux.wait(for: "the keys screen") { $0.contains("已收到 0 个") }
        try tmux.send("x")
        _ = try tmux.wait(for: "a key") { $0.contains("已收到 1 个") }
        let pid = try #require(Int32(String(decoding: Fixtures.bytes(pidFile), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(kill(pid, signal) == 0)
        _ = try tmux.wait(for: "banli to end") { $0.contains("BANLI-EXITED 0") }
    }

    /// Stopped from outside (`kill -TSTP`, as Ctrl-Z's suspendProcess does from inside), banli gives
    /// the terminal back to the shell; `fg` brings its screen back whole.
    @Test func stoppedItGivesTheShellTheTerminalAndFgBringsItBack() throws {
        let pidFile = Fixtures.temporaryDirectory() + "/pid"
        let tmux = try TmuxSession(width: 80, height: 24, command: "env LANG=C.UTF-8 TERM=tmux-256color bash --norc --noprofile -i")
        try tmux.send("-l", "PS1='$ '; sh -c 'echo $$ > \(pidFile); exec \(Banli.binary) keys'")
        try tmux.send("Enter")
        _ = try tmux.wait(for: "the keys screen") { $0.contains("已收到 0 个") }
        try tmux.send("x")
        _ = try tmux.wait(for: "a key") { $0.contains("已收到 1 个") }
        let pid = try #require(Int32(String(decoding: Fixtures.bytes(pidFile), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(kill(pid, SIGTSTP) == 0)
        _ = try tmux.wait(for: "the shell's job report") { $0.contains("Stopped") && !$0.contains("已收到") }
        try tmux.send("-l", "fg")
        try tmux.send("Enter")
        let back = try tmux.wait(for: "the keys screen again") { $0.contains("已收到 1 个") }
        #expect(back.split(separator: "\n").dropFirst().first?.hasPrefix("x ") == true, "\(back)")
        try tmux.send("q")
        _ = try tmux.wait(for: "the shell's prompt") { $0.split(separator: "\n").last == "$" }
    }
}
