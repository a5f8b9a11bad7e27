import Foundation
import Testing
import TestSupport

/// The list's combined filter, 我的, one key clearing it and marking every case shown, and the
/// proposal text shown while drafting, in the real binary under tmux.
@Suite(.serialized) struct EverydayGapsEndToEndTests {
    /// banli on a copy of the demo store as `user`, at `width`×`height`, once its list is on screen.
    static func banli(user: String, width: Int, height: Int) throws -> TmuxSession {
        let home = Fixtures.temporaryDirectory("banli-home")
        let command = "env HOME=\(home) USER=\(user) LANG=C.UTF-8 TERM=xterm-256color \(Banli.binary) --store \(Fixtures.demoStoreCopy())"
            + "; echo BANLI-EXITED $?; sleep 60"
        let tmux = try TmuxSession(width: width, height: height, command: command)
        _ = try tmux.wait(for: "the case list") { $0.contains("编号") }
        return tmux
    }

    @Test(arguments: [(80, 24), (40, 12)])
    func filtersCombineAndEveryCaseShownIsMarked(size: (width: Int, height: Int)) throws {
        let tmux = try EverydayGapsEndToEndTests.banli(user: "zhaomin", width: size.width, height: size.height)
        // 我的, then 状态 办理中 from the parts menu, which stays open until Esc.
        try tmux.send("y")
        _ = try tmux.wait(for: "my cases") { $0.contains("我的 14/32") }
        try tmux.send("f")
        _ = try tmux.wait(for: "the parts menu") { $0.contains("2 状态：不限") }
        try tmux.send("2")
        _ = try tmux.wait(for: "the states") { $0.contains("3 办理中") }
        try tmux.send("3")
        _ = try tmux.wait(for: "the parts menu again") { $0.contains("2 状态：办理中") }
        try tmux.send("Escape")
        var screen = try tmux.wait(for: "the combined filter") { $0.contains("办理中·我的 2/32") && !$0.contains("状态：办理中") }
        var rows = screen.split(separator: "\n").map(String.init)
        #expect(rows.filter { $0.hasPrefix("rd7-5-050") || $0.hasPrefix("zx6-5-093") }.count == 2, "\(screen)")
        #expect(rows.allSatisfy { !$0.hasPrefix("zx6-5-097") })
        // X marks both shown; F clears the filter and the marks stay; X again marks all 32, X clears them.
        try tmux.send("X")
        screen = try tmux.wait(for: "the marks") { $0.contains("已标记2件") }
        rows = screen.split(separator: "\n").map(String.init)
        #expect(rows.filter { $0.hasPrefix("+") }.count == 2, "\(screen)")
        try tmux.send("F")
        screen = try tmux.wait(for: "every case") { !$0.contains("我的") && $0.contains("已标记2件") }
        try tmux.send("X")
        _ = try tmux.wait(for: "every case marked") { $0.contains("已标记32件") }
        try tmux.send("X")
        screen = try tmux.wait(for: "no marks") { !$0.contains("已标记") && $0.contains("已取消全部标记（32件）") }
        #expect(screen.split(separator: "\n").allSatisfy { !$0.hasPrefix("+") })
        try tmux.send("q")
        _ = try tmux.wait(for: "banli to end") { $0.contains("BANLI-EXITED 0") }
    }

    @Test(arguments: [(80, 24), (40, 12), (120, 30)])
    func theProposalTextIsToggledWhileDrafting(size: (width: Int, height: Int)) throws {
        let tmux = try EverydayGapsEndToEndTests.banli(user: "tester", width: size.width, height: size.height)
        try tmux.select("zx6-5-097")
        try tmux.send("r")
        _ = try tmux.wait(for: "the reply form") { $0.contains("答复 zx6-5-097") }
        try tmux.send("F3")
        let wide = size.width >= 100
        var screen = try tmux.wait(for: "the proposal text") { $0.contains("提案原文 1–") && $0.contains("提出人：傅志明") }
        #expect(screen.contains(wide ? "│提案原文" : "\n提案原文"), "\(screen)")
        // Typing goes on into the form, on the caret.
        try tmux.send("-l", "此复")
        screen = try tmux.wait(for: "the text typed") { $0.contains("> 此复") }
        let cursor = try tmux.tmux(["display-message", "-p", "-t", tmux.name, "#{cursor_x} #{cursor_y}"])
        let line = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let caretRow = try #require(line.firstIndex { $0.hasPrefix("> 此复") })
        #expect(cursor.trimmingCharacters(in: .whitespacesAndNewlines) == "6 \(caretRow)", "\(cursor) \(screen)")
        try tmux.send("F4")
        if wide {
            // All of it fits beside: F4 stays at the top.
            _ = try tmux.wait(for: "the first page still") { $0.contains("提案原文 1–15/15行") }
        } else {
            _ = try tmux.wait(for: "the next page") { !$0.contains("提案原文 1–") && $0.contains("提案原文 ") }
        }
        // F3 goes on to the next placement and at last hides the text.
        try tmux.send("F3")
        if wide { _ = try tmux.wait(for: "the text above") { $0.contains("提案原文显示在表单上方") } }
        if wide { try tmux.send("F3") }
        _ = try tmux.wait(for: "the text hidden") { !$0.contains("提案原文 ") && $0.contains("不显示提案原文") }
    }
}
