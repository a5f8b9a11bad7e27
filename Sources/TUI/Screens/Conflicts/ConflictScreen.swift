import Model

/// 解决冲突: the conflicts a merge of two copies of the store recorded in one case (`FieldConflict`),
/// one at a time — the field, the version this copy kept （本方） and the other copy's （对方）, each
/// under who wrote it, side by side from 80 columns and one above the other below that — with keys to
/// keep mine, take theirs, or write a text from both in the editor (prefilled with both versions,
/// mine first), and to go to the next or previous conflict. Each resolution is a handling step
/// (`CaseHandling.resolve`): saved over the revision read, journalled, undone with the undo key.
/// The screen closes once the case has none left.
public struct ConflictScreen: Screen, HandlesCases {
    public let id: CaseID
    /// The case as last read or saved; nil until it is read.
    public private(set) var stored: StoredCase?
    /// The conflict shown, an index into the case's `conflicts`.
    public private(set) var index = 0
    /// The text being written from both versions; nil while the two versions are shown.
    public private(set) var editor: TextEditor?
    /// The first line shown of the versions (or of the text being written).
    var top = 0
    /// The lines shown, and the body's size, as `arrange` last laid them out.
    var lines: [ConflictLine] = []
    var size = Size(width: 80, height: 24)

    public init(_ id: CaseID) { self.id = id }

    /// Opens the screen on case `id` from the list, the due list or the detail; refused with one
    /// line when the list knows the case has no conflict.
    static func open(_ id: CaseID, _ u: inout Update) {
        if u.cases.summary(of: id)?.conflictCount == 0 { return u.say("\(id)：没有待解决的冲突") }
        u.open(ConflictScreen(id))
    }

    public var keyContext: KeyContext { editor == nil ? .conflict : .conflictEdit }

    /// The conflict shown, if the case is read and has one.
    public var conflict: FieldConflict? {
        guard let conflicts = stored?.value.openConflicts, conflicts.indices.contains(index) else { return nil }
        return conflicts[index]
    }

    public func handlingTargets(_ cases: CaseCollection) -> (ids: [CaseID], marked: Bool) { ([id], false) }

    public mutating func appear(_ u: inout Update) { u.run(.loadCase(id)) }

    public mutating func update(_ action: Action, _ u: inout Update) {
        if var editor {
            switch action {
            case .save: resolve(.text(editor.text), &u)
            // Text the user wrote is dropped only when they say so.
            case .back where editor.isModified: u.open(ConfirmationLayer("放弃改写的文字？", purpose: DiscardEdit()))
            case .back:
                self.editor = nil
                top = 0
            default:
                _ = editor.apply(action, width: size.width, height: max(1, size.bodyHeight - 1))
                self.editor = editor
            }
            return
        }
        switch action {
        case .keepMine: resolve(.mine, &u)
        case .takeTheirs: resolve(.theirs, &u)
        case .editConflict:
            guard let conflict else { return }
            editor = TextEditor(text: [conflict.mine, conflict.theirs].filter { !$0.isEmpty }.joined(separator: "\n"))
            top = 0
        case .nextField, .previousField:
            guard let count = stored?.value.conflicts.count, count > 1 else { return u.say("本案件只有这一个冲突") }
            index = (index + (action == .nextField ? 1 : count - 1)) % count
            top = 0
        case .moveDown, .moveUp, .pageDown, .pageUp, .first, .last:
            top = Scrolling.offset(after: action, from: top, page: size.bodyHeight - 1, count: lines.count) ?? top
        case .back: u.close()
        default: break
        }
    }

    /// The purpose of the question before dropping a text being written.
    private struct DiscardEdit: Sendable {}

    public mutating func resume(_ answer: LayerAnswer, _ u: inout Update) {
        if case .confirmed(is DiscardEdit) = answer {
            editor = nil
            top = 0
        }
    }

    public mutating func type(_ key: Key, _ u: inout Update) -> Bool {
        guard editor != nil, case .character(let c) = key else { return false }
        editor?.type(c)
        return true
    }

    public mutating func paste(_ text: String, _ u: inout Update) -> Bool {
        guard editor != nil else { return false }
        editor?.paste(text)
        return true
    }

    /// Works the resolution out as `banli resolve` does and saves it; a refusal (a text the field
    /// cannot hold) is said and the editor stays open.
    private mutating func resolve(_ choice: ConflictChoice, _ u: inout Update) {
        guard let stored, let conflict else { return }
        let handling = CaseHandling(configuration: u.configuration, user: u.environment.user, clock: u.environment.clock)
        do {
            let done = try handling.resolve(stored.value, field: conflict.field, choosing: choice)
            u.run(.saveHandled([done], bases: [stored.revision]))
        } catch {
            u.say("\(id)：\(error)")
        }
    }

    public mutating func receive(_ result: EffectResult, _ u: inout Update) {
        switch result {
        case .caseLoaded(let stored): show(stored, &u)
        case .failed(let error):
            u.close()
            u.say("\(error)")
        default: break
        }
    }

    public mutating func observe(_ change: Change, _ u: inout Update) {
        switch change {
        case .caseSaved(let saved) where saved.value.id == id, .caseChanged(let saved) where saved.value.id == id: show(saved, &u)
        case .caseRemoved(let removed) where removed == id: u.close()
        default: break
        }
    }

    /// Shows the case as read or saved: the same place in its conflicts, the editor closed (a
    /// resolution was saved, or someone else changed the case); closes when none is left.
    private mutating func show(_ stored: StoredCase, _ u: inout Update) {
        let first = self.stored == nil
        self.stored = stored
        editor = nil
        top = 0
        guard !stored.value.conflicts.isEmpty else {
            if first { u.say("\(id)：没有待解决的冲突") }
            return u.close()
        }
        index = min(index, stored.value.conflicts.count - 1)
    }

    public func title(_ context: RenderContext) -> TitleBar? {
        let count = stored?.value.conflicts.count ?? 0
        return TitleBar("\(id) 解决冲突" + (count > 0 ? " \(index + 1)/\(count)" : ""), right: conflict?.field ?? "")
    }

    public func hints(_ context: RenderContext) -> [Action] {
        editor == nil ? [.keepMine, .takeTheirs, .editConflict, .nextField, .back, .help] : [.save, .back, .help]
    }

    public func helpNotes(_ keymap: Keymap) -> [String] {
        ["同步时两人把同一字段改得不同：案件中保留本方的版本，对方的版本记在这里。选定一个版本，或把两者改写成一段文字；" +
         "解决后记入日志，可按 \(keymap.label(.undoChange, in: .detail)) 撤销。"]
    }
}
