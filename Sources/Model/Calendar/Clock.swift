import Foundation

/// Where "now" comes from, so that deadlines and journal times can be tested.
public struct Clock: Sendable {
    public var now: @Sendable () -> Date
    public var timeZone: TimeZone

    public init(now: @escaping @Sendable () -> Date, timeZone: TimeZone) {
        self.now = now
        self.timeZone = timeZone
    }

    public static let system = Clock(now: { Date() }, timeZone: .current)

    public static func fixed(_ date: LocalDate, timeZone: TimeZone = TimeZone(identifier: "Asia/Shanghai")!) -> Clock {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let instant = calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day, hour: 9))!
        return Clock(now: { instant }, timeZone: timeZone)
    }

    public var today: LocalDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day], from: now())
        return LocalDate(year: c.year!, month: c.month!, day: c.day!)!
    }

    /// An ISO 8601 time with offset, as journal entries record it.
    public func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = timeZone
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: now())
    }
}
