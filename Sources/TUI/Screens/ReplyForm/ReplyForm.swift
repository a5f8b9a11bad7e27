import Model

/// A reply being drafted: one editor per part of the reply, in document order. Body sections are
/// pairs of fields (heading, text) whose numerals follow from their place, so adding, deleting or
/// moving a section renumbers everything after it.
public struct ReplyForm: Sendable {
    public enum Role: Hashable, Sendable {
        case disclosure, disclosureReason, documentNumber, date, salutation, opening
        case heading(Int), body(Int)
        case closing, signature, contactPerson, contactPhone, contactAddress, postcode, copyTo

        /// The label shown beside or above the field.
        public var label: String {
            switch self {
            case .disclosure: return "公开属性"
            case .disclosureReason: return "不公开理由"
            case .documentNumber: return "文号"
            case .date: return "日期"
            case .salutation: return "称呼"
            case .opening: return "开头"
            case .heading(let i): return "\(ChineseNumeral.string(i + 1))、"
            case .body(let i): return "\(ChineseNumeral.string(i + 1))、正文"
            case .closing: return "结尾"
            case .signature: return "落款"
            case .contactPerson: return "联系人"
            case .contactPhone: return "联系电话"
            case .contactAddress: return "联系地址"
            case .postcode: return "邮政编码"
            case .copyTo: return "抄送"
            }
        }

        /// The disclosure category is chosen from the configured options, never typed: text in it
        /// would make a case file the loader refuses.
        public var takesText: Bool { self != .disclosure }

        /// Paragraph fields take Enter as a new paragraph; the others move to the next field.
        public var isMultiline: Bool {
            switch self {
            case .opening, .body, .closing: return true
            default: return false
            }
        }

        var section: Int? {
            switch self {
            case .heading(let i), .body(let i): return i
            default: return nil
            }
        }
    }

    public struct Field: Sendable {
        public var role: Role
        public var editor: TextEditor
        /// Names the field for the form's undo history, whatever its place after sections move.
        let id: Int
        /// The text as the form opened it, before the editor cleaned it: what is saved while the
        /// field is unchanged, so an untouched part is never rewritten (a final line break a YAML
        /// `|` block keeps is not shown as an empty paragraph, nor dropped from the file).
        var original: String

        /// The text's visual lines at a width, kept while the text is unchanged: a keystroke re-wraps
        /// only the field it changes, however long the rest of the reply.
        var wrapped: (width: Int, revision: Int, lines: [Substring])?

        init(role: Role, text: String, id: Int) {
            self.role = role
            var shown = Substring(text)
            while shown.last == "\n" || shown.last == "\r" { shown = shown.dropLast() }
            editor = TextEditor(text: String(shown))
            original = text
            self.id = id
        }

        /// The field's text as it is to be saved.
        var text: String { editor.isModified ? editor.text : original }

        mutating func wrap(to width: Int) -> [Substring] {
            if let wrapped, wrapped.width == width, wrapped.revision == editor.revision { return wrapped.lines }
            let lines = editor.layout(width: width).lines
            wrapped = (width, editor.revision, lines)
            return lines
        }
    }

    /// The case as last read from or written to the store; saving replaces exactly this revision.
    public private(set) var stored: StoredCase
    public internal(set) var fields: [Field]
    public var focus = 0
    /// Changes no editor records: a section added, deleted or moved, or a recovered draft opened over
    /// the stored reply.
    var restructured = false
    /// The form's undo and redo steps, across fields and section changes (`ReplyForm+History`).
    var history = FormHistory()
    private var nextFieldID = 0

    /// Opens `stored` for editing; the reply and disclosure of `draft` replace the stored ones. A
    /// draft that is `recovered` (unsaved work from the recovery file) counts as a change; one
    /// started from the template does not, so leaving a new reply untouched asks nothing.
    public init(stored: StoredCase, draft: Case? = nil, recovered: Bool = false) {
        self.stored = stored
        let source = draft ?? stored.value
        fields = []
        fields = makeFields(for: source.reply, disclosure: source.disclosure)
        if recovered, let draft, draft.reply != stored.value.reply || draft.disclosure != stored.value.disclosure { restructured = true }
        // Start where writing is needed: the first empty part of the letter, else the opening.
        let written: (Role) -> Bool = { [.salutation, .opening, .closing].contains($0) || $0.section != nil }
        focus = fields.firstIndex { written($0.role) && $0.editor.text.isBlank } ?? fields.firstIndex { $0.role == .opening } ?? 0
    }

