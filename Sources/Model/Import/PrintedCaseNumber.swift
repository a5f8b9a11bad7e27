/// A case number as a reply's title prints it, read back: `第090号`, `第52号`, `155144号`,
/// `B〔2017〕9号`; with the safe ASCII number the case's ID and file name use.
public struct PrintedCaseNumber: Hashable, Sendable {
    /// What stands between 第 and 号 (`090`, `B〔2017〕9`).
    public var printed: String
    /// Letters, digits and `-` only (`B2017-9`): `CaseID.isValidNumber` holds.
    public var ascii: String

    /// The number printed before 提案/建议/议案 in `title` (the last `…号` when no kind follows); nil
    /// when the title prints none.
    public init?(in title: String) {
        let regex = #/第?\s*([A-Za-z]{0,3}[〔【\[［]\d{4}[〕】\]］]\d{1,6}|[A-Za-z]{0,3}\d{1,12}[A-Za-z]?)\s*号/#
        guard let match = title.matches(of: regex).last else { return nil }
        printed = String(match.output.1)
        ascii = Self.ascii(printed)
    }

    /// The ASCII form of a printed number: brackets' insides run on (`B〔2017〕9` → `B2017-9`),
    /// anything else that is not a letter or digit dropped, at most 16 characters; `1` when
    /// nothing is left. (The store's own derivation, with a free number when the ID is taken, is the
    /// command's.)
    static func ascii(_ printed: String) -> String {
        var out = ""
        for c in printed {
            if c.isASCII && (c.isLetter || c.isNumber) { out.append(c) } else if "〕】]］)）-".contains(c), !out.isEmpty, out.last != "-" { out.append("-") }
        }
        while out.last == "-" { out.removeLast() }
        let number = String(out.prefix(16))
        return CaseID.isValidNumber(number) ? number : "1"
    }
}
