/// The ways published replies print a date, each named by the placeholder that prints it in an
/// office profile's line patterns (`{date}`, `{date_hanzi}` …). A profile chooses a style for each
/// place a date appears (the header, under the signature) by the placeholder it writes there.
/// The styles are those seen in published replies (shared/docs/documents.md).
public enum DateStyle: String, CaseIterable, Hashable, Sendable {
    /// `2018年11月1日`: no zero padding (GB/T 9704-2012 7.3.5.3).
    case chinese = "date"
    /// `2024年05月06日`.
    case padded = "date_padded"
    /// `二〇二一年六月三日`: the year digit by digit, month and day as numbers (`十二月二十三日`).
    case hanzi = "date_hanzi"
    /// `2024.05.06`.
    case dotted = "date_dotted"
    /// `2024-05-06`.
    case dashed = "date_dashed"

    /// The placeholder that prints a date in this style, without braces.
    public var placeholder: String { rawValue }

    /// `date` printed in this style.
    public func string(_ date: LocalDate) -> String {
        switch self {
        case .chinese: return date.chinese
        case .padded: return "\(date.year)年\(Self.twoDigits(date.month))月\(Self.twoDigits(date.day))日"
        case .hanzi:
            let year = String(date.year).map { digit in digit.wholeNumberValue.map { Self.hanziDigits[$0] } ?? String(digit) }.joined()
            return "\(year)年\(ChineseNumeral.string(date.month))月\(ChineseNumeral.string(date.day))日"
        case .dotted: return "\(date.year).\(Self.twoDigits(date.month)).\(Self.twoDigits(date.day))"
        case .dashed: return "\(date.year)-\(Self.twoDigits(date.month))-\(Self.twoDigits(date.day))"
        }
    }

    /// The digits of a year as documents write them in characters: 〇 (U+3007), not 零 and not ○.
    static let hanziDigits = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

    private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
}
