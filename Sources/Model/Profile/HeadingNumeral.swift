/// How an office numbers the headings of one level, written as its first numeral: `一、`, `（一）`,
/// `1.`, `1、`, `（1）`. The numeral (一 or 1) says whether the level counts in Chinese numerals or
/// in digits; what stands before and after it is printed around every number of the level.
/// GB/T 9704-2012 7.3.3 gives the usual four levels: 一、 （一） 1. （1）.
public struct HeadingNumeral: Hashable, Sendable {
    /// What the office wrote: `（一）`.
    public let written: String
    /// Before the number: `（`.
    public let prefix: String
    /// After the number: `）`.
    public let suffix: String
    /// Counts 一 二 三 rather than 1 2 3.
    public let isChinese: Bool

    /// Reads `written`, which must hold exactly one numeral 一 or 1 (the first heading's); nil when
    /// it holds none or several.
    public init?(_ written: String) {
        let marks = written.indices.filter { written[$0] == "一" || written[$0] == "1" }
        guard marks.count == 1, let mark = marks.first else { return nil }
        self.written = written
        prefix = String(written[..<mark])
        suffix = String(written[written.index(after: mark)...])
        isChinese = written[mark] == "一"
    }

    /// The numeral of the `n`th heading of the level (1-based): `（三）`, `12.`.
    public func string(_ n: Int) -> String {
        prefix + (isChinese ? ChineseNumeral.string(n) : String(n)) + suffix
    }

    /// The number at the start of `line` in this level's style and the text after it: `（三）加强…`
    /// gives 3 and `加强…`. Nil when the line does not start with such a numeral.
    public func number(atStartOf line: Substring) -> (number: Int, rest: Substring)? {
        guard line.hasPrefix(prefix) else { return nil }
        let afterPrefix = line.dropFirst(prefix.count)
        let digits = afterPrefix.prefix { isChinese ? Self.chineseDigits.contains($0) : ($0.isASCII && $0.isNumber) }
        let rest = afterPrefix.dropFirst(digits.count)
        guard !digits.isEmpty, digits.count <= 6, rest.hasPrefix(suffix) else { return nil }
        let value = isChinese ? Self.chineseValue(String(digits)) : Int(digits)
        guard let value, value > 0 else { return nil }
        return (value, rest.dropFirst(suffix.count))
    }

    private static let chineseDigits: Set<Character> = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "千"]

    /// The number `ChineseNumeral` writes as `text`, below 1000 (no document has more headings).
    private static func chineseValue(_ text: String) -> Int? {
        (1..<1000).first { ChineseNumeral.string($0) == text }
    }
}
