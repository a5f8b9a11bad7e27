/// CommonMark (GitHub-flavoured) for pasting into a wiki or a review thread. Case text is untrusted,
/// so every character Markdown could read as markup is backslash-escaped: a proposal that says
/// `[点此](javascript:…)` or `<script>` shows as written and links or runs nothing.
public struct MarkdownRenderer: DocumentRenderer {
    public init() {}

    public func render(_ blocks: [DocumentBlock]) -> String {
        blocks.groupRuns.map { run in
            let lines = run.blocks.map(markdown)
            // A backslash at the end of a line is CommonMark's hard break: the lines of a group stay
            // one unit without relying on trailing spaces that editors strip.
            return lines.joined(separator: run.group.isLines ? "\\\n" : "\n\n")
        }.joined(separator: "\n\n") + "\n"
    }

    /// A title on two lines is two headings; a section heading is a heading one level below the
    /// title's per level; a run-in heading stays inside its paragraph, as printed (CommonMark
    /// emphasis does not close after Chinese punctuation followed by text, so it is not bold).
    private func markdown(_ block: DocumentBlock) -> String {
        switch block {
        case .draftMark(let s): return "**" + Self.escaped(s) + "**"
        case .title(let s): return s.split(separator: "\n").map { "# " + Self.escaped(String($0)) }.joined(separator: "\n")
        case .sectionHeading(let s, let level): return String(repeating: "#", count: level + 1) + " " + Self.escaped(s)
        case .contact(let items): return items.map(Self.escaped).joined(separator: "　　")
        case .paragraph, .headerField, .salutation, .signature, .signatureDate, .copyTo, .footer:
            return Self.escaped(block.items.joined())
        }
    }

    /// Characters that are markup anywhere in a line: escapes, code, emphasis, links and images, raw
    /// HTML and entities, GFM tables and strikethrough.
    private static let inlineSpecials: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "&", "|", "~", "!", "#"]

    /// `text` as literal Markdown. Besides the inline specials, a line that begins like a list item,
    /// heading underline or ordered list (`-`, `+`, `=`, `1.`, `1)`) has that mark escaped.
    static func escaped(_ text: String) -> String {
        var out = ""
        var atLineStart = true, leadingDigits = true
        for character in text {
            if inlineSpecials.contains(character) || (atLineStart && "-+=".contains(character))
                || (leadingDigits && !atLineStart && ".)".contains(character)) {
                out.append("\\")
            }
            out.append(character)
            leadingDigits = leadingDigits && character.isASCII && character.isNumber
            atLineStart = false
        }
        return out
    }
}
