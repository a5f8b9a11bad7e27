/// Reads a case file. Every failure names the file and, where it can, the line; the file itself is
/// never touched.
public struct CaseFileDecoder: Sendable {
    public var vocabulary: CaseVocabulary

    public init(vocabulary: CaseVocabulary) {
        self.vocabulary = vocabulary
    }

    public func decode(_ bytes: [UInt8], path: String) throws(DataFileError) -> Case {
        // banli always ends a file with a newline; a file cut short almost never does, and may still
        // parse as YAML with fields missing from its end. Nor does a UTF-16 or binary file, which is
        // reported as what it is. An empty file is not cut short: there is nothing to cut.
        guard !bytes.isEmpty else { throw DataFileError(path: path, line: nil, reason: .empty) }
        guard bytes.last == UInt8(ascii: "\n") else {
            throw DataFileError(path: path, line: bytes.reduce(1) { $0 + ($1 == 10 ? 1 : 0) }, reason: .truncated).orNotText(bytes)
        }
        let root = try YAMLSource.parse(bytes, path: path)
        var map = try YAMLMap(root, path: path)
        typealias K = CaseFileKey
        let format = try map.required(K.format)
        guard format == caseFileFormat else { throw map.error(K.format, .unsupportedFormat(format)) }
        let kind = try map.requiredChoice(K.kind, CaseKind.self)
        // A published reply may name no meeting: the case's is then unknown (`zx0-0-52`).
        var meeting = Meeting.unknown
        if var meetingMap = try map.map(K.meeting) {
            meeting = Meeting(term: try meetingMap.requiredInt(K.term, in: 1...99),
                              session: try meetingMap.requiredInt(K.session, in: 1...99))
            try meetingMap.finish()
        }
        let number = try map.required(K.number)
        guard CaseID.isValidNumber(number) else {
            throw map.error(K.number, .invalidValue(field: K.number, value: number, why: "只能包含字母、数字和“-”"))
        }
        let printedNumber = try map.string(K.printedNumber) ?? ""
        var result = Case(
            kind: kind, meeting: meeting, number: number, printedNumber: printedNumber,
            title: try map.required(K.title),
            leadProposer: try map.string(K.lead) ?? "",
            jointSigners: try map.strings(K.signers),
            topic: try map.string(K.topic) ?? "",
            isKey: try map.yesNo(K.isKey) ?? false,
            role: try map.choice(K.role, HandlingRole.self) ?? .lead,
            leadUnit: try map.string(K.leadUnit) ?? "",
            otherUnits: try map.strings(K.otherUnits),
            assignedOn: try map.date(K.assigned),
            deadline: try map.date(K.deadline),
            deadlineNote: try map.string(K.deadlineNote) ?? "",
            status: try map.requiredOneOf(K.status, vocabulary.statuses),
            handler: try map.string(K.handler) ?? "",
            returnReason: try map.string(K.returnReason) ?? "")
        try decodeDisposition(&map, into: &result)
        if var d = try map.map(K.disclosure) {
            result.disclosure = Disclosure(category: try d.requiredOneOf(K.category, vocabulary.disclosures),
                                           reason: try d.string(K.reason) ?? "")
            try d.finish()
        }
        for var o in try map.maps(K.outcomes) {
            var record = OutcomeRecord(
                result: try o.requiredOneOf(K.result, vocabulary.outcomes),
                date: try o.requiredDate(K.date),
                recordedBy: try o.string(K.recordedBy) ?? "", note: try o.string(K.note) ?? "")
            if var x = try o.map(K.correction) {
                record.correction = OutcomeCorrection(
                    correctedTo: try x.requiredOneOf(K.correctedTo, vocabulary.outcomes), correctedBy: try x.string(K.correctedBy) ?? "",
                    date: try x.requiredDate(K.date), reason: try x.required(K.cause))
                try x.finish()
            }
            result.outcomes.append(record)
            try o.finish()
        }
        result.signOff = try decodeSignOff(&map)
        // One map in files written before feedback became a history; a list of them since.
        for var f in try map.oneOrMoreMaps(K.feedback) {
            result.feedback.append(Feedback(
                date: try f.date(K.date),
                satisfaction: try f.requiredChoice(K.satisfaction, Feedback.Satisfaction.self),
                visited: try f.yesNo(K.visited), attitude: try f.string(K.attitude) ?? "",
                relevance: try f.string(K.relevance) ?? "", viewOfResult: try f.string(K.viewOfResult) ?? "",
                comment: try f.string(K.comment) ?? ""))
            try f.finish()
        }
        for var c in try map.maps(K.contacts) {
            result.contacts.append(ContactEntry(
                date: try c.requiredDate(K.date),
                method: try c.choice(K.method, ContactEntry.Method.self) ?? .other,
                people: try c.string(K.people) ?? "", summary: try c.string(K.summary) ?? ""))
            try c.finish()
        }
        result.text = try map.string(K.text) ?? ""
        if var r = try map.map(K.reply) { result.reply = try decodeReply(&r) }
        for var r in try map.maps(K.previousReplies) {
            // Files written before banli kept why a reply was superseded hold the reply alone. Read
            // before the reply, whose decoding refuses keys nobody asked for.
            let by = try r.string(K.supersededBy) ?? "", reason = try r.string(K.supersededReason) ?? ""
            let date = try r.date(K.supersededOn), signOff = try decodeSignOff(&r)
            result.previousReplies.append(EarlierReply(reply: try decodeReply(&r), supersededBy: by, reason: reason,
                                                       date: date, signOff: signOff))
        }
        for var x in try map.maps(K.conflicts) {
            result.conflicts.append(FieldConflict(
                field: try x.required(K.field), mine: try x.string(K.mine) ?? "", theirs: try x.string(K.theirs) ?? "",
                mineUser: try x.string(K.mineUser) ?? "", theirsUser: try x.string(K.theirsUser) ?? "",
                time: try x.string(K.time) ?? ""))
            try x.finish()
        }
        for var j in try map.maps(K.journal) {
            result.journal.append(JournalEntry(time: try j.required(K.time), user: try j.string(K.user) ?? "",
                                               text: try j.string(K.entry) ?? ""))
            try j.finish()
        }
        try map.finish()
        return result
    }

