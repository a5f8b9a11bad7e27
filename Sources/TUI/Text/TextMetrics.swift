import Model

/// The one place banli decides how many terminal cells text takes, and how to cut, pad and clean it.
/// Widths follow glibc's wcwidth, as ncurses does (see `DisplayWidthTable`), and are measured per
/// `Character`, so a grapheme is never split.
public enum TextMetrics {
    /// Cells taken by one scalar: 0, 1 or 2. A control character takes the one cell of the mark
    /// `sanitized` draws in its place, so text measures the same before and after sanitising.
    public static func width(of scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0xA0 { return 1 }
        // Most of Chinese text: one range of `DisplayWidthTable.wide`, taken without the search.
        if v >= 0x3220 && v <= 0xA48C { return 2 }
        if contains(DisplayWidthTable.wide, v) { return 2 }
        if contains(DisplayWidthTable.zero, v) { return 0 }
        return 1
    }

    /// Cells taken by one grapheme: the sum of its scalars, as ncurses lays them out.
    public static func width(of character: Character) -> Int {
        character.unicodeScalars.reduce(0) { $0 + width(of: $1) }
    }

    public static func width<S: StringProtocol>(of text: S) -> Int {
        var total = 0
        for scalar in text.unicodeScalars {
            let v = scalar.value
            total += v < 0xA0 ? 1 : width(of: scalar)
        }
        return total
    }

    /// Cuts `text` to at most `width` cells. When something is cut, `marker` ends the result; a
    /// 2-cell character that would straddle the edge is left out and the cell padded with a space,
    /// so the result is exactly as wide as asked whenever the text did not fit.
    public static func truncate(_ text: String, to width: Int, marker: String = "…") -> String {
        guard width > 0 else { return "" }
        if self.width(of: text) <= width { return text }
        let markerWidth = self.width(of: marker)
        let room = markerWidth <= width ? width - markerWidth : width
        var out = "", used = 0
        for ch in text {
            let w = self.width(of: ch)
            if used + w > room { break }
            out.append(ch)
            used += w
        }
        if markerWidth <= width { out += marker; used += markerWidth }
        return out + String(repeating: " ", count: max(0, width - used))
    }

    /// `text` cut to at most `width` cells and ended with `…` when cut, without the padding `truncate`
    /// adds: for a name quoted inside a sentence.
    public static func abbreviated(_ text: String, to width: Int) -> String {
        guard self.width(of: text) > width else { return text }
        var cut = truncate(text, to: width)
        while cut.last == " " { cut.removeLast() }
        return cut
    }

    public enum Alignment: Sendable { case left, right }

    /// Truncates or pads `text` to exactly `width` cells.
    public static func fit(_ text: String, to width: Int, alignment: Alignment = .left) -> String {
        let cut = truncate(text, to: width)
        let fill = String(repeating: " ", count: max(0, width - self.width(of: cut)))
        return alignment == .left ? cut + fill : fill + cut
    }

    /// Makes untrusted text inert for a terminal (see `UntrustedText.inert`): no control character,
    /// escape sequence or bidi override reaches the screen. Newlines are kept only when `keepNewlines`.
    public static func sanitized(_ text: String, keepNewlines: Bool = false) -> String {
        UntrustedText.inert(text, keepNewlines: keepNewlines)
    }

    private static func contains(_ ranges: [ClosedRange<UInt32>], _ v: UInt32) -> Bool {
        var low = 0, high = ranges.count - 1
        while low <= high {
            let mid = (low + high) / 2
            if v < ranges[mid].lowerBound { high = mid - 1 } else if v > ranges[mid].upperBound { low = mid + 1 } else { return true }
        }
        return false
    }
}
