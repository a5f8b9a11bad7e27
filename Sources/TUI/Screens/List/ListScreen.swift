import Model

/// The home screen, at the bottom of the stack: one row per case, filtered and sorted, columns
/// adapting to the width (the title takes what is left). Marks, search with n/N, and every handling
/// key start here.
public struct ListScreen: HandlesCases {
    public var keyContext: KeyContext { .list }
    public private(set) var filter: CaseFilter = .all
    public private(set) var order: CaseOrder = .number
    /// Where each shown case is in `cases.all`.
    public private(set) var shown: [Int]
    var table = CaseTable()
    /// Cases marked for handling together.
    public private(set) var marked: Set<CaseID> = []
    /// The last search, for n and N.
    public private(set) var lastQuery = ""
    /// The file path last typed for an import, asked again with it when it is not a reply.
    private var importTyped = ""

    init(_ cases: CaseCollection) {
        shown = Array(cases.all.indices)
    }

    /// The selected row.
    public var selected: Int { table.selected }

    /// Every case, in ID order: the row of case `i` is `i`.
    var showsAllInOrder: Bool { filter.isAll && order == .number }

    func selectedID(_ cases: CaseCollection) -> CaseID? { shown.isEmpty ? nil : cases.all[shown[table.selected]].id }

    /// What handling keys act on: the marked cases, else the selected one.
    public func handlingTargets(_ cases: CaseCollection) -> (ids: [CaseID], marked: Bool) {
        marked.isEmpty ? (selectedID(cases).map { [$0] } ?? [], false) : (marked.sorted(), true)
    }

    /// Marks are cleared once a step on them saved something.
    public mutating func handled(_ report: HandlingReport) {
        if !report.saved.isEmpty { marked = [] }
    }

    /// The filter menus', the quit question's and the import question's purposes: a part of the
    /// filter to choose for (or the parts menu to open again on it), the filter chosen.
    enum Choice: Sendable {
        case filterPart(CaseFilter.Part), filter(CaseFilter, CaseFilter.Part?), quit, importPath
    }

    /// Asks for the file of a published reply to import, `typed` filled in.
    static func importQuestion(_ typed: String) -> QuestionLayer {
        QuestionLayer("导入答复或交办名单：", purpose: Choice.importPath,
                      required: "请输入文件的路径（答复：纯文本、网页或 Word 文档；交办名单：.xlsx 或 .csv）", text: typed)
    }

    public mutating func update(_ action: Action, _ u: inout Update) {
        if table.move(action, count: shown.count, page: u.size.bodyHeight - 1) { return }
        switch action {
        case .open: if let id = selectedID(u.cases) { u.open(DetailScreen(id)) }
        case .reply: if let id = selectedID(u.cases) { u.open(ReplyFormScreen(id)) }
        case .export: if let id = selectedID(u.cases) { u.open(ExportDialog(id)) }
        case .newCase: CaseFormScreen.open(editing: nil, &u)
        case .editCase: if let id = selectedID(u.cases) { CaseFormScreen.open(editing: id, &u) }
        case .resolveConflict: if let id = selectedID(u.cases) { ConflictScreen.open(id, &u) }
        case .history: if let id = selectedID(u.cases) { u.open(HistoryScreen(id)) }
        case .mark: mark(&u)
        case .search:
            // A search typed before the text is loaded waits for it rather than searching without it.
            if u.cases.isSearchLoading {
                u.say("正在载入案件正文以供搜索……")
                u.run(.awaitSearch)
            } else {
                u.open(SearchPrompt(shown: shown, origin: table.selected, shownInOrder: showsAllInOrder))
            }
        case .nextMatch, .previousMatch: findAgain(forward: action == .nextMatch, &u)
        case .filter: openFilterParts(on: nil, &u)
        case .clearFilter:
            if filter.isAll { u.say("没有筛选：已显示全部案件") } else { show(filter: .all, order: order, &u) }
        case .mineFilter:
            var mine = filter
            mine.handler = filter.handler == .mine ? nil : .mine
            show(filter: mine, order: order, &u)
        case .markAll: markAll(&u)
        case .sort:
            let orders = CaseOrder.allCases
            show(filter: filter, order: orders[(orders.firstIndex(of: order)! + 1) % orders.count], &u)
        case .due: u.open(DueScreen())
        case .statistics: u.open(StatisticsScreen(u.cases))
        case .importReply: u.open(ListScreen.importQuestion(""))
        case .problems:
            if u.cases.problems.isEmpty { u.say("所有案件文件都已读取，没有问题") } else { u.open(ProblemsScreen(u.cases.problems)) }
        // Esc backs out one level: first the marks, then a filter; on the full list nothing.
        case .back:
            if !marked.isEmpty {
                u.say("已取消全部标记（\(marked.count)件）")
                marked = []
            } else if !filter.isAll {
                show(filter: .all, order: order, &u)
            }
        case .quit: u.run(.findDrafts)
        default: break
        }
    }

