/// A case number as a reply's title prints it, read back: `第090号`, `第52号`, `155144号`,
/// `B〔2017〕9号`; the case's ID takes `CaseID.number(derivedFrom:)` of it.
public struct PrintedCaseNumber: Hashable, Sendable {
    /// What stands between 第 and 号 (`090`, `B〔2017〕9`).
    public var printed: String

    /// The number printed before 提案/建议/议案 in `title` (the last `…号` when no kind follows); nil
    /// when the title prints none.
    public init?(in title: String) {
        let regex = #/第?\s*([A-Za-z]{0,3}[〔【\[［]\d{4}[〕】\]］]\d{1,6}|[A-Za-z]{0,3}\d{1,12}[A-Za-z]?)\s*号/#
        guard let match = title.matches(of: regex).last else { return nil }
        printed = String(match.output.1)
    }

}
