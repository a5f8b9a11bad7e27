import Model

/// A reply being drafted: one editor per part of the reply, in document order. Body sections are
/// pairs of fields (heading, text), the heading field carrying the section's level and run-in flag
/// (`ReplyForm+Sections`); numerals follow from place and level, so adding, deleting, moving or
/// re-levelling a section renumbers everything after it.
public struct ReplyForm: Sendable {
    public enum Role: Hashable, Sendable {
        case disclosure, disclosureReason, title, documentNumber, date, salutation, opening
        case heading(Int), body(Int)
        case closing, attachments, signature, jointUnits, leader, contactPerson, contactPhone, contactAddress, postcode
        case copyTo, reportTo

        /// The label shown beside or above the field, and the part's name in messages.
        public var label: String {
            switch self {
            case .disclosure: return "公开属性"
            case .disclosureReason: return "不公开理由"
            case .title: return "标题"
            case .documentNumber: return "文号"
            case .date: return "日期"
            case .salutation: return "称呼"
            case .opening: return "开头"
            case .heading(let i): return "第\(ChineseNumeral.string(i + 1))部分标题"
            case .body(let i): return "第\(ChineseNumeral.string(i + 1))部分正文"
            case .closing: return "结尾"
            case .attachments: return "附件"
            case .signature: return "落款"
            case .jointUnits: return "联合落款"
            case .leader: return "分管领导"
            case .contactPerson: return "联系人"
            case .contactPhone: return "联系电话"
            case .contactAddress: return "联系地址"
            case .postcode: return "邮政编码"
            case .copyTo: return "抄送"
            case .reportTo: return "抄报"
            }
        }

        /// The disclosure category is chosen from the configured options, never typed: text in it
        /// would make a case file the loader refuses.
        public var takesText: Bool { self != .disclosure }

        /// Fields that take Enter as a line break: the paragraphs, a title printed on two lines, and
        /// the attachments, one a line (their names hold 、 and ，, so they cannot be split on them).
        /// In the others Enter moves to the next field.
        public var isMultiline: Bool { isParagraphs || self == .title || self == .attachments }

        /// The paragraphs of the letter: shown full width under their label, and the only fields
        /// that take numbered points and phrases.
        public var isParagraphs: Bool {
            switch self {
            case .opening, .body, .closing: return true
            default: return false
            }
        }

        /// Fields holding a list written on one line, items separated by 、 (or ，；).
        public var isList: Bool { [.jointUnits, .copyTo, .reportTo].contains(self) }

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
        /// For a section's heading field: the section's level (1 `一、` … 4 `（1）`) and whether the
        /// heading runs in with its first paragraph. Kept here so the section's whole shape moves,
        /// and is undone, with its heading.
        var level = 1
        var runIn = false

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
    /// The reply the fields were filled from (or last saved): a list field not edited since gives
    /// back these items, so an item that itself holds a 、 is not split by opening and saving.
    private var source: Reply
    public internal(set) var fields: [Field]
    public var focus = 0
    /// How the reply's profile numbers each heading level; the screen sets it from the profile the
    /// case is laid out with, so the form shows the numerals the document prints.
    public var headingStyles = HeadingNumeral.standard
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
        self.source = source.reply
        fields = []
        fields = makeFields(for: source.reply, disclosure: source.disclosure)
        if recovered, let draft, draft.reply != stored.value.reply || draft.disclosure != stored.value.disclosure { restructured = true }
        // Start where writing is needed: the first empty part of the letter, else the opening.
        let written: (Role) -> Bool = { [.salutation, .opening, .closing].contains($0) || $0.section != nil }
        focus = fields.firstIndex { written($0.role) && $0.editor.text.isBlank } ?? fields.firstIndex { $0.role == .opening } ?? 0
    }

    private mutating func makeFields(for r: Reply, disclosure: Disclosure?) -> [Field] {
        var fields: [Field] = [(Role.disclosure, disclosure?.category ?? ""), (.disclosureReason, disclosure?.reason ?? ""),
                               (.title, r.title), (.documentNumber, r.documentNumber), (.date, r.date?.description ?? ""),
                               (.salutation, r.salutation), (.opening, r.opening)].map { makeField($0.0, $0.1) }
        for (i, s) in r.sections.enumerated() {
            fields += [makeField(.heading(i), s.heading, level: s.level, runIn: s.runIn), makeField(.body(i), s.text)]
        }
        fields += [(Role.closing, r.closing), (.attachments, r.attachments.joined(separator: "\n")), (.signature, r.signature),
                   (.jointUnits, r.jointUnits.joined(separator: "、")), (.leader, r.leader), (.contactPerson, r.contactPerson),
                   (.contactPhone, r.contactPhone), (.contactAddress, r.contactAddress), (.postcode, r.postcode),
                   (.copyTo, r.copyTo.joined(separator: "、")), (.reportTo, r.reportTo.joined(separator: "、"))]
            .map { makeField($0.0, $0.1) }
        return fields
    }

    /// A new field with an id of its own; `level` and `runIn` are a heading field's section shape.
    mutating func makeField(_ role: Role, _ text: String, level: Int = 1, runIn: Bool = false) -> Field {
        nextFieldID += 1
        var field = Field(role: role, text: text, id: nextFieldID)
        field.level = level
        field.runIn = runIn
        return field
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
        r.title = text(.title).trimmed
        r.documentNumber = text(.documentNumber).trimmed
        r.date = (try? LocalDate(parsing: text(.date))) ?? r.date
        r.salutation = text(.salutation)
        r.opening = text(.opening)
        // A section's heading field is followed by its body field.
        r.sections = headingIndices.map { i in
            ReplySection(heading: fields[i].text.trimmed, text: fields[i + 1].text, level: fields[i].level, runIn: fields[i].runIn)
        }
        r.closing = text(.closing)
        r.attachments = items(.attachments, \.attachments)
        r.signature = text(.signature).trimmed
        r.jointUnits = items(.jointUnits, \.jointUnits)
        r.leader = text(.leader).trimmed
        r.contactPerson = text(.contactPerson).trimmed
        r.contactPhone = text(.contactPhone).trimmed
        r.contactAddress = text(.contactAddress).trimmed
        r.postcode = text(.postcode).trimmed
        r.copyTo = items(.copyTo, \.copyTo)
        r.reportTo = items(.reportTo, \.reportTo)
        return r
    }

    /// The items of a list field: those it opened with while it is unedited, else its text split at
    /// line breaks (attachments, one a line) or at 、，；(the lists written on one line).
    private func items(_ role: Role, _ opened: KeyPath<Reply, [String]>) -> [String] {
        guard let field = fields.first(where: { $0.role == role }), field.editor.isModified else { return source[keyPath: opened] }
        let separators: Set<Character> = role.isList ? ["、", "，", ",", ";", "；", "\n"] : ["\n"]
        return field.text.split { separators.contains($0) }.map { String($0).trimmed }.filter { !$0.isEmpty }
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
        source = saved.value.reply
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

    public var sectionCount: Int { headingIndices.count }

    /// Where the sections' heading fields are, in order.
    var headingIndices: [Int] { fields.indices.filter { if case .heading = fields[$0].role { true } else { false } } }

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
