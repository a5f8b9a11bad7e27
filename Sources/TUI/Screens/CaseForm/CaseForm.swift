import Model

/// The fields of the new-case and edit forms: one editor per field of `CaseFields`, what each takes
/// (a line, paragraphs, one of a few words, or nothing: shown only), the focused one, and the fields
/// as text for `CaseFields`' one rule. What keys do is `CaseFormScreen`'s; where rows go, `CaseFormLayout`'s.
struct CaseForm: Sendable {
    /// What a field takes.
    enum Input: Sendable, Equatable {
        case line
        case paragraphs
        /// One of these words, switched by ←/→ or Space or chosen from a menu.
        case choice([String])
        /// Shown, not edited: the kind, meeting and number of a case in the store name its file.
        case fixed

        /// Whether characters type into the field (a line or paragraphs).
        var takesText: Bool { self == .line || self == .paragraphs }
    }

    struct Field: Sendable {
        let field: CaseField
        let input: Input
        var editor: TextEditor
    }

    /// The case being edited as it was read (its revision goes with the save); nil for a new case.
    private(set) var stored: StoredCase?
    private(set) var fields: [Field]
    private(set) var focus = 0
    /// The fields as first shown (or as the case now in the store has them, after a merge): what
    /// `isModified` and a merge compare with.
    private(set) var original: CaseFields
    /// Fields the user has been in or typed into: their problems are shown (all of them after a save was tried).
    private(set) var visited: Set<CaseField> = []
    var saveTried = false

    static let kinds = CaseKind.allCases.map(\.rawValue)
    static let yesNo = ["否", "是"]
    static let roles = HandlingRole.allCases.map(\.rawValue)

    /// A new case: 交办日期 today, 承办人 the user, the rest empty (主办, not 重点).
    init(today: LocalDate, user: String) {
        var values = CaseFields()
        values.kind = Self.kinds[0]
        values.isKey = Self.yesNo[0]
        values.role = HandlingRole.lead.rawValue
        values.assignedOn = today.description
        values.handler = user
        original = values
        let layout: [(CaseField, Input)] = [
            (.kind, .choice(Self.kinds)), (.meeting, .line), (.number, .line), (.title, .line), (.leadProposer, .line),
            (.jointSigners, .line), (.topic, .line), (.isKey, .choice(Self.yesNo)), (.role, .choice(Self.roles)), (.leadUnit, .line),
            (.otherUnits, .line), (.assignedOn, .line), (.handler, .line), (.text, .paragraphs),
        ]
        fields = layout.map { Field(field: $0.0, input: $0.1, editor: Self.editor(values[keyPath: CaseFields.path($0.0)])) }
        focus = 0
    }

    /// A case in the store: its own fields, the ID's parts shown only.
    init(editing stored: StoredCase) {
        self.stored = stored
        let values = CaseFields(stored.value)
        original = values
        let layout: [(CaseField, Input)] = [
            (.kind, .fixed), (.meeting, .fixed), (.number, .fixed), (.title, .line), (.leadProposer, .line), (.jointSigners, .line),
            (.topic, .line), (.isKey, .choice(Self.yesNo)), (.role, .choice(Self.roles)), (.leadUnit, .line), (.otherUnits, .line),
            (.assignedOn, .line), (.deadline, .line), (.deadlineNote, .line), (.handler, .line), (.text, .paragraphs),
        ]
        fields = layout.map { Field(field: $0.0, input: $0.1, editor: Self.editor(values[keyPath: CaseFields.path($0.0)])) }
        focus = fields.firstIndex { $0.input != .fixed } ?? 0
    }

    /// An editor holding `text`, the caret at its end: a field filled in is added to or replaced
    /// (Ctrl-U) from there.
    static func editor(_ text: String) -> TextEditor {
        var editor = TextEditor(text: text)
        editor.moveCaret(to: editor.characters.count)
        return editor
    }

    var isNew: Bool { stored == nil }
    var focused: Field { fields[focus] }

    /// The fields as typed.
    var values: CaseFields {
        var values = original
        for field in fields { values[keyPath: CaseFields.path(field.field)] = field.editor.text }
        return values
    }

    var isModified: Bool { values != original }

    /// The fields as typed make the case as it is (a deadline cleared is the configured one it had):
    /// they stand as the original now, so the title, Esc and Ctrl-S agree that nothing is unsaved.
    mutating func acceptUnchanged() { original = values }

    /// The case the fields make, checked by `CaseFields`' rule: a new one (`validated`) or the
    /// stored one changed (`edited`).
    func checked(configuration: Configuration, today: LocalDate, user: String, time: String) -> Result<Case, FieldProblems> {
        Result { () throws(FieldProblems) -> Case in
            if let stored { return try values.edited(stored.value, configuration: configuration, today: today) }
            return try values.validated(configuration: configuration, today: today, user: user, time: time)
        }
    }

    /// 主办单位 is asked for when the case is 会办 (or already has one).
    func isHidden(_ i: Int) -> Bool {
        fields[i].field == .leadUnit && fields[i].editor.isEmpty && text(.role) != HandlingRole.coHandler.rawValue
    }

    func text(_ field: CaseField) -> String { fields.first { $0.field == field }?.editor.text ?? "" }

    /// Whether a field's problem is shown yet.
    func showsProblem(of field: CaseField) -> Bool { saveTried || visited.contains(field) }

    /// Moves the focus `step` fields on (wrapping), past hidden and fixed ones.
    mutating func moveFocus(by step: Int) {
        visited.insert(focused.field)
        var i = focus
        repeat {
            i = (i + step + fields.count) % fields.count
        } while (isHidden(i) || fields[i].input == .fixed) && i != focus
        focus = i
    }

    /// Puts the focus on `field` (a save refused for its problem).
    mutating func focus(on field: CaseField) {
        if let i = fields.firstIndex(where: { $0.field == field }), fields[i].input != .fixed { focus = i }
    }

    /// Changes the focused field's text.
    mutating func edit(_ change: (inout TextEditor) -> Void) {
        visited.insert(focused.field)
        change(&fields[focus].editor)
    }

    /// On a choice, the word `step` places on (wrapping); false elsewhere.
    mutating func cycleChoice(by step: Int) -> Bool {
        guard case .choice(let words) = focused.input else { return false }
        let current = words.firstIndex(of: focused.editor.text) ?? (step > 0 ? -1 : 0)
        choose(words[(current + step + words.count) % words.count])
        return true
    }

    /// Sets the focused choice to `word`.
    mutating func choose(_ word: String) {
        edit { $0.replaceAll(with: word) }
    }

    /// The case was saved by someone else meanwhile: the form now stands on their version. A field
    /// this form did not change takes their value; one it changed keeps the form's text.
    mutating func rebase(on theirs: StoredCase) {
        let now = CaseFields(theirs.value)
        for i in fields.indices {
            let path = CaseFields.path(fields[i].field)
            if fields[i].editor.text == original[keyPath: path] { fields[i].editor.replaceAll(with: now[keyPath: path]) }
        }
        original = now
        stored = theirs
    }
}
