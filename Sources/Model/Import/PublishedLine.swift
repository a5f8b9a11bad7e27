import Foundation

/// How a line of a published reply is compared with the line an export prints: the same text once
/// both are in NFKC (full-width punctuation and digits as ASCII, `：` as `:`), with ○ read as 〇
/// (a circle typed for the zero of a year), and whitespace normalised — none next to a Chinese
/// character (pages have `工作制度。 2017 年`), any other run one space.
public enum PublishedLine {
    /// `line` as it is compared.
    public static func normalised(_ line: some StringProtocol) -> String {
        let characters = Array(String(line).precomposedStringWithCompatibilityMapping.replacingOccurrences(of: "○", with: "〇"))
        return String(spacedAsPrinted(characters) { $0.isWhitespace || $0.unicodeScalars.allSatisfy(TypedText.isSpace) })
    }

    /// A paragraph of a web page as official documents write it, for keeping in a case: no
    /// whitespace next to a Chinese character (`工作制度。 2017 年` → `工作制度。2017年`), other runs
    /// one space, and ASCII `,:;()!?` next to Chinese text full-width (`办理结果:` → `办理结果：`).
    /// Equal to the line it came from once both are `normalised`.
    public static func tidied(_ line: some StringProtocol) -> String {
        var out = spacedAsPrinted(Array(line)) { $0.isWhitespace }
        for (i, c) in out.enumerated() {
            guard let wide = fullWidth[c] else { continue }
            if (i > 0 && !out[i - 1].isASCII) || (i + 1 < out.count && !out[i + 1].isASCII) { out[i] = wide }
        }
        return String(out)
    }

    /// `characters` with no space next to a Chinese character (nor at either end) and any other run
    /// of characters `isSpace` takes one ASCII space.
    private static func spacedAsPrinted(_ characters: [Character], isSpace: (Character) -> Bool) -> [Character] {
        var out: [Character] = []
        for (i, c) in characters.enumerated() {
            guard isSpace(c) else { out.append(c); continue }
            let next = characters[(i + 1)...].first { !$0.isWhitespace }
            if out.last.map({ !$0.isASCII || $0 == " " }) ?? true || next.map({ !$0.isASCII }) ?? true { continue }
            out.append(" ")
        }
        return out
    }

    private static let fullWidth: [Character: Character] = [",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "!": "！", "?": "？"]

    /// The non-blank lines of `text`, normalised.
    public static func lines(of text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map(normalised).filter { !$0.isEmpty }
    }

    /// How many lines of `a` and `b` match in order (the longest common subsequence), with the
    /// indices of `a` and of `b` that match; the standard library's diff (Myers'), so a long page
    /// costs time in proportion to its differences, not to the product of the lengths.
    static func matching(_ a: [String], _ b: [String]) -> (count: Int, inA: Set<Int>, inB: Set<Int>) {
        var inA = Set(a.indices), inB = Set(b.indices)
        for change in b.difference(from: a) {
            switch change {
            case .remove(let offset, _, _): inA.remove(offset)
            case .insert(let offset, _, _): inB.remove(offset)
            }
        }
        return (inA.count, inA, inB)
    }
}
