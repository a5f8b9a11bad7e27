import Foundation
import Testing
import TestSupport
import TUI

/// The real binary in a real terminal (tmux), driven by keys, read back with capture-pane.
@Suite(.serialized) struct TerminalEndToEndTests {
    @Test func browseTheDemoStoreInARealTerminal() throws {
        let store = Fixtures.demoStoreCopy()
        let home = Fixtures.temporaryDirectory("banli-home")
        let command = "env HOME=\(home) LANG=C.UTF-8 TERM=xterm-256color \(Banli.binary) --store \(store); echo BANLI-EXITED $?; sleep 60"
        let tmux = try TmuxSession(width: 80, height: 24, command: command)

        let list = try tmux.wait(for: "the case list") { $0.contains("共32件") }
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

    /// The editor's keys get through: Ctrl-arrows from terminfo (xterm-256color) or from the xterm
    /// sequences defined when terminfo lacks them (screen), and Ctrl-Z/Ctrl-Y despite job control.
    /// The list screen binds none of them, so its status line names each key as it arrives.
    @Test(arguments: ["xterm-256color", "screen"])
    func editingKeysReachTheApp(term: String) throws {
        let store = Fixtures.demoStoreCopy()
        let home = Fixtures.temporaryDirectory("banli-home")
        let command = "env HOME=\(home) LANG=C.UTF-8 TERM=\(term) \(Banli.binary) --store \(store); echo BANLI-EXITED $?; sleep 60"
        let tmux = try TmuxSession(width: 80, height: 24, command: command)
        _ = try tmux.wait(for: "the case list") { $0.contains("共32件") }
        for (key, label) in [("C-Left", "Ctrl-←"), ("C-Right", "Ctrl-→"), ("C-Home", "Ctrl-Home"), ("C-End", "Ctrl-End"),
                             ("C-z", "Ctrl-Z"), ("C-y", "Ctrl-Y")] {
            try tmux.send(key)
            _ = try tmux.wait(for: "\(label) on \(term)") { $0.contains("\(label) 未绑定任何操作") }
        }
        try tmux.send("q")
        _ = try tmux.wait(for: "banli to exit") { $0.contains("BANLI-EXITED 0") }
    }
}
