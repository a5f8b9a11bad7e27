/// A new case's own fields as text, as `banli new`, the new-case form and a row of an assignment
/// list give them, checked by one rule (`validated`) so that the three agree on what a case needs.
public struct CaseFields: Hashable, Sendable {
    /// 提案/建议 (also 政协提案, 人大建议, proposal, suggestion).
    public var kind = ""
    /// The meeting: empty for an unknown one, `6-5`, `6届5次`, `六届五次`, or a printed meeting name
    /// (`区政协第六届委员会第五次会议`).
    public var meeting = ""
    /// The number as typed or printed: `090`, `第52号`, `B〔2017〕9号`.
    public var number = ""
    public var title = ""
    public var leadProposer = ""
    /// Joint signers separated by `、`, `，`, `,` or `;`/`；`.
    public var jointSigners = ""
    public var topic = ""
    /// 是/否 (also 重点, Y, 1…); empty is 否.
    public var isKey = ""
    /// 主办/会办/分办/独办; empty is what the units say (`units`): 会办 when the office's unit is
    /// among `otherUnits`, else 主办.
    public var role = ""
    public var leadUnit = ""
    /// Other units, separated as `jointSigners`.
    public var otherUnits = ""
    /// `YYYY-MM-DD` or another shape `LocalDate(written:)` reads; empty means `today` in `validated`.
    public var assignedOn = ""
    /// As `assignedOn`; empty means the configured rule's deadline.
    public var deadline = ""
    /// Why the deadline is not the configured one; empty is `交办时确定` for a deadline given.
    public var deadlineNote = ""
    public var handler = ""
    public var text = ""

    public init() {}

