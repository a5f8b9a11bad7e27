import Model

/// Which cases the list shows.
public enum CaseFilter: Hashable, Sendable {
    case all, kind(CaseKind), status(String), outcome(String), noOutcome, overdue, dueSoon

    public var label: String {
        switch self {
        case .all: return "全部案件"
        case .kind(let kind): return kind == .proposal ? "政协提案" : "人大代表建议"
        case .status(let status): return "状态：\(status)"
        case .outcome(let outcome): return "结果：\(outcome)"
        case .noOutcome: return "尚无办理结果"
        case .overdue: return "已逾期"
        case .dueSoon: return "即将到期"
        }
    }

    func accepts(_ s: CaseSummary, in cases: CaseCollection) -> Bool {
        switch self {
        case .all: return true
        case .kind(let kind): return s.kind == kind
        case .status(let status): return s.status == status
        case .outcome(let outcome): return s.outcome == outcome
        case .noOutcome: return s.outcome.isEmpty
        case .overdue: return cases.deadline(of: s).isOverdue
        case .dueSoon: if case .dueSoon = cases.deadline(of: s) { return true } else { return false }
        }
    }

    /// Every filter the menu offers for this configuration.
    static func choices(_ configuration: Configuration) -> [CaseFilter] {
        [.all, .kind(.proposal), .kind(.suggestion), .overdue, .dueSoon]
            + configuration.workflow.states.map { .status($0.name) }
            + configuration.outcomeScheme.map { .outcome($0.label) } + [.noOutcome]
    }
}

/// The order of the list.
public enum CaseOrder: CaseIterable, Sendable {
    case number, deadline, status

    public var label: String {
        switch self {
        case .number: return "按编号"
        case .deadline: return "按期限"
        case .status: return "按状态"
        }
    }

    /// Whether `a` goes before `b`. By deadline, only open cases have one (a closed case's deadline
    /// shows as `-` and no longer matters): they go last, in number order.
    func precedes(_ a: CaseSummary, _ b: CaseSummary, in cases: CaseCollection, states: [String]) -> Bool {
        switch self {
        case .number: return a.id < b.id
        case .deadline:
            let x = cases.isOpen(a) ? a.deadline?.dayNumber ?? Int.max : Int.max
            let y = cases.isOpen(b) ? b.deadline?.dayNumber ?? Int.max : Int.max
            return x != y ? x < y : a.id < b.id
        case .status:
            let x = states.firstIndex(of: a.status) ?? states.count, y = states.firstIndex(of: b.status) ?? states.count
            return x != y ? x < y : a.id < b.id
        }
    }
}
