/// The numeral a numbered line starts with, read back: its level, its number and how it is
/// written. Levels follow official documents (GB/T 9704-2012 7.3.3): `一、` `（一）` `1.`/`1、`
/// `（1）`; brackets may be full-width or ASCII, and `1.` may be written `1．`. Each style is read
/// by the profile's own `HeadingNumeral`, so what is read is what a profile prints.
public struct PrintedHeading: Hashable, Sendable {
    /// 1…4, as `ReplySection.level`.
    public var level: Int
    /// The number it shows (`三、` is 3).
    public var value: Int
    /// The numeral as printed, punctuation included (`（三）`).
    public var printed: String

    /// The styles a heading is printed in, with their levels.
    static let styles: [(numeral: HeadingNumeral, level: Int)] = [
        ("一、", 1), ("（一）", 2), ("(一)", 2), ("1.", 3), ("1、", 3), ("1．", 3), ("（1）", 4), ("(1)", 4),
    ].map { (HeadingNumeral($0.0)!, $0.1) }

    /// Reads the numeral at the start of `line`; nil when the line does not start with one, or when
    /// what follows cannot begin a heading (nothing, or a digit: `1.5万元` is a number).
    public init?(startOf line: some StringProtocol) {
        let text = Substring(line)
        for (numeral, level) in Self.styles {
            guard let (value, rest) = numeral.number(atStartOf: text), let next = rest.first, !next.isASCIIDigit else { continue }
            self.level = level
            self.value = value
            printed = String(text[..<rest.startIndex])
            return
        }
        return nil
    }
}
