/// A plain-text table whose columns line up by display width, for command-line output.
///
/// Laid out on UTF-8 bytes, each cell measured once as it is added: `banli list` lays out a row per
/// case, and measuring every cell three times and trimming lines `Character` by `Character` took half
/// of listing 10,000 cases. The lines are byte for byte what padding and trimming `String`s gives
/// (`TextTableTests` compares them).
public struct TextTable {
    public struct Column {
        public var title: String
        public var alignment: TextMetrics.Alignment
        /// The column may be cut to make the table fit `maxWidth`.
        public var shrinks: Bool
        /// The most cells the column takes whatever the width (a longer cell is cut with `…`), so
        /// that one long title does not widen every row; nil for no limit.
        public var limit: Int?

        public init(_ title: String, alignment: TextMetrics.Alignment = .left, shrinks: Bool = false, limit: Int? = nil) {
            self.title = title
            self.alignment = alignment
            self.shrinks = shrinks
            self.limit = limit
        }
    }

    public var columns: [Column]
    /// The rows added, each cell sanitised.
    public private(set) var rows: [[String]] = []
    /// Parallel to `rows`: each cell's display width (cells).
    private var cellWidths: [[Int]] = []

    public init(columns: [Column]) { self.columns = columns }

    public mutating func add(_ row: [String]) {
        let cells = row.map { TextMetrics.sanitized($0) }
        rows.append(cells)
        cellWidths.append(cells.map { TextMetrics.width(of: $0) })
    }

    /// The table as lines, two spaces between columns. With `maxWidth`, shrinking columns are cut
    /// (never below their title) so that no line is wider.
    public func render(maxWidth: Int? = nil) -> [String] {
        let bytes = renderedBytes(maxWidth: maxWidth)
        return bytes.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast().map { String(decoding: $0, as: UTF8.self) }
    }

    /// The lines of `render(maxWidth:)` as UTF-8, each ended by a newline: for printing in one write.
    public func renderedBytes(maxWidth: Int? = nil) -> [UInt8] {
        let titleWidths = columns.map { TextMetrics.width(of: $0.title) }
        var widths = columns.indices.map { i in
            min(columns[i].limit ?? .max, cellWidths.reduce(titleWidths[i]) { max($0, $1[i]) })
        }
        if let maxWidth {
            let total = widths.reduce(0, +) + 2 * (columns.count - 1)
            var excess = total - maxWidth
            for i in columns.indices where columns[i].shrinks && excess > 0 {
                let floor = max(titleWidths[i], 8)
                let cut = min(excess, max(0, widths[i] - floor))
                widths[i] -= cut
                excess -= cut
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(rows.count * (widths.reduce(0, +) * 2 + 2 * columns.count))
        appendLine(columns.map(\.title), measured: titleWidths, widths: widths, to: &out)
        for (cells, measured) in zip(rows, cellWidths) { appendLine(cells, measured: measured, widths: widths, to: &out) }
        return out
    }

    /// One line: each cell fitted to its column's width (`TextMetrics.fit`), two spaces after every
    /// column but a last left-aligned one, trailing spaces trimmed, then a newline.
    private func appendLine(_ cells: [String], measured: [Int], widths: [Int], to out: inout [UInt8]) {
        let lineStart = out.count, lastIndex = columns.count - 1
        for (i, cell) in cells.enumerated() {
            let cellStart = out.count
            let left = columns[i].alignment == .left
            if measured[i] <= widths[i] && widths[i] > 0 {
                if !left { out.append(contentsOf: repeatElement(0x20, count: widths[i] - measured[i])) }
                out.append(contentsOf: cell.utf8)
                if left { out.append(contentsOf: repeatElement(0x20, count: widths[i] - measured[i])) }
            } else {
                out.append(contentsOf: TextMetrics.fit(cell, to: widths[i], alignment: columns[i].alignment).utf8)
            }
            if i == lastIndex && left {
                Self.trimTrailingSpaces(&out, from: cellStart)
            } else {
                out.append(contentsOf: [0x20, 0x20])
            }
        }
        Self.trimTrailingSpaces(&out, from: lineStart)
        out.append(0x0A)
    }

    /// Drops the spaces that end `out[start...]` as `while s.last == " " { s.removeLast() }` does on
    /// the same text as a `String`: that stops at a space joined into one grapheme with the character
    /// before it (a prepended concatenation mark such as U+0600 takes the space after it), so one
    /// space is then kept.
    static func trimTrailingSpaces(_ out: inout [UInt8], from start: Int) {
        var end = out.count
        while end > start && out[end - 1] == 0x20 { end -= 1 }
        guard end < out.count else { return }
        if end > start {
            // The scalar before the spaces: back over UTF-8 continuation bytes to its first byte.
            var first = end - 1
            while first > start && out[first] & 0xC0 == 0x80 { first -= 1 }
            // ASCII, and U+3000–U+9FFF (CJK, kana: lead bytes E3–E9), never join a following space.
            if out[first] >= 0xC0 && !(0xE3...0xE9).contains(out[first]) {
                let scalar = String(decoding: out[first..<end], as: UTF8.self)
                if (scalar + " ").count == 1 { end += 1 }
            }
        }
        out.removeSubrange(end...)
    }
}
