import Model

/// The reply form's effects: opening a case's reply (with its draft and who else is editing),
/// saving, resolving a conflict, autosaving the draft, the external editor.
extension AppRunner {
    /// Opens the form on the case as stored; a new reply starts from the template. A draft left in
    /// the recovery file by a crash is offered before anything can overwrite it. The case is marked
    /// as being edited, and the user told who else has it open.
    func openReply(_ id: CaseID) {
        let stored: StoredCase
        do {
            stored = try workspace.store.load(id)
        } catch {
            state.message = "\(error)"
            return
        }
        let draft = startingDraft(stored)
        state.form = ReplyForm(stored: stored, draft: draft)
        state.message = stored.value.reply.isEmpty ? "新答复已按模板生成称呼、开头、结尾和落款" : ""
        autosaved = nil
        switch workspace.store.recovery(for: id, user: workspace.user) {
        case nil: break
        case .failure(let problem):
            state.form = nil
            state.message = "恢复文件无法读取，请先处理：\(problem)"
            return
        case .success(let recovered) where recovered.value.reply == draft.reply && recovered.value.disclosure == draft.disclosure:
            workspace.store.discardRecovery(for: id, user: workspace.user)
        case .success(let recovered):
            state.recovered = recovered
            state.menu = Menu(title: "发现 \(recovered.time) 未保存的草稿", items: [
                Menu.Item(label: "恢复草稿", command: .restoreDraft),
                Menu.Item(label: "丢弃草稿，打开已保存的答复", command: .discardDraft),
            ])
        }
        let editing = workspace.store.beginEditing(id, user: workspace.user, time: workspace.clock.timestamp(), now: workspace.clock.now())
        let notes = editingNotes(editing)
        if !notes.isEmpty { state.message = notes.joined(separator: "；") }
    }

    /// The case as the form first shows it: a reply not yet begun comes from the template.
    func startingDraft(_ stored: StoredCase) -> Case {
        var draft = stored.value
        if draft.reply.isEmpty { draft.reply = Reply.started(for: draft, configuration: state.configuration, today: state.today) }
        if draft.disclosure == nil { draft.disclosure = Disclosure(category: state.configuration.disclosure.defaultOption) }
        return draft
    }

    /// What the user should know on opening a case: who else is editing it, that the store cannot be
    /// written, marks of editors who are gone.
    func editingNotes(_ check: EditingCheck) -> [String] {
        var notes: [String] = []
        if !check.others.isEmpty {
            notes.append(check.others.map { $0.summary(today: state.today) }.joined(separator: "、") + "正在编辑此案件")
        }
        if let problem = check.unmarked {
            notes.append("案件库无法写入（\(AppRunner.reason(problem))），可以编辑，但可能无法保存")
        }
        if !check.cleared.isEmpty {
            notes.append("已清除过期的编辑标记：" + check.cleared.map { $0.summary(today: state.today) }.joined(separator: "、"))
        }
        return notes
    }

    func save(leave: Bool) {
        guard var form = state.form else { return }
        if let problem = form.problems.first {
            state.message = "未保存：\(problem)"
            return
        }
        let handling = CaseHandling(configuration: state.configuration, user: workspace.user, clock: workspace.clock)
        let value = handling.recordEdit(from: form.stored.value, to: form.edited)?.value ?? form.edited
        do {
            let saved = try workspace.store.save(value, replacing: form.stored.revision)
            form.markSaved(saved)
            state.form = form
            workspace.store.discardRecovery(for: form.id, user: workspace.user)
            autosaved = nil
            state.update(saved.value)
            state.message = "已保存 \(form.id)（答复\(form.characterCount)字）"
            if leave { closeForm() }
        } catch .conflict(_, let fields) {
            offerConflictResolution(fields)
        } catch {
            let kept = keepDraft()
            state.message = "未能保存 \(form.id.fileName)：\(AppRunner.reason(error))。"
                + (kept == nil ? "文字仍在表单中，草稿已存入恢复文件" : "恢复文件也无法写入，文字只在表单中")
        }
    }

