/// A proposal or suggestion assigned to the bureau, with everything done about it.
public struct Case: Hashable, Sendable {
    public var kind: CaseKind
    public var meeting: Meeting
    /// The number within the meeting as the case's ID and file name carry it: ASCII letters, digits
    /// and '-' only (`090`, `B2017-9`).
    public var number: String
    /// The number as documents print it between 第 and 号 when it is not `number` (`B〔2017〕9` for
    /// `B〔2017〕9号`; see `CaseID.bareNumber`); empty otherwise.
    public var printedNumber: String
    public var title: String
    /// 领衔： the lead proposer; empty when the case's documents do not name one (a published reply
    /// addressed to a lead unit).
    public var leadProposer: String
    /// 联名： joint signers; every one of them receives the reply.
    public var jointSigners: [String]
    public var topic: String
    /// 重点： key cases are signed by the bureau head.
    public var isKey: Bool
    public var role: HandlingRole
    /// For 会办： the lead unit that writes the reply.
    public var leadUnit: String
    public var otherUnits: [String]
    /// 交办日期; nil when the case file leaves it out (a published reply seldom prints it). Without
    /// it no deadline is computed, nor a 退回/改办 window; a deadline set by hand still counts.
    public var assignedOn: LocalDate?
    public var deadline: LocalDate?
    /// Why the deadline was set by hand; empty when it follows the configured rule.
    public var deadlineNote: String
    /// One of the configured workflow states.
    public var status: String
    /// The staff member handling the case.
    public var handler: String
    /// Reason for a 退回/改办 request.
    public var returnReason: String
    public var disclosure: Disclosure?
    /// Oldest first; the last is the current result.
    public var outcomes: [OutcomeRecord]
    public var signOff: SignOff?
    /// The proposer's feedback forms, oldest first; the last is the current one. A form received
    /// later (after a second reply, or a corrected form) is added, never written over an earlier one.
    public var feedback: [Feedback]
    public var contacts: [ContactEntry]
    /// The proposal as received.
    public var text: String
    public var reply: Reply
    /// Earlier replies, oldest first: superseded by 不满意 feedback, 撤回签发 or 更正答复.
    public var previousReplies: [EarlierReply]
    /// Append-only.
    public var journal: [JournalEntry]
    /// 撤案： set when the proposer withdrew the case (`CaseHandling.withdraw`).
    public var withdrawal: Withdrawal? = nil
    /// 并入： the case that carries this case's reply （并案, `CaseHandling.merge`）; nil for a case
    /// answered on its own.
    public var mergedInto: CaseID? = nil
    /// 并案： on the case that carries the reply, the cases merged into it, in ID order.
    public var mergedCases: [MergedCase] = []
    /// 冲突： fields a merge of two copies of the store found changed differently on both sides,
    /// oldest first; empty for a case with nothing to resolve (`FieldConflict`).
    public var conflicts: [FieldConflict] = []

    public init(kind: CaseKind, meeting: Meeting, number: String, printedNumber: String = "", title: String, leadProposer: String,
                jointSigners: [String] = [], topic: String = "", isKey: Bool = false, role: HandlingRole = .lead,
                leadUnit: String = "", otherUnits: [String] = [], assignedOn: LocalDate?, deadline: LocalDate? = nil,
                deadlineNote: String = "", status: String, handler: String = "", returnReason: String = "",
                disclosure: Disclosure? = nil, outcomes: [OutcomeRecord] = [], signOff: SignOff? = nil,
                feedback: [Feedback] = [], contacts: [ContactEntry] = [], text: String = "", reply: Reply = Reply(),
                previousReplies: [EarlierReply] = [], journal: [JournalEntry] = []) {
        self.kind = kind
        self.meeting = meeting
        self.number = number
        self.printedNumber = printedNumber
        self.title = title
        self.leadProposer = leadProposer
        self.jointSigners = jointSigners
        self.topic = topic
        self.isKey = isKey
        self.role = role
        self.leadUnit = leadUnit
        self.otherUnits = otherUnits
        self.assignedOn = assignedOn
        self.deadline = deadline
        self.deadlineNote = deadlineNote
        self.status = status
        self.handler = handler
        self.returnReason = returnReason
        self.disclosure = disclosure
        self.outcomes = outcomes
        self.signOff = signOff
        self.feedback = feedback
        self.contacts = contacts
        self.text = text
        self.reply = reply
        self.previousReplies = previousReplies
        self.journal = journal
    }

    public var id: CaseID { CaseID(kind: kind, meeting: meeting, number: number) }

    /// The number a document prints: `printedNumber`, or else `number`.
    public var numberAsPrinted: String { printedNumber.isEmpty ? number : printedNumber }

    /// The case's number as a phrase: `第090号`, or the printed number as it stands when it already
    /// says 号 (`B〔2017〕9号`, `第52号`). The case file's first line and the case report use it, so it
    /// is one line whatever a hand-edited `案号` holds.
    public var numberPhrase: String {
        let printed = numberAsPrinted.split(whereSeparator: \.isNewline).joined(separator: " ")
        return printed.hasSuffix("号") ? printed : "第\(printed)号"
    }

    /// Every signer, lead first (none named as lead when the lead is empty).
    public var proposers: [String] { (leadProposer.isEmpty ? [] : [leadProposer]) + jointSigners }

    /// The current handling result, if any. A correction adds the corrected result after the
    /// mistaken one, so the last is never a corrected one.
    public var currentOutcome: OutcomeRecord? { outcomes.last { $0.correction == nil } }

    /// The first handling result, shown beside the current one once it has changed; a result
    /// recorded by mistake and corrected （更正） never counts as the first.
    public var firstOutcome: OutcomeRecord? { outcomes.first { $0.correction == nil } }

    /// The result the reply document prints: for a signed reply, the current one as of the reply's
    /// date (else the day it was signed) — the result is often recorded as the reply goes out, after
    /// signing — so that a follow-up （跟踪办理） recorded later changes the case's result but not
    /// the document that was signed and sent. A sign-off always belongs to the reply beside it
    /// (reopening clears it), so an unsigned reply prints the current result.
    public var printedOutcome: OutcomeRecord? {
        guard signOff != nil, let sent = repliedOn else { return currentOutcome }
        return outcomes.last { $0.correction == nil && $0.date <= sent } ?? currentOutcome
    }

    /// The current feedback form, if any has come back.
    public var currentFeedback: Feedback? { feedback.last }

    /// When the reply went out, as far as the case tells: the reply's date, or else the day it was signed.
    public var repliedOn: LocalDate? { reply.date ?? signOff?.date }

    /// The header fields that lists, filters, sorting and the statistics need.
    public var summary: CaseSummary {
        var summary = CaseSummary(id: id, printedNumber: printedNumber, title: title, leadProposer: leadProposer, jointSigners: jointSigners, topic: topic,
                    isKey: isKey, role: role, assignedOn: assignedOn, deadline: deadline, status: status,
                    handler: handler, outcome: currentOutcome?.result ?? "", hasReply: !reply.isEmpty,
                    repliedOn: repliedOn, hasContacts: !contacts.isEmpty, satisfaction: currentFeedback?.satisfaction)
        summary.disposition = disposition
        summary.conflictCount = conflicts.count
        return summary
    }
}
