/// A case number as a reply's title prints it, read back: `第090号`, `第52号`, `155144号`,
/// `B〔2017〕9号`; the case's ID takes `CaseID.number(derivedFrom:)` of it.
public struct PrintedCaseNumber: Hashable, Sendable {
    /// What stands between 第 and 号 (`090`, `B〔2017〕9`).
    public var printed: String

    /// The number printed before 提案/建议/议案 in `title` (an opening line may cite a document's
    /// number first: `根据沪府发〔2018〕12号文件，对第52号建议…`); else the last `第…号`; else the
    /// last `…号`. Nil when the title prints none.
    public init?(in title: String) {
        let regex = #/第?\s*([A-Za-z]{0,3}[〔【\[［]\d{4}[〕】\]］]\d{1,6}|[A-Za-z]{0,3}\d{1,12}[A-Za-z]?)\s*号/#
        let matches = title.matches(of: regex)
        let beforeKind = matches.first { match in
            let after = title[match.range.upperBound...].drop { $0.isWhitespace }
            return ["提案", "建议", "议案"].contains { after.hasPrefix($0) }
        }
        guard let match = beforeKind ?? matches.last(where: { $0.output.0.hasPrefix("第") }) ?? matches.last else { return nil }
        printed = String(match.output.1)
    }

}