    public func helpNotes(_ keymap: Keymap) -> [String] { ListScreen.notes }

    /// What the help screen adds about this screen's marks.
    static let notes = [
        "标题前的 * 表示重点案件；编号前的 + 表示已标记（可对标记的案件一起办理）。",
        "期限列：剩几天；！表示逾期或即将到期（也以颜色标出）；已答复、已办结的案件显示 -。",
        "标题栏右侧：全部案件数、未办结、逾期和即将到期的件数；有无法读取的文件时也在这里写明。",
        "筛选的各项同时满足；标题栏右侧写出标记的件数和当前筛选，如“建议·办理中·逾期·我的 12/340”（显示的件数/全部件数）。",
    ]

    private mutating func mark(_ u: inout Update) {
        guard let id = selectedID(u.cases) else { return }
        if marked.remove(id) == nil { marked.insert(id) }
        table.selected = min(shown.count - 1, table.selected + 1)
        if marked.isEmpty {
            u.say("没有标记的案件")
        } else {
            // 并案 acts on marked cases only, so it is named with the steps for every marked case.
            let keys = (Action.handling + [.merge]).map { "\(u.key($0, in: keyContext)) \($0.hint)" }
            u.say("已标记\(marked.count)件；\(keys.joined(separator: "、"))对全部标记的案件办理（先确认）")
        }
    }

    /// Marks every case shown; when every one shown is marked already, clears every mark (shown or not).
    private mutating func markAll(_ u: inout Update) {
        let ids = shown.map { u.cases.all[$0].id }
        if !ids.isEmpty && !ids.allSatisfy(marked.contains) {
            marked.formUnion(ids)
            u.say("已标记显示的\(ids.count)件（共标记\(marked.count)件）；再按 \(u.key(.markAll, in: keyContext)) 取消全部标记")
        } else if marked.isEmpty {
            u.say("没有可标记的案件")
        } else {
            u.say("已取消全部标记（\(marked.count)件）")
            marked = []
        }
    }

    /// The filter's parts, each with its setting, and an item that clears them all; on `part`.
    private func openFilterParts(on part: CaseFilter.Part?, _ u: inout Update) {
        let parts = CaseFilter.Part.allCases.map { part in
            MenuLayer.Item("\(part.name)：\(part.word(of: filter, u.configuration) ?? "不限")", Choice.filterPart(part))
        }
        u.open(MenuLayer(title: "筛选（各项同时满足）", items: parts + [MenuLayer.Item("清除全部筛选", Choice.filter(.all, nil))],
                         selected: part?.rawValue ?? 0))
    }

    private mutating func findAgain(forward: Bool, _ u: inout Update) {
        guard !lastQuery.isEmpty else {
            u.say("还没有搜索过；按 \(u.key(.search, in: keyContext)) 搜索")
            return
        }
        let start = table.selected + (forward ? 1 : -1)
        let hits = u.cases.hits(for: lastQuery, until: nil)
        guard let found = ListSearch(hits, from: start, forward: forward, shown: shown, inOrder: showsAllInOrder, cases: u.cases) else {
            u.say("没有找到“\(lastQuery)”")
            return
        }
        let wrapped = forward ? found.position < start : found.position > start
        table.selected = found.position
        u.say(found.message(lastQuery, wrapped: wrapped, forward: forward))
    }

    /// Shows the cases that pass `filter` in `order`, keeping the selected case selected if it is
    /// still shown, and says what is shown.
    mutating func show(filter: CaseFilter, order: CaseOrder, _ u: inout Update) {
        refilter(filter: filter, order: order, u)
        u.say("\(filter.brief(u.configuration))，\(order.label)：\(shown.count)件")
    }

