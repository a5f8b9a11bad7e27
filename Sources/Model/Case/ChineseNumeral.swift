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
