import Foundation
import Model
import Testing
import TestSupport
@testable import TUI

/// Random keys, raw escape sequences, resizes, pastes and pauses through the whole app in the
/// in-memory terminal, over a copy of the demo store: nothing crashes or hangs, every frame fits its
/// size, and the store is valid afterwards. `BANLI_MONKEY_EVENTS` sets the count (default 4000; the full run in the README
/// uses 1000000), `BANLI_MONKEY_SEED` replays a run.
@Suite struct MonkeyTests {
    static let events = ProcessInfo.processInfo.environment["BANLI_MONKEY_EVENTS"].flatMap(Int.init) ?? 4_000
    static let seed = ProcessInfo.processInfo.environment["BANLI_MONKEY_SEED"].flatMap(UInt64.init) ?? 0x6d6f_6e6b

    static let keys: [Key] = [.up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .backspace,
                              .delete, .tab, .backTab, .controlLeft, .controlRight, .controlHome, .controlEnd]
    /// Characters a user or a confused terminal may produce, weighted towards the app's own keys.
    static let characters: [Character] = Array("jkgGnNqrfs/?12345 abc090一二是，。、：；“”《》（）居委会养老\u{1B}\u{7F}\u{FFFD}\u{202E}\u{200B}e\u{301}👍🏽")
    static let pastes = ["居委会工作制度。\n第二段", "\u{1B}[2J\u{1B}]0;title\u{07}清屏", "\r\n\r\n", String(repeating: "长", count: 3000),
                         "a\u{0}b\u{85}c\u{9B}31m", "一是\n二是\n三是"]

    /// A hang shows as one batch of 100 events taking this long (they take well under a second); the
    /// whole run's limit grows with the count, so a long run is not cut short.
    static let batchLimit = Duration.seconds(30)

    /// Events per session: a session's replies grow with every paste (a 3,000-character one among
    /// them), and a million events into one form would build replies no one writes, each key's layout
    /// and autosave slower than the last. The run goes on in a new session over a fresh store copy.
    static let sessionEvents = 20_000

