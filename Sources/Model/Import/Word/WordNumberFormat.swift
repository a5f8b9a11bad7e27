/// A number as a Word numbering format shows it (`w:numFmt`, ECMA-376 17.18.59), for the formats
/// Chinese documents use: Chinese counting (一 … 十一, as Word's `chineseCounting`,
/// `chineseCountingThousand`, `taiwaneseCounting…` and `japaneseCounting` show the numbers of
/// headings alike), digits (half- and full-width, zero-padded), ① … ⑳, 甲乙丙…, 壹贰叁,
/// letters and Roman numerals. Another format shows digits, which keeps the number readable.
enum WordNumberFormat {
    /// `n` (1-based) in `format`; empty for `none` and `bullet`.
    static func string(_ n: Int, format: String) -> String {
        switch format {
        case "none", "bullet": return ""
        case "chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand", "japaneseCounting":
            return ChineseNumeral.string(n)
        case "chineseLegalSimplified":
            return String(ChineseNumeral.string(n).map { legal[$0] ?? $0 })
        case "decimalZero": return n < 10 ? "0\(n)" : String(n)
        case "decimalFullWidth", "decimalFullWidth2":
            return String(String(n).unicodeScalars.map { Character(Unicode.Scalar($0.value - 0x30 + 0xFF10)!) })
        case "decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle":
            return (1...20).contains(n) ? String(Character(Unicode.Scalar(0x2460 + UInt32(n) - 1)!)) : String(n)
        case "ideographTraditional": return (1...10).contains(n) ? String(Array("甲乙丙丁戊己庚辛壬癸")[n - 1]) : String(n)
        case "upperLetter", "lowerLetter":
            // Word repeats the letter past Z: AA, BB.
            let letter = Character(Unicode.Scalar(UInt8(ascii: format == "upperLetter" ? "A" : "a") + UInt8((n - 1) % 26)))
            return n >= 1 ? String(repeating: letter, count: (n - 1) / 26 + 1) : String(n)
        case "upperRoman", "lowerRoman":
            let roman = Self.roman(n)
            return format == "upperRoman" ? roman : roman.lowercased()
        default: return String(n)
        }
    }

    /// The financial forms of the Chinese digits (大写数字).
    private static let legal: [Character: Character] = [
        "一": "壹", "二": "贰", "三": "叁", "四": "肆", "五": "伍", "六": "陆", "七": "柒", "八": "捌", "九": "玖", "十": "拾", "百": "佰", "千": "仟",
    ]

    /// `n` in Roman numerals (1…3999; digits otherwise).
    private static func roman(_ n: Int) -> String {
        guard (1...3999).contains(n) else { return String(n) }
        var rest = n, out = ""
        for (value, numeral) in [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
                                 (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")] {
            while rest >= value { out += numeral; rest -= value }
        }
        return out
    }
}
