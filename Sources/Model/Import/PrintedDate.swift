import Foundation

/// A date as a reply prints it, read back: the day and the style it was written in. Published
/// replies write dates five ways (docs of issue 14, `documents.md`): `2018年11月1日`,
/// `2024年05月06日`, `二〇二一年六月三日` (with 〇, ○ or 零 for zero), `2024.05.06` and `2024-05-06`.
public struct PrintedDate: Hashable, Sendable {
    /// The day.
    public var date: LocalDate
    /// The style it is printed in; `.chinese` when several print it so (`2024年11月12日` is also
    /// `.padded`).
    public var style: DateStyle

    /// Reads `text` (one whole line or item, spaces inside ignored) as a date in any of the styles;
    /// nil when it is not one or the day does not exist.
    public init?(_ text: some StringProtocol) {
        let compact = String(text.filter { !$0.isWhitespace })
        guard let (y, m, d) = Self.arabic(compact) ?? Self.hanzi(compact), let date = LocalDate(year: y, month: m, day: d) else { return nil }
        self.date = date
        // ○ (a circle) and 零 are typed for the 〇 of a year: the style is still `.hanzi`.
        let zeroAsPrinted = compact.replacingOccurrences(of: "○", with: "〇").replacingOccurrences(of: "零", with: "〇")
        style = DateStyle.allCases.first { $0.string(date) == zeroAsPrinted } ?? .chinese
    }

    /// `2018年11月1日`, `2024年05月06日`, `2024.05.06`, `2024-05-06`.
    private static func arabic(_ s: String) -> (Int, Int, Int)? {
        let separators: [(Character, Character, Character?)] = [("年", "月", "日"), (".", ".", nil), ("-", "-", nil)]
        for (first, second, end) in separators {
            var body = Substring(s)
            if let end { guard body.last == end else { continue }; body = body.dropLast() }
            let parts = body.split(separator: first, maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { continue }
            let rest = parts[1].split(separator: second, omittingEmptySubsequences: false)
            guard rest.count == 2, parts[0].count == 4, [parts[0], rest[0], rest[1]].allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCIIDigit) }),
                  let y = Int(parts[0]), let m = Int(rest[0]), let d = Int(rest[1]) else { continue }
            return (y, m, d)
        }
        return nil
    }

    /// `二〇二一年六月三日`.
    private static func hanzi(_ s: String) -> (Int, Int, Int)? {
        guard s.last == "日" else { return nil }
        let parts = s.dropLast().split(separator: "年", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4 else { return nil }
        let rest = parts[1].split(separator: "月", omittingEmptySubsequences: false)
        guard rest.count == 2, let y = ChineseNumeral.value(of: parts[0]), let m = ChineseNumeral.value(of: rest[0]),
              let d = ChineseNumeral.value(of: rest[1]) else { return nil }
        return (y, m, d)
    }
}

extension Character {
    /// `0`…`9` only (not the full-width or other scripts' digits `isNumber` takes).
    var isASCIIDigit: Bool { isASCII && isNumber }
}
