import Model

/// The case form as rows of the screen: each field's label and value (the focused one-line field
/// scrolled sideways about its caret, the 正文 wrapped), the field's problem under it, and what the
/// fields give worked out — the new case's ID, its deadline by the configuration. A pure function of
/// the form, the width and the day, so the screen, its scrolling and the tests agree on every row.
struct CaseFormLayout {
    struct Row {
        enum Content {
            /// A one-line field's value (a line, a choice, a field shown only); dimmed when a placeholder.
            case value(String, placeholder: Bool)
            /// The 正文's label alone, with its 字数.
            case heading(count: Int)
            /// One visual line of the 正文.
            case paragraph(Substring, placeholder: Bool)
            /// What the fields give (the ID, the deadline), after a label of its own.
            case derived(label: String, text: String)
            /// A line of the field's problem (`FieldProblem.reason`, wrapped), under it.
            case problem(String)
        }

        /// The form field the row belongs to (nil for a derived row).
        var field: Int?
        var content: Content
    }

    /// Left margin: a focus marker and a space.
    static let gutter = 2

    let rows: [Row]
    /// The focused field's caret as a layout row and a screen column (on a choice, its chosen word).
    let caret: (row: Int, column: Int)?
    /// The row of the focused field's first line.
    let focusRow: Int
    /// Cells for a label and the space after it: fewer, with shorter labels, on a narrow screen.
    let labelWidth: Int
    /// The case the fields make, or every problem with them.
    let result: Result<Case, FieldProblems>

    /// Lays `form` out at `width`. `existing` gives the case the store already has under an ID.
    init(_ form: CaseForm, width: Int, configuration: Configuration, today: LocalDate, user: String, existing: (CaseID) -> CaseSummary?) {
        let narrow = width < 50
        labelWidth = narrow ? 7 : 10
        result = form.checked(configuration: configuration, today: today, user: user, time: "")
        let problems: FieldProblems? = if case .failure(let problems) = result { problems } else { nil }
        let textWidth = max(2, width - Self.gutter - labelWidth)
        var rows: [Row] = [], caret: (row: Int, column: Int)?, focusRow = 0
        let values = form.values
        for (i, field) in form.fields.enumerated() where !form.isHidden(i) {
            let focused = i == form.focus
            if focused { focusRow = rows.count }
            let editor = field.editor
            switch field.input {
            case .paragraphs:
                rows.append(Row(field: i, content: .heading(count: editor.characterCount)))
                let layout = editor.layout(width: max(2, width - Self.gutter))
                if focused { caret = (rows.count + layout.caretRow, Self.gutter + layout.caretColumn) }
                if editor.isEmpty {
                    rows.append(Row(field: i, content: .paragraph(Substring(Self.placeholder(field.field)), placeholder: true)))
                } else {
                    rows += layout.lines.map { Row(field: i, content: .paragraph($0, placeholder: false)) }
                }
            case .choice(let words):
                let shown = words.contains(editor.text) ? words.map { $0 == editor.text ? "[\($0)]" : $0 }.joined(separator: " ") : editor.text
                // The hardware cursor stands on the chosen word, where ←/→ act.
                if focused {
                    let before = shown.firstIndex(of: "[").map { TextMetrics.width(of: shown[...$0]) } ?? 0
                    caret = (rows.count, Self.gutter + labelWidth + before)
                }
                rows.append(Row(field: i, content: .value(shown, placeholder: false)))
            case .fixed:
                rows.append(Row(field: i, content: .value(editor.text.isEmpty ? "（不详）" : editor.text, placeholder: true)))
            case .line where focused:
                let line = LineField(editor, labelWidth: 0, width: textWidth)
                caret = (rows.count, Self.gutter + labelWidth + line.caret)
                let empty = editor.isEmpty
                rows.append(Row(field: i, content: .value(empty ? Self.placeholder(field.field) : line.shown, placeholder: empty)))
            case .line:
                let empty = editor.isEmpty
                let text = empty ? Self.placeholder(field.field) : editor.text.replacing("\n", with: " ")
                rows.append(Row(field: i, content: .value(TextMetrics.abbreviated(text, to: textWidth), placeholder: empty)))
            }
            if form.showsProblem(of: field.field), let problem = problems?[field.field] {
                rows += TextMetrics.wrap("！" + problem.reason, width: textWidth).map { Row(field: i, content: .problem(String($0))) }
            }
            rows += Self.derived(after: field.field, form: form, values: values, configuration: configuration, today: today, existing: existing)
                .map { Row(field: nil, content: .derived(label: $0.0, text: $0.1)) }
        }
        self.rows = rows
        self.caret = caret
        self.focusRow = focusRow
    }

