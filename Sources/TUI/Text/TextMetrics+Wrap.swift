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
        let width = max(1, width)
        var lines: [Substring] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            wrapParagraph(paragraph, width: width, into: &lines)
        }
        return lines
    }

    private static func wrapParagraph(_ paragraph: Substring, width: Int, into lines: inout [Substring]) {
        let chars = Array(paragraph.indices)
        guard !chars.isEmpty else { lines.append(paragraph); return }
        var start = 0
        while start < chars.count {
            var end = start, used = 0
            while end < chars.count {
                let w = self.width(of: paragraph[chars[end]])
                if used + w > width && end > start { break }
                used += w
                end += 1
            }
            if end < chars.count { end = adjustedBreak(paragraph, chars, start: start, end: end) }
            let upper = end < chars.count ? chars[end] : paragraph.endIndex
            lines.append(paragraph[chars[start]..<upper])
            start = end
        }
    }

    /// Moves a break at `end` earlier when it would start a line with closing punctuation, end one with
    /// opening punctuation, or split a Latin word or number; keeps it when no nearby break is better.
    private static func adjustedBreak(_ p: Substring, _ chars: [String.Index], start: Int, end: Int) -> Int {
        func ok(_ b: Int) -> Bool {
            let before = p[chars[b - 1]], after = p[chars[b]]
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
        while b > start && isWordCharacter(p[chars[b - 1]]) && isWordCharacter(p[chars[b]]) { b -= 1 }
        if b > start && ok(b) { return b }
        return end
    }

    private static func isWordCharacter(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber)
    }
}
