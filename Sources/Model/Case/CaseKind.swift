/// The two kinds of case a bureau answers. Raw values are the words used in files.
public enum CaseKind: String, CaseIterable, Sendable {
    /// 政协提案， raised by CPPCC members （委员）.
    case proposal = "提案"
    /// 人大代表建议， raised by People's Congress deputies （代表）.
    case suggestion = "建议"

    /// How a proposer is addressed: 委员 or 代表.
    public var proposerTitle: String { self == .proposal ? "委员" : "代表" }

    /// The full name of the kind, as a document prints it: 委员提案 / 代表建议.
    public var documentName: String { self == .proposal ? "委员提案" : "代表建议" }

    /// The prefix of a file name and case ID: zx （政协） or rd （人大）.
    public var idPrefix: String { self == .proposal ? "zx" : "rd" }
}
