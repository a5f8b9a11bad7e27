/// A grid of cells that follows a terminal's wide-character rules, so that what tests see is what
/// ncurses would show: a 2-cell character occupies its cell and a continuation cell and is never
/// split; writing over either half blanks the other; nothing is drawn past the right or bottom edge.
public struct ScreenBuffer: Equatable, Sendable {
    public struct Cell: Equatable, Sendable {
        /// The grapheme drawn here; `nil` for the right half of a wide character.
        public var character: Character?
        public var style: Style

        public static let blank = Cell(character: " ", style: .normal)
        public var isContinuation: Bool { character == nil }
    }

    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell { cells[y * width + x] }

    /// Writes `text` at (`x`, `y`), clipped to `limit` cells (and the right edge), and returns the
    /// column after the last cell written. Text is sanitised first; a wide character that would
    /// straddle the limit is replaced by a blank cell.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .normal, limit: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return x }
        let end = min(width, limit.map { x + $0 } ?? width)
        var column = x
        for character in TextMetrics.sanitized(text) {
            for piece in ScreenBuffer.cells(of: character) {
                let w = TextMetrics.width(of: piece)
                if w == 0 { continue }
                if column + w > end {
                    if column < end && column >= 0 { set(column, y, Cell(character: " ", style: style)) }
                    return end
                }
                if column >= 0 {
                    set(column, y, Cell(character: piece, style: style))
                    if w == 2 { set(column + 1, y, Cell(character: nil, style: style)) }
                }
                column += w
            }
        }
        return column
    }

    /// A grapheme wider than two cells (an emoji with a skin-tone modifier, a ZWJ family) is laid out
    /// by ncurses as one glyph per spacing scalar, each with the zero-width scalars after it; the
    /// buffer does the same so that its cells match the terminal's.
    static func cells(of character: Character) -> [Character] {
        guard TextMetrics.width(of: character) > 2 else { return [character] }
        var pieces: [String] = []
        for scalar in character.unicodeScalars {
            if TextMetrics.width(of: scalar) == 0, !pieces.isEmpty { pieces[pieces.count - 1].unicodeScalars.append(scalar) } else {
                pieces.append(String(scalar))
            }
        }
        // A piece that still forms more than one grapheme cannot be a cell; it shows as the mark for
        // an unprintable character.
        return pieces.map { $0.count == 1 ? Character($0) : "\u{FFFD}" }
    }

    /// Fills `count` cells of row `y` from `x` with blanks in `style`.
    public mutating func fill(x: Int = 0, y: Int, count: Int? = nil, style: Style) {
        guard y >= 0, y < height else { return }
        let end = min(width, x + (count ?? width))
        for column in max(0, x)..<max(max(0, x), end) { set(column, y, Cell(character: " ", style: style)) }
    }

    /// Sets one cell, blanking the other half of any wide character it cuts into.
    private mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
        let i = y * width + x
        if cells[i].isContinuation && x > 0 { cells[i - 1] = Cell(character: " ", style: cells[i - 1].style) }
        if let old = cells[i].character, TextMetrics.width(of: old) == 2, x + 1 < width, cell.character.map({ TextMetrics.width(of: $0) }) != 2 {
            cells[i + 1] = Cell(character: " ", style: cells[i + 1].style)
        }
        cells[i] = cell
    }

    /// Row `y` as text, as a terminal dump would show it (continuation cells contribute nothing).
    public func text(ofRow y: Int) -> String {
        String((0..<width).compactMap { self[$0, y].character })
    }

    /// Every row as text, with trailing blanks removed: what tests compare.
    public var lines: [String] {
        (0..<height).map { y in
            var line = text(ofRow: y)
            while line.last == " " { line.removeLast() }
            return line
        }
    }
}
