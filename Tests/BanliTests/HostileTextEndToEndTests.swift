import Foundation
import Model
import Testing
import TestSupport

/// The bytes the real binary writes to a real terminal while showing a case full of escape
/// sequences, C1 controls and bidi overrides: none of them reaches the terminal.
@Suite(.serialized) struct HostileTextEndToEndTests {
    @Test func noEscapeSequenceFromACaseReachesTheTerminal() throws {
        let store = Fixtures.demoStoreCopy()
        let cases = try CaseStore(directory: store, vocabulary: Fixtures.configuration().vocabulary)
        var c = try cases.load(CaseID("zx6-5-101")!)
        let hostile = "关于\u{1B}]0;PWNED\u{07}\u{1B}[2J\u{9B}31m\u{202E}反转的建议"
        c.value.title = hostile
        c.value.text = hostile + "\n第二段\u{1B}]52;c;ZXZpbA==\u{07}"
        try cases.save(c.value, replacing: c.revision)

        let tmux = try TmuxSession.banli(store: store)
        let output = Fixtures.temporaryDirectory() + "/pane.bytes"
        try tmux.tmux(["pipe-pane", "-o", "-t", tmux.name, "cat >> \(output)"])
        try tmux.select("zx6-5-101")
        try tmux.send("Enter")
        _ = try tmux.wait(for: "the detail") { $0.contains("第二段") && $0.contains("PWNED") }
        try tmux.send("Escape", "q")
        _ = try tmux.wait(for: "banli to exit") { $0.contains("BANLI-EXITED 0") }
        let bytes = Fixtures.bytes(output)
        #expect(contains(bytes, Array("PWNED".utf8)), "the pane's output was recorded, with the case text in it")
        for (name, forbidden) in [("OSC title", "\u{1B}]0;PWNED"), ("OSC clipboard", "\u{1B}]52;"), ("C1 CSI", "\u{9B}"), ("RLO", "\u{202E}")] {
            #expect(!contains(bytes, Array(forbidden.utf8)), "\(name) reached the terminal")
        }
    }

    private func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard bytes.count >= needle.count else { return false }
        return (0...(bytes.count - needle.count)).contains { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}
