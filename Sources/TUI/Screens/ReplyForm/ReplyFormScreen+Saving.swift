import Model

/// The reply form's life with the store: opening (with a recovered draft and who else is editing),
/// saving, a save refused because someone else saved (merge, or keep a copy), a disk that refuses
/// it, autosave to the recovery file, leaving, and a session ending with unsaved text. The runner
/// reads and writes; every decision about what the user sees is made here.
extension ReplyFormScreen {
    public mutating func appear(_ u: inout Update) {
        placement = u.settings.proposalPlacement
        u.run(.openReply(id))
    }

    public mutating func receive(_ result: EffectResult, _ u: inout Update) {
        switch result {
        case .replyOpened(let opening): opened(opening, &u)
        case .replySaved(let saved): savedReply(saved, &u)
        case .replyRefused(let theirs, let fields, let draftProblem): refused(theirs, fields, draftProblem, &u)
        case .replyNotSaved(let error, let draftProblem):
            keptDraft(u)
            u.say("未能保存 \(id.fileName)：\(ReplyFormScreen.reason(error))。"
                  + (draftProblem.map { "恢复文件也无法写入 \(WriteRemedy.failedWrite($0, shown: u.environment.shown))，文字只在表单中" } ?? "文字仍在表单中，草稿已存入恢复文件"))
        case .draftNotWritten(let error): u.say("无法写入恢复文件 \(WriteRemedy.failedWrite(error, shown: u.environment.shown))，文字只在表单中")
        case .caseLoaded(let theirs): loadedTheirs(theirs, &u)
        case .conflictCopySaved(let path):
            pending = .reloadAfterCopy(u.environment.shown(path))
            u.run(.loadCase(id))
        case .failed(let error): failed(error, &u)
        case .externallyEdited(let outcome): externallyEdited(outcome, &u)
        default: break
        }
    }

    /// Another step saved this case while the form is open (an outcome from the form): the next save
    /// replaces that version, keeping every edit.
    public mutating func observe(_ change: Change, _ u: inout Update) {
        guard case .caseSaved(let saved) = change, saved.value.id == id, let stored = form?.stored,
              saved.revision != stored.revision else { return }
        form!.rebase(on: saved)
    }

    // MARK: Opening

    private mutating func opened(_ opening: ReplyOpening, _ u: inout Update) {
        let stored = opening.stored
        let draft = ReplyFormScreen.startingDraft(stored, u)
        form = ReplyForm(stored: stored, draft: draft)
        autosaved = nil
        if stored.value.reply.isEmpty { u.say("新答复已按模板生成称呼、开头、结尾和落款") }
        switch opening.recovery {
        case nil: break
        case .failure(let problem):
            close(&u)
            u.say("恢复文件无法读取，请先处理：\(problem)")
            return
        case .success(let found) where found.value.reply == draft.reply && found.value.disclosure == draft.disclosure:
            u.run(.discardDraft(id))
        case .success(let found) where readOnly(u.configuration) != nil:
            // Signed since the draft was begun: the draft is not applied, and not lost either.
            u.say("发现 \(TimeText.moment(found.time, today: u.today)) 未保存的草稿，未恢复：\(readOnly(u.configuration)!)；"
                  + "草稿仍在恢复文件 \(u.environment.shown(found.path)) 中，撤回后再打开答复即可恢复")
        case .success(let found):
            recovered = found
            offerRecovery(&u)
        }
        // A second reply (the first superseded by 不满意 or a reopening, nothing written since) may
        // start from a copy of the first.
        if recovered == nil, readOnly(u.configuration) == nil, let earlier = stored.value.previousReplies.last,
           stored.value.supersededReplyCopy != nil {
            let why = (earlier.supersededBy.isEmpty ? "" : "因" + earlier.supersededBy) + (earlier.date.map { "（\($0)）" } ?? "")
            u.open(MenuLayer(title: "上一份答复\(why)已作废。新答复：", items: [
                MenuLayer.Item("复制上一份答复修改（日期、文号清空）", Choice.copyPreviousReply),
                MenuLayer.Item("按模板重新起草", Choice.startFromTemplate),
            ]))
        }
        let notes = ReplyFormScreen.editingNotes(opening.editing, today: u.today, shown: u.environment.shown)
        if !notes.isEmpty { u.say(notes.joined(separator: "；")) }
    }

