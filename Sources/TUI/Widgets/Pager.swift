/// A text scrolled a line or a page at a time: a case in full, a reply laid out as its document,
/// help, statistics, the message log. Wrapped to the width with 禁则. A wrapped record line hangs
/// under the value after its label (`交办日期  2026-03-01`, `  2026-06-12 10:32  王丽  修改答复：…`)
/// or under its own indent, so a continued line never looks like a new entry; prose (a proposal, a
/// reply as its document) wraps as paragraphs do, from the left edge.
public struct Pager: Sendable {
    /// One visual line: its text, the cells before it, and the source line (by number) it is part of.
    struct Line: Sendable {
        var indent: Int
        var text: Substring
        var source = 0
    }

    /// The text, sanitised once.
    public let text: String
    /// The source lines (by number) that are prose, which never hang.
    private let prose: Set<Int>
    public private(set) var offset = 0
    /// `text` wrapped for the current width, kept until the width changes: every frame draws from
    /// it, and a keystroke must not re-wrap a long case.
    private(set) var lines: [Line] = []
    private var wrappedWidth = -1
    private var page = 1

    /// `text` of records (`hanging`) or prose.
    public init(_ text: String, hanging: Bool = true) {
        self.init(parts: [(text, prose: !hanging)])
    }

    /// Parts one after the other, each records or prose (a case: its fields, the proposal, the reply…).
    public init(parts: [(text: String, prose: Bool)]) {
        var prose = Set<Int>(), line = 0
        for part in parts {
            let count = part.text.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
            if part.prose { prose.formUnion(line..<(line + count)) }
            line += count
        }
        self.prose = prose
        text = TextMetrics.sanitized(parts.map(\.text).joined(separator: "\n"), keepNewlines: true)
    }

    /// `text` in place of the old one, at the same place: the case shown again after a change, the
    /// statistics counted again. The place is kept within the new text when it is next arranged.
    public mutating func replaceText(with text: String, hanging: Bool = true) {
        replaceText(with: [(text, prose: !hanging)])
    }

    /// Parts in place of the old text, at the same place.
    public mutating func replaceText(with parts: [(text: String, prose: Bool)]) {
        let offset = self.offset
        self = Pager(parts: parts)
        self.offset = offset
    }

    /// Scrolls for a navigation action; false for any other action.
    public mutating func scroll(_ action: Action) -> Bool {
        guard let moved = Scrolling.offset(after: action, from: offset, page: page, count: lines.count) else { return false }
        offset = moved
        return true
    }

    /// Wraps for `width` (once per width) and keeps the offset within the text for `rows` rows.
    public mutating func arrange(width: Int, rows: Int) {
        page = max(1, rows)
        if width != wrappedWidth {
            lines = Pager.wrap(text, width: max(2, width - 1), prose: prose)
            wrappedWidth = width
        }
        offset = max(0, min(offset, lines.count - page))
    }

    /// Draws the lines from the offset into `rows`; `style` picks each visual line's style from it
    /// (its text, or the source line it is part of, so that a wrapped line keeps its style).
    func draw(rows: Range<Int>, into buffer: inout ScreenBuffer, style: (Line) -> Style = { _ in .normal }) {
        for (line, y) in zip(lines.dropFirst(offset), rows) {
            buffer.put(String(line.text), x: line.indent, y: y, style: style(line))
        }
    }

    /// Every line of `text` at `width`, continuation lines hanging but for the `prose` lines (by number).
    /// A hang leaves continued lines at least 8 cells.
    static func wrap(_ text: String, width: Int, prose: Set<Int> = []) -> [Line] {
        var out: [Line] = []
        for (number, source) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let hang = prose.contains(number) ? 0 : max(0, min(hangingIndent(of: source), width - 8))
            for (n, line) in TextMetrics.hangingLines(of: source, width: width, hang: hang).enumerated() {
                out.append(Line(indent: n == 0 ? 0 : hang, text: line, source: number))
            }
        }
        return out
    }

    /// Where a continued line starts: under the value after a short label (`标题：`, `领衔人  `), or
    /// under the line's own leading spaces.
    static func hangingIndent(of line: Substring) -> Int {
        let leading = line.prefix { $0 == " " || $0 == "　" }
        let width = TextMetrics.width(of: leading)
        let body = line.dropFirst(leading.count)
        // A label is short: up to 12 cells, ended by "：" or by two spaces.
        var used = 0, previousSpace = false
        for (i, c) in body.enumerated() {
            let w = TextMetrics.width(of: c)
            if c == "：" && used <= 12 { return width + used + w }
            if c == " " && previousSpace {
                let after = body.dropFirst(i + 1).prefix { $0 == " " }
                return width + used + 1 + TextMetrics.width(of: after)
            }
            previousSpace = c == " "
            used += w
            if used > 24 { break }
        }
        return width
    }
}
