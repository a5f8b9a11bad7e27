import Foundation

/// A count under a name: a kind, a status, an outcome, a satisfaction.
public struct Tally: Hashable, Sendable, Encodable {
    public var name: String
    public var count: Int
}

/// A share of a whole, with what the two are.
public struct Rate: Hashable, Sendable, Encodable {
    public var name: String
    public var part: Int
    public var whole: Int
    /// What `part` and `whole` count, for readers of the figures.
    public var definition: String

    /// Rounded to one decimal; nil when there is nothing to divide by.
    public var percent: Double? { whole == 0 ? nil : (Double(part) * 1000 / Double(whole)).rounded() / 10 }

    /// `11/19（57.9%）`, or `0/0` when there is nothing to count.
    public var text: String { percent.map { "\(part)/\(whole)（\(String(format: "%.1f", $0))%）" } ?? "\(part)/\(whole)" }

    private enum CodingKeys: String, CodingKey { case name, part, whole, definition, percent }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(part, forKey: .part)
        try c.encode(whole, forKey: .whole)
        try c.encode(definition, forKey: .definition)
        try c.encode(percent, forKey: .percent)
    }
}

/// The figures a bureau reports about a set of cases: counts by kind, status, outcome and
/// satisfaction, then the 解决采纳率 and the rates of on-time replies, 面商 and satisfaction.
public struct Figures: Hashable, Sendable, Encodable {
    public var total: Int
    public var byKind: [Tally]
    /// Every configured state, in order, zeros included.
    public var byStatus: [Tally]
    /// By current result, in the scheme's order, then 无 for cases without one; withdrawn and merged
    /// cases are counted apart (`withdrawn`, `merged`), not here.
    public var byOutcome: [Tally]
    public var resolved: Rate
    public var onTime: Rate
    public var contact: Rate
    public var bySatisfaction: [Tally]
    public var satisfied: Rate
    /// 撤案： cases the proposer withdrew; counted here and in no status.
    public var withdrawn: Int
    /// 并案： cases merged into another, counted here and in no status; `mergedInto` is how many
    /// cases carry their replies.
    public var merged: Int
    public var mergedInto: Int

    /// Works from the cases' summaries, which hold every field the figures count, so that `banli
    /// stats` reads the store's index instead of parsing every case file.
    public init(_ cases: [CaseSummary], configuration: Configuration) {
        // Computed once: the property makes a new set on every use.
        let answeredStates = configuration.workflow.answeredStates
        // A withdrawn or merged case is neither in progress nor answered on its own: it is counted
        // apart, and its frozen status counts nowhere.
        let ordinary = cases.filter { $0.disposition == nil }
        let answered = ordinary.filter { answeredStates.contains($0.status) }
        func tally<T: Equatable>(_ names: [(String, T)], _ value: (CaseSummary) -> T, among counted: [CaseSummary] = cases) -> [Tally] {
            names.map { name, key in Tally(name: name, count: counted.count { value($0) == key }) }
        }
        total = cases.count
        byKind = tally(CaseKind.allCases.map { ($0.documentName, $0) }, \.kind)
        byStatus = configuration.workflow.states.map { state in Tally(name: state.name, count: ordinary.count { $0.status == state.name }) }
        withdrawn = cases.count { $0.disposition == .withdrawn }
        let carriers = cases.compactMap { if case .merged(let into) = $0.disposition { return into } else { return nil } }
        merged = carriers.count
        mergedInto = Set(carriers).count
        let scheme = configuration.outcomeScheme
        byOutcome = tally(scheme.map { ($0.label, $0.label) } + [("无", "")], \.outcome, among: ordinary)
        let first = scheme[0]
        resolved = Rate(name: first.short + "率", part: ordinary.count { $0.outcome == first.label },
                        whole: ordinary.count { !$0.outcome.isEmpty },
                        definition: "当前结果为“\(first.label)”的件数 / 有办理结果的件数")
        let dated = answered.compactMap { c in c.deadline.flatMap { d in c.repliedOn.map { ($0, d) } } }
        onTime = Rate(name: "按期答复率", part: dated.count { $0.0 <= $0.1 }, whole: dated.count,
                      definition: "答复日期不晚于答复期限的件数 / 已答复且有期限的件数")
        contact = Rate(name: "面商率", part: answered.count(where: \.hasContacts), whole: answered.count,
                       definition: "有面商记录的件数 / 已答复的件数")
        bySatisfaction = tally(Feedback.Satisfaction.allCases.map { ($0.rawValue, $0) }, \.satisfaction)
        satisfied = Rate(name: "满意率", part: cases.count { $0.satisfaction.map { $0 != .dissatisfied } ?? false },
                         whole: cases.count { $0.satisfaction != nil }, definition: "满意和基本满意的件数 / 已反馈的件数")
    }
}
