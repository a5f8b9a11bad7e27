import Model

/// The update step: applies an action to the state and says what the loop must do next.
public enum App {
    /// What the loop must do after an action: the parts that read or write files, or the terminal.
    public enum Effect: Equatable, Sendable {
        case none, quit
        case openCase(CaseID)
        /// Open the reply form on the case (from the store, offering any recovered draft).
        case openReply(CaseID)
        case save(leave: Bool)
        /// Close the form; `discardDraft` also deletes its recovery file.
        case closeForm(discardDraft: Bool)
        /// Delete the form's recovery file and go on editing the stored reply.
        case discardDraft
        case externalEdit
        /// Carry out a handling step on the selected, marked or open case(s).
        case handle(HandlingRequest)
        case showDue, showStatistics
        case resolveConflict(ConflictResolution)
    }

    /// `page` is how many rows the current screen's body shows.
    public static func apply(_ action: Action, to state: inout AppState, page: Int) -> Effect {
        let page = max(1, page)
        if state.context != .help && state.context != .preview, let effect = applyHandling(action, &state) { return effect }
        switch state.context {
        case .help:
            if action == .back || action == .help || action == .quit { state.helpOffset = nil; return .none }
            state.helpOffset = scrolled(state.helpOffset ?? 0, action, page: page)
        case .preview:
            if action == .back || action == .quit { state.preview = nil; return .none }
            if action == .help { state.helpOffset = 0; return .none }
            let offset = state.preview?.offset ?? 0
            state.preview?.offset = scrolled(offset, action, page: page)
        case .form:
            return applyToForm(action, &state)
        case .detail:
            if action == .back || action == .quit { state.detail = nil; return .none }
            if action == .help { state.helpOffset = 0; return .none }
            if action == .reply, let id = state.detail?.id ?? nil { return .openReply(id) }
            let offset = state.detail?.offset ?? 0
            state.detail?.offset = scrolled(offset, action, page: page)
        case .list:
            return applyToList(action, &state, page: page)
        }
        return .none
    }

    private static func applyToList(_ action: Action, _ state: inout AppState, page: Int) -> Effect {
        let count = state.summaries.count
        var selected = state.list.selected
        switch action {
        case .quit: return .quit
        case .help: state.helpOffset = 0
        case .open: return count > 0 ? .openCase(state.summaries[selected].id) : .none
        case .reply: return count > 0 ? .openReply(state.summaries[selected].id) : .none
        case .moveDown: selected += 1
        case .moveUp: selected -= 1
        case .pageDown: selected += page
        case .pageUp: selected -= page
        case .first: selected = 0
        case .last: selected = count - 1
        case .search:
            state.prompt = AppState.SearchPrompt(origin: selected)
            return .none
        case .filter:
            let choices = CaseFilter.choices(state.configuration)
            state.menu = Menu(title: "筛选", items: choices.map { Menu.Item(label: $0.label, command: .filter($0)) },
                              selected: choices.firstIndex(of: state.filter) ?? 0)
            return .none
        case .sort:
            let orders = CaseOrder.allCases
            state.show(filter: state.filter, order: orders[(orders.firstIndex(of: state.order)! + 1) % orders.count])
            return .none
        case .nextMatch, .previousMatch:
            let forward = action == .nextMatch
            if state.lastQuery.isEmpty { state.message = "还没有搜索过；按 / 搜索"; return .none }
            if let hit = state.match(state.lastQuery, from: selected + (forward ? 1 : -1), forward: forward) {
                state.list.selected = hit.position
                state.message = "搜索：\(state.lastQuery)\(hit.field.note)"
            } else {
                state.message = "没有找到“\(state.lastQuery)”"
            }
            return .none
        default: break
        }
        state.list.selected = max(0, min(count - 1, selected))
        state.message = ""
        return .none
    }