    /// The case these fields describe, in the workflow's first state, handled by `handler` (else
    /// `user`), its deadline from `configuration.deadlines` unless one is given, its journal one
    /// `新建案件` entry at `time`. A printed number (`第52号`) is kept as 案号 and the ID's number is
    /// derived from it (`CaseID.number(derivedFrom:)`): the caller places it (`CaseStore.placed`).
    /// A 交办日期 after `today` is refused: a case is entered once it has been assigned.
    /// - Throws: `FieldProblems`, every field that cannot be taken (not only the first), in field order.
    public func validated(configuration: Configuration, today: LocalDate, user: String, time: String) throws(FieldProblems) -> Case {
        var problems: [FieldProblem] = []
        func check<T>(_ field: CaseField, _ read: () throws(FieldProblem) -> T) -> T? {
            do { return try read() } catch { problems.append(error); return nil }
        }
        let theKind = check(.kind) { () throws(FieldProblem) in try Self.kind(kind) }
        let theMeeting = check(.meeting) { () throws(FieldProblem) in try Self.meeting(meeting) }
        let typedNumber = TypedText.normalized(number)
        if let problem = Self.numberProblem(typedNumber) { problems.append(FieldProblem(.number, problem)) }
        let titleLength = TypedText.trimmed(title).count
        if title.isBlank { problems.append(FieldProblem(.title, "不能为空")) }
        if titleLength > Self.titleLimit { problems.append(FieldProblem(.title, "过长（\(titleLength)字，最多\(Self.titleLimit)字）")) }
        if leadProposer.isBlank { problems.append(FieldProblem(.leadProposer, "不能为空")) }
        if leadProposer.contains(where: Self.isListSeparator) { problems.append(FieldProblem(.leadProposer, "只写一人；其他人写在联名人")) }
        let key = check(.isKey) { () throws(FieldProblem) in try Self.yesNo(isKey, .isKey) }
        // Given a role (`banli new` always gives one), the units are taken as they are.
        let units = role.isBlank ? check(.leadUnit) { () throws(FieldProblem) in
            try Self.units(lead: leadUnit, others: otherUnits, office: configuration.office)
        } : nil
        let theRole = check(.role) { () throws(FieldProblem) -> HandlingRole in
            if role.isBlank { return units?.role ?? .lead }
            guard let typed = HandlingRole(typed: role) else { throw FieldProblem(.role, "未知“\(TypedText.normalized(role))”（可选：主办、会办、分办、独办）") }
            return typed
        }
        if theRole == .coHandler, leadUnit.isBlank { problems.append(FieldProblem(.leadUnit, "会办案件须写明")) }
        let assigned = check(.assignedOn) { () throws(FieldProblem) in try Self.date(assignedOn, .assignedOn) } ?? nil
        if let assigned, assigned > today { problems.append(FieldProblem(.assignedOn, "\(assigned) 晚于今天 \(today)")) }
        let due = check(.deadline) { () throws(FieldProblem) in try Self.date(deadline, .deadline) } ?? nil
        if let due, let start = assigned ?? (assignedOn.isBlank ? today : nil), due < start {
            problems.append(FieldProblem(.deadline, "早于交办日期 \(start)"))
        }
        guard problems.isEmpty, let theKind, let theMeeting, let key, let theRole else {
            throw FieldProblems(problems.sorted { CaseField.allCases.firstIndex(of: $0.field)! < CaseField.allCases.firstIndex(of: $1.field)! })
        }

        let isPrinted = !CaseID.isValidNumber(typedNumber)
        let id = isPrinted ? CaseID.number(derivedFrom: typedNumber) : typedNumber
        // Kept as printed, but read as typed: full-width digits (`第９０５号`) are printed `905`.
        let bare = CaseID.bareNumber(typedNumber)
        let assignedDay = assigned ?? today
        return Case(
            kind: theKind, meeting: theMeeting, number: id, printedNumber: isPrinted && bare != id ? bare : "",
            title: TypedText.trimmed(title), leadProposer: TypedText.trimmed(leadProposer),
            jointSigners: Self.list(jointSigners), topic: TypedText.trimmed(topic), isKey: key, role: theRole,
            leadUnit: units?.leadIsOffice == true ? "" : TypedText.trimmed(leadUnit), otherUnits: Self.list(otherUnits), assignedOn: assignedDay,
            deadline: due ?? configuration.deadlines.replyDeadline(assignedOn: assignedDay, role: theRole),
            deadlineNote: due == nil ? "" : deadlineNote.isBlank ? "交办时确定" : TypedText.trimmed(deadlineNote), status: configuration.workflow.initial,
            handler: handler.isBlank ? user : TypedText.trimmed(handler),
            disclosure: Disclosure(category: configuration.disclosure.defaultOption), text: text,
            journal: [JournalEntry(time: time, user: user, text: "新建案件")])
    }

    /// The role the units say when no role is given, as an assignment list gives a case to several
    /// units: the office's own unit (`Office.unit` or its short name) among the other units is 会办;
    /// as the lead unit, or with no lead unit named, 主办 (`leadIsOffice`: the lead unit named is
    /// the office itself, which a 主办 case does not keep). A lead unit that is another office's,
    /// with the office not among the others, makes the case another office's.
    /// - Throws: `FieldProblem` on `.leadUnit` for such a case.
    static func units(lead: String, others: String, office: Office) throws(FieldProblem) -> (role: HandlingRole, leadIsOffice: Bool) {
        let names = [office.unit, office.shortName].map(TypedText.trimmed).filter { !$0.isEmpty }
        let leadName = TypedText.trimmed(lead)
        if list(others).contains(where: names.contains) { return (.coHandler, false) }
        if leadName.isEmpty || names.isEmpty { return (.lead, false) }
        if names.contains(leadName) { return (.lead, true) }
        throw FieldProblem(.leadUnit, "“\(leadName)”主办，会办单位中也没有本单位（\(office.unit)）")
    }

    /// The longest 标题 taken, in characters: the longest titles of real proposals run to some 60
    /// characters (`关于……的建议`); one longer than this is text pasted into the wrong field.
    public static let titleLimit = 100

