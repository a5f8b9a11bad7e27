import Foundation
import Testing
import TestSupport
@testable import TUI

/// The decoder, fed as a terminal sends: each sequence whole, then the escape delay passing.
@Suite struct KeyDecoderTests {
    /// The events `input` decodes to, sent in one burst and followed by the escape delay.
    func decode(_ input: String, terminalKeys: [String: Key] = [:]) -> [InputEvent] {
        var decoder = KeyDecoder(terminalKeys: terminalKeys)
        var events = input.unicodeScalars.flatMap { decoder.feed($0) }
        events += decoder.timeout()
        #expect(!decoder.isPending)
        return events
    }

    static let named: [(String, Key)] = [
        // Home and End: VT220 / screen / tmux / Linux, rxvt, xterm's normal and application modes.
        ("\u{1B}[1~", .home), ("\u{1B}[7~", .home), ("\u{1B}[H", .home), ("\u{1B}OH", .home),
        ("\u{1B}[4~", .end), ("\u{1B}[8~", .end), ("\u{1B}[F", .end), ("\u{1B}OF", .end),
        ("\u{1B}[2~", .insert), ("\u{1B}[3~", .delete), ("\u{1B}[5~", .pageUp), ("\u{1B}[6~", .pageDown),
        ("\u{1B}[A", .up), ("\u{1B}[B", .down), ("\u{1B}[C", .right), ("\u{1B}[D", .left),
        ("\u{1B}OA", .up), ("\u{1B}OB", .down), ("\u{1B}OC", .right), ("\u{1B}OD", .left),
        // F1–F12: xterm's SS3 P–S, the VT220 numbers, rxvt's 11–14, the Linux console's `ESC [ [`.
        ("\u{1B}OP", .function(1)), ("\u{1B}OQ", .function(2)), ("\u{1B}OR", .function(3)), ("\u{1B}OS", .function(4)),
        ("\u{1B}[11~", .function(1)), ("\u{1B}[12~", .function(2)), ("\u{1B}[13~", .function(3)), ("\u{1B}[14~", .function(4)),
        ("\u{1B}[[A", .function(1)), ("\u{1B}[[B", .function(2)), ("\u{1B}[[C", .function(3)), ("\u{1B}[[D", .function(4)),
        ("\u{1B}[[E", .function(5)), ("\u{1B}[15~", .function(5)), ("\u{1B}[17~", .function(6)), ("\u{1B}[18~", .function(7)),
        ("\u{1B}[19~", .function(8)), ("\u{1B}[20~", .function(9)), ("\u{1B}[21~", .function(10)), ("\u{1B}[23~", .function(11)),
        ("\u{1B}[24~", .function(12)), ("\u{1B}[Z", .backTab), ("\u{1B}OM", .enter),
        // Ctrl: xterm's modifier 5, its older bare form, rxvt's SS3 a–d and `^`.
        ("\u{1B}[1;5D", .controlLeft), ("\u{1B}[1;5C", .controlRight), ("\u{1B}[1;5H", .controlHome), ("\u{1B}[1;5F", .controlEnd),
        ("\u{1B}[5D", .controlLeft), ("\u{1B}O5C", .controlRight), ("\u{1B}Od", .controlLeft), ("\u{1B}Oc", .controlRight),
        ("\u{1B}[7^", .controlHome), ("\u{1B}[8^", .controlEnd), ("\u{1B}[1^", .controlHome), ("\u{1B}[4^", .controlEnd),
        // Alt: xterm's modifier 3, rxvt's extra ESC.
        ("\u{1B}[1;3A", .alt(.up)), ("\u{1B}\u{1B}[A", .alt(.up)), ("\u{1B}\u{1B}OD", .alt(.left)), ("\u{1B}[5;3~", .alt(.pageUp)),
        ("\u{1B}\u{1B}[7~", .alt(.home)), ("\u{1B}[1;3P", .alt(.function(1))), ("\u{1B}\u{1B}[Z", .alt(.backTab)),
        // The 8-bit introducers.
        ("\u{9B}A", .up), ("\u{9B}1;5D", .controlLeft), ("\u{8F}P", .function(1)), ("\u{9B}3~", .delete),
    ]

    @Test(arguments: named) func everyCommonEncodingOfANamedKey(input: String, key: Key) {
        #expect(decode(input) == [.key(key)], "\(EscapeSequence.spelled(Array(input.unicodeScalars), overflow: 0))")
    }

