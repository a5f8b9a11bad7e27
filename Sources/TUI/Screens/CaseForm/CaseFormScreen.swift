import Model

/// The form for a case's own fields, in two modes. 新建案件 (`new-case` on the list): the fields of
/// `banli new`, checked as they are typed by `CaseFields`' one rule, each problem under its field, the
/// ID and the deadline worked out beside them; saving creates the case (`CaseStore.placed` and
/// `create`: one write, journalled 新建案件) and the list selects it. 修改案件信息 (`edit-case` on the
/// list, the due list and the detail): the same fields filled in from the case, its kind, meeting
/// and number shown only (they name its file), the deadline with its reason; saving writes over the
/// revision read, journalled by `CaseHandling.recordEdit` in `CaseDifference`'s words and undoable
/// like every change; a case saved by someone else meanwhile is offered to merge or reload, and others
/// editing it are named on opening, as in the reply form.
public struct CaseFormScreen: Screen {
    public var keyContext: KeyContext { .caseForm }
    /// The case being edited; nil for a new case.
    public let id: CaseID?
    /// The fields; nil until the case is read (or, for a new case, until the form appears).
    var form: CaseForm?
    /// The first layout row on screen, and the rows as last laid out.
    var scroll = 0
    var layout: CaseFormLayout?
    /// Leave once the save under way succeeds (every successful save leaves: the form is done).
    private var saving = false

    /// The values of the form's menus and confirmations.
    enum Choice: Sendable, Equatable {
        case keepEditing, saveAndLeave, discardAndLeave, confirmDiscard, merge, reload, createUnderAnother
        case word(String)
    }

    /// The new-case form.
    public init() { id = nil }

    /// The edit form of case `id`.
    public init(editing id: CaseID) { self.id = id }

    /// Opens the form — for a new case when `id` is nil — unless the store may not be written: then
    /// one line says why.
    static func open(editing id: CaseID?, _ u: inout Update) {
        if u.environment.readOnlyCause != nil {
            u.say("案件库以只读方式打开，不能\(id == nil ? "新建案件" : "修改案件信息")（banli check 说明如何修复）")
            return
        }
        u.open(id.map { CaseFormScreen(editing: $0) } ?? CaseFormScreen())
    }

    public var hasUnsavedWork: Bool { form?.isModified == true }

    public mutating func appear(_ u: inout Update) {
        if let id { u.run(.openCase(id)) } else { form = CaseForm(today: u.today, user: u.environment.user) }
    }

    // MARK: Keys

    public mutating func update(_ action: Action, _ u: inout Update) {
        guard let input = form?.focused.input else {
            if action == .back { u.close() }
            return
        }
        switch action {
        case .save: save(&u)
        case .back: leave(&u)
        case .nextField: form!.moveFocus(by: 1)
        case .previousField: form!.moveFocus(by: -1)
        case .externalEditor:
            guard input == .paragraphs else {
                u.say("外部编辑器用于正文：按 \(u.key(.nextField, in: keyContext)) 移到正文")
                return
            }
            u.run(.editExternally(form!.focused.editor.text))
        case .moveLeft where !input.takesText, .moveRight where !input.takesText:
            _ = form!.cycleChoice(by: action == .moveRight ? 1 : -1)
        case .moveUp where input != .paragraphs, .moveDown where input != .paragraphs:
            form!.moveFocus(by: action == .moveDown ? 1 : -1)
        case .newLine where input != .paragraphs:
            if case .choice(let words) = input {
                u.open(MenuLayer(title: form!.focused.field.label, items: words.map { MenuLayer.Item($0, Choice.word($0)) },
                                 selected: words.firstIndex(of: form!.focused.editor.text) ?? 0))
            } else {
                form!.moveFocus(by: 1)
            }
        default:
            guard input.takesText else { return }
            let width = input == .line ? LineField.unwrapped : max(2, u.size.width - CaseFormLayout.gutter)
            let height = u.size.bodyHeight
            form!.edit { _ = $0.apply(action, width: width, height: height) }
        }
    }

    /// Characters type into a text field; on a choice, Space switches and a character picks the
    /// word it begins (`会` → 会办).
    public mutating func type(_ key: Key, _ u: inout Update) -> Bool {
        guard let input = form?.focused.input, case .character(let c) = key else { return form == nil }
        switch input {
        case .line, .paragraphs: form!.edit { $0.type(c) }
        case .choice(let words):
            if c == " " {
                _ = form!.cycleChoice(by: 1)
            } else if let word = words.first(where: { $0.hasPrefix(String(c)) }) {
                form!.choose(word)
            } else {
                u.say("\(form!.focused.field.label)：按空格或 ←/→ 切换（\(words.joined(separator: "、"))）")
            }
        case .fixed: break
        }
        return true
    }

