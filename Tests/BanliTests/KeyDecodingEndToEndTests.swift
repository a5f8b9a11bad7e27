import Foundation
import Testing
import TestSupport
import TUI

/// `banli keys` in a real terminal under each `TERM`, sent raw bytes (tmux `send-keys -H`): each
/// terminal's own sequences as its terminfo entry gives them, the common variants of every other
/// terminal, Alt chords, Esc, a paste, and random sequences; every one shows as exactly one line.
@Suite struct KeyDecodingEndToEndTests {
    static let terms = ["xterm", "xterm-256color", "screen", "screen-256color", "tmux-256color", "rxvt-unicode-256color",
                        "linux", "vt100"]

    /// What other terminals send, decoded the same under any `TERM`.
    static let common: [(String, Key)] = [
        ("\u{1B}[1~", .home), ("\u{1B}[7~", .home), ("\u{1B}[H", .home), ("\u{1B}OH", .home),
        ("\u{1B}[4~", .end), ("\u{1B}[8~", .end), ("\u{1B}[F", .end), ("\u{1B}OF", .end),
        ("\u{1B}[2~", .insert), ("\u{1B}[3~", .delete), ("\u{1B}[5~", .pageUp), ("\u{1B}[6~", .pageDown),
        ("\u{1B}[A", .up), ("\u{1B}[B", .down), ("\u{1B}[C", .right), ("\u{1B}[D", .left), ("\u{1B}OA", .up), ("\u{1B}OD", .left),
        ("\u{1B}OP", .function(1)), ("\u{1B}OS", .function(4)), ("\u{1B}[11~", .function(1)), ("\u{1B}[14~", .function(4)),
        ("\u{1B}[[A", .function(1)), ("\u{1B}[[E", .function(5)), ("\u{1B}[15~", .function(5)), ("\u{1B}[17~", .function(6)),
        ("\u{1B}[21~", .function(10)), ("\u{1B}[23~", .function(11)), ("\u{1B}[24~", .function(12)), ("\u{1B}[Z", .backTab),
        ("\u{1B}[1;5D", .controlLeft), ("\u{1B}[1;5C", .controlRight), ("\u{1B}[1;5H", .controlHome), ("\u{1B}[1;5F", .controlEnd),
        ("\u{1B}Od", .controlLeft), ("\u{1B}Oc", .controlRight), ("\u{1B}[7^", .controlHome), ("\u{1B}[8^", .controlEnd),
        ("\u{1B}[1;3A", .alt(.up)), ("\u{1B}\u{1B}[A", .alt(.up)), ("\u{1B}[5;3~", .alt(.pageUp)),
        ("\u{1B}[1;2A", .unnamed("Shift-↑")), ("\u{1B}[a", .unnamed("Shift-↑")), ("\u{1B}[2$", .unnamed("Shift-Ins")),
        ("\u{1B}[1;6D", .unnamed("Ctrl-Shift-←")), ("\u{1B}[1;2P", .unnamed("Shift-F1")), ("\u{1B}[25~", .unnamed("F13")),
        ("\u{1B}[99z", .unnamed("ESC [ 9 9 z")), ("\u{1B}[?1;2c", .unnamed("ESC [ ? 1 ; 2 c")),
    ]

