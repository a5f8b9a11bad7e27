import Foundation
import Model

/// Times as a clerk reads them: `今天 17:36`, or `2026-11-29 17:36` on another day — never the
/// ISO 8601 form (`2026-11-29T17:36:00+08:00`) in which journals and drafts store them.
public enum TimeText {
    /// A stored ISO 8601 time, read as the local time it was written in; text that is not such a
    /// time is shown as it is.
    public static func moment(_ iso: String, today: LocalDate) -> String {
        let characters = Array(iso)
        guard characters.count >= 16, characters[10] == "T", let day = LocalDate(iso: String(characters[0..<10])) else { return iso }
        let time = String(characters[11..<16])
        return day == today ? "今天 \(time)" : "\(day) \(time)"
    }

    /// A stored ISO 8601 time, with today from `clock`.
    public static func moment(_ iso: String, _ clock: Clock) -> String { moment(iso, today: clock.today) }

    /// An instant, in the clock's time zone.
    public static func moment(_ date: Date, _ clock: Clock) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = clock.timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let time = String(format: "%02d:%02d", c.hour!, c.minute!)
        guard let day = LocalDate(year: c.year!, month: c.month!, day: c.day!) else { return time }
        return day == clock.today ? "今天 \(time)" : "\(day) \(time)"
    }
}
