/// A published reply read back into a new case, with what the import report says about it.
public struct ImportedReply: Sendable {
    /// The new case: its reply laid out with `profile` (`Reply.layout`).
    public var c: Case
    /// The reply's parts as read.
    public var read: ReadReply
    /// The profile whose layout explains the most lines (or the one given).
    public var profile: OfficeProfile
    /// Whether the profile was given (`--profile`) rather than detected.
    public var profileGiven: Bool
    /// The reply's lines: those of the file or page, the page's chrome and own title left out.
    public var total: Int
    /// How many of them the case, exported with `profile`, prints as they were.
    public var explained: Int
    /// The reply's lines (1-based places in `read.lines`; `read.lineNumbers` names their file
    /// lines) the export does not print as they were (nor elsewhere).
    public var unexplained: [Int]
    /// The reply's lines (1-based places in `read.lines`, as `unexplained`) the export prints as
    /// they were but in another place.
    public var moved: [Int]
    /// Lines the export prints that the reply does not have, as the export prints them.
    public var added: [String]
    /// What could not be kept in the case (an outcome outside the configured scheme …).
    public var notes: [String]
    /// What the profile requires of a final export that the case lacks (`ReplyDocument.missingParts`):
    /// empty unless no profile leaves the imported case complete, or the one given does not.
    public var missing: [String]

    /// The report's line saying what a final export will need, naming the parts; nil when the case
    /// is complete.
    public var missingNote: String? {
        missing.isEmpty ? nil
            : "按版式“\(profile.name)”导出定稿还缺少：\(missing.joined(separator: "、"))（答复中没有，导出定稿前须补上）"
    }

    /// One list of lines in which the export under `profile` differs from the reply.
    public struct Difference: Sendable {
        /// What the list holds: `按版式“上海区”导出时位置不同的行`.
        public var title: String
        /// Each line with the file line it is on (nil for a line only the export prints).
        public var lines: [(line: Int?, text: String)]
    }

    /// The lines printed otherwise than the reply has them — not as they were, elsewhere, and only
    /// by the export — each list left out when empty: what the report and the TUI preview list.
    public var differences: [Difference] {
        func listed(_ places: [Int]) -> [(line: Int?, text: String)] {
            places.map { (read.lineNumbers[$0 - 1], read.lines[$0 - 1]) }
        }
        return [Difference(title: "按版式“\(profile.name)”导出时与原文不同的行", lines: listed(unexplained)),
                Difference(title: "按版式“\(profile.name)”导出时位置不同的行", lines: listed(moved)),
                Difference(title: "导出时多出的行", lines: added.map { (nil, $0) })].filter { !$0.lines.isEmpty }
    }
}