    /// The case as the form first shows it: a reply not yet begun comes from the template.
    static func startingDraft(_ stored: StoredCase, _ u: Update) -> Case {
        var draft = stored.value
        if draft.reply.isEmpty { draft.reply = Reply.started(for: draft, configuration: u.configuration, today: u.today) }
        if draft.disclosure == nil { draft.disclosure = Disclosure(category: u.configuration.disclosure.defaultOption) }
        return draft
    }

    /// Asks what to do with the draft found in the recovery file.
    mutating func offerRecovery(_ u: inout Update) {
        guard let recovered else { return }
        u.open(MenuLayer(title: "发现 \(TimeText.moment(recovered.time, today: u.today)) 未保存的草稿", items: [
            MenuLayer.Item("恢复草稿", Choice.restoreDraft),
            MenuLayer.Item("丢弃草稿，打开已保存的答复（先确认）", Choice.discardDraft),
        ], purpose: Choice.recoveryMenu))
    }

    /// Puts the found draft in the form, against the version it was begun from: when the file has
    /// changed since, saving is refused as for a form left open over the change, and 合并 keeps both.
    mutating func restoreDraft(_ u: inout Update) {
        guard let draft = recovered, let stored = form?.stored else { return }
        // An older recovery file lacks the case it was begun from: the file as it is now stands in,
        // so saving still stops at the dialog, though 合并 then cannot tell which side changed what.
        let base = draft.base == stored.revision ? stored
            : StoredCase(value: draft.begunFrom ?? stored.value, revision: draft.base, path: stored.path)
        form = ReplyForm(stored: base, draft: draft.value, recovered: true)
        recovered = nil
        let time = TimeText.moment(draft.time, today: u.today)
        u.say(draft.base == stored.revision ? "已恢复 \(time) 的草稿，尚未保存"
              : "已恢复 \(time) 的草稿；草稿开始后 \(FileSystem.baseName(of: stored.path)) 已被修改，保存时可以合并")
    }

    /// What the user should know on opening a case: who else is editing it, that the case cannot be
    /// saved (a read-only file, a store that cannot be written) or else that only the editing mark
    /// could not be written (others are then not told), marks of editors who are gone. Paths are
    /// written by `shown`.
    static func editingNotes(_ check: EditingCheck, today: LocalDate, shown: (String) -> String) -> [String] {
        var notes: [String] = []
        if !check.others.isEmpty { notes.append(check.others.map { $0.summary(today: today) }.joined(separator: "、") + "正在编辑此案件") }
        switch (check.unsavable, check.unmarked) {
        case (.readOnlyFile(let file)?, _): notes.append("\(FileSystem.baseName(of: file.path)) \(file.reason)，可以编辑，但无法保存")
        case (let problem?, _): notes.append("案件库无法写入（\(reason(problem))），可以编辑，但可能无法保存")
        case (nil, let problem?): notes.append("无法写入编辑标记 \(WriteRemedy.failedWrite(problem, shown: shown))，他人打开此案件时不会得知你在编辑")
        case (nil, nil): break
        }
        if !check.cleared.isEmpty {
            notes.append("已清除过期的编辑标记：" + check.cleared.map { $0.summary(today: today) }.joined(separator: "、"))
        }
        return notes
    }

    // MARK: Saving

    /// Said when a form's text cannot be saved over a reply signed meanwhile: it went to the recovery file.
    private static func keptNotSaved(_ lock: String) -> String { "未保存：\(lock)；你的文字已存入恢复文件" }

