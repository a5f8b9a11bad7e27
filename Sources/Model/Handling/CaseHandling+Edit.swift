extension CaseHandling {
    /// Journals an edit made outside the handling steps (a form, the reply editor): one entry naming
    /// every changed field in the case file's words, with old → new for short fields and the changed
    /// parts of the reply. Nil when nothing changed. Refused when the reply or its disclosure changed
    /// while `old`'s state locks them （已签发、已答复…）.
    public func recordEdit(from old: Case, to new: Case) throws(HandlingError) -> Handled? {
        if new.reply != old.reply || new.disclosure != old.disclosure { try checkReplyEditable(old) }
        let changes = CaseDifference.fields(between: old, and: new).filter { $0 != CaseFileKey.journal }.map { field in
            // A list filled in from empty says so (`联名人：（无） → 周强、吴敏`), not as if naming the list.
            if let value = Self.shortFields[field] {
                return JournalText.change(field, value(old).isEmpty && field == CaseFileKey.signers ? "（无）" : value(old), value(new))
            }
            if field == CaseFileKey.reply { return "修改答复：" + new.reply.changedParts(from: old.reply).joined(separator: "、") }
            return "修改" + field
        }
        return changes.isEmpty ? nil : handled(new, changes)
    }

    /// Fields short enough for the journal to show their old and new values.
    private static let shortFields: [String: @Sendable (Case) -> String] = {
        typealias K = CaseFileKey
        return [
            K.title: { $0.title }, K.lead: { $0.leadProposer }, K.signers: { $0.jointSigners.joined(separator: "、") },
            K.topic: { $0.topic }, K.isKey: { $0.isKey ? "是" : "否" },
            K.role: { c in ([c.role.rawValue, c.leadUnit] + c.otherUnits).filter { !$0.isEmpty }.joined(separator: " ") },
            K.printedNumber: { $0.printedNumber }, K.assigned: { $0.assignedOn?.description ?? "" }, K.handler: { $0.handler },
            K.deadline: { c in [c.deadline?.description ?? "", c.deadlineNote].filter { !$0.isEmpty }.joined(separator: " ") },
            K.status: { c in [c.status, c.returnReason].filter { !$0.isEmpty }.joined(separator: " ") },
            K.disclosure: { c in c.disclosure.map { [$0.category, $0.reason].filter { !$0.isEmpty }.joined(separator: " ") } ?? "" },
        ]
    }()
}
