import Model

/// A question a handling step asks on the status line before it can be carried out: a reason,
/// a comment, a name, a date. Most need an answer (an empty one keeps the question open); a date
/// question starts with today's date filled in.
public enum HandlingQuestion: Hashable, Sendable {
    case followUpNote(outcome: String)
    case correctionReason(outcome: String)
    case reason(state: String)
    case statusCorrectionReason
    case signer
    case sendBackComment
    case contactPeople(ContactEntry.Method)
    case contactSummary(ContactEntry.Method, people: String)
    /// The date of a 面商 entry, the rest of which is given.
    case contactDate(ContactEntry.Method, people: String, summary: String)
    /// The date a feedback form came back, the satisfaction of which is chosen.
    case feedbackDate(Feedback)
    /// The proposer's comment, last on the form; required for 不满意.
    case feedbackComment(Feedback)
    /// Why a signed or sent reply is taken back （撤回签发、更正答复）.
    case reopenReason(step: String)
    /// Why the proposer withdrew the case （撤案）.
    case withdrawReason

    public var label: String {
        switch self {
        case .followUpNote(let outcome): return "改为“\(outcome)”的跟踪办理说明："
        case .correctionReason(let outcome): return "更正为“\(outcome)”的原因："
        case .reason(let state): return "转为“\(state)”的理由："
        case .statusCorrectionReason: return "更正上一次状态变更的原因："
        case .signer: return "签发人："
        case .sendBackComment: return "退回修改意见："
        case .contactPeople(let method): return "\(method.rawValue)对象："
        case .contactSummary: return "沟通情况："
        case .contactDate: return "面商日期："
        case .feedbackDate: return "反馈日期："
        case .feedbackComment(let f): return f.satisfaction == .dissatisfied ? "提出人的意见（必填）：" : "提出人的意见（可不填）："
        case .reopenReason(let step): return "\(step)的原因："
        case .withdrawReason: return "撤案理由："
        }
    }

    /// Said when Enter comes with no answer; nil when an empty answer will do.
    var required: String? {
        switch self {
        case .followUpNote: return "跟踪办理须写明说明"
        case .correctionReason, .statusCorrectionReason: return "更正须写明原因"
        case .reason: return "须写明理由"
        case .signer: return "请填写签发人的姓名"
        case .sendBackComment: return "请写明退回修改的意见"
        case .contactPeople: return "请写明面商或沟通的对象"
        case .contactSummary: return "请写明沟通情况"
        case .contactDate, .feedbackDate: return "请写明日期（YYYY-MM-DD）"
        case .feedbackComment(let f): return f.satisfaction == .dissatisfied ? "登记“不满意”须写明提出人的意见" : nil
        case .reopenReason(let step): return "\(step)须写明原因"
        case .withdrawReason: return "撤案须写明理由"
        }
    }

    /// The day a date question is answered for, nil for other questions.
    var recordDate: String? {
        switch self {
        case .contactDate: return "面商日期"
        case .feedbackDate: return "反馈日期"
        default: return nil
        }
    }

    /// What the answer leads to: the next question or menu, or the request to carry out. A date
    /// question's answer has been checked (`HandlingFlow`) before it comes here.
    func answered(_ text: String) -> HandlingFlow.Next {
        switch self {
        case .followUpNote(let outcome): return .request(.outcome(outcome, note: text))
        case .correctionReason(let outcome): return .request(.correctOutcome(outcome, reason: text))
        case .reason(let state): return .request(.move(state, reason: text))
        case .statusCorrectionReason: return .request(.correctStatus(reason: text))
        case .signer: return .request(.signOff(signer: text))
        case .sendBackComment: return .request(.sendBack(comment: text))
        case .contactPeople(let method): return .ask(.contactSummary(method, people: text))
        case .contactSummary(let method, let people): return .ask(.contactDate(method, people: people, summary: text))
        case .contactDate(let method, let people, let summary):
            guard let date = try? LocalDate(parsing: text) else { return .ask(self) }
            return .request(.contact(ContactEntry(date: date, method: method, people: people, summary: summary)))
        case .feedbackDate(var f):
            guard let date = try? LocalDate(parsing: text) else { return .ask(self) }
            f.date = date
            return .choose(.feedbackVisited(f))
        case .feedbackComment(var f):
            f.comment = text
            return .request(.feedback(f))
        case .reopenReason(let step): return .request(.reopen(step, reason: text))
        case .withdrawReason: return .request(.withdraw(reason: text))
        }
    }
}