    private static func applyToForm(_ action: Action, _ state: inout AppState) -> Effect {
        guard var form = state.form else { return .none }
        defer { state.form = form }
        state.message = ""
        switch action {
        case .back:
            guard form.isModified else { return .closeForm(discardDraft: false) }
            state.menu = Menu(title: "答复有未保存的修改", items: [
                Menu.Item(label: "保存并离开", command: .saveAndLeave),
                Menu.Item(label: "放弃修改并离开", command: .discardAndLeave),
                Menu.Item(label: "继续编辑", command: .keepEditing),
            ])
        case .save: return .save(leave: false)
        case .nextField: form.moveFocus(by: 1)
        case .previousField: form.moveFocus(by: -1)
        case .addSection: form.addSection()
        case .sectionMenu:
            guard form.focusedSection != nil else {
                state.message = "光标不在正文的某一部分中；按 Tab 移到某部分，或新增一部分"
                return .none
            }
            state.menu = Menu(title: "本部分", items: [
                Menu.Item(label: "在后面新增一部分", command: .addSection),
                Menu.Item(label: "上移本部分", command: .moveSectionUp),
                Menu.Item(label: "下移本部分", command: .moveSectionDown),
                Menu.Item(label: "删除本部分", command: .deleteSection),
            ])
        case .insertPoint: form.insertPoint()
        case .insertPhrase:
            guard !state.configuration.phrases.isEmpty else { state.message = "配置中没有常用语（phrases）"; return .none }
            state.menu = Menu(title: "插入常用语", items: state.configuration.phrases.map { Menu.Item(label: $0, command: .insertPhrase($0)) })
        case .preview:
            let c = form.edited
            let document = ReplyDocument(for: c, configuration: state.configuration)
            let missing = document.missingParts
            state.preview = AppState.PagerState(id: c.id, text: document.plainText)
            if !missing.isEmpty { state.message = "尚缺：" + missing.joined(separator: "、") }
        case .externalEditor:
            guard form.focused.role.takesText else { state.message = chooseDisclosure; return .none }
            return .externalEdit
        case .help: state.helpOffset = 0
        default: break
        }
        return .none
    }

    /// Said when text is offered to the disclosure field, which is chosen from a menu.
    static let chooseDisclosure = "公开属性从列表中选择：按 Enter"

    /// A key the form's keymap does not bind goes to the focused field's editor. Enter in a one-line
    /// field moves on instead of breaking the line.
    public static func edit(form key: Key, in state: inout AppState, width: Int, height: Int) {
        guard var form = state.form else { return }
        defer { state.form = form }
        let role = form.focused.role
        if role == .disclosure {
            guard key == .enter || key == .character(" ") else { state.message = chooseDisclosure; return }
            let options = state.configuration.disclosure.options
            state.menu = Menu(title: "公开属性", items: options.map { Menu.Item(label: $0, command: .setDisclosure($0)) },
                              selected: options.firstIndex(of: form.text(.disclosure)) ?? 0)
            return
        }
        if key == .enter && !role.isMultiline { form.moveFocus(by: 1); return }
        var handled = false
        form.edit { handled = $0.handle(key, width: ReplyFormLayout.textWidth(role, width: width), height: height) }
        state.message = handled ? "" : "\(key.label) 在表单中未绑定；按 Ctrl-G 查看帮助"
    }

    /// Pasted text goes into the focused field as one edit; a one-line field takes its first line.
    public static func paste(_ text: String, in state: inout AppState) {
        guard var form = state.form else { return }
        guard form.focused.role.takesText else { state.message = chooseDisclosure; return }
        let text = form.focused.role.isMultiline ? text : String(text.prefix { $0 != "\n" && $0 != "\r" })
        form.edit { $0.paste(text) }
        state.form = form
    }

    /// Keys while a menu is open: move, choose with Enter or a digit, cancel with Esc.
    public static func choose(menu key: Key, in state: inout AppState) -> Effect {
        guard var menu = state.menu else { return .none }
        var chosen: Int?
        switch key {
        case .down, .character("j"): menu.selected = min(menu.items.count - 1, menu.selected + 1)
        case .up, .character("k"): menu.selected = max(0, menu.selected - 1)
        case .home, .character("g"): menu.selected = 0
        case .end, .character("G"): menu.selected = menu.items.count - 1
        case .enter: chosen = menu.selected
        case .character(let c) where c.isASCII && c.isNumber:
            if let n = c.wholeNumberValue, (1...min(9, menu.items.count)).contains(n) { chosen = n - 1 }
        case .escape, .character("q"):
            state.menu = nil
            // Leaving a restore question must not let autosave overwrite the draft it offered.
            return state.recovered != nil ? .closeForm(discardDraft: false) : .none
        default: break
        }
        guard let chosen else { state.menu = menu; return .none }
        state.menu = nil
        return run(menu.items[chosen].command, in: &state)
    }

