/// Names the parts in which two versions of a case differ, in the words of the case file.
public enum CaseDifference {
    public static func fields(between a: Case, and b: Case) -> [String] {
        typealias K = CaseFileKey
        let checks: [(String, Bool)] = [
            (K.printedNumber, a.printedNumber == b.printedNumber), (K.title, a.title == b.title), (K.lead, a.leadProposer == b.leadProposer),
            (K.signers, a.jointSigners == b.jointSigners), (K.topic, a.topic == b.topic), (K.isKey, a.isKey == b.isKey),
            (K.role, a.role == b.role && a.leadUnit == b.leadUnit && a.otherUnits == b.otherUnits),
            (K.assigned, a.assignedOn == b.assignedOn), (K.deadline, a.deadline == b.deadline && a.deadlineNote == b.deadlineNote),
            (K.status, a.status == b.status && a.returnReason == b.returnReason), (K.handler, a.handler == b.handler),
            (K.withdrawal, a.withdrawal == b.withdrawal), (K.mergedInto, a.mergedInto == b.mergedInto), (K.merged, a.mergedCases == b.mergedCases),
            (K.disclosure, a.disclosure == b.disclosure), (K.outcomes, a.outcomes == b.outcomes),
            (K.signOff, a.signOff == b.signOff), (K.feedback, a.feedback == b.feedback), (K.contacts, a.contacts == b.contacts),
            (K.text, a.text == b.text), (K.reply, a.reply == b.reply), (K.previousReplies, a.previousReplies == b.previousReplies),
            (K.journal, a.journal == b.journal),
        ]
        return checks.filter { !$0.1 }.map(\.0)
    }
}

extension CaseDifference {
    /// What changed from `old` to `new`, a changed reply named part by part (`答复开头`): what someone
    /// is told another person changed while they were editing.
    public static func changes(from old: Case, to new: Case) -> [String] {
        fields(between: old, and: new).flatMap { field in
            field == CaseFileKey.reply ? new.reply.changedParts(from: old.reply).map { CaseFileKey.reply + $0 } : [field]
        }
    }
}
