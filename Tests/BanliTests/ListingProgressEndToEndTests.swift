import Foundation
import Model
import Testing
import TestSupport

/// A store without an index parses every case file on its first open: on a terminal a progress bar
/// on stderr shows it (`ListingProgress`, from 2,000 files), for the terminal UI and for the
/// commands that list the store, and is gone once the listing is done.
@Suite(.serialized) struct ListingProgressEndToEndTests {
    /// Whether `screen` shows the bar.
    static func bar(_ screen: String) -> Bool {
        screen.contains("正在读取案件文件并建立索引") && (screen.contains("█") || screen.contains("░"))
    }

    /// 3,000 small cases and no index.
    static func storeWithoutIndex() throws -> String {
        let store = try Fixtures.numberedStore(count: 3_000)
        #expect(!FileManager.default.fileExists(atPath: store.directory + "/.banli/index.tsv"))
        return store.directory
    }

    @Test func theFirstOpenShowsABarTheCaseListThenReplaces() throws {
        let store = try Self.storeWithoutIndex()
        let home = Fixtures.temporaryDirectory("banli-home")
        let tmux = try TmuxSession(width: 100, height: 24, command:
            "env HOME=\(home) USER=tester LANG=C.UTF-8 TERM=xterm-256color \(Banli.binary) --store \(store); echo BANLI-EXITED $?; sleep 60")
        let during = try tmux.wait(timeout: 60, interval: 0.02, for: "the progress bar", Self.bar)
        #expect(during.contains("/3000"), "\(during)")
        let list = try tmux.wait(timeout: 60, for: "the case list") { $0.contains("共3000件") }
        #expect(!list.contains("█") && !list.contains("░") && !list.contains("正在读取"), "\(list)")
        try tmux.send("q")
        _ = try tmux.wait(for: "banli to exit") { $0.contains("BANLI-EXITED 0") }
        #expect(FileManager.default.fileExists(atPath: store + "/.banli/index.tsv"))
    }

    /// At 40 columns the label does not fit: the bar narrows and drops it rather than wrap, which left
    /// a copy of the line on the screen at every redraw. At 8 only the percentage fits: a count cut
    /// short (`1620/30`) read as another total.
    @Test(arguments: [100, 40, 8]) func listOnATerminalShowsTheBarAndErasesIt(width: Int) throws {
        let store = try Self.storeWithoutIndex()
        let output = Fixtures.temporaryDirectory("banli-list") + "/list.tsv"
        let tmux = try TmuxSession(width: width, height: 10, command:
            "LANG=C.UTF-8 \(Banli.binary) --store \(store) list --format tsv > \(output); echo BANLI-EXITED $?; sleep 60")
        let during = try tmux.wait(timeout: 60, interval: 0.02, for: "the progress bar") {
            width < 12 ? $0.contains("%") : $0.contains("/3000") && ($0.contains("█") || $0.contains("░"))
        }
        let barLines = during.split(separator: "\n").filter { $0.contains("█") || $0.contains("░") || $0.contains("%") }
        #expect(barLines.count == 1, "\(during)")
        #expect(width >= 12 || !during.contains("/"), "\(during)")
        #expect(width < 80 || Self.bar(during), "\(during)")
        // Joined: at 8 columns the shell's line wraps.
        let after = try tmux.wait(timeout: 60, for: "list to end") { $0.split(separator: "\n").joined().contains("BANLI-EXITED") }
        let lines = after.split(separator: "\n").map(String.init)
        #expect(lines.joined() == "BANLI-EXITED 0", "\(lines)")
        let rows = String(decoding: Fixtures.bytes(output), as: UTF8.self).split(separator: "\n")
        #expect(rows.count == 3_001, "a header and a row a case")
    }
}
