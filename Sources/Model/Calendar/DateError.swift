/// Why text is not a date. The description is the reason alone, for the caller to put after what it
/// was reading (`字段“交办日期”的值“2018-02-30”无效：2018年2月没有30日`): a date written in the right
/// shape whose month or day does not exist is told so, rather than how to write a date.
public enum DateError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Not `YYYY-MM-DD`: four, two and two digits joined by `-`.
    case wrongShape
    /// Year 0000: the calendar starts at year 1.
    case noSuchYear
    /// A month outside 1–12.
    case noSuchMonth(Int)
    /// A day outside the month's days (30 February, 31 April, 29 February of a common year).
    case noSuchDay(year: Int, month: Int, day: Int)

    public var description: String {
        switch self {
        case .wrongShape: return "应写作 2026-11-03 的形式"
        case .noSuchYear: return "没有0年"
        case .noSuchMonth(let month): return "没有\(month)月"
        case .noSuchDay(let year, let month, let day): return "\(year)年\(month)月没有\(day)日"
        }
    }
}
