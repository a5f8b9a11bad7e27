/// Where a case stands against its reply deadline on a given day.
public enum DeadlineStatus: Hashable, Sendable {
    /// No deadline, or the case is no longer open (closed, withdrawn or merged).
    case none
    case onTrack(daysLeft: Int)
    /// Due within the configured warning window.
    case dueSoon(daysLeft: Int)
    case overdue(days: Int)

    public init(_ summary: CaseSummary, today: LocalDate, workflow: Workflow, warnDays: Int) {
        guard workflow.isOpen(summary), let days = summary.daysLeft(today: today) else { self = .none; return }
        if days < 0 { self = .overdue(days: -days) } else if days <= warnDays { self = .dueSoon(daysLeft: days) } else {
            self = .onTrack(daysLeft: days)
        }
    }

    public var isOverdue: Bool { if case .overdue = self { return true } else { return false } }

    /// `剩12天`, `！剩3天`, `！逾期5天`: flagged with a mark as well as words, never by colour alone.
    public var label: String {
        switch self {
        case .none: return ""
        case .onTrack(let days): return "剩\(days)天"
        case .dueSoon(let days): return days == 0 ? "！今天到期" : "！剩\(days)天"
        case .overdue(let days): return "！逾期\(days)天"
        }
    }
}