    @Test(.timeLimit(.minutes(max(5, Self.events / 2_000)))) func randomInputNeverBreaksTheAppOrTheStore() throws {
        var random = SplitMix64(seed: Self.seed)
        var sent = 0
        while sent < Self.events {
            // The external editor key runs `true`: an editor that changes nothing. No LibreOffice is
            // found, so an export to PDF says so at once rather than converting for seconds.
            let session = try AppSession(store: Fixtures.demoStoreCopy(reopening: ["zx5-2-090"]),
                                         environment: ["VISUAL": "true", "PATH": "/nonexistent"])
            let (terminal, runner, store) = (session.terminal, session.runner, session.store)
            let end = min(Self.events, sent + Self.sessionEvents)
            while sent < end {
                for _ in 0..<100 {
                    switch random.next() % 100 {
                    case 0..<52:
                        terminal.send(keys: [.character(Self.characters[Int(random.next() % UInt64(Self.characters.count))])])
                    case 52..<55:
                        // What a terminal sends for Alt chords and keys banli has no name for, decoded as the real terminal does.
                        terminal.send(input: random.next() % 2 == 0 ? "\u{1B}\(random.next() % 10)" : RandomEscapeSequence.next(using: &random))
                    case 55..<80: terminal.send(keys: [Self.keys[Int(random.next() % UInt64(Self.keys.count))]])
                    case 80..<90: terminal.send(keys: [.control(Character(Unicode.Scalar(UInt8(97 + random.next() % 26))))])
                    case 90..<93: terminal.send(.paste(Self.pastes[Int(random.next() % UInt64(Self.pastes.count))]))
                    case 93..<96: terminal.send(.idle)
                    default:
                        let small = random.next() % 4 == 0
                        terminal.resize(width: Int(random.next() % (small ? 25 : 300)) + 1, height: Int(random.next() % (small ? 8 : 100)) + 1)
                    }
                }
                sent += 100
                // `q` on the list quits; start again, as the user would, until every event is read.
                let started = ContinuousClock.now
                repeat { runner.run() } while terminal.hasPendingEvents
                let took = ContinuousClock.now - started
                #expect(took < Self.batchLimit, "seed \(Self.seed) after \(sent) events: the last 100 took \(took)")
                #expect(terminal.lines.count == terminal.height && terminal.lines.allSatisfy { TextMetrics.width(of: $0) <= terminal.width },
                        "seed \(Self.seed) after \(sent) events: \(terminal.lines.filter { TextMetrics.width(of: $0) > terminal.width })")
                if let cursor = terminal.cursor {
                    #expect((0..<terminal.width).contains(cursor.x) && (0..<terminal.height).contains(cursor.y), "seed \(Self.seed) after \(sent) events")
                }
            }
            // The session is cut off (a hang-up): every draft is kept, and every file reads back.
            runner.end()
            let listing = try store.list()
            #expect(listing.problems.isEmpty, "seed \(Self.seed) after \(sent) events: \(listing.problems)")
            #expect(listing.summaries.count == 32)
            for summary in listing.summaries {
                _ = try store.load(summary.id)
                if let draft = store.recovery(for: summary.id, user: "tester") {
                    #expect(throws: Never.self, "seed \(Self.seed): the draft of \(summary.id) does not read back") { try draft.get() }
                }
            }
        }
    }

    /// Stray keys over a reply with unsaved text — Alt chords, Esc, and a few thousand random escape
    /// sequences, as a terminal sends them, with pauses and resizes — never save it and never lose it:
    /// at the end the case file is as it was and the text is in the form or, after a hang-up, in the
    /// recovery file. (Sequences that decode to keys that act on purpose — Delete, Backspace, and
    /// Enter, which chooses the highlighted item of a menu the arrows moved in — are left out.)
    /// `BANLI_MONKEY_EVENTS` scales it with the main run.
    @Test func strayKeysNeverSaveOrDiscardADraft() throws {
        var random = SplitMix64(seed: Self.seed &+ 1)
        let ids = ["zx6-5-101", "zx5-2-090", "rd7-5-030", "zx6-5-093"]
        for round in 0..<max(4, Self.events / 1_000) {
            let id = ids[round % ids.count]
            let session = try AppSession(store: Fixtures.demoStoreCopy(reopening: ["zx5-2-090"]), environment: ["VISUAL": "true"])
            let before = Fixtures.bytes(session.store.path(of: CaseID(id)!))
            session.openReply(id)
            // A draft found from an earlier round would be offered first; this store is fresh.
            let marker = "⟨第\(round)轮⟩"
            session.keys(.tab)
            session.type(marker)
            #expect(session.form?.focused.editor.text.contains(marker) == true, "round \(round)")
            for _ in 0..<500 {
                switch random.next() % 20 {
                case 0: session.terminal.send(input: "\u{1B}")
                case 1: session.terminal.send(input: "\u{1B}" + String(random.next() % 10))
                case 2: session.terminal.send(input: "\u{1B}" + String(Character(Unicode.Scalar(UInt8(97 + random.next() % 26)))))
                case 3: session.terminal.send(.idle)
                case 4: session.terminal.resize(width: Int(20 + random.next() % 100), height: Int(6 + random.next() % 40))
                default:
                    let sequence = RandomEscapeSequence.next(using: &random)
                    var decoder = KeyDecoder()
                    let events = sequence.unicodeScalars.flatMap { decoder.feed($0) } + decoder.timeout()
                    if events.contains(where: [InputEvent.key(.delete), .key(.backspace), .key(.enter)].contains) { continue }
                    session.terminal.send(input: sequence)
                }
            }
            session.runner.run()
            #expect(Fixtures.bytes(session.store.path(of: CaseID(id)!)) == before, "seed \(Self.seed) round \(round): \(id) was saved")
            session.runner.end()
            let draft = try #require(try session.store.recovery(for: CaseID(id)!, user: "tester")?.get(), "round \(round): no draft")
            let text = String(decoding: Fixtures.bytes(draft.path), as: UTF8.self)
            #expect(text.contains(marker), "seed \(Self.seed) round \(round): the text typed into \(id) is gone")
        }
    }
}