    mutating func save(leave: Bool, _ u: inout Update) {
        guard let form else { return }
        if let lock = readOnly(u.configuration) {
            // Only a form rebased on a version signed meanwhile has changes here; they go to the recovery file.
            guard form.isModified else { u.say(lock); return }
            keptDraft(u)
            u.run(.writeDraft(form.edited, base: form.stored.revision, begunFrom: form.stored.value))
            u.say(Self.keptNotSaved(lock))
            return
        }
        if let problem = form.problems.first {
            // The caret goes to the part to put right.
            if let i = form.fields.firstIndex(where: { $0.role == problem.role }) { self.form?.focus = i }
            u.say("未保存：\(problem.message)")
            return
        }
        let handling = CaseHandling(configuration: u.configuration, user: u.environment.user, clock: u.environment.clock)
        let value: Case
        do {
            value = try handling.recordEdit(from: form.stored.value, to: form.edited)?.value ?? form.edited
        } catch {
            u.say("未保存：\(error)")
            return
        }
        leaveAfterSave = leave
        u.run(.saveReply(value, base: form.stored.revision, begunFrom: form.stored.value))
    }

    private mutating func savedReply(_ saved: StoredCase, _ u: inout Update) {
        form?.markSaved(saved)
        u.run(.discardDraft(id))
        autosaved = nil
        u.say((["已保存 \(id)（答复\(form?.characterCount ?? 0)字）"] + saved.saveNotes).joined(separator: "；"))
        if leaveAfterSave { close(&u) }
        leaveAfterSave = false
    }

