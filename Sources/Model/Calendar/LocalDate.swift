/// A calendar day with no time zone: 交办 dates, deadlines and reply dates are days, not instants.
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a date, or nil when the day does not exist (2026-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...LocalDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` exactly as banli writes it; nil for anything else (see `init(parsing:)`).
    public init?(iso text: String) {
        self.init(isoBytes: Array(text.utf8))
    }

    /// Reads a date a person wrote — on the command line, in a form, in a case file — as
    /// `YYYY-MM-DD`, read after `TypedText.normalized` (full-width digits and dashes from an IME,
    /// spaces around it). Throws `DateError` saying what is wrong: the shape, or the month or day
    /// that does not exist (`2018年2月没有30日`).
    public init(parsing text: String) throws(DateError) {
        if let date = LocalDate(iso: text) { self = date; return }
        guard let (y, m, d) = LocalDate.fields(Array(TypedText.normalized(text).utf8)) else { throw .wrongShape }
        guard y >= 1 else { throw .noSuchYear }
        guard (1...12).contains(m) else { throw .noSuchMonth(m) }
        guard let date = LocalDate(year: y, month: m, day: d) else { throw .noSuchDay(year: y, month: m, day: d) }
        self = date
    }

    /// `YYYY-MM-DD` as UTF-8 bytes, for readers that work on bytes.
    init?<Bytes: RandomAccessCollection<UInt8>>(isoBytes b: Bytes) where Bytes.Index == Int {
        guard let (y, m, d) = LocalDate.fields(b) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Year, month and day of text shaped `YYYY-MM-DD` (ASCII digits), whether or not the day exists.
    private static func fields<Bytes: RandomAccessCollection<UInt8>>(_ b: Bytes) -> (Int, Int, Int)? where Bytes.Index == Int {
        let s = b.startIndex
        guard b.count == 10, b[s + 4] == UInt8(ascii: "-"), b[s + 7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var n = 0
            for i in (s + range.lowerBound)..<(s + range.upperBound) {
                guard (48...57).contains(b[i]) else { return nil }
                n = n * 10 + Int(b[i] - 48)
            }
            return n
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        return (y, m, d)
    }

    /// `2018-11-01`, the form used in files.
    public var description: String {
        let y = String(year), m = month < 10 ? "0\(month)" : "\(month)", d = day < 10 ? "0\(day)" : "\(day)"
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + m + "-" + d
    }

    /// `2018年11月1日`, the form printed in documents (no zero padding).
    public var chinese: String { "\(year)年\(month)月\(day)日" }

    public static func < (a: LocalDate, b: LocalDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

extension LocalDate {
    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public init(dayNumber z0: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)!
    }

    public func adding(days: Int) -> LocalDate { LocalDate(dayNumber: dayNumber + days) }

    /// Adds calendar months, clamping to the month's last day (11-30 + 3 months = 02-28).
    public func adding(months: Int) -> LocalDate {
        let total = year * 12 + (month - 1) + months
        let y = total / 12, m = total % 12 + 1
        return LocalDate(year: y, month: m, day: min(day, LocalDate.daysIn(month: m, year: y)))!
    }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(until other: LocalDate) -> Int { other.dayNumber - dayNumber }

    /// Monday = 1 … Sunday = 7.
    public var weekday: Int { ((dayNumber % 7) + 7 + 3) % 7 + 1 }

    /// Adds working days (Monday to Friday; public holidays are not known here).
    public func adding(workingDays: Int) -> LocalDate {
        var date = self, left = workingDays
        while left > 0 {
            date = date.adding(days: 1)
            if date.weekday <= 5 { left -= 1 }
        }
        return date
    }
}