    /// What the new case's fields give, shown after the field it follows: the ID after 案号, the
    /// deadline after 交办日期; in the edit form, what a changed 交办日期 does to the deadline (it follows
    /// when it followed the rule, else stays), and the deadline by the rules after a deadline that differs.
    static func derived(after field: CaseField, form: CaseForm, values: CaseFields, configuration: Configuration, today: LocalDate,
                        existing: (CaseID) -> CaseSummary?) -> [(String, String)] {
        let rule = values.configuredDeadline(configuration: configuration, today: today)
        switch field {
        case .number where form.isNew:
            guard let id = values.caseID else { return [("编号", "（类型、案号齐全后显示）")] }
            let printed = !CaseID.isValidNumber(TypedText.normalized(values.number)) ? "（由案号得出）" : ""
            return [("编号", id.description + printed + (existing(id).map { "；\(Self.taken($0))，保存时问是否另编" } ?? ""))]
        case .assignedOn where form.isNew:
            return [("办理期限", rule.map { "\($0)（\(ruleWords(values, configuration))）" } ?? "（交办日期无效，无法计算）")]
        case .assignedOn:
            // The edit form: what a changed 交办日期 does to the deadline, before it is saved.
            guard let original = form.stored?.value, let assigned = try? LocalDate(written: values.assignedOn),
                  assigned != original.assignedOn else { return [] }
            // Labelled 保存后, not 办理期限: the deadline field below still shows the date saved now.
            if values.followsAssignment(original), let rule { return [("保存后", "期限随之改为 \(rule)（\(ruleWords(values, configuration))）")] }
            guard !original.deadlineNote.isEmpty, let deadline = original.deadline, TypedText.normalized(values.deadline) == deadline.description else { return [] }
            return [("保存后", "期限仍为 \(deadline)：为另定的期限（\(original.deadlineNote)），不随交办日期改")]
        case .deadline:
            guard let rule, rule.description != TypedText.normalized(values.deadline),
                  form.stored.map({ !values.followsAssignment($0.value) }) ?? true else { return [] }
            return [("按规定", "\(rule)（\(ruleWords(values, configuration))）")]
        default: return []
        }
    }

    /// The case that has a new case's ID already, named: `已有 zx6-5-093《关于…的建议》`.
    static func taken(_ summary: CaseSummary) -> String { "已有 \(summary.id)《\(summary.title)》" }

    /// How the configured deadline is counted: `交办后三个月`.
    static func ruleWords(_ values: CaseFields, _ configuration: Configuration) -> String {
        let rules = configuration.deadlines
        if HandlingRole(typed: values.role) == .coHandler { return "会办意见，交办后\(ChineseNumeral.string(rules.coHandlerOpinionMonths))个月" }
        return "交办后\(ChineseNumeral.string(rules.replyMonths))个月"
    }

    /// A field's label: on a narrow screen its short form (`承办方式` → `方式`), none of them the start
    /// of another field's (`承办` would read as 承办人) nor a word of its value (`主办` beside `[主办]`).
    func label(_ field: CaseField) -> String {
        guard labelWidth < 10 else { return field.label }
        switch field {
        case .role: return "方式"
        case .leadUnit: return "主办方"
        case .otherUnits: return "会办方"
        case .assignedOn: return "交办"
        case .deadline: return "期限"
        case .deadlineNote: return "理由"
        default: return field.label
        }
    }

    /// A derived row's label, shortened like a field's (`办理期限` → `期限`).
    func label(_ derived: String) -> String {
        labelWidth < 10 && TextMetrics.width(of: derived) > labelWidth - 1 ? String(derived.suffix(2)) : derived
    }

    /// What an empty field shows, dimmed, so the clerk sees what belongs there.
    static func placeholder(_ field: CaseField) -> String {
        switch field {
        case .meeting: return "（如 6-5、六届五次；不详时留空）"
        case .number: return "（如 090，或印的“第52号”）"
        case .jointSigners, .otherUnits: return "（多个用顿号分隔）"
        case .leadUnit: return "（会办案件须写明）"
        case .assignedOn, .deadline: return "（YYYY-MM-DD）"
        case .deadlineNote: return "（改了期限时写明理由）"
        case .text: return "（提案或建议的正文，可以稍后填写）"
        default: return "（未填写）"
        }
    }
}