    /// Pasted text goes into the focused field; a one-line field takes its lines joined by spaces, and says so.
    public mutating func paste(_ text: String, _ u: inout Update) -> Bool {
        guard let input = form?.focused.input else { return true }
        switch input {
        case .paragraphs: form!.edit { $0.paste(text) }
        case .line:
            let line = TextEditor.oneLine(text)
            form!.edit { $0.paste(line.text) }
            if line.lines > 1 { u.say("\(form!.focused.field.label)只有一行：粘贴的\(line.lines)行已用空格连成一行") }
        case .choice, .fixed: u.say("\(form!.focused.field.label)只能从选单中选择，不能粘贴")
        }
        return true
    }

    public func helpNotes(_ keymap: Keymap) -> [String] {
        ["边填边检查：有问题的项下面用红字写明原因；全部无误才能保存，保存时光标移到第一个有问题的项。",
         "新建案件：类型、届次、案号合起来就是编号（印的“第52号”由案号得出编号）；办理期限按配置从交办日期算出。已有同一编号的案件时，保存前说明是哪一件并问是否另编一个。",
         "修改案件信息：类型、届次、案号是文件名，不能修改；改了办理期限须写明理由。每次保存在日志中记一条，列表中按 u 可以撤销。",
         "联名人、会办单位：多个用顿号（、）分隔。承办方式为会办时须写明主办单位。"]
    }

    // MARK: Menus

    public mutating func resume(_ answer: LayerAnswer, _ u: inout Update) {
        switch answer {
        case .chosen(let choice as Choice), .confirmed(let choice as Choice): choose(choice, &u)
        default: break
        }
    }

    private mutating func choose(_ choice: Choice, _ u: inout Update) {
        switch choice {
        case .keepEditing: break
        case .saveAndLeave: save(&u)
        case .discardAndLeave:
            u.open(ConfirmationLayer(form?.isNew == true ? "放弃新建案件？已填写的内容将丢失" : "放弃对 \(id!) 案件信息的修改？",
                                     purpose: Choice.confirmDiscard))
        case .confirmDiscard:
            close(&u)
            u.say(form?.isNew == true ? "未新建案件" : "已放弃对 \(id!) 案件信息的修改")
        case .word(let word): form?.choose(word)
        case .createUnderAnother: save(&u, takenConfirmed: true)
        case .merge, .reload:
            guard case .success(let theirs)? = pendingTheirs else { return }
            pendingTheirs = nil
            if choice == .reload { form = CaseForm(editing: theirs) } else { form?.rebase(on: theirs) }
            u.say(choice == .reload ? "已载入对方的版本" : "已把你的修改放到对方的版本上，核对后按 \(u.key(.save, in: keyContext)) 保存")
        }
    }

    // MARK: Saving

    /// The case as it is now, after a save was refused because someone else saved it meanwhile.
    private var pendingTheirs: Result<StoredCase, StoreError>?

    /// Saves the form. A new case whose ID the store has already is created under another only once
    /// the user confirms it (`takenConfirmed`), the case there named: two 第093号 in one meeting are
    /// more often a mistyped number than two cases.
    mutating func save(_ u: inout Update, takenConfirmed: Bool = false) {
        guard let form, !saving else { return }
        let clock = u.environment.clock, user = u.environment.user
        switch form.checked(configuration: u.configuration, today: u.today, user: user, time: clock.timestamp()) {
        case .failure(let problems):
            self.form!.saveTried = true
            let first = problems.problems[0]
            self.form!.focus(on: first.field)
            u.say("未保存：\(first)" + (problems.problems.count > 1 ? "（另有\(problems.problems.count - 1)项有问题）" : ""))
        case .success(let value):
            guard let stored = form.stored else {
                if !takenConfirmed, let existing = u.cases.summary(of: value.id) {
                    u.open(ConfirmationLayer("\(CaseFormLayout.taken(existing))。仍新建此案件，另编一个编号？", purpose: Choice.createUnderAnother))
                    return
                }
                saving = true
                u.run(.createCase(value))
                return
            }
            let handling = CaseHandling(configuration: u.configuration, user: user, clock: clock)
            do {
                guard let edited = try handling.recordEdit(from: stored.value, to: value) else {
                    self.form!.acceptUnchanged()
                    u.say("没有修改")
                    return
                }
                saving = true
                u.run(.saveCase(edited.value, base: stored.revision))
            } catch {
                u.say("未保存：\(error)")
            }
        }
    }

