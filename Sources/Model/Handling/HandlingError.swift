/// Why a handling step was refused. Each description is one line in Chinese that says what is
/// missing or wrong, so a clerk can put it right without looking anything up.
public enum HandlingError: Error, Hashable, Sendable, CustomStringConvertible {
    case unknownState(String, allowed: [String])
    case transitionNotAllowed(from: String, to: String, allowed: [String])
    /// The state needs a written reason （退回/改办）.
    case reasonRequired(state: String)
    /// The case lacks what the state requires: reply parts, 办理结果、签发人.
    case missing(state: String, parts: [String])
    /// The signed state is entered by signing off, which records who signed.
    case signOffRequired(state: String)
    case signerRequired
    case notInReview(status: String, review: String)
    case commentRequired
    case unknownOutcome(String, allowed: [String])
    /// A first result exists; changing it is a follow-up, with a note saying why.
    case outcomeAlreadyRecorded(current: String)
    case noOutcomeToFollowUp
    case noteRequired
    case unknownDisclosure(String, allowed: [String])
    case disclosureReasonRequired(category: String)
    case contactIncomplete(missing: [String])
    case notAnswered(status: String)
    case invalidFeedback(field: String, value: String, allowed: [String])
    case deadlineReasonRequired
    case deadlineBeforeAssignment(deadline: LocalDate, assignedOn: LocalDate)
    /// The step would change nothing: the field already has the value.
    case unchanged(field: String, value: String)
    /// The reply has been signed or sent （a `reply_locked` state）: it is read-only until a
    /// reopening step （`reopenings`, 撤回签发/更正答复） takes it back.
    case replyLocked(status: String, signOff: SignOff?, signed: Bool, reopenings: [String])
    /// A plain move would leave a signed or sent reply editable with its sign-off; the reopening
    /// step does it and keeps what was signed.
    case reopeningRequired(from: String, to: String, reopenings: [String])
    /// The reopening step does not start from the case's state.
    case reopeningNotAllowed(step: String, status: String, from: [String])
    /// 撤回签发 and 更正答复 need a written reason.
    case reopeningReasonRequired(step: String)

    public var description: String {
        switch self {
        case .unknownState(let name, let allowed): return "未知状态“\(name)”（可选：\(allowed.joined(separator: "、"))）"
        case .transitionNotAllowed(let from, let to, let allowed):
            let options = allowed.isEmpty ? "“\(from)”不能再转为其他状态" : "“\(from)”只能转为：\(allowed.joined(separator: "、"))"
            return "不能从“\(from)”转为“\(to)”（\(options)）"
        case .reasonRequired(let state): return "转为“\(state)”须写明理由"
        case .missing(let state, let parts): return "不能转为“\(state)”：缺少 \(parts.joined(separator: "、"))"
        case .signOffRequired(let state): return "转为“\(state)”须经签发，登记签发人"
        case .signerRequired: return "签发须写明签发人"
        case .notInReview(let status, let review): return "只有“\(review)”的答复可以退回修改（当前状态为“\(status)”）"
        case .commentRequired: return "退回修改须写明修改意见"
        case .unknownOutcome(let result, let allowed): return "未知办理结果“\(result)”（可选：\(allowed.joined(separator: "、"))）"
        case .outcomeAlreadyRecorded(let current): return "已有办理结果“\(current)”，更改须作为跟踪办理并写明说明"
        case .noOutcomeToFollowUp: return "尚无办理结果，不能跟踪办理"
        case .noteRequired: return "跟踪办理须写明说明"
        case .unknownDisclosure(let category, let allowed): return "未知公开属性“\(category)”（可选：\(allowed.joined(separator: "、"))）"
        case .disclosureReasonRequired(let category): return "公开属性为“\(category)”时须写明理由"
        case .contactIncomplete(let missing): return "面商记录缺少 \(missing.joined(separator: "、"))"
        case .notAnswered(let status): return "案件尚未答复（当前状态为“\(status)”），不能登记反馈"
        case .invalidFeedback(let field, let value, let allowed):
            return "反馈的\(field)“\(value)”无效（可选：\(allowed.joined(separator: "、"))）"
        case .deadlineReasonRequired: return "修改答复期限须写明理由"
        case .deadlineBeforeAssignment(let deadline, let assignedOn): return "答复期限 \(deadline) 早于交办日期 \(assignedOn)"
        case .unchanged(let field, let value): return "\(field)已是“\(value)”，未作更改"
        case .replyLocked(let status, let signOff, let signed, let reopenings):
            // The signed state names the signing itself; a later state says it was signed.
            let signature = signOff.map { "（\($0.signer) \($0.date)\(signed ? "" : " 签发")）" } ?? ""
            let how = reopenings.isEmpty ? "" : "。要修改请先\(reopenings.joined(separator: "或"))"
            return "\(status)\(signature)，答复只读\(how)"
        case .reopeningRequired(let from, let to, let reopenings):
            let how = reopenings.isEmpty ? "" : "，须经“\(reopenings.joined(separator: "”或“"))”并写明原因"
            return "不能从“\(from)”直接转为“\(to)”：答复已签发，只读\(how)"
        case .reopeningNotAllowed(let step, let status, let from):
            return "只有“\(from.joined(separator: "”“"))”的案件可以\(step)（当前状态为“\(status)”）"
        case .reopeningReasonRequired(let step): return "\(step)须写明原因"
        }
    }
}

/// Something worth saying about a step that was nevertheless taken.
public enum HandlingWarning: Hashable, Sendable, CustomStringConvertible {
    /// Signed with no 面商/沟通 on record: replies are expected to follow a meeting with the proposer.
    case noContactOnRecord

    public var description: String {
        switch self {
        case .noContactOnRecord: return "尚无面商记录：答复签发前通常应与提出人面商或沟通"
        }
    }
}
