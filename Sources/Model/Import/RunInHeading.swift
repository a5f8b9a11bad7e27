/// A run-in heading （标题接排）: `一、摸清底数，分类施策。镇政府对……` prints the heading and the
/// section's first paragraph as one paragraph. Read back, the heading is the text up to the first
/// of the stops an export ends a run-in heading with (`ReplySection.runInStops`: `一、摸清底数：我局……`
/// too) when that comes early and text follows it.
enum RunInHeading {
    /// The longest heading read as run-in, in characters, its stop included.
    static let longest = 40

    /// The heading (its full stop kept, as printed) and the first paragraph of `text` (a numbered
    /// line without its numeral); nil when it is a heading on its own line.
    static func split(_ text: String) -> (heading: String, first: String)? {
        // A half-width stop between letters or digits is no stop (`1.5万元`, `9:00`).
        let stop = text.indices.first { i in
            let next = text.index(after: i)
            return ReplySection.runInStops.contains(text[i])
                && !(text[i].isASCII && next < text.endIndex && (text[next].isASCII && (text[next].isLetter || text[next].isNumber)))
        }
        guard let stop else { return nil }
        let heading = text[...stop], rest = text[text.index(after: stop)...].trimmingSpaces
        guard heading.count <= longest, !rest.isEmpty else { return nil }
        return (String(heading), rest)
    }
}