    /// 撤案, 并入 and 并案 (docs/case-file.md); files written before them have none.
    private func decodeDisposition(_ map: inout YAMLMap, into result: inout Case) throws(DataFileError) {
        typealias K = CaseFileKey
        func caseID(_ text: String, _ key: String, in map: YAMLMap) throws(DataFileError) -> CaseID {
            guard let id = CaseID(text), id.description == text else {
                throw map.error(key, .invalidValue(field: key, value: text, why: "应为案件编号，如 zx6-5-090"))
            }
            return id
        }
        if var w = try map.map(K.withdrawal) {
            result.withdrawal = Withdrawal(date: try w.requiredDate(K.date), reason: try w.required(K.reason),
                                           recordedBy: try w.string(K.recordedOn) ?? "")
            try w.finish()
        }
        if let carrier = try map.string(K.mergedInto) { result.mergedInto = try caseID(carrier, K.mergedInto, in: map) }
        for var m in try map.maps(K.merged) {
            let number = try m.required(K.number)
            result.mergedCases.append(MergedCase(id: try caseID(number, K.number, in: m), printedNumber: try m.string(K.printedNumber) ?? "",
                                                 proposers: try m.strings(K.proposers)))
            try m.finish()
        }
    }

    private func decodeSignOff(_ map: inout YAMLMap) throws(DataFileError) -> SignOff? {
        guard var s = try map.map(CaseFileKey.signOff) else { return nil }
        let signOff = SignOff(signer: try s.required(CaseFileKey.signer), date: try s.requiredDate(CaseFileKey.date))
        try s.finish()
        return signOff
    }

    private func decodeReply(_ r: inout YAMLMap) throws(DataFileError) -> Reply {
        typealias K = CaseFileKey
        var reply = Reply(
            layout: try r.string(K.layout) ?? "", title: try r.string(K.title) ?? "",
            documentNumber: try r.string(K.documentNumber) ?? "", date: try r.date(K.date),
            salutation: try r.string(K.salutation) ?? "", opening: try r.string(K.opening) ?? "")
        for var s in try r.maps(K.sections) {
            reply.sections.append(ReplySection(heading: try s.string(K.heading) ?? "", text: try s.string(K.content) ?? "",
                                               level: try s.int(K.level, in: ReplySection.levels) ?? 1,
                                               runIn: try s.yesNo(K.runIn) ?? false))
            try s.finish()
        }
        reply.closing = try r.string(K.closing) ?? ""
        reply.attachments = try r.strings(K.attachments)
        reply.signature = try r.string(K.signature) ?? ""
        reply.jointUnits = try r.strings(K.jointUnits)
        reply.leader = try r.string(K.leader) ?? ""
        reply.contactPerson = try r.string(K.contactPerson) ?? ""
        reply.contactPhone = try r.string(K.contactPhone) ?? ""
        reply.contactAddress = try r.string(K.contactAddress) ?? ""
        reply.postcode = try r.string(K.postcode) ?? ""
        reply.copyTo = try r.strings(K.copyTo)
        reply.reportTo = try r.strings(K.reportTo)
        try r.finish()
        return reply
    }
}
