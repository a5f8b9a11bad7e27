/// Line breaking for display: greedy fill by width, then the Chinese rules (禁则) — no line starts
/// with closing punctuation, none ends with opening punctuation — and Latin words and numbers kept
/// whole when they fit. Soft wrapping is display only: the text itself is never changed.
extension TextMetrics {
    /// Characters that may not begin a line.
    static let noLineStart: Set<Character> = [
        "，", "。", "、", "：", "；", "！", "？", "）", "》", "”", "’", "】", "」", "』", "〕", "〗", "〉", "…", "—",
        "·", "～", "％", ",", ".", ":", ";", "!", "?", ")", "]", "}", "%",
    ]
    /// Characters that may not end a line.
    static let noLineEnd: Set<Character> = ["（", "《", "“", "‘", "【", "「", "『", "〔", "〖", "〈", "(", "[", "{"]

    /// How many characters a break may move to keep the rules before giving up on them.
    static let maxShift = 3

    /// The visual lines of `text` at `width` cells. Each user line (separated by "\n") wraps on its
    /// own; an empty user line gives one empty visual line. The returned substrings index into
    /// `text`, so a caret offset can be mapped onto them. Every line is at most `width` cells wide,
    /// except that a single character wider than `width` still gets a line of its own.
    public static func wrap(_ text: String, width: Int) -> [Substring] {
        var lines: [Substring] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            // One pass over the graphemes collects them and where each starts.
            var characters: [Character] = [], indices: [String.Index] = []
            var index = paragraph.startIndex
            for character in paragraph {
                characters.append(character)
                indices.append(index)
                index = paragraph.utf8.index(index, offsetBy: character.utf8.count)
            }
            indices.append(paragraph.endIndex)
            for range in lineRanges(of: characters[...], width: width) {
                lines.append(paragraph[indices[range.lowerBound]..<indices[range.upperBound]])
            }
        }
        return lines
    }

    /// One user line (no "\n") laid out with a hanging indent, in one pass: the first visual line
    /// `width` cells wide, the others `width - hang` (they are drawn `hang` cells in) and without the
    /// spaces a break left at their start. For pagers and popups, whose continued lines must not
    /// look like new entries.
    public static func hangingLines(of line: Substring, width: Int, hang: Int) -> [Substring] {
        var characters: [Character] = [], indices: [String.Index] = []
        var index = line.startIndex
        for character in line {
            characters.append(character)
            indices.append(index)
            index = line.index(after: index)
        }
        indices.append(line.endIndex)
        return lineRanges(of: characters[...], width: width, continuation: width - hang, trimmingContinuations: true)
            .map { line[indices[$0.lowerBound]..<indices[$0.upperBound]] }
    }

    /// The lines of one user line (characters without "\n") at `width` cells (`continuation` cells
    /// after the first), as ranges of the slice's indices: the rules of `wrap`, for a caller that
    /// already holds the characters (the editor, which so never re-segments its text into graphemes
    /// to lay it out). `trimmingContinuations` leaves the spaces at a continued line's start out of it.
    static func lineRanges(of paragraph: ArraySlice<Character>, width: Int, continuation: Int? = nil,
                           trimmingContinuations: Bool = false) -> [Range<Int>] {
        guard !paragraph.isEmpty else { return [paragraph.startIndex..<paragraph.startIndex] }
        var ranges: [Range<Int>] = []
        var start = paragraph.startIndex
        while start < paragraph.endIndex {
            if trimmingContinuations && !ranges.isEmpty {
                while start < paragraph.endIndex && paragraph[start] == " " { start += 1 }
                if start == paragraph.endIndex { break }
            }
            let width = max(1, ranges.isEmpty ? width : continuation ?? width)
            var end = start, used = 0
            while end < paragraph.endIndex {
                let w = self.width(of: paragraph[end])
                if used + w > width && end > start { break }
                used += w
                end += 1
            }
            if end < paragraph.endIndex { end = adjustedBreak(paragraph, start: start, end: end) }
            ranges.append(start..<end)
            start = end
        }
        return ranges
    }

    /// Moves a break at `end` earlier when it would start a line with closing punctuation, end one with
    /// opening punctuation, or split a Latin word or number; keeps it when no nearby break is better.
    private static func adjustedBreak(_ p: ArraySlice<Character>, start: Int, end: Int) -> Int {
        func ok(_ b: Int) -> Bool {
            let before = p[b - 1], after = p[b]
            if noLineStart.contains(after) || noLineEnd.contains(before) { return false }
            return !(isWordCharacter(before) && isWordCharacter(after))
        }
        if ok(end) { return end }
        var b = end - 1
        while b > start && end - b <= maxShift {
            if ok(b) { return b }
            b -= 1
        }
        // A long Latin word may be broken back further, to its start, when it fits on a line.
        b = end - 1
        while b > start && isWordCharacter(p[b - 1]) && isWordCharacter(p[b]) { b -= 1 }
        if b > start && ok(b) { return b }
        return end
    }

    private static func isWordCharacter(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber)
    }
}
