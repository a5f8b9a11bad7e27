/// Writes a case file: header fields first, long texts last as literal blocks, raw Chinese, so that a
/// clerk can read it and `git diff` shows changed lines.
public enum CaseFileEncoder {
    /// The file's text. `meetingName` is the case's meeting as the profile it is laid out with names
    /// it (`MeetingNaming.name(of:)`), for the comment line at the top; empty leaves it out there.
    public static func encode(_ c: Case, meetingName: String = "") -> String {
        typealias K = CaseFileKey
        var root = Fields()
        root.add(K.format, .text(caseFileFormat))
        root.add(K.kind, .text(c.kind.rawValue))
        if c.meeting.isKnown {
            root.add(K.meeting, .map(Fields([(K.term, .number(c.meeting.term)), (K.session, .number(c.meeting.session))])))
        }
        root.add(K.number, .text(c.number))
        root.addIfPresent(K.printedNumber, c.printedNumber)
        root.add(K.title, .text(c.title))
        root.addIfPresent(K.lead, c.leadProposer)
        root.add(K.signers, .list(c.jointSigners))
        root.add(K.topic, .text(c.topic))
        root.add(K.isKey, .text(c.isKey ? "是" : "否"))
        root.add(K.role, .text(c.role.rawValue))
        root.addIfPresent(K.leadUnit, c.leadUnit)
        root.add(K.otherUnits, .list(c.otherUnits))
        if let assigned = c.assignedOn { root.add(K.assigned, .date(assigned)) }
        if let deadline = c.deadline { root.add(K.deadline, .date(deadline)) }
        root.addIfPresent(K.deadlineNote, c.deadlineNote)
        root.add(K.status, .text(c.status))
        root.addIfPresent(K.handler, c.handler)
        root.addIfPresent(K.returnReason, c.returnReason)
        if let w = c.withdrawal {
            root.add(K.withdrawal, .map(Fields([(K.date, .date(w.date)), (K.reason, .text(w.reason)), (K.recordedOn, .text(w.recordedBy))])))
        }
        if let carrier = c.mergedInto { root.add(K.mergedInto, .text(carrier.description)) }
        if !c.mergedCases.isEmpty {
            root.add(K.merged, .maps(c.mergedCases.map {
                Fields([(K.number, .text($0.id.description)), (K.printedNumber, .text($0.printedNumber)), (K.proposers, .list($0.proposers))])
            }))
        }
        if let d = c.disclosure {
            var f = Fields([(K.category, .text(d.category))])
            f.addIfPresent(K.reason, d.reason)
            root.add(K.disclosure, .map(f))
        }
        if !c.outcomes.isEmpty {
            root.add(K.outcomes, .maps(c.outcomes.map { o in
                var f = Fields([(K.result, .text(o.result)), (K.date, .date(o.date)), (K.recordedBy, .text(o.recordedBy))])
                f.addIfPresent(K.note, o.note)
                if let x = o.correction {
                    var m = Fields([(K.correctedTo, .text(x.correctedTo)), (K.correctedBy, .text(x.correctedBy)), (K.date, .date(x.date))])
                    m.add(K.cause, .text(x.reason))
                    f.add(K.correction, .map(m))
                }
                return f
            }))
        }
        if let s = c.signOff { root.add(K.signOff, signOffFields(s)) }
        if !c.feedback.isEmpty {
            root.add(K.feedback, .maps(c.feedback.map { fb in
                var f = Fields()
                if let date = fb.date { f.add(K.date, .date(date)) }
                f.add(K.satisfaction, .text(fb.satisfaction.rawValue))
                if let visited = fb.visited { f.add(K.visited, .text(visited ? "是" : "否")) }
                f.addIfPresent(K.attitude, fb.attitude)
                f.addIfPresent(K.relevance, fb.relevance)
                f.addIfPresent(K.viewOfResult, fb.viewOfResult)
                f.addIfPresent(K.comment, fb.comment)
                return f
            }))
        }
        if !c.contacts.isEmpty {
            root.add(K.contacts, .maps(c.contacts.map {
                Fields([(K.date, .date($0.date)), (K.method, .text($0.method.rawValue)), (K.people, .text($0.people)),
                        (K.summary, .text($0.summary))])
            }))
        }
        root.add(K.text, .prose(c.text))
        if !c.reply.isEmpty { root.add(K.reply, .map(fields(of: c.reply))) }
        if !c.previousReplies.isEmpty { root.add(K.previousReplies, .maps(c.previousReplies.map(fields(of:)))) }
        if !c.conflicts.isEmpty {
            root.add(K.conflicts, .maps(c.conflicts.map { x in
                var f = Fields([(K.field, .text(x.field))])
                f.addIfPresent(K.mineUser, x.mineUser)
                f.add(K.mine, .prose(x.mine))
                f.addIfPresent(K.theirsUser, x.theirsUser)
                f.add(K.theirs, .prose(x.theirs))
                f.add(K.time, .text(x.time))
                return f
            }))
        }
        root.add(K.journal, .maps(c.journal.map {
            Fields([(K.time, .text($0.time)), (K.user, .text($0.user)), (K.entry, .text($0.text))])
        }))
        let comment = CaseFileComments.header + " —— \(meetingName.isEmpty ? "" : meetingName + " ")\(c.numberPhrase)\(c.kind == .proposal ? "提案" : "代表建议")\n"
        var file = comment
        root.write(indent: 0, into: &file)
        return file
    }

