import Foundation
import Glibc

/// Where "now" comes from, and the local time zone's offset from UTC, so that deadlines and journal
/// times can be tested.
public struct Clock: Sendable {
    public var now: @Sendable () -> Date
    /// Seconds east of UTC that local time is at an instant (`28800` in China).
    public var utcOffset: @Sendable (Date) -> Int

    public init(now: @escaping @Sendable () -> Date, utcOffset: @escaping @Sendable (Date) -> Int) {
        self.now = now
        self.utcOffset = utcOffset
    }

    public init(now: @escaping @Sendable () -> Date, timeZone: TimeZone) {
        self.init(now: now, utcOffset: { timeZone.secondsFromGMT(for: $0) })
    }

    /// The system clock in the local time zone as the C library has it: `TZ` in every form it
    /// accepts — a POSIX rule (`CST-8`, `UTC0`), a zone name (`Asia/Shanghai`, `:Asia/Shanghai`) —
    /// or `/etc/localtime` when `TZ` is unset. Foundation's `TimeZone.current` ignores a POSIX rule
    /// and falls back to UTC, which made the date and journal times UTC.
    public static let system = Clock(now: { Date() }, utcOffset: localOffset)

    /// The offset glibc's `localtime_r` gives for an instant, after `tzset` has read `TZ`.
    private static let localOffset: @Sendable (Date) -> Int = {
        tzset()
        return { date in
            var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
            var parts = tm()
            guard localtime_r(&seconds, &parts) != nil else { return 0 }
            return parts.tm_gmtoff
        }
    }()

    public static func fixed(_ date: LocalDate, timeZone: TimeZone = TimeZone(identifier: "Asia/Shanghai")!) -> Clock {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let instant = calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day, hour: 9))!
        return Clock(now: { instant }, timeZone: timeZone)
    }

    /// The local time zone now, as a fixed offset from UTC (what calendars showing local times need).
    public var timeZone: TimeZone { zone(at: now()) }

    public var today: LocalDate {
        let instant = now()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone(at: instant)
        let c = calendar.dateComponents([.year, .month, .day], from: instant)
        return LocalDate(year: c.year!, month: c.month!, day: c.day!)!
    }

    /// An ISO 8601 time with offset, as journal entries record it (`2026-12-07T08:30:00+08:00`).
    public func timestamp() -> String {
        let instant = now()
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = zone(at: instant)
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: instant)
    }

    private func zone(at instant: Date) -> TimeZone {
        TimeZone(secondsFromGMT: utcOffset(instant)) ?? TimeZone(identifier: "UTC")!
    }
}
