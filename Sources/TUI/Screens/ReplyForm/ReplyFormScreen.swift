import Model

/// The reply form: every part of the reply in document order, the focused one marked with `>` and
/// edited in place, scrolled so the caret is always on screen. Opening, saving, conflicts and the
/// recovery draft are in `ReplyFormScreen+Saving`.
public struct ReplyFormScreen: HandlesCases {
    public var keyContext: KeyContext { .form }
    public let id: CaseID
    /// The reply being drafted; nil until the case is read.
    public internal(set) var form: ReplyForm?
    /// The first form row on screen, and the rows as last laid out for the width.
    var scroll = 0
    var layout: ReplyFormLayout?
    /// The reply last written to the recovery file, and when: autosave writes only what changed.
    var autosaved: (value: Case, at: ContinuousClock.Instant)?
    /// A draft found in the recovery file on opening, until the user restores or discards it:
    /// nothing may overwrite it meanwhile.
    var recovered: RecoveredDraft?
    /// What an effect under way is for, where its result alone does not say.
    var pending: Pending?
    /// Leave the form once the save under way succeeds.
    var leaveAfterSave = false
    /// Where the proposal text is shown (the session's choice when the form opened, then this
    /// form's), and its first line in view.
    var placement = ProposalPlacement.hidden
    var proposalScroll = 0
    /// The body's parts as last arranged for the size.
    var panes: ReplyFormPanes?

    enum Pending: Sendable {
        case merge, copy
        /// The form's version was kept as a copy (at this path): load theirs.
        case reloadAfterCopy(String)
    }

    /// The values of the form's menus and confirmations.
    enum Choice: Sendable {
        case keepEditing, saveAndLeave, discardAndLeave, confirmDiscard
        case restoreDraft, discardDraft, confirmDiscardDraft
        case merge, copyAndReload
        case addSection, moveSectionUp, moveSectionDown, deleteSection, confirmDeleteSection
        case addSubsection, promoteSection, demoteSection, toggleRunIn
        case phrase(String), disclosure(String)
        /// The recovery question, closed without a choice.
        case recoveryMenu
        /// A second reply: from a copy of the superseded one, or from the template.
        case copyPreviousReply, startFromTemplate

        /// Whether the choice changes the reply: refused, like the keys that would, while it is
        /// read-only (a menu opened before the case was signed meanwhile may still be answered).
        var changesReply: Bool {
            switch self {
            case .addSection, .moveSectionUp, .moveSectionDown, .deleteSection, .confirmDeleteSection, .phrase, .disclosure,
                 .addSubsection, .promoteSection, .demoteSection, .toggleRunIn, .copyPreviousReply: true
            default: false
            }
        }
    }

    public init(_ id: CaseID) { self.id = id }

    public var hasUnsavedWork: Bool { form?.isModified == true }

    /// Ctrl-B records the outcome of the case being answered.
    public func handlingTargets(_ cases: CaseCollection) -> (ids: [CaseID], marked: Bool) { (form == nil ? [] : [id], false) }

    // MARK: Keys

