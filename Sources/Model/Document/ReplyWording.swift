/// The wording of a reply for a case in one office profile: the profile's template for the case's
/// purpose, and the values its placeholders take from the case and the office.
public struct ReplyWording: Sendable {
    public let profile: OfficeProfile
    public let template: ReplyTemplate
    /// Every placeholder's value (`OfficeProfile.placeholders`), by name without braces; a value the
    /// case does not have is empty. For a case carrying merged cases （并案）, `{names}` and `{you}`
    /// take in their proposers, `{numbers}` is `090号、第091号` and `{merged_numbers}` `第090号、第091号`
    /// (empty for any other case, so a template may use it where a single case names no number). `{unit}` is the office's unit here; a line pattern's `{unit}`
    /// is the unit that signs (`ReplyDocument`).
    public let values: [String: String]

    /// The wording in `profile`, or else in the profile `configuration` gives the case (its reply's
    /// `版式` when the configuration has it, else the profile in use). `date` stands in for the
    /// reply's date (a reply being started has none yet).
    public init(for c: Case, configuration: Configuration, profile: OfficeProfile? = nil, date: LocalDate? = nil) {
        let profile = profile ?? configuration.shownProfile(for: c)
        self.profile = profile
        let purpose: ReplyTemplate.Purpose = c.role == .coHandler ? .coHandler : (c.kind == .proposal ? .proposal : .suggestion)
        template = profile.templates[purpose]!
        let office = configuration.office
        // A reply that answers merged cases （并案） addresses every proposer of them all, once each:
        // every case's lead always, then the others up to `salutation_max_names`, and 等 for the rest.
        var proposers: [String] = [], leads: [String] = []
        for name in c.proposers + c.mergedCases.flatMap(\.proposers) where !proposers.contains(name) { proposers.append(name) }
        for lead in ([c.proposers] + c.mergedCases.map(\.proposers)).compactMap(\.first) where !leads.contains(lead) { leads.append(lead) }
        let others = proposers.filter { !leads.contains($0) }.prefix(max(0, configuration.salutationMaxNames - leads.count))
        let named = leads + others
        let names = named.joined(separator: "、") + (named.count < proposers.count ? "等" : "")
        let numbers = ([c.numberAsPrinted] + c.mergedCases.map(\.printedNumber)).map { CaseID.bareNumber($0) + "号" }
        let r = c.reply
        var values = [
            "district": office.district, "unit": office.unit, "short_name": office.shortName, "level": profile.level,
            // Empty for an unknown meeting (not 零): a line naming it is then not printed.
            "term": c.meeting.isKnown ? ChineseNumeral.string(c.meeting.term) : "",
            "session": c.meeting.isKnown ? ChineseNumeral.string(c.meeting.session) : "",
            "meeting": profile.meetingName(c.meeting, kind: c.kind, district: office.district),
            "number": CaseID.bareNumber(c.numberAsPrinted), "title": c.title,
            "subject": ReplyWording.subject(of: c.title), "names": names, "you": proposers.count > 1 ? template.pluralYou : "您",
            "numbers": numbers.joined(separator: "、第"),
            "merged_numbers": c.mergedCases.isEmpty ? "" : "第" + numbers.joined(separator: "、第"),
            "lead_unit": c.leadUnit, "kind": c.kind.documentName, "addressee": c.kind.proposerTitle,
            "disclosure": c.disclosure?.printedCategory ?? "", "document_number": r.documentNumber,
            "signer": c.signOff?.signer ?? "", "outcome": c.printedOutcome?.result ?? "", "leader": r.leader,
            "contact_person": r.contactPerson, "contact_phone": r.contactPhone, "contact_address": r.contactAddress,
            "postcode": r.postcode, "copy_to": Self.list(r.copyTo), "report_to": Self.list(r.reportTo),
        ]
        for style in DateStyle.allCases { values[style.placeholder] = (date ?? r.date).map(style.string) ?? "" }
        self.values = values
    }

    /// Units of a copy line, as printed: `区政协提案委、区政府办公室`.
    private static func list(_ items: [String]) -> String {
        items.filter { !$0.isBlank }.joined(separator: "、")
    }

    public var title: String { fill(template.title) }
    public var salutation: String { fill(template.salutation) }
    public var opening: String { fill(template.opening) }
    public var closing: String { fill(template.closing) }
    public var signature: String { fill(template.signature) }
    public var footer: String { fill(template.footer) }

    /// Whether the case says which meeting it was raised at.
    private var meetingIsKnown: Bool { values["meeting"]?.isEmpty == false }

    /// `pattern` filled; for a case whose meeting is unknown, the phrase naming the meeting is left
    /// out first (`MeetingPhrase`), so that nothing prints `第零届` or `在上提出`.
    func fill(_ pattern: String) -> String {
        TemplateText.fill(meetingIsKnown ? pattern : MeetingPhrase.removed(from: pattern), values)
    }

    /// The title without a leading 关于 and a trailing 的建议/的提案/的议案.
    static func subject(of title: String) -> String {
        var s = Substring(title)
        if s.hasPrefix("关于") { s = s.dropFirst(2) }
        for suffix in ["的建议", "的提案", "的议案"] where s.hasSuffix(suffix) {
            s = s.dropLast(suffix.count)
            break
        }
        return String(s)
    }
}
