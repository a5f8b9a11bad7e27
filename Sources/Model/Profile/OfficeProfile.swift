/// An office's layout of the reply document （版式）: what comes above and under the title, how
/// meetings, dates, headings, the signature and the contact block are printed, and which parts a
/// final export requires. Profiles are named in the configuration under `profiles:`; `profile:`
/// names the one in use, a store may name its own (`banli init --profile`), and a reply read back
/// from a published document keeps the one that explained it (`Reply.layout`).
///
/// Line patterns are lists of items, each item a pattern with `{placeholders}` (see
/// `OfficeProfile.placeholders`). An item is printed only when every placeholder in it has a value;
/// a line with no item left is left out. Items of one line are printed on one line, four spaces apart.
public struct OfficeProfile: Hashable, Sendable {
    /// One line of a block: its items, in order.
    public typealias Line = [String]

    /// How several signing units are printed.
    public enum UnitLayout: String, Hashable, Sendable, CaseIterable {
        /// `桐川市民政局    桐川市财政局`
        case oneLine = "one_line"
        /// One unit a line.
        case stacked
    }

    /// The key under `profiles:`.
    public var name: String
    /// One line saying whose layout it is, for `banli init --profile` and the import report.
    public var description: String
    /// `{level}`: 区, 县, 市, 镇, 街道 — the issuing level, used in meeting names and titles.
    public var level: String
    /// The meeting name per kind (`meetings.proposal`, `meetings.suggestion`), e.g.
    /// `{level}政协第{term}届委员会第{session}次会议` (long) or `政协{term}届{session}次会议` (short).
    public var meetings: [CaseKind: String]
    /// Title, salutation, opening, closing, signature and footer patterns per purpose.
    public var templates: [ReplyTemplate.Purpose: ReplyTemplate]
    /// Lines above the title （版头）: `[["{unit}文件"], ["签发人：{signer}"], ["{document_number}"]]`.
    public var documentHead: [Line]
    /// Lines under the title, in order: disclosure, unit, date, 办理结果 … with their labels.
    public var header: [Line]
    /// The numeral of each heading level, written as the first one: `["一、", "（一）", "1.", "（1）"]`
    /// (see `headingNumerals`).
    public var headings: [String]
    /// How several signing units are printed.
    public var signatureUnits: UnitLayout
    /// The date under the signature, e.g. `{date}` or `{date_hanzi}`; empty when the date is
    /// printed in the header only.
    public var signatureDate: String
    /// The contact block's lines: one line of items, or one item a line, with the office's labels.
    public var contact: [Line]
    /// The copy lines: `抄送：{copy_to}`, `抄报：{report_to}`.
    public var copies: [String]
    /// The parts a final (not draft) export requires.
    public var required: [Workflow.Requirement]
    /// The typefaces of the Word and PDF document (`fonts:`).
    public var fonts: DocumentFonts
    /// Whether headings (and run-in headings) are bold in the Word and PDF document
    /// (`bold_headings:`; GB/T 9704-2012 leaves it to the office).
    public var boldHeadings: Bool
    /// Whether the 版记 (抄送, 抄报) stands between rules, as GB/T 9704-2012 7.4 prints it in a
    /// 文件 (`record_rules:`); a letter (信函格式, 10.1) has none.
    public var recordRules: Bool

    public init(name: String, description: String, level: String, meetings: [CaseKind: String],
                templates: [ReplyTemplate.Purpose: ReplyTemplate], documentHead: [Line], header: [Line],
                headings: [String], signatureUnits: UnitLayout, signatureDate: String, contact: [Line],
                copies: [String], required: [Workflow.Requirement], fonts: DocumentFonts = .standard,
                boldHeadings: Bool = false, recordRules: Bool = true) {
        self.name = name
        self.description = description
        self.level = level
        self.meetings = meetings
        self.templates = templates
        self.documentHead = documentHead
        self.header = header
        self.headings = headings
        self.signatureUnits = signatureUnits
        self.signatureDate = signatureDate
        self.contact = contact
        self.copies = copies
        self.required = required
        self.fonts = fonts
        self.boldHeadings = boldHeadings
        self.recordRules = recordRules
    }

    /// Placeholders of line patterns (head, header, signature date, contact, copies) besides the
    /// templates' own (`ReplyTemplate.placeholders`).
    public static let linePlaceholders: Set<String> = [
        "level", "disclosure", "document_number", "signer", "outcome",
        "date", "date_padded", "date_hanzi", "date_dotted", "date_dashed",
        "leader", "contact_person", "contact_phone", "contact_address", "postcode", "copy_to", "report_to",
    ]

    /// Every placeholder a profile's patterns may use: line patterns and templates alike take both
    /// the templates' placeholders and the line placeholders.
    public static let placeholders = ReplyTemplate.placeholders.union(linePlaceholders)

    /// The placeholders of a meeting pattern (`meetings.proposal`): the meeting is named before the
    /// case's other values exist.
    public static let meetingPlaceholders: Set<String> = ["level", "district", "term", "session"]

    /// The numbering of each heading level, level 1 first (`headings` as read: the decoder accepts
    /// only numerals `HeadingNumeral` reads, one per level of `ReplySection.levels`).
    public var headingNumerals: [HeadingNumeral] { headings.compactMap(HeadingNumeral.init) }

    /// The meeting a case of `kind` was raised at, named in this office's style; empty when the
    /// case does not say which meeting (term or session 0).
    public func meetingName(_ meeting: Meeting, kind: CaseKind, district: String) -> String {
        guard meeting.term > 0, meeting.session > 0, let pattern = meetings[kind] else { return "" }
        return TemplateText.fill(pattern, [
            "level": level, "district": district,
            "term": ChineseNumeral.string(meeting.term), "session": ChineseNumeral.string(meeting.session),
        ])
    }

    /// Whether a `documentHead` line is the 发文机关标志 (masthead, printed large and red by GB/T
    /// 9704-2012 7.2.3): a line of one item that names the issuing unit and nothing else that
    /// varies, as `{unit}文件` or `{unit}`. A head line of 文号 or 签发人 is not, wherever it stands.
    public static func isMasthead(_ line: Line) -> Bool {
        line.count == 1 && TemplateText.placeholders(in: line[0]) == ["unit"]
    }
}
