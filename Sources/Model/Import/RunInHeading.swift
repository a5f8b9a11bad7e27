/// A run-in heading （标题接排）: `一、摸清底数，分类施策。镇政府对……` prints the heading and the
/// section's first paragraph as one paragraph. Read back, the heading is the text up to the first
/// full stop when that comes early and text follows it.
enum RunInHeading {
    /// The longest heading read as run-in, in characters, its full stop included.
    static let longest = 40

    /// The heading (its full stop kept, as printed) and the first paragraph of `text` (a numbered
    /// line without its numeral); nil when it is a heading on its own line.
    static func split(_ text: String) -> (heading: String, first: String)? {
        guard let stop = text.firstIndex(where: { "。！？".contains($0) }) else { return nil }
        let heading = text[...stop], rest = text[text.index(after: stop)...].trimmingSpaces
        guard heading.count <= longest, !rest.isEmpty else { return nil }
        return (String(heading), rest)
    }
}
