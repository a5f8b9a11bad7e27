/// A plain-text table whose columns line up by display width, for command-line output.
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
    public var rows: [[String]] = []

    public init(columns: [Column]) { self.columns = columns }

    public mutating func add(_ row: [String]) { rows.append(row.map { TextMetrics.sanitized($0) }) }

    /// The table as lines, two spaces between columns. With `maxWidth`, shrinking columns are cut
    /// (never below their title) so that no line is wider.
    public func render(maxWidth: Int? = nil) -> [String] {
        var widths = columns.indices.map { i in
            min(columns[i].limit ?? .max, rows.reduce(TextMetrics.width(of: columns[i].title)) { max($0, TextMetrics.width(of: $1[i])) })
        }
        if let maxWidth {
            let total = widths.reduce(0, +) + 2 * (columns.count - 1)
            var excess = total - maxWidth
            for i in columns.indices where columns[i].shrinks && excess > 0 {
                let floor = max(TextMetrics.width(of: columns[i].title), 8)
                let cut = min(excess, max(0, widths[i] - floor))
                widths[i] -= cut
                excess -= cut
            }
        }
        let lastIndex = columns.count - 1
        func line(_ cells: [String]) -> String {
            var out = ""
            for (i, cell) in cells.enumerated() {
                let fitted = TextMetrics.fit(cell, to: widths[i], alignment: columns[i].alignment)
                out += i == lastIndex && columns[i].alignment == .left ? trimmedRight(fitted) : fitted + "  "
            }
            return trimmedRight(out)
        }
        return [line(columns.map(\.title))] + rows.map(line)
    }

    private func trimmedRight(_ s: String) -> String {
        var s = s
        while s.last == " " { s.removeLast() }
        return s
    }
}
