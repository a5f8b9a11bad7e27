/// The numeral a section heading starts with, read back: its level, its number and how it is
/// written. Levels follow the order of official documents (GB/T 9704): `一、` `（一）` `1.`/`1、`
/// `（1）`. Brackets may be full-width or ASCII, and `1.` may be written `1．`.
public struct PrintedHeading: Hashable, Sendable {
    /// 1…4, as `ReplySection.level`.
    public var level: Int
    /// The number it shows (`三、` is 3).
    public var value: Int
    /// The numeral as printed, punctuation included (`（三）`).
    public var printed: String
    /// The numeral as a profile's `headings` writes the first one of its style (`（一）`, `1、`), so
    /// that a reply's style can be compared with a profile's.
    public var style: String

    /// Reads the numeral at the start of `line`; nil when the line does not start with one, or when
    /// what follows cannot begin a heading (`1.5万元` is a number, not heading 1).
    public init?(startOf line: some StringProtocol) {
        let chars = Array(line)
        func closing(_ open: Character) -> Character { open == "（" ? "）" : ")" }
        if let first = chars.first, first == "（" || first == "(" {
            guard let end = chars.firstIndex(of: closing(first)), end > 1, end <= 4 else { return nil }
            let inner = String(chars[1..<end])
            if inner.allSatisfy(\.isASCIIDigit), let n = Int(inner) {
                self.init(level: 4, value: n, printed: String(chars[...end]), style: "\(first)1\(closing(first))")
            } else if let n = ChineseNumeral.value(of: inner), n > 0, !inner.contains("〇") {
                self.init(level: 2, value: n, printed: String(chars[...end]), style: "\(first)一\(closing(first))")
            } else {
                return nil
            }
        } else if let mark = chars.firstIndex(where: { $0 == "、" || $0 == "." || $0 == "．" }), mark > 0, mark <= 3 {
            let inner = String(chars[..<mark])
            let next = mark + 1 < chars.count ? chars[mark + 1] : nil
            if inner.allSatisfy(\.isASCIIDigit), let n = Int(inner), !(next?.isASCIIDigit ?? false) {
                self.init(level: 3, value: n, printed: String(chars[...mark]), style: "1" + String(chars[mark] == "．" ? "." : chars[mark]))
            } else if chars[mark] == "、", let n = ChineseNumeral.value(of: inner), n > 0, inner.count < 4 {
                self.init(level: 1, value: n, printed: String(chars[...mark]), style: "一、")
            } else {
                return nil
            }
        } else {
            return nil
        }
        // A numeral with nothing after it heads nothing.
        guard chars.count > printed.count else { return nil }
    }

    private init(level: Int, value: Int, printed: String, style: String) {
        self.level = level
        self.value = value
        self.printed = printed
        self.style = style
    }

    /// The level of a profile's heading numeral as its `headings` list writes it (`1、` → 3); nil
    /// when it is none of the four styles.
    public static func level(ofStyle style: String) -> Int? {
        PrintedHeading(startOf: style + "x").map(\.level)
    }
}
