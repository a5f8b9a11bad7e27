/// The configured template for a case, filled from the case and the office: the generated parts of
/// a reply (title, salutation, opening, closing, signature, footer).
public struct ReplyWording: Sendable {
    public let template: ReplyTemplate
    public let values: [String: String]

    public init(for c: Case, configuration: Configuration, date: LocalDate? = nil) {
        let purpose: ReplyTemplate.Purpose = c.role == .coHandler ? .coHandler : (c.kind == .proposal ? .proposal : .suggestion)
        template = configuration.template(for: purpose)
        let office = configuration.office
        let names = c.proposers.count > configuration.salutationMaxNames
            ? c.proposers.prefix(configuration.salutationMaxNames).joined(separator: "、") + "等"
            : c.proposers.joined(separator: "、")
        values = [
            "district": office.district, "unit": office.unit, "short_name": office.shortName,
            "term": ChineseNumeral.string(c.meeting.term), "session": ChineseNumeral.string(c.meeting.session),
            "meeting": c.meeting.printed(for: c.kind), "number": c.number, "title": c.title,
            "subject": ReplyWording.subject(of: c.title), "names": names, "you": c.proposers.count > 1 ? template.pluralYou : "您",
            "lead_unit": c.leadUnit, "kind": c.kind.documentName, "addressee": c.kind.proposerTitle,
            "date": (date ?? c.reply.date)?.chinese ?? "",
        ]
    }

    public var title: String { TemplateText.fill(template.title, values) }
    public var salutation: String { TemplateText.fill(template.salutation, values) }
    public var opening: String { TemplateText.fill(template.opening, values) }
    public var closing: String { TemplateText.fill(template.closing, values) }
    public var signature: String { TemplateText.fill(template.signature, values) }
    public var footer: String { TemplateText.fill(template.footer, values) }

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
