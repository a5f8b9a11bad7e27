/// A case that needs attention on a given day （催办）, with every reason it does: one entry per case,
/// in the command line's due list and the TUI's alike.
public struct AttentionItem: Hashable, Sendable {
    public enum Reason: Hashable, Sendable {
        /// The reply deadline has passed; `days` since.
        case overdue(days: Int)
        /// The reply is due within the warning window; 0 is today.
        case dueSoon(daysLeft: Int)
        /// The case still awaits 签收 and the time for a 退回/改办 request ends in `daysLeft` days
        /// (negative once it has ended: the case can no longer be returned and must be accepted).
        case returnWindow(daysLeft: Int)
        /// The reply went out `days` ago and its feedback has not come back.
        case feedbackMissing(days: Int)
    }

    public var id: CaseID
    public var title: String
    public var status: String
    /// Why, earliest due first (never empty).
    public var reasons: [Reason]
    /// The day the earliest reason was or is due; the list is in this order.
    public var dueOn: LocalDate

    /// The reasons' labels, earliest first, joined by `；`.
    public var label: String { reasons.map(Self.label).joined(separator: "；") }

    /// `！逾期5天`, `！今天到期`, `退回/改办申请剩3天`, `答复后35天未收到反馈`: marked with ！ where late.
    public static func label(_ reason: Reason) -> String {
        switch reason {
        case .overdue(let days): return DeadlineStatus.overdue(days: days).label
        case .dueSoon(let days): return DeadlineStatus.dueSoon(daysLeft: days).label
        case .returnWindow(let days) where days < 0: return "！退回/改办申请期限已过\(-days)天，尚未签收"
        case .returnWindow(let days): return days == 0 ? "！退回/改办申请今天截止" : "退回/改办申请剩\(days)天"
        case .feedbackMissing(let days): return "答复后\(days)天未收到反馈"
        }
    }
}

/// What needs attention on a day: overdue replies, replies due within the warning window, cases
/// whose 退回/改办 window is closing before they are accepted, and replies whose feedback is late.
/// A case without 交办日期 has no return window, and no deadline unless one was set by hand.
public enum Attention {
    /// The items for `cases` on `today`, earliest due first. `warnDays` overrides the configured
    /// warning window.
    public static func items(in cases: [Case], on today: LocalDate, configuration: Configuration,
                             warnDays: Int? = nil) -> [AttentionItem] {
        let workflow = configuration.workflow, rules = configuration.deadlines
        let window = warnDays ?? rules.warnDays
        // A return window matters only where the configuration lets a case be returned before 签收.
        let returnable = (workflow.transitions[workflow.initial] ?? []).contains { workflow.state(named: $0)?.needsReason == true }
        var items: [AttentionItem] = []
        // A withdrawn or merged case has nothing left to be late with.
        for c in cases where c.disposition == nil {
            var found: [(reason: AttentionItem.Reason, dueOn: LocalDate)] = []
            func add(_ reason: AttentionItem.Reason, _ dueOn: LocalDate) { found.append((reason, dueOn)) }
            if let deadline = c.deadline {
                switch DeadlineStatus(c.summary, today: today, workflow: workflow, warnDays: window) {
                case .overdue(let days): add(.overdue(days: days), deadline)
                case .dueSoon(let days): add(.dueSoon(daysLeft: days), deadline)
                case .onTrack, .none: break
                }
            }
            // Without 交办日期 the window's end is unknown: no day is made up for it.
            if returnable && c.status == workflow.initial, let assigned = c.assignedOn {
                let end = rules.returnRequestDeadline(assignedOn: assigned)
                let left = today.days(until: end)
                if left <= window { add(.returnWindow(daysLeft: left), end) }
            }
            // Feedback dated before the reply went out answered an earlier reply.
            if c.status == workflow.replied, let sent = c.repliedOn,
               c.currentFeedback.map({ $0.date.map { $0 < sent } ?? false }) ?? true {
                let expected = rules.feedbackExpected(repliedOn: sent)
                if expected <= today { add(.feedbackMissing(days: sent.days(until: today)), expected) }
            }
            found.sort { $0.dueOn < $1.dueOn }
            if let first = found.first {
                items.append(AttentionItem(id: c.id, title: c.title, status: c.status, reasons: found.map(\.reason), dueOn: first.dueOn))
            }
        }
        return items.sorted { ($0.dueOn, $0.id) < ($1.dueOn, $1.id) }
    }
}
