import Model

/// What needs attention today, as `banli due` lists it: overdue replies, replies due within the
/// warning window, 退回/改办 windows closing before 签收, feedback not returned — each row saying
/// why it is there, earliest due first. Opening, replying and handling work as on the list.
public struct DueScreen: HandlesCases {
    public var keyContext: KeyContext { .due }
    /// Nil until every case has been read.
    public private(set) var items: [AttentionItem]?
    var table = CaseTable()

    public init() {}

    public mutating func appear(_ u: inout Update) { u.run(.loadAllCases) }

    private var selectedID: CaseID? { items.flatMap { $0.isEmpty ? nil : $0[table.selected].id } }

    public func handlingTargets(_ cases: CaseCollection) -> (ids: [CaseID], marked: Bool) {
        (selectedID.map { [$0] } ?? [], false)
    }

    public mutating func update(_ action: Action, _ u: inout Update) {
        if table.move(action, count: items?.count ?? 0, page: u.size.bodyHeight - 1) { return }
        switch action {
        case .open: if let id = selectedID { u.open(DetailScreen(id)) }
        case .reply: if let id = selectedID { u.open(ReplyFormScreen(id)) }
        case .export: if let id = selectedID { u.open(ExportDialog(id)) }
        case .editCase: if let id = selectedID { CaseFormScreen.open(editing: id, &u) }
        case .resolveConflict: if let id = selectedID { ConflictScreen.open(id, &u) }
        case .history: if let id = selectedID { u.open(HistoryScreen(id)) }
        case .back: u.close()
        default: break
        }
    }

    public func helpNotes(_ keymap: Keymap) -> [String] { DueScreen.notes }

    static let notes = ["一件案件可能因几个原因出现几行。！表示已逾期、即将到期，或退回/改办申请期限将过或已过。",
                        "退回/改办申请期限：交办后待签收的案件，过了期限就只能签收办理。反馈未回：答复后超过配置的天数仍未收到提出人的反馈。"]

    public mutating func receive(_ result: EffectResult, _ u: inout Update) {
        switch result {
        case .allCasesLoaded(let cases):
            let found = Attention.items(in: cases, on: u.today, configuration: u.configuration)
            items = found
            u.say(found.isEmpty ? "今天没有需要处理的案件" : "需要处理\(Set(found.map(\.id)).count)件：" + DueScreen.summary(found))
        case .failed(let error):
            u.close()
            u.say("无法列出待办：\(error)")
        default: break
        }
    }

    /// A saved or new case's reasons are worked out again from the case itself; a new day reads every case.
    public mutating func observe(_ change: Change, _ u: inout Update) {
        guard var items else { return }
        switch change {
        case .caseSaved(let saved), .caseChanged(let saved), .caseAdded(let saved):
            let selected = selectedID
            items.removeAll { $0.id == saved.value.id }
            items += Attention.items(in: [saved.value], on: u.today, configuration: u.configuration)
            items.sort { ($0.dueOn, $0.id) < ($1.dueOn, $1.id) }
            self.items = items
            if let selected, let row = items.firstIndex(where: { $0.id == selected }) { table.selected = row }
        case .caseRemoved(let id): self.items = items.filter { $0.id != id }
        case .dayChanged: u.run(.loadAllCases)
        }
    }

    static func summary(_ items: [AttentionItem]) -> String {
        var counts: [String: Int] = [:]
        for item in items { for kind in Set(item.reasons.map(AttentionItem.kind)) { counts[kind, default: 0] += 1 } }
        return ["逾期", "即将到期", "退回期限", "反馈未回"].compactMap { k in counts[k].map { "\(k)\($0)件" } }.joined(separator: "、")
    }

    // MARK: Drawing

    public mutating func arrange(_ context: RenderContext) {
        table.arrange(count: items?.count ?? 0, rows: context.size.bodyHeight)
    }

    public func render(into buffer: inout ScreenBuffer, _ context: RenderContext) {
        let rows = context.size.body
        guard let items else {
            buffer.put("正在读取全部案件……", x: 1, y: rows.lowerBound, style: .muted)
            return
        }
        let width = context.size.width
        let reasonWidth = min(max(10, items.map { TextMetrics.width(of: $0.label) }.max() ?? 0), max(10, width / 2))
        // IDs are ASCII: characters are cells. A derived number (`B2017-9`) makes one longer than 10.
        let idWidth = max(10, items.map(\.id.length).max() ?? 0)
        var columns = [CaseTable.Column(title: "编号", width: idWidth) { items[$0].id.description },
                       CaseTable.Column(title: "原因", width: reasonWidth) { items[$0].label }]
        if width >= 60 { columns.append(CaseTable.Column(title: "到期日", width: 10) { items[$0].dueOn.description }) }
        if width >= 44 { columns.append(CaseTable.Column(title: "状态", width: 6) { items[$0].status }) }
        columns.append(CaseTable.Column(title: "标题", width: 0) { items[$0].title })
        table.draw(columns, count: items.count, rows: rows, into: &buffer) { i in items[i].label.contains("！") ? .overdue : .normal }
        if items.isEmpty { buffer.put("今天没有需要处理的案件", x: 1, y: rows.lowerBound + 1, style: .muted) }
    }

    public func title(_ context: RenderContext) -> TitleBar? {
        guard let items else { return TitleBar("待办") }
        return TitleBar("待办 · \(context.environment.storeName)", right: "需要处理\(items.count)件 · " + DueScreen.summary(items))
    }

    /// The selected row's reason, whole: the column may cut it at a narrow width.
    public func status(_ context: RenderContext) -> StatusLine? {
        guard let items, !items.isEmpty else { return nil }
        let item = items[table.selected]
        return StatusLine(text: "\(item.id)：\(item.label)", note: "（\(item.dueOn)）")
    }

    public func anchor(_ context: RenderContext) -> Int? { table.row(in: context.size.body) }

    public func hints(_ context: RenderContext) -> [Action] { [.back, .open, .reply, .outcome, .status, .help] }
}

extension AttentionItem {
    /// The group the title bar counts a reason in.
    static func kind(_ reason: Reason) -> String {
        switch reason {
        case .overdue: return "逾期"
        case .dueSoon: return "即将到期"
        case .returnWindow: return "退回期限"
        case .feedbackMissing: return "反馈未回"
        }
    }
}