    /// Someone else saved the case since the form read it: say who changed what, and offer to merge
    /// or to keep this version as a copy. The text stays in the form, and in the recovery file.
    private mutating func refused(_ theirs: Result<StoredCase, StoreError>, _ fields: [String], _ draftProblem: StoreError?,
                                  _ u: inout Update) {
        guard let form else { return }
        keptDraft(u)
        leaveAfterSave = false
        var who = "他人", what = fields
        if case .success(let theirs) = theirs {
            let users = theirs.value.journal.dropFirst(form.stored.value.journal.count).map(\.user)
            if !users.isEmpty { who = users.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }.joined(separator: "、") }
            what = CaseDifference.changes(from: form.stored.value, to: theirs.value)
        }
        u.open(MenuLayer(title: "\(id) 已被\(who)修改：\(what.joined(separator: "、"))", items: [
            MenuLayer.Item("继续编辑，暂不保存", Choice.keepEditing),
            MenuLayer.Item("合并：把我的修改放到对方的版本上", Choice.merge),
            MenuLayer.Item("把我的版本另存为副本，载入对方的版本", Choice.copyAndReload),
        ]))
        u.say("未保存：打开后此案件已被\(who)修改，你的文字仍在表单中" + (draftProblem.map { "；恢复文件无法写入 \(WriteRemedy.failedWrite($0, shown: u.environment.shown))" } ?? ""))
    }

    /// The case as it is now arrived: merge the form's changes onto it, or show it after keeping a copy.
    private mutating func loadedTheirs(_ theirs: StoredCase, _ u: inout Update) {
        guard let form else { return }
        let task = pending
        pending = nil
        switch task {
        case .merge:
            let merge = ReplyMerge(base: form.stored.value, mine: form.edited, onto: theirs.value)
            var merged = ReplyForm(stored: theirs, draft: merge.value, recovered: true)
            if form.focus < merged.fields.count && !merged.isHidden(form.focus) { merged.focus = form.focus }
            self.form = merged
            autosaved = (merged.edited, u.now)
            u.run(.writeDraft(merged.edited, base: theirs.revision, begunFrom: theirs.value))
            // Theirs was signed meanwhile: the merged text is shown, and kept, but cannot be saved over it.
            if let lock = readOnly(u.configuration) {
                u.say(Self.keptNotSaved(lock))
                return
            }
            u.say(merge.bothChanged.isEmpty ? "已把你的修改放到对方的版本上，核对后按 \(u.key(.save, in: keyContext)) 保存"
                  : "已合并；\(merge.bothChanged.joined(separator: "、"))两边都改过，表单中是你的文字，保存即替换对方的")
        case .reloadAfterCopy(let copy):
            self.form = ReplyForm(stored: theirs, draft: ReplyFormScreen.startingDraft(theirs, u))
            autosaved = nil
            u.run(.discardDraft(id))
            u.say("你的版本已另存为 \(copy)；表单中是对方的版本")
        default: break
        }
    }

    private mutating func failed(_ error: StoreError, _ u: inout Update) {
        let task = pending
        pending = nil
        switch task {
        case .merge: u.say("无法载入对方的版本：\(error)")
        case .copy: u.say("无法另存副本（\(ReplyFormScreen.reason(error))），你的文字仍在表单中")
        case .reloadAfterCopy(let copy): u.say("你的版本已另存为 \(copy)；无法载入对方的版本：\(error)")
        case nil:
            // Opening failed: nothing to edit.
            close(&u)
            u.say("\(error)")
        }
    }

    /// The effect that refused a save also wrote the draft: autosave need not write it again at once.
    private mutating func keptDraft(_ u: Update) {
        if let form { autosaved = (form.edited, u.now) }
    }

    /// Why a store operation failed, short enough for the status line (the file is named beside it).
    static func reason(_ error: StoreError) -> String {
        switch error {
        case .io(_, _, let code): return StoreError.reason(code)
        case .readOnlyFile(let file): return file.reason
        default: return error.description
        }
    }

    // MARK: Autosave, leaving, ending

    /// Writes the draft to the recovery file when it has changed since the last write and either the
    /// user paused (`idle`) or the interval has passed. Never while a found draft awaits an answer.
    public mutating func tick(idle: Bool, _ u: inout Update) {
        guard let form, form.isModified, recovered == nil else { return }
        // The time is checked first: building the case from the fields costs as much as the reply is long.
        if let last = autosaved, !idle && u.now - last.at < u.environment.autosaveInterval { return }
        let value = form.edited
        if let last = autosaved, last.value == value { return }
        autosaved = (value, u.now)
        u.run(.writeDraft(value, base: form.stored.revision, begunFrom: form.stored.value))
    }

    /// Esc: leave at once when nothing changed, else ask (continuing to edit is the default).
    mutating func leave(_ u: inout Update) {
        guard form?.isModified == true else { close(&u); return }
        u.open(MenuLayer(title: "答复有未保存的修改", items: [
            MenuLayer.Item("继续编辑", Choice.keepEditing),
            MenuLayer.Item("保存并离开", Choice.saveAndLeave),
            MenuLayer.Item("放弃修改并离开（先确认）", Choice.discardAndLeave),
        ]))
    }

    /// Closes the form and removes this user's editing mark.
    mutating func close(_ u: inout Update) {
        u.run(.endEditing(id))
        u.close()
    }

    /// The session ends without the user leaving (hang-up, SIGTERM, end of input): the text goes to
    /// the recovery file — unless a found draft still awaits an answer — and the mark is removed.
    public mutating func end(_ u: inout Update) {
        if let form, form.isModified, recovered == nil { u.run(.writeDraft(form.edited, base: form.stored.revision, begunFrom: form.stored.value)) }
        if form != nil { u.run(.endEditing(id)) }
    }

    // MARK: The external editor

    private mutating func externallyEdited(_ outcome: Result<ExternalEditor.Outcome, ExternalEditor.Failure>, _ u: inout Update) {
        guard let role = form?.focused.role else { return }
        switch outcome {
        case .success(.edited) where readOnly(u.configuration) != nil: u.say(readOnly(u.configuration)!)
        case .success(.edited(let text)):
            form!.edit { $0.replaceAll(with: text) }
            u.say("已从外部编辑器取回\(role.label)")
        case .success(.unchanged): u.say("外部编辑器中未作修改")
        case .success(.emptied): u.say("外部编辑器中的文字为空，视为取消，本项未修改")
        case .failure(let failure): u.say(failure.description)
        }
    }
}
