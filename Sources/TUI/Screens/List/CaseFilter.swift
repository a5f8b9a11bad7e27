import Model

/// Which cases the list shows: a combination of parts, each off (nil: any case) or set to one
/// choice; a case is shown when it passes every part that is set. `f` sets the parts one by one
/// (`CaseFilter.Part`), `y` sets 我的 (the handler is the user running banli), `F` and Esc clear them all.
public struct CaseFilter: Hashable, Sendable {
    /// Whose cases: the user's own (`我的`, resolved when the list is filtered), a named handler's, or
    /// cases nobody handles yet.
    public enum Handler: Hashable, Sendable {
        case mine, named(String), unassigned
    }

    /// The deadline column's conditions the filter can ask for.
    public enum Deadline: Hashable, Sendable {
        case overdue, dueSoon
    }

    /// A meeting with the body its kind implies: 提案 6届5次 and 建议 7届5次 are different meetings.
    public struct MeetingOf: Hashable, Comparable, Sendable {
        public var kind: CaseKind
        public var meeting: Meeting

        public init(_ kind: CaseKind, _ meeting: Meeting) {
            self.kind = kind
            self.meeting = meeting
        }

        public static func < (a: MeetingOf, b: MeetingOf) -> Bool {
            (a.kind == .proposal ? 0 : 1, a.meeting.term, a.meeting.session) < (b.kind == .proposal ? 0 : 1, b.meeting.term, b.meeting.session)
        }
    }

    /// A current result, or none yet.
    public enum Outcome: Hashable, Sendable {
        case result(String), notRecorded
    }

    public var kind: CaseKind?
    /// A configured workflow state.
    public var status: String?
    public var deadline: Deadline?
    public var meeting: MeetingOf?
    /// 重点 (true) or not (false).
    public var isKey: Bool?
    public var handler: Handler?
    public var outcome: Outcome?
    /// Cases with recorded conflicts （冲突, from merging two copies of the store） (true) or without (false).
    public var hasConflicts: Bool?

    public init(kind: CaseKind? = nil, status: String? = nil, deadline: Deadline? = nil, meeting: MeetingOf? = nil, isKey: Bool? = nil,
                handler: Handler? = nil, outcome: Outcome? = nil, hasConflicts: Bool? = nil) {
        self.kind = kind
        self.status = status
        self.deadline = deadline
        self.meeting = meeting
        self.isKey = isKey
        self.handler = handler
        self.outcome = outcome
        self.hasConflicts = hasConflicts
    }

    /// No part set: every case.
    public static let all = CaseFilter()

    public var isAll: Bool { self == .all }

    /// Whether case `s` passes every part that is set; `user` is who `我的` means.
    func accepts(_ s: CaseSummary, in cases: CaseCollection, user: String) -> Bool {
        if let kind, s.kind != kind { return false }
        // A withdrawn or merged case is shown as 已撤案/已并案, not as the state it kept.
        if let status, s.filteredStatus != status { return false }
        if let meeting, s.kind != meeting.kind || s.id.meeting != meeting.meeting { return false }
        if let isKey, s.isKey != isKey { return false }
        if let hasConflicts, (s.conflictCount > 0) != hasConflicts { return false }
        switch handler {
        case nil: break
        case .mine: if s.handler != user { return false }
        case .named(let name): if s.handler != name { return false }
        case .unassigned: if !s.handler.isEmpty { return false }
        }
        switch outcome {
        case nil: break
        case .result(let result): if s.outcome != result { return false }
        case .notRecorded: if !s.outcome.isEmpty { return false }
        }
        switch (deadline, cases.deadline(of: s)) {
        case (nil, _), (.overdue, .overdue), (.dueSoon, .dueSoon): return true
        default: return false
        }
    }

    /// The parts that are set, each in a word or two, in the parts' order: `建议·办理中·逾期·我的`;
    /// `全部案件` when none is.
    func brief(_ configuration: Configuration) -> String {
        let words = Part.allCases.compactMap { $0.word(of: self, configuration) }
        return words.isEmpty ? "全部案件" : words.joined(separator: "·")
    }
}

extension CaseFilter {
    /// One part of the filter, as the `f` menu lists it.
    enum Part: Int, CaseIterable, Sendable {
        case kind, status, deadline, meeting, isKey, handler, outcome, conflicts

