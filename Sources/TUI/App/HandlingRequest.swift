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
            }
        }
    }
}

/// A one-line question on the status line: a reason, a comment, a name. Answered with Enter,
/// cancelled with Esc; the text is edited like any field (Chinese input, the cursor at the caret).
public struct Question: Sendable {
    public enum Purpose: Hashable, Sendable {
        case followUpNote(outcome: String)
        case reason(state: String)
        case signer
        case sendBackComment
        case contactPeople(ContactEntry.Method)
        case contactSummary(ContactEntry.Method, people: String)
    }

    public var purpose: Purpose
    public var editor = TextEditor(text: "")

    public init(_ purpose: Purpose) {
        self.purpose = purpose
    }

    public var label: String {
        switch purpose {
        case .followUpNote(let outcome): return "改为“\(outcome)”的跟踪办理说明："
        case .reason(let state): return "转为“\(state)”的理由："
        case .signer: return "签发人："
        case .sendBackComment: return "退回修改意见："
        case .contactPeople(let method): return "\(method.rawValue)对象："
        case .contactSummary: return "沟通情况："
        }
    }

    /// What the answer leads to: the next question, or the request to carry out.
    func answered(_ text: String) -> Either {
        switch purpose {
        case .followUpNote(let outcome): return .request(.outcome(outcome, note: text))
        case .reason(let state): return .request(.move(state, reason: text))
        case .signer: return .request(.signOff(signer: text))
        case .sendBackComment: return .request(.sendBack(comment: text))
        case .contactPeople(let method): return .question(Question(.contactSummary(method, people: text)))
        case .contactSummary(let method, let people): return .request(.contact(method, people: people, summary: text))
        }
    }

    enum Either {
        case question(Question)
        case request(HandlingRequest)
    }
}
