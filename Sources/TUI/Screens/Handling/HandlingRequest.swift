import Model

/// A handling step the user has asked for from the keyboard, with everything it needs; the runner
/// carries it out on the selected (or marked) cases through `CaseHandling`, which holds every rule.
public enum HandlingRequest: Hashable, Sendable {
    /// A first result, or a follow-up （跟踪办理） with its note.
    case outcome(String, note: String)
    /// A mistaken result corrected （更正） to this one, with the reason.
    case correctOutcome(String, reason: String)
    case move(String, reason: String)
    /// The last status move reversed （更正）, with the reason.
    case correctStatus(reason: String)
    case signOff(signer: String)
    case sendBack(comment: String)
    /// A 面商/沟通 entry.
    case contact(ContactEntry)
    /// A feedback form with every field the user gave.
    case feedback(Feedback)
    /// A configured reopening of a signed or sent reply （撤回签发、更正答复）, with its reason.
    case reopen(String, reason: String)
    /// 撤案, with the proposer's reason.
    case withdraw(reason: String)
    /// 并案: the other cases merged into `carrier`, one of the cases the step is for.
    case merge(carrier: CaseID)
    /// Deleting a case entered by mistake: its file moved into `.banli/deleted/`.
    case delete
    /// Only whether 撤案, 并案 or deleting (`action`) can be done on the cases at all, checked with the
    /// cases read when the key is pressed, before any question; `marked` as the step was started.
    case check(Action, marked: Bool)

    /// What the step does, as a confirmation names it.
    var summary: String {
        switch self {
        case .outcome(let result, let note): return note.isEmpty ? "登记办理结果“\(result)”" : "跟踪办理，结果改为“\(result)”"
        case .correctOutcome(let result, _): return "更正办理结果为“\(result)”"
        case .move(let state, _): return "转为“\(state)”"
        case .correctStatus: return "更正上一次状态变更"
        case .signOff(let signer): return "签发（签发人 \(signer)）"
        case .sendBack: return "退回修改"
        case .contact(let entry): return "添加\(entry.method.rawValue)记录"
        case .feedback(let feedback): return "登记反馈“\(feedback.satisfaction.rawValue)”"
        case .reopen(let name, _): return name
        case .withdraw(let reason): return "撤案（理由：\(reason)）"
        case .merge(let carrier): return "并入 \(carrier)"
        case .delete: return "删除"
        case .check: return "检查能否办理"
        }
    }

    /// The step worked out on `cases` as the runner read them, all or none: the changed cases in the
    /// order they are to be saved. A merge is one step across the cases (the carrier among them);
    /// deleting changes no case, so it only checks that each may be deleted and gives none.
    func apply(_ handling: CaseHandling, to cases: [Case]) throws(BatchRefusal) -> [Handled] {
        switch self {
        case .merge(let carrier):
            guard let carrierCase = cases.first(where: { $0.id == carrier }) else { return [] }
            return try handling.merge(cases.filter { $0.id != carrier }, into: carrierCase)
        case .delete:
            try handling.checkDeletable(cases)
            return []
        default: return try handling.applying(step(handling), to: cases)
        }
    }

    private func step(_ handling: CaseHandling) -> (Case) throws(HandlingError) -> Handled {
        { (c: Case) throws(HandlingError) -> Handled in
            switch self {
            case .outcome(let result, let note): return try handling.setOutcome(c, result, note: note)
            case .correctOutcome(let result, let reason): return try handling.correctOutcome(c, to: result, reason: reason)
            case .move(let state, let reason): return try handling.move(c, to: state, reason: reason)
            case .correctStatus(let reason): return try handling.correctStatus(c, reason: reason)
            case .signOff(let signer): return try handling.signOff(c, signer: signer)
            case .sendBack(let comment): return try handling.sendBack(c, comment: comment)
            case .contact(let entry): return try handling.addContact(c, entry)
            case .feedback(let feedback): return try handling.recordFeedback(c, feedback)
            case .reopen(let name, let reason): return try handling.reopenReply(c, step: name, reason: reason)
            case .withdraw(let reason): return try handling.withdraw(c, reason: reason)
            case .merge, .delete: preconditionFailure("\(self) is one step across the cases, taken by apply(_:to:)")
            case .check: preconditionFailure("a check changes no case: HandlingFlow answers it")
            }
        }
    }
}
