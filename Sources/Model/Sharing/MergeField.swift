/// One field of a case that a merge of two copies compares value by value, and that can hold a
/// recorded conflict （冲突）: its path in the case file (`标题`, `答复.开头`, `答复.正文.2.内容`),
/// its label for the screen, its value as text, and how it is set from a text (the other side's
/// version, or one the user wrote from both) with the checks the case file's reader makes.
///
/// Lists of names and append-only records are not here: they merge without conflicts (`CaseMerge`).
/// docs/case-file.md lists every path.
public struct MergeField {
    /// The case-file keys joined by `.`, a reply section numbered from 1.
    public let path: String
    /// How the screen names it: `标题`, `答复开头`, `答复第二部分内容`.
    public let label: String
    /// The field's value in a case, as the case file spells it.
    public let text: (Case) -> String
    private let assign: (inout Case, String, CaseVocabulary) throws(MergeFieldError) -> Void
    /// Merges the field of `base`, `mine` and `theirs` into the case given last; true on a clash
    /// (both changed it differently: the case keeps `mine`).
    let merge: (Case?, Case, Case, inout Case) -> Bool

    /// A field held at `key` in a case, spelt and read as `form` says.
    init<T: Equatable>(_ path: String, _ label: String, _ key: WritableKeyPath<Case, T>, _ form: MergeFieldForm<T>) {
        self.path = path
        self.label = label
        text = { form.show($0[keyPath: key]) }
        assign = { c, text, vocabulary throws(MergeFieldError) in c[keyPath: key] = try form.read(text, label, vocabulary) }
        merge = { base, mine, theirs, merged in
            let result = ThreeWay.value(base.map { $0[keyPath: key] }, mine[keyPath: key], theirs[keyPath: key])
            merged[keyPath: key] = result.value
            return result.clash
        }
    }

    /// Sets the field of `c` from `text`, read as the case file's reader reads it: a status must be
    /// a configured one (`vocabulary`), a date a date, 标题 not empty.
    /// - Throws: `MergeFieldError.invalid` naming the field and why; `.unknownField` when `c` no
    ///   longer has the field (a reply section removed since).
    public func set(_ text: String, in c: inout Case, vocabulary: CaseVocabulary) throws(MergeFieldError) {
        if let section = Self.sectionIndex(path), !c.reply.sections.indices.contains(section) { throw .unknownField(path) }
        try assign(&c, text, vocabulary)
    }

    /// The case's own fields and its reply's single-valued parts, in the case file's order.
    static var caseFields: [MergeField] {
        typealias K = CaseFileKey
        return [
            MergeField(K.printedNumber, K.printedNumber, \.printedNumber, .line),
            MergeField(K.title, K.title, \.title, .required),
            MergeField(K.lead, K.lead, \.leadProposer, .line),
            MergeField(K.topic, K.topic, \.topic, .line),
            MergeField(K.isKey, K.isKey, \.isKey, .yesNo),
            MergeField(K.role, K.role, \.role, .role),
            MergeField(K.leadUnit, K.leadUnit, \.leadUnit, .line),
            MergeField(K.assigned, K.assigned, \.assignedOn, .date),
            MergeField(K.deadline, K.deadline, \.deadline, .date),
            MergeField(K.deadlineNote, K.deadlineNote, \.deadlineNote, .line),
            MergeField(K.status, K.status, \.status, .status),
            MergeField(K.handler, K.handler, \.handler, .line),
            MergeField(K.returnReason, K.returnReason, \.returnReason, .line),
            MergeField(K.withdrawal, K.withdrawal, \.withdrawal, .withdrawal),
            MergeField(K.mergedInto, K.mergedInto, \.mergedInto, .caseID),
            MergeField(K.disclosure, K.disclosure, \.disclosure, .disclosure),
            MergeField(K.signOff, K.signOff, \.signOff, .signOff),
            MergeField(K.text, K.text, \.text, .text),
            reply(K.layout, \.layout, .line), reply(K.title, \.title, .line), reply(K.documentNumber, \.documentNumber, .line),
            reply(K.date, \.date, .date), reply(K.salutation, \.salutation, .line), reply(K.opening, \.opening, .text),
            reply(K.closing, \.closing, .text), reply(K.signature, \.signature, .line), reply(K.leader, \.leader, .line),
            reply(K.contactPerson, \.contactPerson, .line), reply(K.contactPhone, \.contactPhone, .line),
            reply(K.contactAddress, \.contactAddress, .line), reply(K.postcode, \.postcode, .line),
        ]
    }

