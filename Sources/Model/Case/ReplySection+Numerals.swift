extension ReplySection {
    /// The numeral style of each heading level as the Shanghai district reply prints it (the default
    /// profile's `headings`): level 1 `一、`, 2 `（一）`, 3 `1.`, 4 `（1）`.
    public static let defaultHeadingStyles = ["一、", "（一）", "1.", "（1）"]

    /// The numeral each section prints before its heading, in order; nil for a section with an empty
    /// heading, which prints as plain paragraphs and uses no number. Each level counts on its own and
    /// starts again at one after a section of a higher level (`一、` `（一）` `（二）` `二、` `（一）`).
    /// `styles` holds one numeral per level written as the first one (`styles[0]` for level 1); a
    /// level beyond the styles given uses the last style.
    public static func numerals(for sections: [ReplySection], styles: [String] = defaultHeadingStyles) -> [String?] {
        numerals(levels: sections.map { $0.heading.isBlank ? nil : $0.level }, styles: styles)
    }

    /// `numerals(for:styles:)` from each section's level alone, nil for a section without a heading:
    /// for callers (the reply form) that know the levels without building the sections.
    public static func numerals(levels: [Int?], styles: [String] = defaultHeadingStyles) -> [String?] {
        var counters = [Int](repeating: 0, count: ReplySection.levels.upperBound)
        return levels.map { level in
            guard let level, !styles.isEmpty else { return nil }
            let depth = min(max(level, ReplySection.levels.lowerBound), ReplySection.levels.upperBound) - 1
            counters[depth] += 1
            for deeper in (depth + 1)..<counters.count { counters[deeper] = 0 }
            return numeral(counters[depth], style: styles[min(depth, styles.count - 1)])
        }
    }

    /// `n` written in `style`: the style's first numeral （`一` or `1`）replaced by n's numeral of the
    /// same kind, the rest of the style kept (`（一）` → `（十二）`, `1.` → `12.`).
    public static func numeral(_ n: Int, style: String) -> String {
        var written = style
        if let one = style.firstIndex(of: "一") {
            written.replaceSubrange(one...one, with: ChineseNumeral.string(n))
        } else if let one = style.firstIndex(of: "1") {
            written.replaceSubrange(one...one, with: String(n))
        }
        return written
    }
}