    @Test(arguments: terms) func everyKeyIsOneLineUnderEachTerm(term: String) throws {
        let screen = try KeysScreen(term: term)
        let own = try KeysScreen.terminalKeys(term)
        #expect(own.count >= (term == "vt100" ? 14 : 23), "\(term)'s terminfo: \(own)")
        for batch in [own, KeyDecodingEndToEndTests.common] {
            for part in stride(from: 0, to: batch.count, by: 40).map({ Array(batch[$0..<min(batch.count, $0 + 40)]) }) {
                let lines = try screen.send(part.map(\.0).joined(), expecting: part.map { KeysScreen.line($0.1) })
                for ((sequence, key), line) in zip(part, lines) {
                    #expect(line == KeysScreen.line(key), "\(term): \(sequence.debugDescription)")
                }
            }
        }
        // Alt chords back to back; Esc and Alt-Esc alone, each with the pause that makes it a key.
        let chords = Array("123456789jJ ")
        let altLines = chords.map { KeysScreen.line(.alt(.character($0))) }
        #expect(try screen.send(chords.map { "\u{1B}\($0)" }.joined(), expecting: altLines) == altLines, "\(term)")
        for (input, key) in [("\u{1B}", Key.escape), ("\u{1B}\u{1B}", .alt(.escape))] {
            #expect(try screen.send(input, expecting: [KeysScreen.line(key)]) == [KeysScreen.line(key)], "\(term)")
        }
        // A sequence cut off, a paste with its line break as it came, and text after it.
        let cut = [KeysScreen.line(.unnamed("ESC [ 1 ;"))]
        #expect(try screen.send("\u{1B}[1;", expecting: cut) == cut, "\(term)")
        let pasted = ["粘贴 5 字", KeysScreen.line(.character("好"))]
        #expect(try screen.send("\u{1B}[200~一是\r\n二是\u{1B}[201~好", expecting: pasted) == pasted, "\(term)")

        // Random sequences, many to a write (a cut one is ended by the ESC of the next): one line each,
        // as the decoder in this process makes of the same bytes, and never a stray character.
        var random = SplitMix64(seed: 0x7465_726d &+ UInt64(KeyDecodingEndToEndTests.terms.firstIndex(of: term)!))
        for _ in 0..<3 {
            let sequences = (0..<30).map { _ in RandomEscapeSequence.next(using: &random, asciiOnly: true) }
            var decoder = KeyDecoder(terminalKeys: Dictionary(own, uniquingKeysWith: { first, _ in first }))
            var expected = sequences.joined().unicodeScalars.flatMap { decoder.feed($0) }
            expected += decoder.timeout()
            #expect(expected.count == sequences.count)
            let expectedLines = expected.map { event in
                guard case .key(let key) = event else { return "\(event)" }
                return KeysScreen.line(key)
            }
            let lines = try screen.send(sequences.joined(), expecting: expectedLines)
            #expect(lines == expectedLines, "\(term): \(sequences.map(\.debugDescription))")
            // A typed character shows as itself twice, `[  [` (an arrow as `↑  Up`).
            let stray = lines.filter { line in
                let columns = line.components(separatedBy: "  ")
                return columns[0].count == 1 && columns.last == columns[0]
            }
            #expect(stray.isEmpty, "\(term): \(stray)")
        }
        try screen.quit()
    }
}

/// `banli keys` in tmux, tall enough for a batch of keys, and the lines it shows.
final class KeysScreen {
    let tmux: TmuxSession
    private var received = 0

    init(term: String) throws {
        tmux = try TmuxSession(width: 100, height: 60,
                               command: "env LANG=C.UTF-8 TERM=\(term) \(Banli.binary) keys; echo BANLI-EXITED $?; sleep 60")
        _ = try tmux.wait(for: "the keys screen under \(term)") { $0.contains("已收到 0 个") }
    }

    /// Sends `input` as its UTF-8 bytes in one write, waits until banli has counted as many more keys
    /// as `expected` holds, and returns the lines those keys added (label and name two spaces apart)
    /// for the caller to compare. It waits a little longer for the lines to be `expected`, since tmux
    /// may be shown a frame in pieces, the title's count before the new lines; lines that stay
    /// different are returned as they are.
    func send(_ input: String, expecting expected: [String]) throws -> [String] {
        try tmux.tmux(["send-keys", "-t", tmux.name, "-H"] + input.utf8.map { String($0, radix: 16) })
        received += expected.count
        let counted = "已收到 \(received) 个"
        _ = try tmux.wait(interval: 0.01, for: "\(received) keys after \(input.debugDescription)") { $0.contains(counted) }
        let complete = try? tmux.wait(timeout: 2, interval: 0.01, for: "the last line") {
            $0.contains(counted) && KeysScreen.lines(of: $0).suffix(expected.count) == expected
        }
        let screen = try complete ?? tmux.screen()
        return KeysScreen.lines(of: screen).suffix(expected.count)
    }

    /// The key lines on a screen of `banli keys`, normalised.
    static func lines(of screen: String) -> [String] {
        let rows = screen.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().map(String.init)
        return rows[..<(rows.lastIndex { !$0.isEmpty }.map { $0 + 1 } ?? 0)].map(normalized)
    }

    func quit() throws {
        try tmux.send("q")
        _ = try tmux.wait(for: "banli keys to exit") { $0.contains("BANLI-EXITED 0") }
    }

    /// How `banli keys` shows a key, with the padding between its two columns made two spaces.
    static func line(_ key: Key) -> String { normalized(key.label + "  " + (key.name ?? "无法绑定")) }

    static func normalized(_ line: String) -> String {
        guard let gap = line.range(of: "  ") else { return line }
        return line[..<gap.lowerBound] + "  " + line[gap.upperBound...].drop { $0 == " " }
    }

    /// The terminal's own escape sequences for the keys banli names, from its terminfo entry (`tput`).
    static func terminalKeys(_ term: String) throws -> [(String, Key)] {
        try KeyDecoder.terminfoCapabilities.compactMap { capability, key in
            let (pid, output) = try Spawned.start(["tput", "-T", term, capability], keepingOutput: true, keepingErrors: false)
            defer { close(output) }
            var bytes: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 256)
            while case let n = read(output, &chunk, chunk.count), n > 0 { bytes += chunk[0..<n] }
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            guard bytes.count >= 2, bytes[0] == 0x1B else { return nil }
            return (String(decoding: bytes, as: UTF8.self), key)
        }
    }
}
