/// The configured handling workflow: the states a case passes through, the moves allowed between
/// them, what a case must hold before it may enter a state, and which states stand for the steps
/// banli itself acts on (review, sign-off, reply, reopening), so no state name is written in code.
public struct Workflow: Hashable, Sendable {
    public struct State: Hashable, Sendable {
        public var name: String
        /// Open states count towards deadlines and "in progress".
        public var isOpen: Bool
        /// Entering this state requires a written reason （退回/改办）.
        public var needsReason: Bool
        /// What a case must hold before it may enter this state.
        public var requires: [Requirement]
    }

    /// Something a state may require of a case, named in the configuration as a clerk would.
    public enum Requirement: String, CaseIterable, Sendable {
        case salutation = "称呼", opening = "开头", body = "正文", closing = "结尾", signature = "落款", date = "日期"
        case outcome = "办理结果"
        case signer = "签发人"

        /// The requirement a part of the reply fulfils.
        init(_ part: Reply.Part) {
            switch part {
            case .salutation: self = .salutation
            case .opening: self = .opening
            case .section: self = .body
            case .closing: self = .closing
            case .signature: self = .signature
            case .date: self = .date
            }
        }

        /// What an exported reply document cannot do without.
        public static let replyDocument: Set<Requirement> = [.salutation, .opening, .body, .closing, .signature, .date, .outcome]
    }

    public var initial: String
    public var states: [State]
    /// Allowed moves, from a state to the states it may go to.
    public var transitions: [String: [String]]
    /// 审核（核稿）： a reply here may be sent back with a comment.
    public var review: String
    /// Where a reply sent back from review goes.
    public var sentBack: String
    /// 已签发： entered only by signing off, which records the signer.
    public var signed: String
    /// 已答复： the reply has gone out and feedback is awaited.
    public var replied: String
    /// Where 不满意 feedback sends a case for a second reply.
    public var reopened: String

    public func state(named name: String) -> State? { states.first { $0.name == name } }

    public func isOpen(_ status: String) -> Bool { state(named: status)?.isOpen ?? true }

    /// The states of a case whose reply has gone out: the replied state and the closed states reached
    /// from it without reopening （已答复、已办结）. A case moved back to an open state is being
    /// handled again; a returned case never was answered.
    public var answeredStates: Set<String> {
        var found: Set<String> = [replied], frontier = [replied]
        while let next = frontier.popLast() {
            for target in transitions[next] ?? [] where !found.contains(target) {
                guard let state = state(named: target), !state.isOpen, !state.needsReason else { continue }
                found.insert(target)
                frontier.append(target)
            }
        }
        return found
    }
}