    private static func run(_ command: Menu.Command, in state: inout AppState) -> Effect {
        switch command {
        case .filter(let filter): state.show(filter: filter, order: state.order)
        case .insertPhrase(let phrase): state.form?.edit { $0.paste(phrase) }
        case .setDisclosure(let category):
            state.form?.setDisclosure(category)
            if state.form?.disclosure?.needsReason == true {
                state.form?.moveFocus(by: 1)
                state.message = "“\(category)”须写明不公开的理由"
            }
        case .addSection: state.form?.addSection()
        case .moveSectionUp: state.form?.moveSection(by: -1)
        case .moveSectionDown: state.form?.moveSection(by: 1)
        case .deleteSection:
            guard let form = state.form, let i = form.focusedSection else { return .none }
            let heading = form.text(.heading(i))
            state.menu = Menu(title: "删除第\(ChineseNumeral.string(i + 1))部分“\(TextMetrics.truncate(heading, to: 16))”？", items: [
                Menu.Item(label: "取消", command: .keepEditing),
                Menu.Item(label: "删除", command: .confirmDeleteSection),
            ])
        case .confirmDeleteSection: state.form?.deleteSection()
        case .saveAndLeave: return .save(leave: true)
        case .discardAndLeave: return .closeForm(discardDraft: true)
        case .keepEditing: break
        case .restoreDraft:
            guard let draft = state.recovered, let form = state.form else { return .none }
            state.form = ReplyForm(stored: form.stored, draft: draft.value)
            state.recovered = nil
            state.message = draft.base == form.stored.revision ? "已恢复 \(draft.time) 的草稿，尚未保存"
                : "已恢复 \(draft.time) 的草稿；草稿开始后案件文件已被修改，保存前请核对"
        case .discardDraft:
            state.recovered = nil
            return .discardDraft
        case .ask(let purpose): state.question = Question(purpose)
        case .handle(let request): return .handle(request)
        case .resolveConflict(let resolution): return .resolveConflict(resolution)
        }
        return .none
    }

    /// Typing at the search prompt: the selection follows the first match as the query grows
    /// (incremental search); Enter keeps it, Esc returns to where the search began.
    public static func edit(prompt key: Key, in state: inout AppState) {
        guard var prompt = state.prompt else { return }
        switch key {
        case .escape:
            state.list.selected = prompt.origin
            state.prompt = nil
            state.message = ""
            return
        case .enter:
            if prompt.isSearching {
                prompt.hit = state.match(prompt.query, from: prompt.origin, forward: true)
                state.list.selected = prompt.hit?.position ?? prompt.origin
            }
            state.prompt = nil
            state.lastQuery = prompt.query
            if let hit = prompt.hit {
                state.message = "搜索：\(prompt.query)\(hit.field.note)"
            } else {
                state.message = prompt.query.isEmpty ? "" : "没有找到“\(prompt.query)”"
            }
            return
        case .backspace:
            if prompt.query.isEmpty { state.prompt = nil; return }
            prompt.query.removeLast()
        case .character(let c):
            append(String(c), to: &prompt)
        default:
            return
        }
        state.prompt = prompt
        state.continuePromptSearch()
    }

    /// Pasted text goes into the search as one step (one search, not one per character), its first
    /// line only.
    public static func paste(prompt text: String, in state: inout AppState) {
        guard var prompt = state.prompt else { return }
        append(String(text.prefix { $0 != "\n" && $0 != "\r" }), to: &prompt)
        state.prompt = prompt
        state.continuePromptSearch()
    }

    /// A search longer than this finds nothing a shorter one would not; the cap keeps a long paste
    /// from costing a search per character of it.
    static let longestQuery = 100

    private static func append(_ text: String, to prompt: inout AppState.SearchPrompt) {
        prompt.query += text.prefix(max(0, longestQuery - prompt.query.count))
    }

    /// Scrolling in a pager: screens clamp the offset to their content when they draw.
    private static func scrolled(_ offset: Int, _ action: Action, page: Int) -> Int {
        switch action {
        case .moveDown: return offset + 1
        case .moveUp: return max(0, offset - 1)
        case .pageDown: return offset + page
        case .pageUp: return max(0, offset - page)
        case .first: return 0
        case .last: return Int.max / 2
        default: return offset
        }
    }
}
