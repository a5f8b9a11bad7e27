import Model

/// An assignment list read from a file (`.xlsx`, `.csv`), shown before its cases are created
/// (`AssignmentImport`): the counts on top (可新建/已有/错误), the column mapping — each field and
/// the column it takes, the columns left unused — and every data row, a row in error marked with its
/// reasons. The change-column key changes a field's column from a menu of the file's headers (or
/// none; the kind and the meeting may also be given for the whole file); confirming creates the valid
/// cases through one effect, as `banli import` does; going back writes nothing.
public struct AssignmentImportScreen: PagedScreen {
    public var keyContext: KeyContext { .assignmentImport }
    /// The file as resolved.
    public let path: String
    let file: AssignmentFile
    private(set) var mapping: ColumnMapping
    /// The kind and meeting given for the whole file (nil: from the columns).
    private var kind: String?
    private var meeting: String?
    /// The rows judged, or why they cannot be (no number, title or kind column).
    public private(set) var plan: Result<AssignmentImport, AssignmentListError>
    /// Whether the cases are being created (the effect is running).
    public private(set) var creating = false
    var pager = Pager("")
    /// The pager's lines that are rows in error.
    private var errorLines: Set<Int> = []

    /// The preview of `file`, read from `path`, its columns mapped by their header names.
    /// - Throws: `AssignmentListError` when no header is found or a configured column is missing.
    init(file: AssignmentFile, path: String, _ u: Update) throws(AssignmentListError) {
        self.path = path
        self.file = file
        mapping = try ColumnMapping(table: file.table, names: ColumnNames(configured: u.configuration.importColumns))
        plan = .failure(.empty)
        judge(u)
    }

    private mutating func judge(_ u: Update) {
        var settings = AssignmentImport.Settings(kind: kind, meeting: meeting, configuration: u.configuration, today: u.today,
                                                 user: u.environment.user, time: u.environment.clock.timestamp())
        settings.onScreen = true
        let (file, mapping) = (self.file, self.mapping)
        plan = Result { () throws(AssignmentListError) in try AssignmentImport(file: file, mapping: mapping, settings: settings, store: u.cases.all) }
        show()
    }

    private mutating func show() {
        var lines = ["【列的对应】"]
        if let kind { lines.append("类型 ← 全部为\(kind)") }
        if let meeting { lines.append("届次 ← 全部为\(meeting)") }
        lines += (try? plan.get())?.mappingLines ?? mapping.lines
        lines.append("【各行】")
        errorLines = []
        switch plan {
        case .failure(let error): lines.append(error.description)
        case .success(let plan):
            for row in plan.rows {
                if row.isError { errorLines.insert(lines.count) }
                lines.append(row.line(sheet: ""))
            }
        }
        pager.replaceText(with: lines.joined(separator: "\n"))
    }

    mutating func handle(_ action: Action, _ u: inout Update) -> Bool {
        switch action {
        case .confirm:
            switch plan {
            case .failure(let error): u.say(error.description)
            case .success(let plan) where plan.newCount == 0: u.say("没有可新建的案件")
            case .success(let plan):
                guard !creating else { return true }
                creating = true
                u.say("正在新建 \(plan.newCount) 件案件……")
                u.run(.importAssignments(plan.rows))
            }
        case .chooseColumn:
            let items = CaseField.allCases.map { field in
                MenuLayer.Item("\(field.label)：\(mapping.columns[field].map(mapping.name(ofColumn:)) ?? given(field) ?? "（不取）")", field)
            }
            u.open(MenuLayer(title: "改哪一项取的列", items: items))
        case .back:
            u.say("已取消导入，未新建案件")
            u.close()
        default: return false
        }
        return true
    }

    /// What the whole file is given for `field` (kind, meeting), as the menu says it.
    private func given(_ field: CaseField) -> String? {
        switch field {
        case .kind: return kind.map { "全部为\($0)" }
        case .meeting: return meeting.map { "全部为\($0)" }
        default: return nil
        }
    }

    /// A column chosen for a field (nil: none), or a value for the whole file.
    struct ColumnChoice: Sendable {
        let field: CaseField
        let column: Int?
        var whole: String?
    }

    /// The purpose of the question asking the meeting of the whole file.
    struct MeetingQuestion: Sendable {}

    public mutating func resume(_ answer: LayerAnswer, _ u: inout Update) {
        switch answer {
        case .chosen(let field as CaseField):
            var items = [MenuLayer.Item("（不取）", ColumnChoice(field: field, column: nil))]
            items += mapping.headers.indices.filter { !mapping.headers[$0].isBlank }.map {
                MenuLayer.Item(mapping.name(ofColumn: $0), ColumnChoice(field: field, column: $0))
            }
            if field == .kind { items += ["提案", "建议"].map { (kind: String) in MenuLayer.Item("全部为\(kind)", ColumnChoice(field: field, column: nil, whole: kind)) } }
            if field == .meeting { items.append(MenuLayer.Item("全部为…（输入届次）", MeetingQuestion())) }
            let current = mapping.columns[field].map { $0 + 1 } ?? 0
            u.open(MenuLayer(title: "“\(field.label)”取哪一列", items: items, selected: min(current, items.count - 1)))
        case .chosen(_ as MeetingQuestion):
            u.open(QuestionLayer("全部行的届次（如 6-5、六届五次）：", purpose: MeetingQuestion(), required: "请输入届次", text: meeting ?? ""))
        case .answered(let text, _ as MeetingQuestion):
            meeting = text
            judge(u)
        case .chosen(let choice as ColumnChoice):
            mapping = mapping.choosing(choice.column, for: choice.field)
            if choice.field == .kind { kind = choice.whole }
            if choice.field == .meeting && choice.column != nil { meeting = nil }
            judge(u)
            u.say(choice.column.map { "“\(choice.field.label)”取 \(mapping.name(ofColumn: $0))" } ?? "“\(choice.field.label)”不取名单中的列")
        default: break
        }
    }

    public mutating func receive(_ result: EffectResult, _ u: inout Update) {
        guard case .assignmentsImported(let creation) = result else { return }
        creating = false
        u.close()
        u.say(creation.summary + (creation.stopped.map { "；导入中止：\($0)" } ?? "") + "（从 \(file.source) 导入）")
    }

    public func style(of line: Substring) -> Style { line.hasPrefix("【") ? .header : .normal }

    public func render(into buffer: inout ScreenBuffer, _ context: RenderContext) {
        pager.draw(rows: context.size.body, into: &buffer) { line in
            errorLines.contains(line.source) ? .error : line.text.hasPrefix("【") ? .header : .normal
        }
    }

    public func title(_ context: RenderContext) -> TitleBar? {
        switch plan {
        case .success(let plan):
            return TitleBar("导入交办名单 \(file.source)", right: "可新建 \(plan.newCount) · 已有 \(plan.existingCount) · 错误 \(plan.errorCount)")
        case .failure: return TitleBar("导入交办名单 \(file.source)", right: "无法导入")
        }
    }

    public func hints(_ context: RenderContext) -> [Action] { [.confirm, .back, .chooseColumn, .pageDown, .help] }

    public func helpNotes(_ keymap: Keymap) -> [String] {
        ["按表头的列名认列（可在配置的 import: columns: 中添加列名）；有误的行以醒目颜色标出，写明原因，不导入；库中已有的案件跳过。",
         "没有“类型”列时，在改列的菜单中选“全部为提案”或“全部为建议”。"]
    }
}
