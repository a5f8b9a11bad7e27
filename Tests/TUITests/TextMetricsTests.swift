import Foundation
import CNcursesw
import Testing
@testable import TUI

@Suite struct TextMetricsTests {
    @Test func widthsOfChineseAndPunctuation() {
        #expect(TextMetrics.width(of: "办理") == 4)
        #expect(TextMetrics.width(of: "abc") == 3)
        #expect(TextMetrics.width(of: "、，。：《》【】（）") == 20)
        // Ambiguous-width characters count 1, as glibc and ncurses count them.
        #expect(TextMetrics.width(of: "“”·—…①") == 6)
        #expect(TextMetrics.width(of: "e\u{301}") == 1)
        #expect(TextMetrics.width(of: Character("e\u{301}")) == 1)
        #expect(TextMetrics.width(of: "😀") == 2)
        // Controls count the one cell of the mark `sanitized` draws for them.
        #expect(TextMetrics.width(of: "\u{1B}[2J\t") == 5)
        #expect(TextMetrics.width(of: "\u{1B}[2J\t") == TextMetrics.width(of: TextMetrics.sanitized("\u{1B}[2J\t")))
    }

    /// The generated table must agree with this machine's glibc, which ncurses measures with.
    /// Stale? Run: LANG=C.UTF-8 python3 scripts/generate-width-table.py
    @Test func tableAgreesWithGlibcWcwidthForEveryScalar() {
        setlocale(LC_ALL, "C.UTF-8")
        var mismatches: [String] = []
        for v in UInt32(0xA0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(v) else { continue }
            let glibc = Int(wcwidth(wchar_t(bitPattern: v)))
            let ours = TextMetrics.width(of: scalar)
            if glibc >= 0 && glibc != ours { mismatches.append(String(v, radix: 16)) }
            if mismatches.count > 5 { break }
        }
        #expect(mismatches.isEmpty, "regenerate DisplayWidthTable.swift; first mismatches: \(mismatches)")
    }

    @Test(arguments: [(9, "关于我区…"), (10, "关于我区… "), (11, "关于我区居…"), (1, "…"), (0, "")])
    func truncationNeverSplitsAWideCharacter(width: Int, expected: String) {
        let cut = TextMetrics.truncate("关于我区居民委员会", to: width)
        #expect(cut == expected)
        #expect(TextMetrics.width(of: cut) == width)
    }

    @Test func fitPadsAndAligns() {
        #expect(TextMetrics.fit("民政", to: 6) == "民政  ")
        #expect(TextMetrics.fit("民政", to: 6, alignment: .right) == "  民政")
        #expect(TextMetrics.fit("民政局", to: 3) == "民…")
    }

    @Test func sanitizedTextIsInert() {
        let hostile = "标题\u{1B}]0;pwned\u{07}\u{1B}[2J\u{9B}31m\u{202E}反转\u{200B}\r\n下一行"
        let clean = TextMetrics.sanitized(hostile)
        #expect(!clean.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) })
        #expect(!clean.contains("\u{202E}") && !clean.contains("\u{200B}"))
        #expect(clean.hasPrefix("标题\u{FFFD}]0;pwned"))
        #expect(TextMetrics.sanitized("一\n二", keepNewlines: true) == "一\n二")
    }
}

@Suite struct TextTableTests {
    @Test func columnsLineUpByDisplayWidth() {
        var table = TextTable(columns: [.init("编号"), .init("标题", shrinks: true), .init("状态")])
        table.add(["zx5-2-090", "关于我区居民委员会若干问题的建议", "已办结"])
        table.add(["rd7-5-8", "abc", "办理中"])
        let lines = table.render()
        let statusColumn = lines.map { line -> Int in
            let prefix = line.components(separatedBy: ["已", "办", "状"]).first!
            return TextMetrics.width(of: prefix)
        }
        #expect(Set(statusColumn).count == 1, "\(lines)")
        let narrow = table.render(maxWidth: 30)
        #expect(narrow.allSatisfy { TextMetrics.width(of: $0) <= 30 }, "\(narrow)")
    }

    @Test func aLimitedColumnCutsOneLongCellInsteadOfWideningEveryRow() {
        var table = TextTable(columns: [.init("编号"), .init("标题", shrinks: true, limit: 20), .init("状态")])
        table.add(["zx5-2-090", String(repeating: "长", count: 150), "已办结"])
        table.add(["rd7-5-8", "短", "办理中"])
        let lines = table.render()
        #expect(lines.allSatisfy { TextMetrics.width(of: $0) <= 9 + 2 + 20 + 2 + 6 }, "\(lines)")
        #expect(lines[1].contains("…"), "\(lines)")
    }
}
