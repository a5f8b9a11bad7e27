/// An editor's text as visual lines at a width, and where its caret shows on them.
///
/// The lines follow `TextMetrics.wrap` (the same 禁则 as everywhere) at one cell less than the
/// text area, so that the caret after a line's last character always has a cell inside the area, as
/// emacs keeps a column for its continuation mark. A caret at a soft wrap — after the last character
/// of a line that continues on the next — is one offset with two places: at the start of the next
/// line (where typing or a move puts it), or at the end of its line when it got there by End or by
/// moving up or down past a line's end (`atRowEnd`, the caret's affinity, as in text editors).
public struct EditorLayout: Sendable, Equatable {
    public let lines: [Substring]
    /// The characters of each visual line as offsets into the text; the user's "\n" lies between
    /// two ranges, a soft wrap does not.
    public let lineRanges: [Range<Int>]
    public let caretRow: Int
    /// In cells from the start of the caret's line; less than the width laid out for (given room
    /// for a 2-cell character and the caret: 3 cells).
    public let caretColumn: Int

    init(_ characters: [Character], caret: Int, width: Int, atRowEnd: Bool = false) {
        // Each user line wraps on its own, straight from the editor's characters, so laying out never
        // segments the text into graphemes again; only the lines' substrings need the string.
        var ranges: [Range<Int>] = []
        var start = 0
        for (i, c) in characters.enumerated() where Self.isLineBreak(c) {
            ranges += TextMetrics.lineRanges(of: characters[start..<i], width: width - 1)
            start = i + 1
        }
        ranges += TextMetrics.lineRanges(of: characters[start...], width: width - 1)
        lineRanges = ranges
        let text = String(characters)
        var utf8Offsets: [Int] = []
        utf8Offsets.reserveCapacity(characters.count + 1)
        var offset = 0
        for c in characters {
            utf8Offsets.append(offset)
            offset += c.utf8.count
        }
        utf8Offsets.append(offset)
        func index(_ i: Int) -> String.Index { text.utf8.index(text.startIndex, offsetBy: utf8Offsets[i]) }
        lines = ranges.map { text[index($0.lowerBound)..<index($0.upperBound)] }
        // The caret belongs to the last line starting at or before it: at a soft wrap, the next one.
        var low = 0, high = ranges.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if ranges[mid].lowerBound <= caret { low = mid } else { high = mid - 1 }
        }
        // At the end of a wrapped line by End or a vertical move: shown there, not on the next line.
        if atRowEnd, low > 0, ranges[low].lowerBound == caret, ranges[low - 1].upperBound == caret { low -= 1 }
        caretRow = low
        caretColumn = characters[ranges[low].lowerBound..<caret].reduce(0) { $0 + TextMetrics.width(of: $1) }
    }

    /// "\n" is always a grapheme of its own (nothing joins a line feed), so its first scalar tells;
    /// comparing whole Characters would cost more than the wrapping.
    private static func isLineBreak(_ c: Character) -> Bool { c.unicodeScalars.first == "\n" }

    /// Whether `row` continues on the next row without a line break of the user's.
    func isSoftWrapped(_ row: Int) -> Bool {
        row + 1 < lineRanges.count && lineRanges[row + 1].lowerBound == lineRanges[row].upperBound
    }

    /// The end of `row`: after its last character, shown at the end of the row even when the line
    /// continues on the next (`atRowEnd`).
    func end(ofRow row: Int) -> (offset: Int, atRowEnd: Bool) {
        (lineRanges[row].upperBound, isSoftWrapped(row))
    }

    /// The caret place on `row` nearest to display `column`: the character covering that column (its
    /// start when the column falls in the middle of a 2-cell character), or the row's end when the row
    /// is shorter.
    func caret(inRow row: Int, column: Int) -> (offset: Int, atRowEnd: Bool) {
        var offset = lineRanges[row].lowerBound, x = 0
        for character in lines[row] {
            let w = TextMetrics.width(of: character)
            if column < x + w { return (offset, false) }
            x += w
            offset += 1
        }
        return end(ofRow: row)
    }
}
