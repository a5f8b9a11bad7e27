/// A case's header fields: what the list views, filters, sorting and the statistics need, without the
/// long texts.
public struct CaseSummary: Hashable, Sendable {
    public var id: CaseID
    /// `Case.printedNumber`: the number as documents print it, when it is not the ID's; else empty.
    public var printedNumber: String
    public var title: String
    public var leadProposer: String
    public var jointSigners: [String]
    public var topic: String
    public var isKey: Bool
    public var role: HandlingRole
    /// `Case.assignedOn`: nil when the case file leaves 交办日期 out.
    public var assignedOn: LocalDate?
    public var deadline: LocalDate?
    public var status: String
    public var handler: String
    /// The current outcome label, or empty.
    public var outcome: String
    public var hasReply: Bool
    /// When the reply went out (`Case.repliedOn`).
    public var repliedOn: LocalDate?
    /// Whether any 面商 is recorded.
    public var hasContacts: Bool
    /// The returned feedback's satisfaction, nil before feedback.
    public var satisfaction: Feedback.Satisfaction?
    /// 撤案 or 并案 (`Case.disposition`); nil for a case in the ordinary course.
    public var disposition: Disposition? = nil
    /// How many recorded merge conflicts （冲突, `Case.conflicts`） wait to be resolved; 0 for most cases.
    public var conflictCount = 0

    public init(id: CaseID, printedNumber: String = "", title: String, leadProposer: String, jointSigners: [String], topic: String, isKey: Bool,
                role: HandlingRole, assignedOn: LocalDate?, deadline: LocalDate?, status: String, handler: String,
                outcome: String, hasReply: Bool, repliedOn: LocalDate? = nil, hasContacts: Bool = false,
                satisfaction: Feedback.Satisfaction? = nil) {
        self.id = id
        self.printedNumber = printedNumber
        self.title = title
        self.leadProposer = leadProposer
        self.jointSigners = jointSigners
        self.topic = topic
        self.isKey = isKey
        self.role = role
        self.assignedOn = assignedOn
        self.deadline = deadline
        self.status = status
        self.handler = handler
        self.outcome = outcome
        self.hasReply = hasReply
        self.repliedOn = repliedOn
        self.hasContacts = hasContacts
        self.satisfaction = satisfaction
    }

    public var kind: CaseKind { id.kind }

    /// The number a document prints: `printedNumber`, or else the ID's number (`Case.numberAsPrinted`).
    public var numberAsPrinted: String { printedNumber.isEmpty ? id.number : printedNumber }

    /// The proposers as a list names them: the lead, with 等 when others signed (`周建平等`); the
    /// first joint signer stands first when no lead is named; empty when nobody is.
    public var proposersInBrief: String {
        // Without building the list of names: `banli list` asks this of every case.
        let first = leadProposer.isEmpty ? jointSigners.first ?? "" : leadProposer
        return (leadProposer.isEmpty ? 0 : 1) + jointSigners.count > 1 ? first + "等" : first
    }

    /// Days from `today` to the deadline; negative when overdue, nil without a deadline.
    public func daysLeft(today: LocalDate) -> Int? { deadline.map { today.days(until: $0) } }
}
