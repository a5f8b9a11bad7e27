/// One data row of an assignment list, judged: the case it makes, the case already in the store
/// that it names, or why it cannot be taken.
public struct AssignmentRow: Hashable, Sendable {
    /// What becomes of the row.
    public enum Outcome: Hashable, Sendable {
        /// A new case, not yet placed (`CaseStore.placed`) nor written.
        case new(Case)
        /// A case with the same kind, meeting and number is in the store: the row is skipped.
        case existing(CaseID)
        /// The row cannot be taken: every reason, in field order (`FieldProblem`s, a repeated number).
        case problems([String])
    }

    /// The row's number as the spreadsheet shows it.
    public var number: Int
    public var outcome: Outcome

    public init(number: Int, outcome: Outcome) {
        self.number = number
        self.outcome = outcome
    }

    /// Whether the row is in error.
    public var isError: Bool {
        if case .problems = outcome { return true }
        return false
    }

    /// The row as a report line: `第12行：标题：不能为空；交办日期：…`, `第7行：已有 zx6-5-090，跳过`,
    /// `第3行：新建 zx6-5-001 关于…`. `sheet` (empty for a CSV file) prefixes it.
    public func line(sheet: String = "") -> String {
        let place = (sheet.isEmpty ? "" : "\(sheet) ") + "第\(number)行"
        switch outcome {
        case .new(let c): return "\(place)：新建 \(c.id) \(c.title)"
        case .existing(let id): return "\(place)：已有 \(id)，跳过"
        case .problems(let reasons): return "\(place)：\(reasons.joined(separator: "；"))"
        }
    }
}