    public mutating func update(_ action: Action, _ u: inout Update) {
        // The form is changed in place (`form!`), never through a copy: a copy would make the next
        // keystroke copy the reply's text.
        guard let role = form?.focused.role else { return }
        if let lock = readOnly(u.configuration), !ReplyFormScreen.readOnlyActions.contains(action) {
            u.say(lock)
            return
        }
        switch action {
        case .save: save(leave: false, &u)
        case .back: leave(&u)
        case .nextField: form!.moveFocus(by: 1)
        case .previousField: form!.moveFocus(by: -1)
        case .addSection: form!.addSection()
        case .sectionMenu, .addSubsection, .promoteSection, .demoteSection, .toggleRunIn:
            guard let section = role.section else {
                u.say("光标不在正文的某一部分中；按 \(u.key(.nextField, in: keyContext)) 移到某部分，或按 \(u.key(.addSection, in: keyContext)) 新增一部分")
                return
            }
            // The keys do at once what the menu's items do.
            if let choice = ReplyFormScreen.sectionKeys[action] { choose(choice, &u); return }
            u.open(MenuLayer(title: "第\(ChineseNumeral.string(section + 1))部分", items: [
                MenuLayer.Item("在后面新增一部分", Choice.addSection),
                MenuLayer.Item("上移本部分", Choice.moveSectionUp),
                MenuLayer.Item("下移本部分", Choice.moveSectionDown),
                MenuLayer.Item("删除本部分（先确认）", Choice.deleteSection),
                MenuLayer.Item("在后面新增下一级部分", Choice.addSubsection),
                MenuLayer.Item("升一级", Choice.promoteSection),
                MenuLayer.Item("降一级", Choice.demoteSection),
                MenuLayer.Item(form!.isRunIn(section: section) ? "取消接排：标题单独成行" : "标题接排：与第一段排成一段", Choice.toggleRunIn),
            ]))
        case .insertPoint:
            guard role.isParagraphs else { u.say(ReplyFormScreen.paragraphsOnly("要点", role)); return }
            form!.insertPoint()
        case .insertPhrase:
            guard role.isParagraphs else { u.say(ReplyFormScreen.paragraphsOnly("常用语", role)); return }
            guard !u.configuration.phrases.isEmpty else { u.say("配置中没有常用语（phrases）"); return }
            u.open(MenuLayer(title: "插入常用语", items: u.configuration.phrases.map { MenuLayer.Item($0, Choice.phrase($0)) }))
        case .preview:
            let document = ReplyDocument(for: form!.edited, configuration: u.configuration)
            u.open(PreviewScreen(document.plainText, title: "预览 答复 " + ReplyFormScreen.title(form!)))
            if !document.missingParts.isEmpty { u.say("尚缺：" + document.missingParts.joined(separator: "、")) }
        case .export: u.open(ExportDialog(form!.edited, unsaved: form!.isModified))
        case .proposalText:
            placement = placement.next(width: u.size.width)
            u.settings.proposalPlacement = placement
            u.say(placement.said)
        case .scrollProposal:
            let panes = panes(u.size, u.configuration)
            guard let area = panes.proposal else {
                u.say("提案原文未显示；按 \(u.key(.proposalText, in: keyContext)) 显示")
                return
            }
            proposalScroll = ProposalPane(form!.stored.value, width: area.width).nextPage(from: proposalScroll, rows: area.rows - 1)
        case .externalEditor:
            guard role.takesText else { u.say(ReplyFormScreen.disclosureIsChosen(u)); return }
            u.run(.editExternally(form!.focused.editor.text))
        case .undo: if !form!.undo() { u.say("没有可以撤销的修改") }
        case .redo: if !form!.redo() { u.say("没有可以重做的修改") }
        case .newLine where !role.isMultiline:
            if role == .disclosure { openDisclosureMenu(&u) } else { form!.moveFocus(by: 1) }
        default:
            guard role.takesText else { return }
            let area = panes(u.size, u.configuration).form
            let width = ReplyFormLayout.textWidth(form!, width: area.width), height = area.rows
            form!.edit { _ = $0.apply(action, width: width, height: height) }
        }
    }

    public func helpNotes(_ keymap: Keymap) -> [String] { ReplyFormScreen.helpNotes }

    /// Why the reply may not be changed, when the case's state locks it （已签发、已答复…, `reply_locked`
    /// in the workflow）: the form then only shows it, and says this for every key that would change it.
    /// The state is the stored case's, so a form rebased on a version signed meanwhile turns read-only
    /// and one whose sign-off was withdrawn (撤回签发) editable.
    func readOnly(_ configuration: Configuration) -> String? {
        form.flatMap { configuration.workflow.replyLock(of: $0.stored.value)?.description }
    }

    /// The section keys that need no menu: each does what its item in the section menu does.
    static let sectionKeys: [Action: Choice] = [.addSubsection: .addSubsection, .promoteSection: .promoteSection,
                                                .demoteSection: .demoteSection, .toggleRunIn: .toggleRunIn]

    /// What a read-only form still does: move about, preview, show the proposal, help, leave; saving
    /// says why it cannot.
    static let readOnlyActions: Set<Action> = [
        .moveDown, .moveUp, .pageDown, .pageUp, .first, .last, .moveLeft, .moveRight, .wordLeft, .wordRight,
        .lineStart, .lineEnd, .nextField, .previousField, .preview, .export, .help, .messages, .back, .save,
        .proposalText, .scrollProposal,
    ]