    static let described: [(String, String)] = [
        ("\u{1B}[1;2A", "Shift-↑"), ("\u{1B}[a", "Shift-↑"), ("\u{1B}[d", "Shift-←"), ("\u{1B}Oa", "Ctrl-↑"), ("\u{1B}[1;5B", "Ctrl-↓"),
        ("\u{1B}[2$", "Shift-Ins"), ("\u{1B}[7$", "Shift-Home"), ("\u{1B}[7@", "Ctrl-Shift-Home"), ("\u{1B}[1;6D", "Ctrl-Shift-←"),
        ("\u{1B}[1;7D", "Ctrl-Alt-←"), ("\u{1B}\u{1B}[1;5D", "Ctrl-Alt-←"), ("\u{1B}[1;2P", "Shift-F1"), ("\u{1B}[15;5~", "Ctrl-F5"),
        ("\u{1B}[3;5~", "Ctrl-Del"), ("\u{1B}[6;2~", "Shift-PgDn"), ("\u{1B}[25~", "F13"), ("\u{1B}[34~", "F20"), ("\u{1B}[1;9A", "Meta-↑"),
        ("\u{1B}Op", "KP-0"), ("\u{1B}Oy", "KP-9"), ("\u{1B}Ok", "KP-+"), ("\u{1B}[E", "Begin"), ("\u{1B}[1;5Z", "Ctrl-Shift-Tab"),
        // Nothing any terminal sends for a key: the sequence spelled out.
        ("\u{1B}[99z", "ESC [ 9 9 z"), ("\u{1B}[?1;2c", "ESC [ ? 1 ; 2 c"), ("\u{1B}[201~", "ESC [ 2 0 1 ~"),
        ("\u{1B}[1;99A", "ESC [ 1 ; 9 9 A"), ("\u{1B}[[Z", "ESC [ [ Z"), ("\u{1B}[ q", "ESC [ SP q"), ("\u{1B}[9~", "ESC [ 9 ~"),
        ("\u{1B}[1;5;3D", "ESC [ 1 ; 5 ; 3 D"), ("\u{1B}[~", "ESC [ ~"), ("\u{1B}Oz", "ESC O z"), ("\u{9B}99z", "CSI 9 9 z"),
        // Cut off by the delay: consumed and reported, never typed.
        ("\u{1B}[1;5", "ESC [ 1 ; 5"), ("\u{1B}[[", "ESC [ ["), ("\u{1B}\u{1B}[", "ESC ESC ["), ("\u{1B}O2", "ESC O 2"), ("\u{9B}", "CSI"),
        ("\u{1B}[1\u{D}", "ESC [ 1 ^M"), ("\u{1B}[1中", "ESC [ 1 U+4E2D"),
        // Controls with no key of their own.
        ("\u{0}", "Ctrl-@"), ("\u{1C}", "Ctrl-\\"), ("\u{1D}", "Ctrl-]"), ("\u{1F}", "Ctrl-_"), ("\u{85}", "U+0085"),
        ("\u{1B}\u{0}", "Alt-Ctrl-@"),
    ]

    @Test(arguments: described) func otherSequencesAreOneUnnamedKeyWithAReadableName(input: String, label: String) {
        #expect(decode(input) == [.key(.unnamed(label))])
    }

