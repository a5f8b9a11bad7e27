import Foundation

/// The steps of handling a case: status moves, review, sign-off, outcomes, disclosure, contacts,
/// feedback and deadlines. Each step checks the case against the configuration and returns it
/// changed, with one journal entry appended saying what changed; a refused step throws a
/// `HandlingError` naming what is missing. Nothing here touches the store: the caller saves the
/// result with `CaseStore.save(_:replacing:)`, so the terminal UI and the command line share every rule.
public struct CaseHandling: Sendable {
    public let configuration: Configuration
    /// Who is working, as the journal records it.
    public let user: String
    public let clock: Clock

    public init(configuration: Configuration, user: String, clock: Clock) {
        self.configuration = configuration
        self.user = user
        self.clock = clock
    }

    var workflow: Workflow { configuration.workflow }

    /// Moves the case to `state`, if the workflow allows the move and the case holds what the state
    /// requires. A state that needs a reason （退回/改办） keeps it as the case's 退回理由. A reason
    /// given for any other move goes into the journal only. The signed state is entered by `signOff`.
    /// `state` may name a reopening step （撤回签发、更正答复）, which `reopenReply` takes; a plain move
    /// out of a state that locks the reply into one that does not is refused in its favour.
    public func move(_ c: Case, to state: String, reason: String = "") throws(HandlingError) -> Handled {
        let state = CaseHandling.word(state, in: workflow.states.map(\.name) + workflow.reopenings.map(\.name))
        if workflow.reopening(named: state) != nil { return try reopenReply(c, step: state, reason: reason) }
        try checkMove(from: c.status, to: state)
        try checkLeavesLockedReply(from: c.status, to: state)
        guard state != workflow.signed else { throw .signOffRequired(state: state) }
        var c = c
        let change = try enter(state, &c, reason: reason)
        return handled(c, [change])
    }

    /// Sends a reply under review back for changes, with the reviewer's comment.
    public func sendBack(_ c: Case, comment: String) throws(HandlingError) -> Handled {
        guard c.status == workflow.review else { throw .notInReview(status: c.status, review: workflow.review) }
        let comment = comment.trimmed
        guard !comment.isEmpty else { throw .commentRequired }
        var c = c
        let change = try enter(workflow.sentBack, &c)
        return handled(c, [JournalText.sendBack + comment, change])
    }

    /// Signs the reply off （签发）: records who signed and today's date, and moves the case to the
    /// signed state. Warns when no 面商/沟通 is on record.
    public func signOff(_ c: Case, signer: String) throws(HandlingError) -> Handled {
        let signer = signer.trimmed
        guard !signer.isEmpty else { throw .signerRequired }
        var c = c
        c.signOff = SignOff(signer: signer, date: clock.today)
        let change = try enter(workflow.signed, &c)
        return handled(c, ["签发（签发人：\(signer)）", change], warnings: c.contacts.isEmpty ? [.noContactOnRecord] : [])
    }

    /// Checks that the case may enter `state` and puts it there; returns the journal's words for it.
    func enter(_ state: String, _ c: inout Case, reason: String = "") throws(HandlingError) -> String {
        // A withdrawn case is closed, and a merged one follows the case that carries its reply.
        if c.withdrawal != nil { throw .withdrawnCase }
        if let carrier = c.mergedInto { throw .mergedIntoOther(carrier: carrier) }
        let target = try checkMove(from: c.status, to: state)
        let reason = reason.trimmed
        if target.needsReason && reason.isEmpty { throw .reasonRequired(state: state) }
        let missing = c.missing(Set(target.requires))
        guard missing.isEmpty else { throw .missing(state: state, parts: missing) }
        if target.needsReason { c.returnReason = reason }
        let change = JournalText.change("状态", c.status, state) + (reason.isEmpty ? "" : "（理由：\(reason)）")
        c.status = state
        return change
    }

    /// The state to move to, if the workflow has it and allows the move.
    @discardableResult
    private func checkMove(from status: String, to state: String) throws(HandlingError) -> Workflow.State {
        guard let target = workflow.state(named: state) else {
            throw .unknownState(state, allowed: workflow.states.map(\.name))
        }
        guard status != state else { throw .unchanged(field: "状态", value: state) }
        // The moves a refusal names are the ones that would be taken: a move that would free a signed
        // reply is named as its reopening step instead.
        let allowed = workflow.transitions[status] ?? []
        guard allowed.contains(state) else {
            let offered = allowed.filter { !workflow.leavesLockedReply(from: status, to: $0) } + workflow.reopenings(from: status).map(\.name)
            throw .transitionNotAllowed(from: status, to: state, allowed: offered)
        }
        return target
    }

    /// The case with one journal entry appended, joining `changes`.
    func handled(_ c: Case, _ changes: [String], warnings: [HandlingWarning] = []) -> Handled {
        var c = c
        let entry = JournalEntry(time: clock.timestamp(), user: user, text: changes.joined(separator: "；"))
        c.journal.append(entry)
        return Handled(value: c, entry: entry, warnings: warnings)
    }
}

/// A case after a handling step, ready to save.
public struct Handled: Hashable, Sendable {
    public var value: Case
    /// The entry the step appended to the journal; its text says what happened.
    public var entry: JournalEntry
    public var warnings: [HandlingWarning]
}

extension CaseHandling {
    /// The configured word `typed` stands for (`TypedText.match`: `办理中　`, typed with the IME's
    /// space, is 办理中); blank text is empty (nothing given); a word not in the list is returned as
    /// typed, for the check that follows to refuse, naming it.
    static func word(_ typed: String, in words: [String]) -> String {
        if let word = TypedText.match(typed, in: words) { return word }
        return TypedText.normalized(typed).isEmpty ? "" : typed
    }
}

/// How journal entries word a change.
enum JournalText {
    /// What a 退回修改 entry begins with, the reviewer's comment after it (`Case.sendBackComment` reads it back).
    static let sendBack = "退回修改："
    /// What a status change's words begin with (`change("状态", …)`).
    static let status = "状态："

    /// `状态：待签收 → 办理中`; just `反馈：满意` when there was nothing before.
    static func change(_ field: String, _ old: String, _ new: String) -> String {
        old.isEmpty ? "\(field)：\(new)" : "\(field)：\(old) → \(new.isEmpty ? "（空）" : new)"
    }
}

extension String {
    /// Without leading and trailing whitespace and line breaks.
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