    /// Said when a paragraph-only command is asked for in a one-line part.
    static func paragraphsOnly(_ what: String, _ role: ReplyForm.Role) -> String {
        "“\(role.label)”不是段落，不能插入\(what)；请在开头、各部分正文或结尾中使用"
    }

    /// Said when text is offered to the disclosure field, which is chosen from a menu.
    static func disclosureIsChosen(_ u: Update) -> String {
        "公开属性从列表中选择：按 \(u.key(.newLine, in: .form))"
    }

    private func openDisclosureMenu(_ u: inout Update) {
        let options = u.configuration.disclosure.options
        u.open(MenuLayer(title: "公开属性", items: options.map { MenuLayer.Item($0, Choice.disclosure($0)) },
                         selected: options.firstIndex(of: form?.text(.disclosure) ?? "") ?? 0))
    }

    /// Characters type into the focused part; the disclosure part takes none (a space opens its menu).
    public mutating func type(_ key: Key, _ u: inout Update) -> Bool {
        guard let role = form?.focused.role, case .character(let c) = key else { return form == nil }
        if let lock = readOnly(u.configuration) { u.say(lock); return true }
        guard role.takesText else {
            if c == " " { openDisclosureMenu(&u) } else { u.say(ReplyFormScreen.disclosureIsChosen(u)) }
            return true
        }
        form!.edit { $0.type(c) }
        return true
    }

    /// Pasted text goes into the focused part as one step; a one-line part takes its first line.
    public mutating func paste(_ text: String, _ u: inout Update) -> Bool {
        guard let role = form?.focused.role else { return true }
        if let lock = readOnly(u.configuration) { u.say(lock); return true }
        guard role.takesText else { u.say(ReplyFormScreen.disclosureIsChosen(u)); return true }
        let line = role.isMultiline ? (text: text, lines: 1) : TextEditor.oneLine(text)
        form!.edit { $0.paste(line.text) }
        if line.lines > 1 { u.say("此项只有一行：粘贴的\(line.lines)行已用空格连成一行") }
        return true
    }

    // MARK: Menus

    public mutating func resume(_ answer: LayerAnswer, _ u: inout Update) {
        switch answer {
        case .chosen(let choice as Choice), .confirmed(let choice as Choice): choose(choice, &u)
        case .cancelled(let choice as Choice): cancelled(choice, &u)
        default: break
        }
    }

    private mutating func choose(_ choice: Choice, _ u: inout Update) {
        if choice.changesReply, let lock = readOnly(u.configuration) { u.say(lock); return }
        switch choice {
        case .keepEditing, .recoveryMenu, .startFromTemplate: break
        case .copyPreviousReply:
            guard let stored = form?.stored, let copy = stored.value.supersededReplyCopy else { return }
            var draft = ReplyFormScreen.startingDraft(stored, u)
            draft.reply = copy
            // Not yet in the store, the copy counts as a change as a recovered draft does: Esc asks.
            form = ReplyForm(stored: stored, draft: draft, recovered: true)
            u.say("已复制上一份答复作为草稿：日期、文号已清空，签发须重新办理；尚未保存")
        case .saveAndLeave: save(leave: true, &u)
        case .discardAndLeave:
            u.open(ConfirmationLayer("放弃对 \(id) 答复的修改？未保存的文字和恢复草稿都将删除", purpose: Choice.confirmDiscard))
        case .confirmDiscard:
            u.run(.discardDraft(id))
            close(&u)
            u.say("已放弃对 \(id) 答复的修改")
        case .restoreDraft: restoreDraft(&u)
        case .discardDraft:
            u.open(ConfirmationLayer("丢弃 \(recovered.map { TimeText.moment($0.time, today: u.today) } ?? "") 的草稿？草稿中的文字将删除，打开已保存的答复",
                                     purpose: Choice.confirmDiscardDraft))
        case .confirmDiscardDraft:
            recovered = nil
            u.run(.discardDraft(id))
            u.say("已丢弃草稿")
        case .merge:
            pending = .merge
            u.run(.loadCase(id))
        case .copyAndReload:
            guard let form else { return }
            pending = .copy
            u.run(.saveConflictCopy(form.edited, base: form.stored.revision))
        case .addSection: form?.addSection()
        case .addSubsection:
            if form?.addSection(deeper: true) == false { u.say("\(form!.levelName(ReplySection.levels.upperBound))下面没有更深的层级") }
        case .promoteSection: changeLevel(by: -1, &u)
        case .demoteSection: changeLevel(by: 1, &u)
        case .toggleRunIn:
            guard let section = form?.focusedSection, form!.toggleRunIn() else { return }
            u.say("第\(ChineseNumeral.string(section + 1))部分" + (form!.isRunIn(section: section) ? "标题接排：与第一段排成一段" : "标题单独成行"))
        case .moveSectionUp: if form?.moveSection(by: -1) == false { u.say("已是第一部分，不能再上移") }
        case .moveSectionDown: if form?.moveSection(by: 1) == false { u.say("已是最后一部分，不能再下移") }
        case .deleteSection:
            guard let form, let i = form.focusedSection else { return }
            let heading = TextMetrics.abbreviated(form.text(.heading(i)), to: 32)
            u.open(ConfirmationLayer("删除第\(ChineseNumeral.string(i + 1))部分“\(heading)”及其正文？（可按 \(u.key(.undo, in: keyContext)) 撤销）",
                                     purpose: Choice.confirmDeleteSection))
        case .confirmDeleteSection:
            guard let section = form?.focusedSection else { return }
            form?.deleteSection()
            u.say("已删除第\(ChineseNumeral.string(section + 1))部分；按 \(u.key(.undo, in: .editor)) 撤销")
        case .phrase(let phrase): form?.edit { $0.paste(phrase) }
        case .disclosure(let category):
            form?.setDisclosure(category)
            if form?.disclosure?.needsReason == true {
                form?.moveFocus(by: 1)
                u.say("“\(category)”须写明不公开的理由")
            }
        }
    }