    private static func reply<T: Equatable>(_ key: String, _ part: WritableKeyPath<Reply, T>, _ form: MergeFieldForm<T>) -> MergeField {
        let reply: WritableKeyPath<Case, Reply> = \.reply
        return MergeField(CaseFileKey.reply + "." + key, CaseFileKey.reply + key, reply.appending(path: part), form)
    }

    /// The fields of reply section `index` (from 0): 标题, 内容, 层级, 接排.
    static func section(_ index: Int) -> [MergeField] {
        typealias K = CaseFileKey
        let sectionKey: WritableKeyPath<Case, ReplySection> = \.reply.sections[index]
        func field<T: Equatable>(_ key: String, _ part: WritableKeyPath<ReplySection, T>, _ form: MergeFieldForm<T>) -> MergeField {
            MergeField("\(K.reply).\(K.sections).\(index + 1).\(key)", K.reply + Reply.Part.section(index).description + key,
                       sectionKey.appending(path: part), form)
        }
        return [field(K.heading, \.heading, .line), field(K.content, \.text, .text), field(K.level, \.level, .level),
                field(K.runIn, \.runIn, .yesNo)]
    }

    /// Every field of a case with `sections` reply sections: the case's own, the reply's parts, then
    /// the sections one by one (the order a merge compares them and lists its conflicts in).
    public static func all(sections: Int) -> [MergeField] {
        caseFields + (0..<sections).flatMap(section)
    }

    /// The field at `path` in `c`, if `c` has it.
    public static func named(_ path: String, in c: Case) -> MergeField? {
        if let index = sectionIndex(path) {
            return c.reply.sections.indices.contains(index) ? section(index).first { $0.path == path } : nil
        }
        return (caseFields + replyLists).first { $0.path == path }
    }

    /// The reply's lists of names (附件, 联合落款, 抄送, 抄报): they merge as sets and never clash, but a
    /// signed reply keeps its own and records the other side's as a conflict (`CaseMerge`).
    static var replyLists: [MergeField] {
        typealias K = CaseFileKey
        return [reply(K.attachments, \.attachments, .names), reply(K.jointUnits, \.jointUnits, .names),
                reply(K.copyTo, \.copyTo, .names), reply(K.reportTo, \.reportTo, .names)]
    }

    /// Every part of a reply with `sections` sections, in the order of `all`: what a signature covers.
    static func replyParts(sections: Int) -> [MergeField] {
        caseFields.filter(\.isReplyPart) + replyLists + (0..<sections).flatMap(section)
    }

    /// Whether the field is part of the reply （`答复.…`）.
    var isReplyPart: Bool { path.hasPrefix(CaseFileKey.reply + ".") }

    /// The field's text in `c`, empty when `c` has no such reply section: sides of a merge may differ
    /// in how many sections they have.
    func text(ifIn c: Case) -> String {
        if let index = Self.sectionIndex(path), !c.reply.sections.indices.contains(index) { return "" }
        return text(c)
    }

    /// Sets the field of `merged` to `side`'s value.
    func keep(_ side: Case, in merged: inout Case) {
        // With no base and both sides the same, a merge takes that side's value.
        _ = merge(nil, side, side, &merged)
    }

    /// The reply section (from 0) a path `答复.正文.N.…` names.
    static func sectionIndex(_ path: String) -> Int? {
        let parts = path.split(separator: ".")
        guard parts.count == 4, parts[0] == CaseFileKey.reply, parts[1] == CaseFileKey.sections, let n = Int(parts[2]), n >= 1 else { return nil }
        return n - 1
    }
}
