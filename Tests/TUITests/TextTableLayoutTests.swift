import Testing
import TestSupport
@testable import TUI

/// `TextTable` lays its lines out on bytes; these compare them with the `String` layout it replaced
/// (kept here as the reference), on cells chosen to reach every branch of both.
@Suite struct TextTableLayoutTests {
    /// The layout before bytes: each cell fitted (`TextMetrics.fit`), two spaces after all but a last
    /// left-aligned column, and spaces trimmed `Character` by `Character`.
    static func reference(_ columns: [TextTable.Column], _ rows: [[String]], maxWidth: Int?) -> [String] {
        let rows = rows.map { $0.map { TextMetrics.sanitized($0) } }
        var widths = columns.indices.map { i in
            min(columns[i].limit ?? .max, rows.reduce(TextMetrics.width(of: columns[i].title)) { max($0, TextMetrics.width(of: $1[i])) })
        }
        if let maxWidth {
            var excess = widths.reduce(0, +) + 2 * (columns.count - 1) - maxWidth
            for i in columns.indices where columns[i].shrinks && excess > 0 {
                let cut = min(excess, max(0, widths[i] - max(TextMetrics.width(of: columns[i].title), 8)))
                widths[i] -= cut
                excess -= cut
            }
        }
        func trimmed(_ s: String) -> String {
            var s = s
            while s.last == " " { s.removeLast() }
            return s
        }
        func line(_ cells: [String]) -> String {
            var out = ""
            for (i, cell) in cells.enumerated() {
                let fitted = TextMetrics.fit(cell, to: widths[i], alignment: columns[i].alignment)
                out += i == columns.count - 1 && columns[i].alignment == .left ? trimmed(fitted) : fitted + "  "
            }
            return trimmed(out)
        }
        return [line(columns.map(\.title))] + rows.map(line)
    }

    static let cells = [
        "", " ", "   ", "zx5-2-090", "关于我区居民委员会若干问题的建议", "办理中", "解决或采纳", String(repeating: "长", count: 70),
        "a b  ", "尾有空格  ", "e\u{301}", "\u{301}开头是组合符", "\u{0600}", "\u{0600} ", "数\u{0600}", "\u{0600}\u{0600}  ",
        "tab\there", "控制\u{1B}[31m符", "零宽\u{200B}字符", "🙂表情", "ｆｕｌｌ，（）", "ＡＢＣ" + String(repeating: "x", count: 40),
        "\u{AC00}한글", "\u{11A84}x", "…", "abc\u{0D4E}",
    ]

    @Test func linesAreByteForByteTheStringLayout() {
        let shapes: [[TextTable.Column]] = [
            [.init("编号"), .init("标题", shrinks: true, limit: 60), .init("状态")],
            [.init("编号"), .init("类型"), .init("标题", shrinks: true, limit: 20), .init("领衔人", shrinks: true), .init("办理结果")],
            [.init("数", alignment: .right), .init("标题", shrinks: true), .init("末", alignment: .right)],
            [.init("a"), .init("b", alignment: .right, shrinks: true, limit: 3)],
        ]
        var generator = SplitMix64(seed: 17)
        for columns in shapes {
            for _ in 0..<40 {
                let rows = (0..<Int(generator.next() % 6)).map { _ in
                    columns.indices.map { _ in Self.cells[Int(generator.next() % UInt64(Self.cells.count))] }
                }
                for maxWidth in [nil, 10, 24, 40, 80, 200] {
                    var table = TextTable(columns: columns)
                    for row in rows { table.add(row) }
                    let expected = Self.reference(columns, rows, maxWidth: maxWidth)
                    #expect(table.render(maxWidth: maxWidth) == expected, "\(rows) at \(String(describing: maxWidth))")
                    #expect(table.renderedBytes(maxWidth: maxWidth) == Array(expected.map { $0 + "\n" }.joined().utf8))
                }
            }
        }
    }

    @Test func aSpaceJoinedToAPrependedMarkIsKeptAsAStringKeepsIt() {
        // U+0600 takes the space after it into its grapheme, so the String layout keeps one space.
        var bytes = Array("x\u{0600}   ".utf8)
        TextTable.trimTrailingSpaces(&bytes, from: 0)
        #expect(bytes == Array("x\u{0600} ".utf8))
        var plain = Array("办理中   ".utf8)
        TextTable.trimTrailingSpaces(&plain, from: 0)
        #expect(plain == Array("办理中".utf8))
        var spaces = Array("ab   ".utf8)
        TextTable.trimTrailingSpaces(&spaces, from: 2)
        #expect(spaces == Array("ab".utf8))
    }

    @Test func theCJKShortcutAgreesWithTheWidthTable() {
        for v in UInt32(0x3220)...0xA48C {
            #expect(DisplayWidthTable.wide.contains { $0.contains(v) }, "U+\(String(v, radix: 16))")
        }
    }
}
