import Foundation
import Testing
import TestSupport
import TUI

/// The real binary in tmux: no stray key loses or saves a draft, Esc never quits, Ctrl-Z stops banli
/// and `fg` brings it back, and a hang-up or SIGTERM keeps the last sentence typed.
@Suite struct NoKeyLosesWorkEndToEndTests {
    static let id = "zx6-5-101"

    /// banli on a copy of the demo store under `term`, started through `sh` so its pid is known.
    final class Running {
        let store = Fixtures.demoStoreCopy()
        let pidFile = Fixtures.temporaryDirectory() + "/pid"
        let tmux: TmuxSession

        init(term: String = "xterm-256color") throws {
            let home = Fixtures.temporaryDirectory("banli-home")
            let command = "sh -c 'echo $$ > \(pidFile); exec env HOME=\(home) USER=tester LANG=C.UTF-8 TERM=\(term) "
                + "\(Banli.binary) --store \(store)'; echo BANLI-EXITED $?; sleep 60"
            tmux = try TmuxSession(width: 80, height: 24, command: command)
            _ = try tmux.wait(for: "the case list") { $0.contains("共32件") }
        }

        var pid: Int32 { Int32(String(decoding: Fixtures.bytes(pidFile), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))! }
        var caseFile: [UInt8] { Fixtures.bytes(store + "/\(NoKeyLosesWorkEndToEndTests.id).yaml") }
        var draft: String { String(decoding: Fixtures.bytes(store + "/.banli/recovery/\(NoKeyLosesWorkEndToEndTests.id).tester.yaml"), as: UTF8.self) }

        /// Opens the reply of case 101 and types `text` into its first section's heading.
        func openReply(typing text: String) throws {
            try tmux.select(NoKeyLosesWorkEndToEndTests.id)
            try tmux.send("r")
            _ = try tmux.wait(for: "the form") { $0.contains("答复 \(NoKeyLosesWorkEndToEndTests.id)") }
            try tmux.send("-l", text)
            _ = try tmux.wait(for: "the typed text") { $0.contains(text) }
        }
    }

    static let terms = ["xterm", "xterm-256color", "screen", "screen-256color", "tmux-256color", "rxvt-unicode-256color",
                        "linux", "vt100"]

    /// Named keys in every common encoding, Alt with every digit and letter, and a few hundred random
    /// sequences arrive in the form: the draft is neither saved nor lost. (Sequences that decode to keys
    /// that act on purpose — Delete, Backspace, and Enter (keypad Enter is `ESC O M`), which chooses the
    /// highlighted item of a menu the arrows moved in — are left out.)
    @Test(arguments: terms) func strayKeysInTheFormSaveNothingAndLoseNothing(term: String) throws {
        let banli = try Running(term: term)
        try banli.openReply(typing: "稳如泰山")
        let before = banli.caseFile
        var random = SplitMix64(seed: UInt64(term.utf8.reduce(7) { $0 &* 31 &+ UInt64($1) }))
        var sequences = ["\u{1B}[1~", "\u{1B}[4~", "\u{1B}[7~", "\u{1B}[8~", "\u{1B}[H", "\u{1B}[F", "\u{1B}OH", "\u{1B}OF",
                         "\u{1B}[2~", "\u{1B}[5~", "\u{1B}[6~", "\u{1B}OP", "\u{1B}OQ", "\u{1B}[15~", "\u{1B}[24~", "\u{1B}[[A",
                         "\u{1B}[1;5D", "\u{1B}Od", "\u{1B}[1;3A", "\u{1B}[Z",
                         // Replies to queries some program made (a colour, a capability, graphics) and a mouse report.
                         "\u{1B}]11;rgb:00/00/00\u{1B}\\", "\u{1B}]11;rgb:00/00/00\u{07}", "\u{1B}Pq\u{1B}\\", "\u{1B}_Ga=1\u{1B}\\",
                         "\u{1B}[M !!"]
        sequences += (Array("0123456789") + Array("abcdefghijklmnopqrstuvwxyz")).map { "\u{1B}" + String($0) }
        while sequences.count < 300 {
            let sequence = RandomEscapeSequence.next(using: &random, asciiOnly: true)
            var decoder = KeyDecoder()
            let events = sequence.unicodeScalars.flatMap { decoder.feed($0) } + decoder.timeout()
            if events.contains(where: [InputEvent.key(.delete), .key(.backspace), .key(.enter)].contains) { continue }
            sequences.append(sequence)
        }
        for batch in stride(from: 0, to: sequences.count, by: 25).map({ sequences[$0..<min(sequences.count, $0 + 25)] }) {
            try banli.tmux.tmux(["send-keys", "-t", banli.tmux.name, "-H"] + batch.joined().utf8.map { String($0, radix: 16) })
        }
        // Whatever screen the keys left open (help, a message log, the leave menu), the form is under it;
        // a pause lets autosave keep the draft.
        _ = try banli.tmux.wait(timeout: 10, for: "the draft kept in the recovery file") { _ in banli.draft.contains("稳如泰山") }
        #expect(banli.caseFile == before, "\(term): the case file changed")
        let screen = try banli.tmux.screen()
        #expect(!screen.contains("BANLI-EXITED"), "\(term): banli ended\n\(screen)")
    }