    @Test func altChordsAndEsc() {
        for digit in "123456789" { #expect(decode("\u{1B}\(digit)") == [.key(.alt(.character(digit)))]) }
        #expect(decode("\u{1B}j") == [.key(.alt(.character("j")))] && Key.alt(.character("j")).name == "Alt-j")
        #expect(decode("\u{1B}J") == [.key(.alt(.character("J")))])
        #expect(decode("\u{1B} ") == [.key(.alt(.character(" ")))])
        #expect(decode("\u{1B}中") == [.key(.alt(.character("中")))])
        #expect(decode("\u{1B}\u{1}") == [.key(.alt(.control("a")))])
        #expect(decode("\u{1B}\r") == [.key(.alt(.enter))] && decode("\u{1B}\u{7F}") == [.key(.alt(.backspace))])
        #expect(decode("\u{1B}\t") == [.key(.alt(.tab))])
        #expect(decode("\u{1B}") == [.key(.escape)])
        #expect(decode("\u{1B}\u{1B}") == [.key(.alt(.escape))])
        #expect(decode("\u{1B}[") == [.key(.alt(.character("[")))] && decode("\u{1B}O") == [.key(.alt(.character("O")))])
        // Two chords back to back, and Esc then a key after the delay.
        #expect(decode("\u{1B}2\u{1B}3") == [.key(.alt(.character("2"))), .key(.alt(.character("3")))])
        #expect(decode("\u{1B}\u{1B}\u{1B}") == [.key(.alt(.escape)), .key(.escape)])
        #expect(decode("\u{1B}\u{1B}x") == [.key(.alt(.escape)), .key(.character("x"))])
    }

    @Test func controlCharactersAreKeys() {
        #expect(decode("\r\n\t\u{7F}\u{8}") == [.key(.enter), .key(.enter), .key(.tab), .key(.backspace), .key(.backspace)])
        #expect(decode("\u{1}\u{13}\u{1A}") == [.key(.control("a")), .key(.control("s")), .key(.control("z"))])
        #expect(decode("a中👍🏽") == [.key(.character("a")), .key(.character("中")), .key(.character("👍")), .key(.character("🏽"))])
    }

    @Test func aTimeoutMidSequenceReportsItAndWhatFollowsDecodesAfresh() {
        var decoder = KeyDecoder()
        #expect(decoder.feed("\u{1B}").isEmpty && decoder.isPending && !decoder.isInPaste)
        #expect(decoder.feed("[").isEmpty && decoder.feed("1").isEmpty && decoder.feed(";").isEmpty)
        #expect(decoder.timeout() == [.key(.unnamed("ESC [ 1 ;"))] && !decoder.isPending)
        #expect(decoder.feed("A") == [.key(.character("A"))])
        #expect(decoder.timeout().isEmpty)
        // A new ESC cuts a partial sequence short: both are keys.
        #expect(decode("\u{1B}[1;5\u{1B}[A") == [.key(.unnamed("ESC [ 1 ; 5")), .key(.up)])
        #expect(decode("\u{1B}O\u{1B}OH") == [.key(.unnamed("ESC O")), .key(.home)])
        #expect(decode("\u{1B}[[\u{9B}B") == [.key(.unnamed("ESC [ [")), .key(.down)])
    }

    @Test func anOverlongSequenceIsCutAndReportedOnce() {
        let input = "\u{1B}[" + String(repeating: "1", count: 100) + "~x"
        let events = decode(input)
        #expect(events.count == 2 && events.last == .key(.character("x")))
        guard case .key(.unnamed(let label)) = events.first else { Issue.record("\(events)"); return }
        #expect(label.hasPrefix("ESC [ 1 1 1") && label.hasSuffix("…（共 103 个字符）"), "\(label)")
        #expect(label.count < 60)
    }

    @Test func bracketedPasteIsOneEventWithItsTextAsItCame() {
        #expect(decode("\u{1B}[200~a\r\nb\u{1B}[201~c") == [.paste("a\r\nb"), .key(.character("c"))])
        #expect(decode("\u{1B}[200~\u{1B}[201~") == [.paste("")])
        // Escape sequences in the pasted text are text (the app makes them inert), and so is a near miss of the end marker.
        #expect(decode("\u{1B}[200~x\u{1B}[31my\u{1B}[20\u{1B}[201z\u{1B}[201~") == [.paste("x\u{1B}[31my\u{1B}[20\u{1B}[201z")])
        // No end marker: the paste ends with what came, a partial marker included.
        var decoder = KeyDecoder()
        for scalar in "\u{1B}[200~一是\n二是\u{1B}[20".unicodeScalars { #expect(decoder.feed(scalar).isEmpty) }
        #expect(decoder.isInPaste && decoder.isPending)
        #expect(decoder.timeout() == [.paste("一是\n二是\u{1B}[20")] && !decoder.isPending)
        // A paste of 100 KB keeps its tail.
        let long = String(repeating: "居委会工作制度。\n", count: 12_000)
        #expect(decode("\u{1B}[200~" + long + "\u{1B}[201~") == [.paste(long)])
    }

    @Test func theTerminalsOwnSequencesWin() {
        let linux = ["\u{1B}\t": Key.backTab, "\u{1B}Ot": .function(5), "\u{8}": .delete]
        #expect(decode("\u{1B}\t", terminalKeys: linux) == [.key(.backTab)])
        #expect(decode("\u{1B}Ot", terminalKeys: linux) == [.key(.function(5))])
        #expect(decode("\u{1B}\u{1B}Ot", terminalKeys: linux) == [.key(.alt(.function(5)))])
        #expect(decode("\u{8}", terminalKeys: linux) == [.key(.backspace)])
        #expect(decode("\u{1B}[A", terminalKeys: linux) == [.key(.up)])
    }

    /// Thousands of random sequences, alone and back to back: each is exactly one key, never a
    /// character, and its label is safe to draw.
    @Test func randomSequencesAreEachOneKeyAndNeverText() {
        var random = SplitMix64(seed: 0x6b65_7973)
        var all = ""
        var count = 0
        for _ in 0..<4_000 {
            let sequence = RandomEscapeSequence.next(using: &random)
            let events = decode(sequence)
            #expect(events.count == 1, "\(EscapeSequence.spelled(Array(sequence.unicodeScalars), overflow: 0)): \(events)")
            for event in events { check(event, from: sequence) }
            all += sequence
            count += 1
        }
        let events = decode(all)
        #expect(events.count == count)
        for event in events { check(event, from: "the run of all") }
    }

    private func check(_ event: InputEvent, from sequence: String) {
        let spelled = EscapeSequence.spelled(Array(sequence.unicodeScalars), overflow: 0)
        guard case .key(let key) = event else { Issue.record("\(spelled): \(event)"); return }
        #expect(!key.isCharacter, "\(spelled): \(key)")
        #expect(key.label.unicodeScalars.allSatisfy { $0.value >= 0x20 && !(0x7F...0x9F).contains($0.value) }, "\(spelled): \(key.label)")
    }

    /// Terminals' replies to queries (a colour, a capability, a graphics status) and mouse reports are
    /// read whole to their end: one unnamed key each, never Alt-] followed by typed characters.
    @Test(arguments: [
        "\u{1B}]11;rgb:00/00/00\u{1B}\\",   // OSC colour reply ended by ST
        "\u{1B}]11;rgb:00/00/00\u{07}",      // … ended by BEL (never Ctrl-G)
        "\u{1B}Pq\u{1B}\\",                  // DCS
        "\u{1B}P1$r0;1m\u{1B}\\",            // DECRQSS reply
        "\u{1B}_Ga=1\u{1B}\\",               // APC (graphics)
        "\u{1B}^privacy\u{1B}\\",            // PM
        "\u{1B}Xstring\u{1B}\\",             // SOS
        "\u{9D}0;title\u{9C}",               // 8-bit OSC … ST
        "\u{1B}[M !!",                        // X10 mouse report
        "\u{1B}[M 中q",                        // … whose bytes may be any character
        "\u{1B}[<0;10;5M",                     // SGR mouse report, a press
        "\u{1B}[<0;10;5m",                     // … and its release
        "\u{1B}[32;10;5M",                     // urxvt's
    ])
    func controlStringsAndMouseReportsAreOneKey(input: String) {
        let events = decode(input)
        #expect(events.count == 1, "\(input.debugDescription): \(events)")
        if input.hasPrefix("\u{1B}[") { #expect(events == [.key(.mouse)], "\(input.debugDescription)") }
        guard case .key(.unnamed) = events.first else {
            Issue.record("\(input.debugDescription) gave \(events)")
            return
        }
    }

    @Test func aControlStringIntroducerAloneIsAnAltChord() {
        for c in "]P_^X" { #expect(decode("\u{1B}" + String(c)) == [.key(.alt(.character(c)))]) }
        // A colour reply followed at once by a typed key: the reply, then the key.
        #expect(decode("\u{1B}]11;rgb:0/0/0\u{07}j") == [.key(.unnamed("ESC ] 1 1 ; r g b : 0 / 0 / 0 ^G")), .key(.character("j"))])
        #expect(decode("\u{1B}[M abj").last == .key(.character("j")))
        // A report cut short by the next sequence: the report, then that sequence's key.
        #expect(decode("\u{1B}[M\u{1B}[A") == [.key(.mouse), .key(.up)])
        #expect(decode("\u{1B}P\u{1B}[A") == [.key(.alt(.character("P"))), .key(.up)])
    }
}