    private mutating func refilter(filter: CaseFilter, order: CaseOrder, _ u: Update) {
        let cases = u.cases, user = u.environment.user
        let current = selectedID(cases)
        self.filter = filter
        self.order = order
        let states = cases.configuration.workflow.states.map(\.name)
        let all = cases.all
        shown = all.indices.filter { filter.accepts(all[$0], in: cases, user: user) }
            .sorted { order.precedes(all[$0], all[$1], in: cases, states: states) }
        table.selected = current.flatMap { id in shown.firstIndex { all[$0].id == id } } ?? 0
    }

    // MARK: Answers and changes

    public mutating func resume(_ answer: LayerAnswer, _ u: inout Update) {
        switch answer {
        // Each part chosen applies at once, the parts menu opening again until Esc closes it.
        case .chosen(Choice.filterPart(let part) as Choice):
            let choices = part.choices(filter, u.cases, user: u.environment.user)
            u.open(MenuLayer(title: "筛选：\(part.name)", items: choices.map { MenuLayer.Item($0.label, Choice.filter($0.filter, part)) },
                             selected: choices.firstIndex { $0.filter == filter } ?? 0, purpose: Choice.filterPart(part)))
        case .chosen(Choice.filter(let chosen, let part) as Choice):
            show(filter: chosen, order: order, &u)
            if let part { openFilterParts(on: part, &u) }
        case .cancelled(Choice.filterPart(let part) as Choice): openFilterParts(on: part, &u)
        case .confirmed(Choice.quit as Choice): u.run(.quit)
        case .answered(let path, Choice.importPath as Choice):
            importTyped = path
            u.run(AssignmentFile.isAssignmentList(name: path) ? .readAssignmentList(path) : .readReply(path))
        case .chosen(let value as SearchPrompt.Answer):
            switch value {
            case .select(let position): table.selected = position
            case .done(let query, let position):
                lastQuery = query
                table.selected = position
            }
        default: break
        }
    }

    public mutating func receive(_ result: EffectResult, _ u: inout Update) {
        switch result {
        case .searchAttached(let failed):
            if !failed { u.open(SearchPrompt(shown: shown, origin: table.selected, shownInOrder: showsAllInOrder)) }
        // A file that is not a reply is said in one line, and the question asked again with it.
        case .replyRead(_, .failure(let error)):
            u.say(error.reasonFirst)
            u.open(ListScreen.importQuestion(importTyped))
        case .assignmentListRead(_, .failure(let error)):
            u.say(error.description)
            u.open(ListScreen.importQuestion(importTyped))
        case .assignmentListRead(let path, .success(let file)):
            do { u.open(try AssignmentImportScreen(file: file, path: path, u)) } catch {
                u.say(error.description)
                u.open(ListScreen.importQuestion(importTyped))
            }
        case .replyRead(let path, .success(let read)):
            do { u.open(try ImportPreviewScreen(read: read, path: path, u)) } catch { u.say("\(error)") }
        case .draftsFound(let ids) where ids.isEmpty: u.run(.quit)
        case .draftsFound(let ids):
            u.open(ConfirmationLayer("有 \(ids.count) 份未保存的答复草稿（\(ids.named)）留在恢复文件中，下次打开这些答复时可以恢复。仍要退出吗？",
                                     purpose: Choice.quit))
        default: break
        }
    }

    public mutating func observe(_ change: Change, _ u: inout Update) {
        switch change {
        case .dayChanged: refilter(filter: filter, order: order, u)
        // The places in `shown` are of the cases before the deletion: the list is made again from
        // none, and the selection stays on its row (now the case after the deleted one).
        case .caseRemoved(let id):
            marked.remove(id)
            let row = table.selected
            shown = []
            refilter(filter: filter, order: order, u)
            table.selected = min(row, max(shown.count - 1, 0))
        // A new case moves every case after it one place on: shown again, on the new case if it
        // passes the filter.
        case .caseAdded(let created):
            refilter(filter: filter, order: order, u)
            if let i = u.cases.position(of: created.value.id), let row = shown.firstIndex(of: i) { table.selected = row }
        case .caseSaved(let saved), .caseChanged(let saved):
            // Filtered and sorted again only when the case's place in the list may have changed.
            guard let i = u.cases.position(of: saved.value.id) else { return }
            let row = shown.firstIndex(of: i) ?? -1
            let summary = u.cases.all[i]
            let isShown = filter.accepts(summary, in: u.cases, user: u.environment.user)
            let states = u.configuration.workflow.states.map(\.name)
            let inPlace = row >= 0 && isShown
                && (row == 0 || !order.precedes(summary, u.cases.all[shown[row - 1]], in: u.cases, states: states))
                && (row == shown.count - 1 || !order.precedes(u.cases.all[shown[row + 1]], summary, in: u.cases, states: states))
            if row < 0 && !isShown { return }
            if !inPlace { refilter(filter: filter, order: order, u) }
        }
    }

