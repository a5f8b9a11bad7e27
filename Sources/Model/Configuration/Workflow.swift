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
        /// The reply here has been signed or sent and is read-only （`reply_locked`）: changing it
        /// takes a `ReplyReopening`, which keeps what was signed.
        public var locksReply: Bool = false
    }

    /// A configured step that takes a signed or sent reply back for changes （撤回签发、更正答复,
    /// `reopen_reply:`）: from a state that locks the reply to one that does not, with a reason; the
    /// sign-off is cleared and the reply kept among the earlier replies.
    public struct ReplyReopening: Hashable, Sendable {
        /// What the step is called, in the menu, the journal and `banli move ID 撤回签发`.
        public var name: String
        /// The states it may be taken from; each locks the reply.
        public var from: [String]
        /// Where it takes the case; a state whose reply may be edited.
        public var to: String
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
    /// The steps that take a signed or sent reply back for changes, in the order menus offer them.
    public var reopenings: [ReplyReopening] = []

    public func state(named name: String) -> State? { states.first { $0.name == name } }

    public func isOpen(_ status: String) -> Bool { state(named: status)?.isOpen ?? true }

    /// Whether a case in `status` has a signed or sent reply that may not be changed in place.
    public func locksReply(_ status: String) -> Bool { state(named: status)?.locksReply ?? false }

    /// The reopening step called `name` （撤回签发）, if the workflow has one.
    public func reopening(named name: String) -> ReplyReopening? { reopenings.first { $0.name == name } }

    /// The reopening steps a case in `status` may take, in configured order.
    public func reopenings(from status: String) -> [ReplyReopening] { reopenings.filter { $0.from.contains(status) } }

    /// Why `c`'s reply may not be changed in place, when its state locks it: the refusal every path
    /// that would write the reply gives, naming the sign-off and the step that unlocks it.
    /// A merged case has no reply of its own and a withdrawn one needs none.
    public func replyLock(of c: Case) -> HandlingError? {
        if let carrier = c.mergedInto { return .mergedIntoOther(carrier: carrier) }
        if c.withdrawal != nil { return .withdrawnCase }
        guard locksReply(c.status) else { return nil }
        return .replyLocked(status: c.status, signOff: c.signOff, signed: c.status == signed,
                            reopenings: reopenings(from: c.status).map(\.name))
    }

    /// A plain move from `status` to `state` would make a signed or sent reply editable with its
    /// sign-off still on it; only a reopening step may do that.
    public func leavesLockedReply(from status: String, to state: String) -> Bool {
        locksReply(status) && self.state(named: state).map { !$0.locksReply } == true
    }

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