    /// A save refused because the case changed on disk since the form read it: say who changed what,
    /// keep the draft, and offer to merge or to keep this version as a copy.
    func offerConflictResolution(_ fields: [String]) {
        guard let form = state.form else { return }
        keepDraft()
        var who = "他人", what = fields
        if let theirs = try? workspace.store.load(form.id).value {
            let base = form.stored.value
            let users = theirs.journal.dropFirst(base.journal.count).map(\.user)
            if !users.isEmpty { who = users.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }.joined(separator: "、") }
            what = CaseDifference.changes(from: base, to: theirs)
        }
        state.menu = Menu(title: "\(form.id) 已被\(who)修改：\(what.joined(separator: "、"))", items: [
            Menu.Item(label: "合并：把我的修改放到对方的版本上", command: .resolveConflict(.merge)),
            Menu.Item(label: "把我的版本另存为副本，载入对方的版本", command: .resolveConflict(.copyAndReload)),
            Menu.Item(label: "继续编辑，暂不保存", command: .keepEditing),
        ])
        state.message = "未保存：打开后此案件已被\(who)修改，你的文字仍在表单中"
    }

    /// Loads the case as it is now and puts the form's changes onto it, for the user to check and save.
    func mergeOntoTheirs() {
        guard let form = state.form else { return }
        let theirs: StoredCase
        do {
            theirs = try workspace.store.load(form.id)
        } catch {
            state.message = "无法载入对方的版本：\(error)"
            return
        }
        state.update(theirs.value)
        let merge = ReplyMerge(base: form.stored.value, mine: form.edited, onto: theirs.value)
        var merged = ReplyForm(stored: theirs, draft: merge.value)
        if form.focus < merged.fields.count && !merged.isHidden(form.focus) { merged.focus = form.focus }
        state.form = merged
        keepDraft()
        state.message = merge.bothChanged.isEmpty ? "已把你的修改放到对方的版本上，核对后按 Ctrl-S 保存"
            : "已合并；\(merge.bothChanged.joined(separator: "、"))两边都改过，表单中是你的文字，保存即替换对方的"
    }

    /// Keeps the form's version as a conflict copy and loads the case as it is now.
    func copyMineAndLoadTheirs() {
        guard let form = state.form else { return }
        let copy: String
        do {
            copy = try workspace.store.saveConflictCopy(form.edited, base: form.stored.revision, user: workspace.user,
                                                        time: workspace.clock.timestamp())
        } catch {
            state.message = "无法另存副本（\(AppRunner.reason(error))），你的文字仍在表单中"
            return
        }
        let shown = copy.hasPrefix(workspace.store.directory + "/") ? String(copy.dropFirst(workspace.store.directory.count + 1)) : copy
        do {
            let theirs = try workspace.store.load(form.id)
            state.update(theirs.value)
            state.form = ReplyForm(stored: theirs, draft: startingDraft(theirs))
        } catch {
            state.message = "你的版本已另存为 \(shown)；无法载入对方的版本：\(error)"
            return
        }
        workspace.store.discardRecovery(for: form.id, user: workspace.user)
        autosaved = nil
        state.message = "你的版本已另存为 \(shown)；表单中是对方的版本"
    }

    func closeForm() {
        guard let form = state.form else { return }
        state.form = nil
        state.recovered = nil
        autosaved = nil
        workspace.store.endEditing(form.id, user: workspace.user)
        if state.detail?.id == form.id, let text = try? report(of: form.id) {
            state.detail = AppState.PagerState(id: form.id, text: text)
        }
    }

    /// Writes the form's draft to its recovery file now, whatever was written before (after a refused
    /// save the file may have been removed meanwhile). Returns why it could not be written, if so;
    /// autosave then does not try the same draft again at once (its message would replace this one's).
    @discardableResult
    func keepDraft() -> StoreError? {
        guard let form = state.form else { return nil }
        autosaved = (form.edited, ContinuousClock.now)
        do {
            try workspace.store.writeRecovery(form.edited, base: form.stored.revision, time: workspace.clock.timestamp(),
                                              user: workspace.user)
            return nil
        } catch {
            return error
        }
    }

    /// Why a store operation failed, short enough for the status line (the file is named beside it).
    static func reason(_ error: StoreError) -> String {
        if case .io(_, _, let code) = error { return StoreError.reason(code) }
        return error.description
    }

    /// Writes the form's draft to its recovery file when it has changed since the last write and
    /// either the user paused (`force`) or the interval has passed.
    func autosave(force: Bool) {
        guard let form = state.form, form.isModified, state.recovered == nil else { return }
        let now = ContinuousClock.now
        // The time is checked first: building the case from the fields costs as much as the reply is long.
        if let last = autosaved, !force && now - last.at < workspace.autosaveInterval { return }
        let value = form.edited
        if let last = autosaved, last.value == value { return }
        do {
            try workspace.store.writeRecovery(value, base: form.stored.revision, time: workspace.clock.timestamp(), user: workspace.user)
            autosaved = (value, now)
        } catch {
            autosaved = (value, now)
            state.message = "无法写入恢复文件（\(AppRunner.reason(error))），文字只在表单中"
        }
    }

    func editExternally() {
        guard let form = state.form else { return }
        let editor = ExternalEditor(environment: workspace.environment)
        var outcome: Result<ExternalEditor.Outcome, ExternalEditor.Failure> = .success(.unchanged)
        terminal.suspend {
            outcome = Result { () throws(ExternalEditor.Failure) in try editor.edit(form.focused.editor.text) }
        }
        switch outcome {
        case .success(.edited(let text)):
            state.form?.edit { $0.replaceAll(with: text) }
            state.message = "已从外部编辑器取回\(form.focused.role.label)"
        case .success(.unchanged): state.message = "外部编辑器中未作修改"
        case .success(.emptied): state.message = "外部编辑器中的文字为空，视为取消，本项未修改"
        case .failure(let failure): state.message = failure.description
        }
    }
}