    /// Esc backs out one level and never quits: from the form, from a filter, on the full list; q quits.
    @Test func escNeverQuitsAndQDoes() throws {
        let banli = try Running()
        try banli.tmux.send("r")
        _ = try banli.tmux.wait(for: "the form") { $0.contains("答复 zx5-2-090") }
        for _ in 0..<4 {
            try banli.tmux.send("Escape")
            Thread.sleep(forTimeInterval: 0.1)
        }
        try banli.tmux.send("f", "3", "2", "Escape")
        // banli runs on today's date here, so how many demo cases are overdue grows as days pass.
        _ = try banli.tmux.wait(for: "the overdue filter") { $0.contains(#/逾期 \d+\/32 · 共32件/#) }
        try banli.tmux.send("Escape")
        _ = try banli.tmux.wait(for: "all cases again") { $0.contains("banli 办理") && !$0.contains(#/逾期 \d+\/32/#) }
        try banli.tmux.send("Escape")
        Thread.sleep(forTimeInterval: 0.3)
        #expect(!(try banli.tmux.screen()).contains("BANLI-EXITED"))
        try banli.tmux.send("q")
        _ = try banli.tmux.wait(for: "banli to exit") { $0.contains("BANLI-EXITED 0") }
    }

    /// An ssh connection dropping (SIGHUP) or a SIGTERM a fraction of a second after the last key: the
    /// last sentence is in the recovery file, and opening the reply again offers it back.
    @Test(arguments: [SIGHUP, SIGTERM]) func aHangUpKeepsTheLastSentence(signal: Int32) throws {
        let banli = try Running()
        try banli.openReply(typing: "第一句")
        try banli.tmux.send("-l", "最后一句话")
        _ = try banli.tmux.wait(for: "the last sentence on screen") { $0.contains("最后一句话") }
        // Autosave waits for a one-second pause: the file does not have it yet.
        #expect(!banli.draft.contains("最后一句话"))
        #expect(kill(banli.pid, signal) == 0)
        _ = try banli.tmux.wait(for: "banli to end") { $0.contains("BANLI-EXITED") }
        #expect(banli.draft.contains("第一句最后一句话"))
        let marks = (try? FileManager.default.contentsOfDirectory(atPath: banli.store + "/.banli/editing")) ?? []
        #expect(marks.isEmpty)
    }

    /// Ctrl-Z on the list stops banli as in any terminal program; `fg` brings the screen back whole,
    /// with bracketed paste on again (a pasted line break stays text, the search stays open).
    @Test func ctrlZStopsBanliAndFgBringsItBack() throws {
        let store = Fixtures.demoStoreCopy()
        let home = Fixtures.temporaryDirectory("banli-home")
        let tmux = try TmuxSession(width: 80, height: 24, command: "env LANG=C.UTF-8 TERM=xterm-256color bash --norc --noprofile -i")
        try tmux.send("-l", "PS1='$ '; env HOME=\(home) \(Banli.binary) --store \(store)")
        try tmux.send("Enter")
        _ = try tmux.wait(for: "the case list") { $0.contains("共32件") }
        try tmux.send("C-z")
        _ = try tmux.wait(for: "the shell's job report") { $0.contains("Stopped") && !$0.contains("共32件") }
        try tmux.send("-l", "fg")
        try tmux.send("Enter")
        let back = try tmux.wait(for: "the list again") { $0.contains("共32件") && $0.contains("Enter 打开") }
        #expect(back.contains("zx5-2-090"))
        try tmux.send("/")
        try tmux.tmux(["set-buffer", "消防\n"])
        try tmux.tmux(["paste-buffer", "-p", "-t", tmux.name])
        _ = try tmux.wait(for: "the pasted search, still open") { $0.contains("搜索：消防") && $0.contains("Enter 确定  Esc 取消") }
        try tmux.send("Escape")
        Thread.sleep(forTimeInterval: 0.2)
        try tmux.send("q")
        _ = try tmux.wait(for: "the shell's prompt") { $0.split(separator: "\n").last == "$" }
    }
}
