/// An editor's text as visual lines at a width, and where its caret shows on them.
///
/// The lines come from `TextMetrics.wrap` (the same 禁则 as everywhere) at one cell less than the
/// text area, so that the caret after a line's last character always has a cell inside the area, as
/// emacs keeps a column for its continuation mark. A caret at a soft wrap, after the last character
/// of a line that continues on the next, shows at the start of the next line, where the next typed
/// character appears; so End stops before the last character of a wrapped line.
public struct EditorLayout: Sendable, Equatable {
    public let lines: [Substring]
    /// The characters of each visual line as offsets into the text; the user's "\n" lies between
    /// two ranges, a soft wrap does not.
    public let lineRanges: [Range<Int>]
    public let caretRow: Int
    /// In cells from the start of the caret's line; less than the width laid out for (given room
    /// for a 2-cell character and the caret: 3 cells).
    public let caretColumn: Int

    init(_ characters: [Character], caret: Int, width: Int) {
        lines = TextMetrics.wrap(String(characters), width: max(1, width - 1))
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(lines.count)
        var offset = 0
        for (i, line) in lines.enumerated() {
            let count = line.count
            ranges.append(offset..<offset + count)
            offset += count
            // A gap between this line's end and the next line's start is the user's "\n".
            if i + 1 < lines.count && lines[i + 1].startIndex > line.endIndex { offset += 1 }
        }
        lineRanges = ranges
        // The caret belongs to the last line starting at or before it: at a soft wrap, the next one.
        var low = 0, high = ranges.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if ranges[mid].lowerBound <= caret { low = mid } else { high = mid - 1 }
        }
        caretRow = low
        caretColumn = TextMetrics.width(of: lines[low].prefix(caret - ranges[low].lowerBound))
    }

    /// Whether `row` continues on the next row without a line break of the user's.
    func isSoftWrapped(_ row: Int) -> Bool {
        row + 1 < lineRanges.count && lineRanges[row + 1].lowerBound == lineRanges[row].upperBound
    }

    /// The furthest caret offset that still shows on `row`: the end of a paragraph's last line, or
    /// before the last character of a wrapped line (after it, the caret shows on the next row).
    func lastCaretOffset(inRow row: Int) -> Int {
        lineRanges[row].upperBound - (isSoftWrapped(row) ? 1 : 0)
    }

    /// The caret offset on `row` nearest to display `column`: the character covering that column
    /// (its start when the column falls in the middle of a 2-cell character), or the line's last
    /// caret offset when the line is shorter.
    func caretOffset(inRow row: Int, column: Int) -> Int {
        let last = lastCaretOffset(inRow: row)
        var offset = lineRanges[row].lowerBound, x = 0
        for character in lines[row] {
            if offset == last { break }
            let w = TextMetrics.width(of: character)
            if column < x + w { return offset }
            x += w
            offset += 1
        }
        return last
    }
}