    public mutating func receive(_ result: EffectResult, _ u: inout Update) {
        switch result {
        case .caseOpened(let stored, let check):
            form = CaseForm(editing: stored)
            let notes = ReplyFormScreen.editingNotes(check, today: u.today, shown: u.environment.shown)
            if !notes.isEmpty { u.say(notes.joined(separator: "；")) }
        case .caseCreated(let created):
            close(&u)
            let asked = form?.values.caseID
            u.say("已新建案件 \(created.value.id)" + (asked != nil && asked != created.value.id ? "（\(asked!) 已有，另编此号）" : ""))
        case .caseSaved(let saved):
            close(&u)
            u.say((["已保存 \(saved.value.id) 的案件信息：\(saved.value.journal.last?.text ?? "")"] + saved.saveNotes).joined(separator: "；"))
        case .caseRefused(let theirs):
            saving = false
            pendingTheirs = theirs
            var who = "他人", what: [String] = []
            if case .success(let now) = theirs, let base = form?.stored?.value {
                let users = now.value.journal.dropFirst(base.journal.count).map(\.user)
                if !users.isEmpty { who = users.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }.joined(separator: "、") }
                what = CaseDifference.changes(from: base, to: now.value)
            }
            var items = [MenuLayer.Item("继续编辑，暂不保存", Choice.keepEditing)]
            if case .success = theirs {
                items += [MenuLayer.Item("合并：把我的修改放到对方的版本上", Choice.merge),
                          MenuLayer.Item("放弃我的修改，载入对方的版本", Choice.reload)]
            }
            u.open(MenuLayer(title: "\(id!) 已被\(who)修改" + (what.isEmpty ? "" : "：" + what.joined(separator: "、")), items: items))
            u.say("未保存：打开后此案件已被\(who)修改，你的修改仍在表单中")
        case .failed(let error):
            saving = false
            guard form != nil else {
                u.close()
                u.say("\(error)")
                return
            }
            u.say("未保存：\(error)")
        case .externallyEdited(.success(.edited(let text))):
            form?.edit { $0.replaceAll(with: text) }
            u.say("已从外部编辑器取回正文")
        case .externallyEdited(.success(.unchanged)): u.say("外部编辑器中未作修改")
        case .externallyEdited(.success(.emptied)): u.say("外部编辑器中的文字为空，视为取消，正文未修改")
        case .externallyEdited(.failure(let failure)): u.say(failure.description)
        default: break
        }
    }

    /// The case was saved by another step while the form is open: the form stands on that version.
    public mutating func observe(_ change: Change, _ u: inout Update) {
        guard case .caseSaved(let saved) = change, saved.value.id == id, let stored = form?.stored,
              saved.revision != stored.revision, !saving else { return }
        form!.rebase(on: saved)
    }

    /// Esc: leave at once when nothing changed, else ask (continuing to edit is the default).
    private mutating func leave(_ u: inout Update) {
        guard form?.isModified == true else { close(&u); return }
        u.open(MenuLayer(title: form!.isNew ? "新案件尚未保存" : "案件信息有未保存的修改", items: [
            MenuLayer.Item("继续编辑", Choice.keepEditing),
            MenuLayer.Item(form!.isNew ? "保存（新建案件）并离开" : "保存并离开", Choice.saveAndLeave),
            MenuLayer.Item("放弃并离开（先确认）", Choice.discardAndLeave),
        ]))
    }

    /// Closes the form; the edit form removes this user's editing mark.
    private func close(_ u: inout Update) {
        if let id { u.run(.endEditing(id)) }
        u.close()
    }

    /// The session ends without the user leaving: the editing mark is removed.
    public mutating func end(_ u: inout Update) {
        if let id, form != nil { u.run(.endEditing(id)) }
    }

    // MARK: Drawing

    public mutating func arrange(_ context: RenderContext) {
        guard let form else { return }
        let layout = CaseFormLayout(form, width: context.size.width, configuration: context.configuration, today: context.today,
                                    user: context.environment.user, existing: { context.cases.summary(of: $0) })
        let rows = context.size.bodyHeight
        let target = layout.caret?.row ?? layout.focusRow
        // A one-line field's problem and what it gives (the ID, the deadline) are kept in view with it.
        var end = target
        if form.focused.input != .paragraphs {
            while end + 1 < layout.rows.count, layout.rows[end + 1].field == nil || layout.rows[end + 1].field == form.focus { end += 1 }
        } else if target > 0, target == scroll, case .heading = layout.rows[target - 1].content {
            scroll -= 1
        }
        if end >= scroll + rows { scroll = min(target, end - rows + 1) }
        if target < scroll { scroll = target }
        scroll = max(0, min(scroll, layout.rows.count - rows))
        self.layout = layout
    }

    public func render(into buffer: inout ScreenBuffer, _ context: RenderContext) {
        guard let form, let layout else {
            buffer.put("正在读取 \(id?.description ?? "")……", x: 1, y: context.size.body.lowerBound, style: .muted)
            return
        }
        let x = CaseFormLayout.gutter, valueX = x + layout.labelWidth
        for (row, y) in zip(layout.rows.dropFirst(scroll), context.size.body) {
            let focused = row.field == form.focus
            let field = row.field.map { form.fields[$0].field }
            switch row.content {
            case .value(let text, let placeholder):
                if focused { buffer.put(">", x: 0, y: y, style: .key) }
                buffer.put(layout.label(field!), x: x, y: y, style: focused ? .selection : .header)
                buffer.put(text, x: valueX, y: y, style: placeholder ? .muted : .normal)
            case .heading(let count):
                if focused { buffer.put(">", x: 0, y: y, style: .key) }
                let end = buffer.put(layout.label(field!), x: x, y: y, style: focused ? .selection : .header)
                buffer.put(count > 0 ? " \(count)字" : "", x: end, y: y, style: .muted)
            case .paragraph(let line, let placeholder):
                buffer.put(String(line), x: x, y: y, style: placeholder ? .muted : .normal)
            case .derived(let label, let text):
                buffer.put(layout.label(label), x: x, y: y, style: .muted)
                buffer.put(TextMetrics.abbreviated(text, to: max(1, context.size.width - valueX)), x: valueX, y: y, style: .normal)
            case .problem(let reason):
                buffer.put(reason, x: valueX, y: y, style: .error)
            }
        }
    }

    public func cursor(_ context: RenderContext) -> (x: Int, y: Int)? {
        guard let caret = layout?.caret, caret.row >= scroll, caret.row - scroll < context.size.bodyHeight else { return nil }
        return (min(context.size.width - 1, caret.column), context.size.body.lowerBound + caret.row - scroll)
    }

    public func anchor(_ context: RenderContext) -> Int? {
        guard let layout else { return nil }
        return context.size.body.lowerBound + max(0, (layout.caret?.row ?? layout.focusRow) - scroll)
    }

    public func title(_ context: RenderContext) -> TitleBar? {
        let state = form?.isModified == true ? "未保存" : ""
        guard let id else { return TitleBar("新建案件", right: state) }
        return TitleBar("修改案件信息 \(id) \(form?.stored?.value.title ?? "")", right: state)
    }

    /// The focused field: its problem once shown, else how it is filled in.
    public func status(_ context: RenderContext) -> StatusLine? {
        guard let form else { return nil }
        let field = form.focused
        let unsaved = form.isModified ? " · 未保存" : ""
        if form.showsProblem(of: field.field), case .failure(let problems)? = layout?.result, let problem = problems[field.field] {
            return StatusLine(label: field.field.label + "：", text: problem.reason, note: unsaved)
        }
        let tip: String
        switch (field.input, field.field) {
        case (.choice, _): tip = "←/→ 或空格切换，\(context.keymap.label(.newLine, in: keyContext)) 从选单中选"
        case (_, .jointSigners), (_, .otherUnits): tip = "多个用顿号（、）分隔"
        case (_, .assignedOn), (_, .deadline): tip = "写成 \(context.today) 的形式"
        case (.paragraphs, _): tip = "\(field.editor.characterCount)字；\(context.keymap.label(.externalEditor, in: keyContext)) 用外部编辑器"
        default: tip = ""
        }
        return StatusLine(text: field.field.label, note: (tip.isEmpty ? "" : " " + tip) + unsaved)
    }

    public func hints(_ context: RenderContext) -> [Action] { [.save, .nextField, .help, .back] }
}
