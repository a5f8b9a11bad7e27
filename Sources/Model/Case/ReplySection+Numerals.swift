extension ReplySection {
    /// The numeral each section prints before its heading, in order; nil for a section with an empty
    /// heading, which prints as plain paragraphs and uses no number. Each level counts on its own and
    /// starts again at one after a section of a higher level (`一、` `（一）` `（二）` `二、` `（一）`).
    /// `styles` holds one numeral per level (the profile's `headingNumerals`, `styles[0]` for level 1);
    /// a level beyond the styles given uses the last.
    public static func numerals(for sections: [ReplySection], in styles: [HeadingNumeral] = HeadingNumeral.standard) -> [String?] {
        numerals(levels: sections.map { $0.heading.isBlank ? nil : $0.level }, in: styles)
    }

    /// `numerals(for:in:)` from each section's level alone, nil for a section without a heading:
    /// for callers (the reply form) that know the levels without building the sections.
    public static func numerals(levels: [Int?], in styles: [HeadingNumeral] = HeadingNumeral.standard) -> [String?] {
        var counters = [Int](repeating: 0, count: ReplySection.levels.upperBound)
        return levels.map { level in
            guard let level, let last = styles.last else { return nil }
            let depth = min(max(level, ReplySection.levels.lowerBound), ReplySection.levels.upperBound) - 1
            counters[depth] += 1
            for deeper in (depth + 1)..<counters.count { counters[deeper] = 0 }
            return (styles[safe: depth] ?? last).string(counters[depth])
        }
    }
}