    /// Moves the focused section a level up (-1) or down (+1), saying where it now is or why it cannot.
    private mutating func changeLevel(by step: Int, _ u: inout Update) {
        guard let section = form?.focusedSection else { return }
        let moved = form!.changeLevel(by: step)
        let level = form!.level(ofSection: section)
        let name = form!.levelName(level)
        u.say(moved ? "第\(ChineseNumeral.string(section + 1))部分改为\(name)" : "已是\(name)，不能再\(step < 0 ? "升" : "降")")
    }

    private mutating func cancelled(_ choice: Choice, _ u: inout Update) {
        switch choice {
        // Leaving the recovery question leaves the draft alone: nothing may overwrite it, so the form closes.
        case .recoveryMenu:
            close(&u)
            u.say("草稿仍在恢复文件中，未作改动；再次打开答复时可以恢复")
        case .confirmDiscardDraft: offerRecovery(&u)
        default: break
        }
    }

    // MARK: Drawing

    public mutating func arrange(_ context: RenderContext) {
        guard form != nil else { return }
        let panes = panes(context.size, context.configuration)
        self.panes = panes
        let rows = panes.form.rows
        // The title the profile prints, shown in the title field while it is empty, and its numerals.
        let wording = ReplyWording(for: form!.stored.value, configuration: context.configuration)
        form!.headingStyles = wording.profile.headingNumerals
        let layout = ReplyFormLayout(&form!, width: panes.form.width, titleHint: wording.title)
        let caret = layout.caret.row
        if caret < scroll { scroll = caret }
        if caret >= scroll + rows { scroll = caret - rows + 1 }
        // Show the label of a paragraph field above its first line when there is room.
        if caret == scroll, caret > 0, case .label = layout.rows[caret - 1].content { scroll -= 1 }
        scroll = max(0, min(scroll, layout.rows.count - rows))
        self.layout = layout
    }

