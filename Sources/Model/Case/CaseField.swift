/// One of a case's own fields as a person or a spreadsheet row gives it (`CaseFields`): what a
/// problem names, what the new-case and edit forms label, what an import's column maps to.
public enum CaseField: String, CaseIterable, Hashable, Sendable {
    case kind, meeting, number, title, leadProposer, jointSigners, topic, isKey, role, leadUnit, otherUnits
    case assignedOn, deadline, deadlineNote, handler, text

    /// The field's name as forms, reports and the case file say it.
    public var label: String {
        switch self {
        case .kind: return "类型"
        case .meeting: return "届次"
        case .number: return "案号"
        case .title: return "标题"
        case .leadProposer: return "领衔人"
        case .jointSigners: return "联名人"
        case .topic: return "主题"
        case .isKey: return "重点"
        case .role: return "承办方式"
        case .leadUnit: return "主办单位"
        case .otherUnits: return "会办单位"
        case .assignedOn: return "交办日期"
        case .deadline: return "办理期限"
        case .deadlineNote: return "期限说明"
        case .handler: return "承办人"
        case .text: return "正文"
        }
    }
}

/// Why one field of `CaseFields` cannot be taken: the field and the reason, said in Chinese
/// (`交办日期：2018年2月没有30日`).
public struct FieldProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public var field: CaseField
    /// The reason alone, without the field's name.
    public var reason: String

    public init(_ field: CaseField, _ reason: String) {
        self.field = field
        self.reason = reason
    }

    public var description: String { "\(field.label)：\(reason)" }
}

/// Every problem `CaseFields.validated` found, in field order; never empty.
public struct FieldProblems: Error, Hashable, Sendable, CustomStringConvertible {
    public var problems: [FieldProblem]

    public init(_ problems: [FieldProblem]) { self.problems = problems }

    /// The problems on one line, separated by `；`.
    public var description: String { problems.map(\.description).joined(separator: "；") }

    /// The problem with `field`, if any: what a form shows beside it.
    public subscript(field: CaseField) -> FieldProblem? { problems.first { $0.field == field } }
}