    private mutating func makeFields(for r: Reply, disclosure: Disclosure?) -> [Field] {
        var fields: [(Role, String)] = [(.disclosure, disclosure?.category ?? ""), (.disclosureReason, disclosure?.reason ?? ""),
                                        (.documentNumber, r.documentNumber), (.date, r.date?.description ?? ""),
                                        (.salutation, r.salutation), (.opening, r.opening)]
        for (i, s) in r.sections.enumerated() { fields += [(.heading(i), s.heading), (.body(i), s.text)] }
        fields += [(.closing, r.closing), (.signature, r.signature), (.contactPerson, r.contactPerson),
                   (.contactPhone, r.contactPhone), (.contactAddress, r.contactAddress), (.postcode, r.postcode),
                   (.copyTo, r.copyTo.joined(separator: "、"))]
        return fields.map { makeField($0.0, $0.1) }
    }

    private mutating func makeField(_ role: Role, _ text: String) -> Field {
        nextFieldID += 1
        return Field(role: role, text: text, id: nextFieldID)
    }

    public var id: CaseID { stored.value.id }

    public var focused: Field { fields[focus] }

    mutating func wrapField(_ i: Int, to width: Int) -> [Substring] { fields[i].wrap(to: width) }

    /// The text of the field `role` as it is to be saved.
    public func text(_ role: Role) -> String { fields.first { $0.role == role }?.text ?? "" }

    /// The reply as the fields now say. A date that does not parse is left as it was stored;
    /// `problems` names it before anything is saved.
    public var reply: Reply {
        var r = stored.value.reply
        r.documentNumber = text(.documentNumber).trimmed
        r.date = (try? LocalDate(parsing: text(.date))) ?? r.date
        r.salutation = text(.salutation)
        r.opening = text(.opening)
        r.sections = (0..<sectionCount).map { ReplySection(heading: text(.heading($0)).trimmed, text: text(.body($0))) }
        r.closing = text(.closing)
        r.signature = text(.signature).trimmed
        r.contactPerson = text(.contactPerson).trimmed
        r.contactPhone = text(.contactPhone).trimmed
        r.contactAddress = text(.contactAddress).trimmed
        r.postcode = text(.postcode).trimmed
        r.copyTo = text(.copyTo).split { "、，,;；".contains($0) }.map { String($0).trimmed }.filter { !$0.isEmpty }
        return r
    }

    /// The disclosure as the fields say; none while no category is chosen.
    public var disclosure: Disclosure? {
        let category = text(.disclosure)
        return category.isEmpty ? nil : Disclosure(category: category, reason: text(.disclosureReason).trimmed)
    }

    /// The case with the form's reply and disclosure: what saving writes and autosave keeps.
    public var edited: Case {
        var value = stored.value
        value.reply = reply
        value.disclosure = disclosure
        return value
    }

    /// What stops the fields from being saved as they are, and the part to put right.
    public var problems: [(role: Role, message: String)] {
        var problems: [(role: Role, message: String)] = []
        if let d = disclosure, d.needsReason, d.reason.isEmpty {
            problems.append((.disclosureReason, "公开属性为“\(d.category)”时须填写不公开理由"))
        }
        let date = text(.date).trimmed
        if !date.isEmpty {
            do { _ = try LocalDate(parsing: date) } catch { problems.append((.date, "日期“\(date)”无效：\(error)")) }
        }
        return problems
    }

    /// Sets the disclosure category, chosen from the configured options (the field takes no typing).
    public mutating func setDisclosure(_ category: String) {
        guard let i = fields.firstIndex(where: { $0.role == .disclosure }) else { return }
        fields[i].editor.replaceAll(with: category)
    }

    public var isModified: Bool { restructured || fields.contains { $0.editor.isModified } }

    /// Called once the reply is in the store: `saved` is what was written.
    public mutating func markSaved(_ saved: StoredCase) {
        stored = saved
        restructured = false
        for i in fields.indices where fields[i].editor.isModified {
            fields[i].original = fields[i].editor.text
            fields[i].editor.markSaved()
        }
    }

    /// Takes the case as another step saved it (an outcome recorded while the form is open), keeping
    /// every edit: the next save replaces that version.
    public mutating func rebase(on saved: StoredCase) {
        stored = saved
    }

