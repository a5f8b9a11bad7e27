/// The header names each case field is known by in an assignment list: the common ones built in
/// (the lists that NPC and CPPCC offices' systems export, Excel and WPS alike), with the names a
/// configuration adds (`import: columns:`) tried first.
public struct ColumnNames: Sendable, Hashable {
    /// The names by field, most likely first.
    public private(set) var names: [CaseField: [String]]

    /// The built-in names.
    public static let builtIn: [CaseField: [String]] = [
        .number: ["案号", "提案号", "建议号", "编号", "提案编号", "建议编号", "案件编号"],
        .title: ["标题", "案由", "题目", "提案标题", "建议标题", "提案题目", "建议题目", "提案案由"],
        .leadProposer: ["领衔人", "提出人", "第一提案人", "领衔代表", "领衔委员", "提案人", "建议人"],
        .jointSigners: ["附议人", "联名人", "联名代表", "附议", "联名委员", "附议代表", "联名"],
        .leadUnit: ["主办单位", "主办", "牵头单位"],
        .otherUnits: ["会办单位", "协办单位", "会办", "协办"],
        .assignedOn: ["交办日期", "交办时间", "交办日"],
        .kind: ["类型", "案件类型"],
        .meeting: ["届次", "会议", "届次会议"],
        .topic: ["主题", "类别", "分类", "主题分类", "提案类别", "建议类别"],
        .isKey: ["重点", "是否重点", "重点提案", "重点建议", "重点案件"],
        .role: ["承办方式", "办理方式"],
        .deadline: ["办理期限", "答复期限", "办结期限"],
        .deadlineNote: ["期限说明"],
        .handler: ["承办人", "经办人"],
        .text: ["正文", "内容", "提案内容", "建议内容", "提案正文", "建议正文"],
    ]

    /// The built-in names, with `configured` (by field) tried before them.
    public init(configured: [CaseField: [String]] = [:]) {
        var names = Self.builtIn
        for (field, given) in configured {
            let extra = given.map(Self.normalized)
            names[field] = extra + (names[field] ?? []).filter { !extra.contains($0) }
        }
        self.names = names
    }

    /// The field a name given on the command line stands for (`--column 标题=案由`): a field's
    /// label (`CaseField.label`) or one of its built-in names; nil for neither.
    public static func field(named name: String) -> CaseField? {
        let key = normalized(name)
        return CaseField.allCases.first { normalized($0.label) == key } ?? CaseField.allCases.first { builtIn[$0]?.contains(key) == true }
    }

    /// The field whose names hold `header`; nil when none does.
    func field(ofHeader header: String) -> CaseField? {
        let key = Self.normalized(header)
        guard !key.isEmpty else { return nil }
        return CaseField.allCases.first { names[$0]?.contains(key) == true }
    }

    /// A header as it is matched: spaces and line breaks anywhere, a required-field `*` and a
    /// trailing colon dropped (`* 提案 标题：` is `提案标题`).
    static func normalized(_ header: String) -> String {
        String(TypedText.normalized(header).filter { !$0.isWhitespace && !"*＊:：".contains($0) })
    }
}