    /// Why `typed` (normalised) cannot be a 案号, or nil: it must be given and hold a digit (a number
    /// is what 第…号 prints; `abc` or `第一段` is some other text), and not be zero alone (`0`, `000`).
    static func numberProblem(_ typed: String) -> String? {
        if typed.isBlank { return "不能为空" }
        let digits = typed.filter { $0.isASCII && $0.isNumber }
        if digits.isEmpty { return "“\(typed)”中没有数字（写作 090，或印的“第52号”）" }
        return digits.allSatisfy { $0 == "0" } && digits.count == typed.filter({ $0.isASCII && ($0.isLetter || $0.isNumber) }).count
            ? "不能为 0" : nil
    }

    /// Whether `c` separates names in a list field (`list`).
    static func isListSeparator(_ c: Character) -> Bool { "、，,；;".contains(c) || c.isNewline }

    /// The property `field` is typed into: what the new-case form and an imported row fill in.
    public static func path(_ field: CaseField) -> WritableKeyPath<CaseFields, String> {
        switch field {
        case .kind: \.kind
        case .meeting: \.meeting
        case .number: \.number
        case .title: \.title
        case .leadProposer: \.leadProposer
        case .jointSigners: \.jointSigners
        case .topic: \.topic
        case .isKey: \.isKey
        case .role: \.role
        case .leadUnit: \.leadUnit
        case .otherUnits: \.otherUnits
        case .assignedOn: \.assignedOn
        case .deadline: \.deadline
        case .deadlineNote: \.deadlineNote
        case .handler: \.handler
        case .text: \.text
        }
    }

    /// Names in a list field: split at `、`, `，`, `,`, `；`, `;` and line breaks, each trimmed, empty ones dropped.
    public static func list(_ text: String) -> [String] {
        text.split(whereSeparator: isListSeparator).map { TypedText.trimmed(String($0)) }.filter { !$0.isEmpty }
    }

    static func kind(_ text: String) throws(FieldProblem) -> CaseKind {
        switch TypedText.normalized(text).lowercased() {
        case "提案", "政协提案", "proposal", "zx": return .proposal
        case "建议", "人大建议", "代表建议", "人大代表建议", "suggestion", "rd": return .suggestion
        case "": throw FieldProblem(.kind, "不能为空（提案 或 建议）")
        case let other: throw FieldProblem(.kind, "未知“\(other)”（可选：提案、建议）")
        }
    }

    /// `6-5`, `6届5次`, `六届五次`, a printed meeting name; empty is the unknown meeting.
    static func meeting(_ text: String) throws(FieldProblem) -> Meeting {
        let typed = TypedText.normalized(text)
        if typed.isEmpty { return .unknown }
        if let printed = PrintedMeeting(in: typed) { return printed.meeting }
        let parts = typed.split(whereSeparator: { "-届次第/ ".contains($0) }).map { Int($0) ?? ChineseNumeral.value(of: $0) }
        guard parts.count == 2, let term = parts[0], let session = parts[1] else {
            throw FieldProblem(.meeting, "看不懂“\(typed)”（写作 6-5、六届五次，或会议全称；不知道时留空）")
        }
        guard (1...99).contains(term), (1...99).contains(session) else { throw FieldProblem(.meeting, "届、次应为 1–99") }
        return Meeting(term: term, session: session)
    }

    static func yesNo(_ text: String, _ field: CaseField) throws(FieldProblem) -> Bool {
        switch TypedText.normalized(text).lowercased() {
        case "", "否", "不是", "非重点", "n", "no", "0", "false": return false
        case "是", "重点", "y", "yes", "1", "true", "√", "✓": return true
        case let other: throw FieldProblem(field, "应为“是”或“否”，不是“\(other)”")
        }
    }

    static func date(_ text: String, _ field: CaseField) throws(FieldProblem) -> LocalDate? {
        guard !text.isBlank else { return nil }
        do { return try LocalDate(written: text) } catch { throw FieldProblem(field, "“\(TypedText.normalized(text))”无效：\(error)") }
    }
}
