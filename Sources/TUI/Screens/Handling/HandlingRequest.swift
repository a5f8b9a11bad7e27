import Model

/// A handling step the user has asked for from the keyboard, with everything it needs; the runner
/// carries it out on the selected (or marked) cases through `CaseHandling`, which holds every rule.
public enum HandlingRequest: Hashable, Sendable {
    /// A first result, or a follow-up （跟踪办理） with its note.
    case outcome(String, note: String)
    case move(String, reason: String)
    case signOff(signer: String)
    case sendBack(comment: String)
    /// A 面商/沟通 entry dated today.
    case contact(ContactEntry.Method, people: String, summary: String)
    case feedback(Feedback.Satisfaction)
    /// A configured reopening of a signed or sent reply （撤回签发、更正答复）, with its reason.
    case reopen(String, reason: String)

    /// What the step does, as a confirmation names it.
    var summary: String {
        switch self {
        case .outcome(let result, let note): return note.isEmpty ? "登记办理结果“\(result)”" : "跟踪办理，结果改为“\(result)”"
        case .move(let state, _): return "转为“\(state)”"
        case .signOff(let signer): return "签发（签发人 \(signer)）"
        case .sendBack: return "退回修改"
        case .contact(let method, _, _): return "添加\(method.rawValue)记录"
        case .feedback(let satisfaction): return "登记反馈“\(satisfaction.rawValue)”"
        case .reopen(let name, _): return name
        }
    }

    func step(_ handling: CaseHandling) -> (Case) throws(HandlingError) -> Handled {
        { (c: Case) throws(HandlingError) -> Handled in
            switch self {
            case .outcome(let result, let note): return try handling.setOutcome(c, result, note: note)
            case .move(let state, let reason): return try handling.move(c, to: state, reason: reason)
            case .signOff(let signer): return try handling.signOff(c, signer: signer)
            case .sendBack(let comment): return try handling.sendBack(c, comment: comment)
            case .contact(let method, let people, let summary):
                return try handling.addContact(c, ContactEntry(date: handling.clock.today, method: method, people: people, summary: summary))
            case .feedback(let satisfaction):
                return try handling.recordFeedback(c, Feedback(date: handling.clock.today, satisfaction: satisfaction))
            case .reopen(let name, let reason): return try handling.reopenReply(c, step: name, reason: reason)
            }
        }
    }
}

/// A question a handling step asks on the status line before it can be carried out: a reason,
/// a comment, a name. Every one needs an answer (an empty one keeps the question open).
public enum HandlingQuestion: Hashable, Sendable {
    case followUpNote(outcome: String)
    case reason(state: String)
    case signer
    case sendBackComment
    case contactPeople(ContactEntry.Method)
    case contactSummary(ContactEntry.Method, people: String)
    /// Why a signed or sent reply is taken back （撤回签发、更正答复）.
    case reopenReason(step: String)

    public var label: String {
        switch self {
        case .followUpNote(let outcome): return "改为“\(outcome)”的跟踪办理说明："
        case .reason(let state): return "转为“\(state)”的理由："
        case .signer: return "签发人："
        case .sendBackComment: return "退回修改意见："
        case .contactPeople(let method): return "\(method.rawValue)对象："
        case .contactSummary: return "沟通情况："
        case .reopenReason(let step): return "\(step)的原因："
        }
    }

    /// Said when Enter comes with no answer.
    var required: String {
        switch self {
        case .followUpNote: return "跟踪办理须写明说明"
        case .reason: return "须写明理由"
        case .signer: return "请填写签发人的姓名"
        case .sendBackComment: return "请写明退回修改的意见"
        case .contactPeople: return "请写明面商或沟通的对象"
        case .contactSummary: return "请写明沟通情况"
        case .reopenReason(let step): return "\(step)须写明原因"
        }
    }

    /// What the answer leads to: the next question, or the request to carry out.
    func answered(_ text: String) -> HandlingFlow.Next {
        switch self {
        case .followUpNote(let outcome): return .request(.outcome(outcome, note: text))
        case .reason(let state): return .request(.move(state, reason: text))
        case .signer: return .request(.signOff(signer: text))
        case .sendBackComment: return .request(.sendBack(comment: text))
        case .contactPeople(let method): return .ask(.contactSummary(method, people: text))
        case .contactSummary(let method, let people): return .request(.contact(method, people: people, summary: text))
        case .reopenReason(let step): return .request(.reopen(step, reason: text))
        }
    }
}