    /// 字数 of the whole reply: the parts a reader reads, not the header fields.
    public var characterCount: Int {
        fields.filter { [.salutation, .opening, .closing].contains($0.role) || $0.role.section != nil }
            .reduce(0) { $0 + $1.editor.characterCount }
    }

    public var sectionCount: Int { fields.filter { if case .heading = $0.role { return true } else { return false } }.count }

    // MARK: Editing

    /// Changes the focused field's text, recording in the form's history any undo step the change
    /// begins; nothing happens in a field that takes no text.
    public mutating func edit(_ body: (inout TextEditor) -> Void) {
        guard focused.role.takesText else { return }
        let before = fields[focus].editor.stepsBegun
        body(&fields[focus].editor)
        if fields[focus].editor.stepsBegun != before { history.recordText(in: fields[focus].id) }
    }

    /// Moves to the next (`step` 1) or previous (-1) field that is shown, wrapping around.
    public mutating func moveFocus(by step: Int) {
        repeat { focus = (focus + step + fields.count) % fields.count } while isHidden(focus)
    }

    /// The reason field is shown only when the disclosure needs one (or it holds text).
    public func isHidden(_ i: Int) -> Bool {
        fields[i].role == .disclosureReason && disclosure?.needsReason != true && fields[i].editor.text.isEmpty
    }

    /// The section the focus is in, if any.
    public var focusedSection: Int? { focused.role.section }

    /// Adds an empty section after the focused one (or after the last) and focuses its heading.
    public mutating func addSection() {
        let after = focusedSection ?? (sectionCount - 1)
        let insertAt = after >= 0 ? fields.firstIndex { $0.role == .body(after) }! + 1 : fields.firstIndex { $0.role == .closing }!
        recordStructure()
        fields.insert(contentsOf: [makeField(.heading(0), ""), makeField(.body(0), "")], at: insertAt)
        renumber()
        focus = insertAt
    }

    /// Deletes the focused section; the focus moves to what followed it.
    public mutating func deleteSection() {
        guard let i = focusedSection else { return }
        let start = fields.firstIndex { $0.role == .heading(i) }!
        recordStructure()
        fields.removeSubrange(start...(start + 1))
        renumber()
        focus = min(start, fields.count - 1)
    }

    /// Moves the focused section one place up (-1) or down (+1), keeping the focus in it.
    /// False when there is no section that way to move past.
    @discardableResult
    public mutating func moveSection(by step: Int) -> Bool {
        guard let i = focusedSection, (0..<sectionCount).contains(i + step) else { return false }
        let start = fields.firstIndex { $0.role == .heading(i) }!
        let other = fields.firstIndex { $0.role == .heading(i + step) }!
        let offset = focus - start
        recordStructure()
        let pair = Array(fields[start...(start + 1)])
        fields.removeSubrange(start...(start + 1))
        // Moving down, the other pair has moved up two places: the place after it is `other` again.
        fields.insert(contentsOf: pair, at: other)
        renumber()
        focus = other + offset
        return true
    }

    private mutating func renumber() {
        var section = -1
        for i in fields.indices {
            switch fields[i].role {
            case .heading:
                section += 1
                fields[i].role = .heading(section)
            case .body: fields[i].role = .body(section)
            default: break
            }
        }
        restructured = true
    }

    /// Inserts the next enumerated point （一是、二是…） at the caret, on a paragraph of its own: the
    /// numeral follows the last point begun before the caret in this field, whether it began a
    /// paragraph or followed a `；` or `。` inside one (`一是…；二是…`).
    public mutating func insertPoint() {
        let editor = focused.editor
        let before = editor.characters[..<editor.caret]
        var count = 0
        for n in 1...20 {
            let word = Array(ChineseNumeral.string(n) + "是")
            let begun = before.indices.contains { i in
                i + word.count <= before.endIndex && Array(before[i..<(i + word.count)]) == word
                    && (i == before.startIndex || "\n；。，：;,:".contains(before[i - 1]))
            }
            if begun { count = n }
        }
        let atParagraphStart = before.isEmpty || before.last == "\n"
        let text = (atParagraphStart ? "" : "\n") + ChineseNumeral.string(count + 1) + "是"
        if !focused.role.isMultiline && text.hasPrefix("\n") { return }
        edit { $0.paste(text) }
    }
}

extension String {
    var trimmed: String {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s = s.dropFirst() }
        while s.last?.isWhitespace == true { s = s.dropLast() }
        return String(s)
    }
}
