/// A case merged into the case that carries the reply （并案）, as the carrier lists it under `并案`:
/// its ID, and the number and proposers its reply names. The reply's salutation and opening name
/// every proposer and number of the merged cases (`ReplyWording`), wherever the reply is printed, so
/// the carrier keeps them as they stood when the case was merged (`banli merge` again brings them
/// up to date; `banli check` warns when they differ from the merged case's own).
public struct MergedCase: Hashable, Sendable {
    public var id: CaseID
    /// `Case.numberAsPrinted` of the merged case (`091`, `B〔2017〕9`).
    public var printedNumber: String
    /// `Case.proposers` of the merged case, lead first.
    public var proposers: [String]

    public init(id: CaseID, printedNumber: String, proposers: [String]) {
        self.id = id
        self.printedNumber = printedNumber
        self.proposers = proposers
    }

    /// What the carrier keeps of `c`.
    public init(_ c: Case) {
        self.init(id: c.id, printedNumber: c.numberAsPrinted, proposers: c.proposers)
    }
}