    /// Why the reply was superseded and what signed it, then the reply itself.
    private static func fields(of earlier: EarlierReply) -> Fields {
        typealias K = CaseFileKey
        var f = Fields()
        f.addIfPresent(K.supersededBy, earlier.supersededBy)
        f.addIfPresent(K.supersededReason, earlier.reason)
        if let date = earlier.date { f.add(K.supersededOn, .date(date)) }
        if let s = earlier.signOff { f.add(K.signOff, signOffFields(s)) }
        f.pairs += fields(of: earlier.reply).pairs
        return f
    }

    private static func signOffFields(_ s: SignOff) -> Fields.Value {
        .map(Fields([(CaseFileKey.signer, .text(s.signer)), (CaseFileKey.date, .date(s.date))]))
    }

    private static func fields(of r: Reply) -> Fields {
        typealias K = CaseFileKey
        var f = Fields()
        f.addIfPresent(K.layout, r.layout)
        f.addIfPresent(K.title, r.title)
        f.addIfPresent(K.documentNumber, r.documentNumber)
        if let date = r.date { f.add(K.date, .date(date)) }
        f.addIfPresent(K.salutation, r.salutation)
        if !r.opening.isEmpty { f.add(K.opening, .prose(r.opening)) }
        f.add(K.sections, .maps(r.sections.map { section in
            var s = Fields()
            if section.level != 1 { s.add(K.level, .number(section.level)) }
            s.add(K.heading, .text(section.heading))
            if section.runIn { s.add(K.runIn, .text("是")) }
            s.add(K.content, .prose(section.text))
            return s
        }))
        if !r.closing.isEmpty { f.add(K.closing, .prose(r.closing)) }
        if !r.attachments.isEmpty { f.add(K.attachments, .list(r.attachments)) }
        f.addIfPresent(K.signature, r.signature)
        if !r.jointUnits.isEmpty { f.add(K.jointUnits, .list(r.jointUnits)) }
        f.addIfPresent(K.leader, r.leader)
        f.addIfPresent(K.contactPerson, r.contactPerson)
        f.addIfPresent(K.contactPhone, r.contactPhone)
        f.addIfPresent(K.contactAddress, r.contactAddress)
        f.addIfPresent(K.postcode, r.postcode)
        if !r.copyTo.isEmpty { f.add(K.copyTo, .list(r.copyTo)) }
        if !r.reportTo.isEmpty { f.add(K.reportTo, .list(r.reportTo)) }
        return f
    }
}

/// An ordered mapping under construction, and how it is written: block mappings and lists indented
/// by two, short lists in flow style, each scalar as `YAMLScalarWriter` writes it.
private struct Fields {
    enum Value {
        /// `prose`: a long text, always a literal block (`YAMLScalarWriter.prose`).
        case text(String), prose(String), number(Int), date(LocalDate), list([String]), map(Fields), maps([Fields])
    }

    var pairs: [(String, Value)] = []

    init(_ pairs: [(String, Value)] = []) { self.pairs = pairs }

    mutating func add(_ key: String, _ value: Value) { pairs.append((key, value)) }

    mutating func addIfPresent(_ key: String, _ text: String) {
        if !text.isEmpty { add(key, .text(text)) }
    }

    /// The mapping's lines, its keys at `indent` spaces; `firstLine` replaces the first line's
    /// indentation (`- ` when the mapping is an item of a list).
    func write(indent: Int, firstLine: String? = nil, into out: inout String) {
        let margin = String(repeating: " ", count: indent)
        for (i, (key, value)) in pairs.enumerated() {
            out += (i == 0 ? firstLine : nil) ?? margin
            out += YAMLScalarWriter.inline(key, quoted: false, context: .block) + ":"
            Fields.write(value, indent: indent, into: &out)
        }
    }

    /// A value after its key on the key's line, and the lines below it, indented under the key.
    private static func write(_ value: Value, indent: Int, into out: inout String) {
        switch value {
        case .text(let s): out += YAMLScalarWriter.value(s, quoted: s.isEmpty || looksTyped(s), indent: indent + 2)
        case .prose(let s): out += YAMLScalarWriter.prose(s, indent: indent + 2)
        case .number(let n): out += " \(n)\n"
        case .date(let d): out += " \(d)\n"
        case .list(let items):
            let written = items.map { YAMLScalarWriter.inline($0, quoted: $0.isEmpty || looksTyped($0), context: .flow) }
            out += " [" + written.joined(separator: ", ") + "]\n"
        case .map(let fields) where fields.pairs.isEmpty: out += " {}\n"
        case .map(let fields):
            out += "\n"
            fields.write(indent: indent + 2, into: &out)
        case .maps(let list) where list.isEmpty: out += " []\n"
        case .maps(let list):
            out += "\n"
            // As libyaml writes them: the dash under the key, the item's keys after it.
            let dash = String(repeating: " ", count: indent) + "- "
            for fields in list {
                if fields.pairs.isEmpty { out += dash + "{}\n" } else { fields.write(indent: indent + 2, firstLine: dash, into: &out) }
            }
        }
    }

    /// Quotes for anything another YAML reader would take for a number, date, boolean or null
    /// (`090`, `2018-05-10`, `yes`, ``).
    static func looksTyped(_ s: String) -> Bool {
        let lower = s.lowercased()
        if ["~", "null", "true", "false", "yes", "no", "on", "off", "y", "n"].contains(lower) { return true }
        return s.allSatisfy { $0.isASCII && ($0.isNumber || "+-.:_eE".contains($0)) } && s.contains(where: \.isNumber)
    }
}
