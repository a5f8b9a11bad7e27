import Foundation
import Model
import Testing
import TestSupport
@testable import TUI

/// The in-memory terminal fed raw input, as a terminal sends it, through the real decoder: what
/// once reached the app as Esc followed by characters now arrives as one key.
@Suite struct RawInputTests {
    @Test func theMemoryTerminalDecodesWhatATerminalSends() {
        let terminal = MemoryTerminal(width: 80, height: 24)
        terminal.send(input: "\u{1B}2\u{1B}[1~x\u{1B}[1;5D")
        terminal.send(input: "\u{1B}")
        terminal.send(input: "\u{1B}[200~一是\r二是")
        var events: [InputEvent] = []
        while let event = terminal.nextEvent(timeoutMilliseconds: -1) { events.append(event) }
        #expect(events == [.key(.alt(.character("2"))), .key(.home), .key(.character("x")), .key(.controlLeft),
                           .key(.escape), .paste("一是\r二是")])
    }

    /// Alt-2 in the reply form used to arrive as Esc then 2: the leave menu opened and took item 2,
    /// 放弃修改并离开, and the text was gone.
    @Test func altTwoInTheReplyFormLeavesTheTextAlone() throws {
        let s = try AppSession()
        s.select("zx6-5-101")
        s.keys(.character("r"))
        s.type("草稿")
        s.terminal.send(input: "\u{1B}2")
        s.runner.run()
        #expect(s.runner.state.form?.isModified == true && s.runner.state.menu == nil)
        #expect(s.status.contains("Alt-2"))
        // Home under tmux with TERM=xterm-256color is `ESC [ 1 ~`: one key, not Esc, [, 1, ~.
        s.terminal.send(input: "\u{1B}[1~")
        s.runner.run()
        #expect(s.runner.state.form != nil && s.runner.state.menu == nil)
        s.terminal.send(input: "\u{1B}")
        s.runner.run()
        #expect(s.terminal.lines.contains { $0.hasSuffix("> 1 继续编辑") })
    }
}