        var name: String {
            switch self {
            case .kind: return "类型"
            case .status: return "状态"
            case .deadline: return "期限"
            case .meeting: return "会次"
            case .isKey: return "重点"
            case .handler: return "经办人"
            case .outcome: return "结果"
            case .conflicts: return "冲突"
            }
        }

        /// The part of `filter` in a word or two (the title bar's and the menu's), nil when it is off.
        func word(of filter: CaseFilter, _ configuration: Configuration) -> String? {
            switch self {
            case .kind: return filter.kind.map(Part.kindWord)
            case .status: return filter.status
            case .deadline: return filter.deadline.map { $0 == .overdue ? "逾期" : "将到期" }
            case .meeting: return filter.meeting.map(Part.meetingWord)
            case .isKey: return filter.isKey.map { $0 ? "重点" : "非重点" }
            case .handler:
                switch filter.handler {
                case nil: return nil
                case .mine: return "我的"
                case .named(let name): return name
                case .unassigned: return "未分配"
                }
            case .outcome:
                switch filter.outcome {
                case nil: return nil
                case .result(let result): return configuration.outcomeScheme.first { $0.label == result }?.short ?? result
                case .notRecorded: return "无结果"
                }
            case .conflicts: return filter.hasConflicts.map { $0 ? "有冲突" : "无冲突" }
            }
        }

        private static func kindWord(_ kind: CaseKind) -> String { kind == .proposal ? "提案" : "建议" }
        private static func meetingWord(_ m: MeetingOf) -> String {
            kindWord(m.kind) + (m.meeting.isKnown ? "\(m.meeting.term)届\(m.meeting.session)次" : "会次不详")
        }

        /// What the part can be set to — off first — with the menu's words and `filter` so changed:
        /// from the configuration (states, results) and from the cases present (meetings, handlers);
        /// `user` is offered as 我的.
        func choices(_ filter: CaseFilter, _ cases: CaseCollection, user: String) -> [(label: String, filter: CaseFilter)] {
            func set(_ change: (inout CaseFilter) -> Void) -> CaseFilter {
                var changed = filter
                change(&changed)
                return changed
            }
            let off = ("不限", set(clear))
            switch self {
            case .kind:
                return [off, ("政协提案", set { $0.kind = .proposal }), ("人大代表建议", set { $0.kind = .suggestion })]
            case .status:
                let states = cases.configuration.workflow.states.map(\.name) + Disposition.labels
                return [off] + states.map { state in (state, set { $0.status = state }) }
            case .deadline:
                return [off, ("已逾期", set { $0.deadline = .overdue }), ("即将到期", set { $0.deadline = .dueSoon })]
            case .meeting:
                return [off] + Set(cases.all.map { MeetingOf($0.kind, $0.id.meeting) }).sorted().map { m in
                    (Part.meetingWord(m), set { $0.meeting = m })
                }
            case .isKey:
                return [off, ("重点案件", set { $0.isKey = true }), ("非重点案件", set { $0.isKey = false })]
            case .handler:
                let names = Set(cases.all.map(\.handler)).subtracting(["", user]).sorted()
                return [off, ("我的（\(user)）", set { $0.handler = .mine })] + names.map { name in (name, set { $0.handler = .named(name) }) }
                    + [("未分配经办人", set { $0.handler = .unassigned })]
            case .outcome:
                return [off] + cases.configuration.outcomeScheme.map { scheme in (scheme.label, set { $0.outcome = .result(scheme.label) }) }
                    + [("尚无办理结果", set { $0.outcome = .notRecorded })]
            case .conflicts:
                return [off, ("有待解决的冲突", set { $0.hasConflicts = true }), ("没有冲突", set { $0.hasConflicts = false })]
            }
        }

        /// Turns the part off.
        func clear(_ filter: inout CaseFilter) {
            switch self {
            case .kind: filter.kind = nil
            case .status: filter.status = nil
            case .deadline: filter.deadline = nil
            case .meeting: filter.meeting = nil
            case .isKey: filter.isKey = nil
            case .handler: filter.handler = nil
            case .outcome: filter.outcome = nil
            case .conflicts: filter.hasConflicts = nil
            }
        }
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
