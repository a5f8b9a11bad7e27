import Foundation
import Model
import Testing
import TestSupport
@testable import TUI

/// Case text carrying terminal escape sequences, C1 controls and bidi overrides is drawn inert on
/// every screen: no cell of any frame holds a control or format character.
@Suite struct HostileTextTests {
    static let hostile = "标题\u{1B}]0;PWNED\u{07}\u{1B}[2J\u{1B}[H\u{9B}31m\u{202E}反转\u{2066}隔离\u{200B}零宽\u{85}下一行\u{0}空"

    static func isInert(_ frame: ScreenBuffer) -> Bool {
        frame.cells.allSatisfy { cell in
            (cell.character?.unicodeScalars ?? "".unicodeScalars).allSatisfy { s in
                !(s.value < 0x20 || (0x7F..<0xA0).contains(s.value) || s.isInvisibleFormat)
            }
        }
    }

    @Test func hostileTextIsInertOnEveryScreen() throws {
        let configuration = try Fixtures.configuration()
        let directory = Fixtures.demoStoreCopy()
        let store = try CaseStore(directory: directory, vocabulary: configuration.vocabulary)
        var c = try store.load(CaseID("zx6-5-101")!)
        c.value.title = Self.hostile
        c.value.leadProposer = "苏\u{1B}[31m立群"
        c.value.text = Self.hostile + "\n" + Self.hostile
        c.value.reply = Reply(salutation: Self.hostile, opening: Self.hostile, sections: [ReplySection(heading: Self.hostile, text: Self.hostile)])
        try store.save(c.value, replacing: c.revision)
        let session = try AppSession(store: directory)
        let (terminal, runner) = (session.terminal, session.runner)
        // The list, the detail, the form and the preview, each checked as it is drawn.
        var screens: [[Key]] = [[.character("/")] + "zx6-5-101".map { .character($0) } + [.enter], [.enter], [.character("r")], [.control("r")]]
        screens.append([.escape, .character("o")])
        for keys in screens {
            terminal.send(keys: keys)
            runner.run()
            #expect(Self.isInert(terminal.frame), "\(terminal.lines)")
        }
        #expect(terminal.lines.joined().contains("PWNED"), "the text is shown, made inert, not hidden")
    }
}