    // MARK: Drawing

    public mutating func arrange(_ context: RenderContext) {
        table.arrange(count: shown.count, rows: context.size.bodyHeight)
    }

    /// The store's title and counts; with a filter or marks, what they are first: `已标记3件 ·
    /// 建议·办理中·逾期·我的 12/340`, the filter's words cut to fit the width before its count, the
    /// store's counts after them only while they fit beside the store's name.
    public func title(_ context: RenderContext) -> TitleBar? {
        var title = Frame.defaultTitle(context)
        guard !filter.isAll || !marked.isEmpty else { return title }
        let room = context.size.width - TitleBarView.minimumLeft - 1
        let marks = marked.isEmpty ? "" : "已标记\(marked.count)件" + (filter.isAll ? "" : " · ")
        let count = filter.isAll ? "" : " \(shown.count)/\(context.cases.all.count)"
        let brief = filter.isAll ? "" : filter.brief(context.configuration)
        let own = marks + TextMetrics.truncate(brief, to: max(1, room - TextMetrics.width(of: marks + count))) + count
        let whole = own + " · " + title.right
        title.right = TextMetrics.width(of: whole) <= room ? whole : own
        return title
    }

    public func hints(_ context: RenderContext) -> [Action] {
        // With no row shown there is nothing to open or handle.
        var hints: [Action] = shown.isEmpty ? [] : [.open, .reply, .outcome, .status, .search]
        if !filter.isAll || !marked.isEmpty { hints.insert(.back, at: 0) }
        if !context.cases.problems.isEmpty { hints.append(.problems) }
        return hints + [.help, .quit]
    }

    public func anchor(_ context: RenderContext) -> Int? { table.row(in: context.size.body) }

    public func render(into buffer: inout ScreenBuffer, _ context: RenderContext) {
        let rows = context.size.body
        guard !shown.isEmpty else {
            table.draw(columns(context), count: 0, rows: rows, into: &buffer) { _ in .normal }
            let note = filter.isAll ? "案件库中还没有案件" : "没有“\(filter.brief(context.configuration))”的案件；按 \(context.keymap.label(.clearFilter, in: keyContext)) 回到全部案件"
            buffer.put(TextMetrics.truncate(note, to: context.size.width - 2), x: 1, y: rows.lowerBound + 1, style: .muted)
            return
        }
        table.draw(columns(context), count: shown.count, rows: rows, into: &buffer) { i in
            switch context.cases.deadline(of: context.cases.all[shown[i]]) {
            case .overdue: return .overdue
            case .dueSoon: return .dueSoon
            default: return .normal
            }
        }
    }

    private func columns(_ context: RenderContext) -> [CaseTable.Column] {
        let cases = context.cases, width = context.size.width
        func summary(_ i: Int) -> CaseSummary { cases.all[shown[i]] }
        var columns = [CaseTable.Column(title: "编号", width: cases.widestID) { i in
            (marked.contains(summary(i).id) ? "+" : "") + summary(i).id.description
        }]
        if width >= 50 { columns.append(CaseTable.Column(title: "类型", width: 4) { i in summary(i).kind.rawValue }) }
        // A case with recorded conflicts says so before its title, at every width (`R` resolves them).
        columns.append(CaseTable.Column(title: "标题", width: 0) { i in
            (summary(i).conflictCount > 0 ? "[冲突]" : "") + (summary(i).isKey ? "*" : "") + summary(i).title
        })
        if width >= 64 {
            columns.append(CaseTable.Column(title: "领衔人", width: 8) { i in summary(i).proposersInBrief })
        }
        // The deadline column fits the longest label of any case (`！逾期3084天`).
        columns.append(CaseTable.Column(title: "期限", width: cases.widestDeadline) { i in
            let label = cases.deadline(of: summary(i)).label
            return label.isEmpty ? "-" : label
        })
        if width >= 44 { columns.append(CaseTable.Column(title: "状态", width: 6) { i in summary(i).disposition?.shortLabel ?? summary(i).status }) }
        if width >= 80 {
            columns.append(CaseTable.Column(title: "结果", width: 8) { i in
                cases.configuration.outcomeScheme.first { $0.label == summary(i).outcome }?.short ?? summary(i).outcome
            })
        }
        return columns
    }
}