    public func render(into buffer: inout ScreenBuffer, _ context: RenderContext) {
        guard let form, let layout, let panes else {
            buffer.put("正在打开 \(id) 的答复……", x: 1, y: context.size.body.lowerBound, style: .muted)
            return
        }
        let top = context.size.body.lowerBound
        for (i, line) in panes.comment.enumerated() {
            buffer.put(line, x: ReplyFormLayout.gutter, y: top + panes.form.top - panes.comment.count + i, style: .dueSoon,
                       limit: panes.form.width - ReplyFormLayout.gutter)
        }
        if let rule = panes.ruleRow { buffer.put(String(repeating: "─", count: context.size.width), x: 0, y: top + rule, style: .muted) }
        let formRows = (top + panes.form.top)..<(top + panes.form.top + panes.form.rows)
        for (row, y) in zip(layout.rows.dropFirst(scroll), formRows) {
            let focused = row.field == form.focus
            if focused { buffer.put(">", x: 0, y: y, style: .key) }
            let x = ReplyFormLayout.gutter
            switch row.content {
            case .blank: break
            case .label(let label, let count):
                let end = buffer.put("【\(label)】", x: x, y: y, style: focused ? .selection : .header)
                buffer.put(count > 0 ? " \(count)字" : " 未填写", x: end, y: y, style: .muted)
            case .text(let line, let label, let placeholder, let note):
                let role = form.fields[row.field!].role
                if let label { buffer.put(label, x: x + row.shape.margin, y: y, style: focused ? .selection : .header) }
                let style: Style = placeholder ? .muted : (role.section != nil && label != nil ? .header : .normal)
                let end = buffer.put(String(line), x: x + row.shape.indent, y: y, style: style)
                if let note { buffer.put(note, x: end + 1, y: y, style: .muted) }
            }
        }
        // Drawn last: a form row's note that runs past the form's width does not show through.
        if let area = panes.proposal {
            ProposalPane(form.stored.value, width: area.width)
                .draw(area, bodyTop: top, scroll: proposalScroll, pageKey: context.keymap.label(.scrollProposal, in: keyContext), into: &buffer)
        }
    }

    public func cursor(_ context: RenderContext) -> (x: Int, y: Int)? {
        guard let layout, let panes else { return nil }
        return (min(panes.form.width - 1, layout.caret.column), context.size.body.lowerBound + panes.form.top + layout.caret.row - scroll)
    }

    public func anchor(_ context: RenderContext) -> Int? { cursor(context)?.y }

    public func title(_ context: RenderContext) -> TitleBar? {
        guard let form else { return TitleBar("答复 \(id)（正在打开）") }
        // A reply just made from the template is not yet work to save: it says so rather than 已保存.
        let state = form.isModified ? "未保存" : readOnly(context.configuration) != nil ? "只读"
            : form.stored.value.reply.isEmpty ? "新答复" : "已保存"
        return TitleBar("答复 " + ReplyFormScreen.title(form), right: state)
    }

    static func title(_ form: ReplyForm) -> String { "\(form.id) \(form.stored.value.title)" }

    /// Where the caret is and how long things are; the date part says how a date is written.
    public func status(_ context: RenderContext) -> StatusLine? {
        guard let form else { return nil }
        if let lock = readOnly(context.configuration) { return StatusLine(text: lock) }
        let field = form.focused
        var name = field.role.label
        switch field.role {
        case .heading(let i), .body(let i):
            // A section's shape, where it is not the plain first level on a line of its own.
            let shape = [form.level(ofSection: i) > 1 ? "第\(ChineseNumeral.string(form.level(ofSection: i)))级" : nil,
                         form.isRunIn(section: i) ? "接排" : nil].compactMap { $0 }
            if !shape.isEmpty { name += "（" + shape.joined(separator: "·") + "）" }
        case .title:
            return StatusLine(text: "标题 \(field.editor.characterCount)字",
                              note: " 空着时按版式印出灰色的标题；Enter 另起一行" + (form.isModified ? " · 未保存" : ""))
        case .attachments:
            let count = field.editor.text.split(separator: "\n").count { $0.contains { !$0.isWhitespace } }
            return StatusLine(text: "附件 \(count)件", note: " 每行一个附件" + (form.isModified ? " · 未保存" : ""))
        case let role where role.isList:
            return StatusLine(text: role.label, note: " 多项用顿号（、）分隔" + (form.isModified ? " · 未保存" : ""))
        case .date: return StatusLine(text: "日期", note: " 写成 \(context.today) 的形式" + (form.isModified ? " · 未保存" : ""))
        case .disclosure: return StatusLine(text: "公开属性", note: " 按 \(context.keymap.label(.newLine, in: .form)) 从列表中选择")
        default: break
        }
        return StatusLine(text: "\(name) \(field.editor.characterCount)字 · 全文\(form.characterCount)字" + (form.isModified ? " · 未保存" : ""))
    }

    public func hints(_ context: RenderContext) -> [Action] {
        readOnly(context.configuration) == nil ? [.save, .nextField, .preview, .proposalText, .help, .back]
            : [.nextField, .preview, .proposalText, .help, .back]
    }
}
