/// Chinese numerals as official documents write them: 一 … 十， 十一， 二十， 一百零五.
public enum ChineseNumeral {
    static let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

    /// Numerals for 0 ..< 10000; larger numbers fall back to Arabic digits.
    public static func string(_ n: Int) -> String {
        guard n >= 0, n < 10000 else { return String(n) }
        if n < 10 { return digits[n] }
        if n < 20 { return "十" + (n == 10 ? "" : digits[n - 10]) }
        let units = [(1000, "千"), (100, "百"), (10, "十")]
        var result = "", rest = n, pendingZero = false
        for (value, name) in units {
            let d = rest / value
            rest %= value
            if d > 0 {
                if pendingZero { result += "零" }
                result += digits[d] + name
                pendingZero = false
            } else if !result.isEmpty {
                pendingZero = true
            }
        }
        if rest > 0 { result += (pendingZero ? "零" : "") + digits[rest] }
        return result
    }
}

extension ChineseNumeral {
    /// The number a numeral as `string(_:)` writes it stands for (`十五` → 15, `一百零五` → 105), also
    /// read digit by digit as years are written (`二〇二一` → 2021, with 〇, ○ or 零 for zero); nil
    /// for anything else. The inverse of `string(_:)`, for reading printed documents back.
    public static func value(of text: some StringProtocol) -> Int? {
        guard !text.isEmpty else { return nil }
        let zeros: Set<Character> = ["〇", "○", "零"]
        func digit(_ c: Character) -> Int? { zeros.contains(c) ? 0 : digits.firstIndex(of: String(c)) }
        // A numeral without 十/百/千 of more than one character is read digit by digit, as a year.
        if text.count > 1, text.allSatisfy({ digit($0) != nil }) {
            return text.reduce(0) { $0 * 10 + digit($1)! }
        }
        let units: [Character: Int] = ["十": 10, "百": 100, "千": 1000]
        var total = 0, pending: Int?, lastUnit = 10_000
        for c in text {
            // 零 only marks a missing place (一百零五); the comparison below checks where it stands.
            if zeros.contains(c) { continue }
            if let d = digit(c) {
                guard pending == nil else { return nil }
                pending = d
            } else if let unit = units[c] {
                guard unit < lastUnit else { return nil }
                // 十五 has no digit before 十.
                total += (pending ?? (unit == 10 && total == 0 ? 1 : 0)) * unit
                pending = nil
                lastUnit = unit
            } else {
                return nil
            }
        }
        total += pending ?? 0
        return string(total) == String(text) ? total : nil
    }
}
