import Foundation

/// A body section of a reply: a heading at one of four levels and its paragraphs. The numeral
/// （一、 （一） 1. （1））is not stored; it follows from the section's place among the sections of
/// its level, in the style the office profile gives each level. A section with an empty heading is
/// plain paragraphs (a reply without numbered sections keeps its body in one such section).
public struct ReplySection: Hashable, Sendable {
    /// The heading without its numeral: `规范居委会功能，推进社区减负`.
    public var heading: String
    /// One paragraph per line.
    public var text: String
    /// 1 for `一、`, 2 for `（一）`, 3 for `1.`, 4 for `（1）` (`ReplySection.levels`).
    public var level: Int
    /// Run-in （标题接排）: the heading and the first paragraph of `text` print as one paragraph
    /// (`一、摸清底数，分类施策。镇政府对……`) instead of the heading on a line of its own.
    public var runIn: Bool

    /// The heading levels a section may have.
    public static let levels = 1...4

    /// Whether the section says something: it has text, or it is a heading over sub-sections
    /// (`一、关于…` followed by `（一）…`), or a numbered point that is a sentence of its own
    /// (`1.已接入14个部门数据。`, `（1）服务预约：……；`, as published replies list points). An empty
    /// heading's section is plain paragraphs, written once it has text.
    func isWritten(before next: ReplySection?) -> Bool {
        let sentence = heading.trimmingCharacters(in: .whitespaces).last.map(Self.runInStops.contains) ?? false
        return !text.isBlank || (!heading.isBlank && (sentence || (next.map { $0.level > level } ?? false)))
    }

    public init(heading: String, text: String, level: Int = 1, runIn: Bool = false) {
        self.heading = heading
        self.text = text
        self.level = level
        self.runIn = runIn
    }
}

/// The reply to a case, drafted section by section, in document order.
public struct Reply: Hashable, Sendable {
    /// The name of the office profile the reply is laid out with (`版式`); empty for the store's.
    /// A reply read back from a published document keeps the profile that explained it.
    public var layout: String
    /// The document's title when it is not the profile's pattern filled from the case (a title
    /// written by hand, or read back); may hold a line break where the title is printed on two lines.
    public var title: String
    /// 文号， e.g. 青民函〔2018〕12号.
    public var documentNumber: String
    public var date: LocalDate?
    /// 称呼： `张三、李四委员：` or, for a 会办 opinion, the lead unit.
    public var salutation: String
    /// The generated opening sentence and any preamble paragraphs.
    public var opening: String
    public var sections: [ReplySection]
    /// What follows the numbered sections: next steps, thanks, 此复.
    public var closing: String
    /// 落款： the issuing unit.
    public var signature: String
    /// 联合落款： the other units of a joint reply, signing after `signature`.
    public var jointUnits: [String]
    /// Attachments （附件）, listed after the body as `附件：1. …`.
    public var attachments: [String]
    /// 分管领导： the leader in charge, printed in the contact block where the profile says.
    public var leader: String
    public var contactPerson: String
    public var contactPhone: String
    public var contactAddress: String
    public var postcode: String
    /// 抄送.
    public var copyTo: [String]
    /// 抄报： copies to a higher authority.
    public var reportTo: [String]

    public init(layout: String = "", title: String = "", documentNumber: String = "", date: LocalDate? = nil,
                salutation: String = "", opening: String = "", sections: [ReplySection] = [], closing: String = "",
                signature: String = "", jointUnits: [String] = [], attachments: [String] = [], leader: String = "",
                contactPerson: String = "", contactPhone: String = "", contactAddress: String = "",
                postcode: String = "", copyTo: [String] = [], reportTo: [String] = []) {
        self.layout = layout
        self.title = title
        self.documentNumber = documentNumber
        self.date = date
        self.salutation = salutation
        self.opening = opening
        self.sections = sections
        self.closing = closing
        self.signature = signature
        self.jointUnits = jointUnits
        self.attachments = attachments
        self.leader = leader
        self.contactPerson = contactPerson
        self.contactPhone = contactPhone
        self.contactAddress = contactAddress
        self.postcode = postcode
        self.copyTo = copyTo
        self.reportTo = reportTo
    }

    /// The parts of a reply, in document order, for progress display and "what is missing" messages.
    public enum Part: Hashable, Sendable, CustomStringConvertible {
        case salutation, opening, section(Int), closing, signature, date

        public var description: String {
            switch self {
            case .salutation: return "称呼"
            case .opening: return "开头"
            case .section(let i): return "第\(ChineseNumeral.string(i + 1))部分"
            case .closing: return "结尾"
            case .signature: return "落款"
            case .date: return "日期"
            }
        }
    }

    /// Parts that hold text, in document order, each with whether it is filled.
    public var progress: [(part: Part, filled: Bool)] {
        var parts: [(Part, Bool)] = [(.salutation, !salutation.isBlank), (.opening, !opening.isBlank)]
        for (i, s) in sections.enumerated() { parts.append((.section(i), s.isWritten(before: sections[safe: i + 1]))) }
        parts += [(.closing, !closing.isBlank), (.signature, !signature.isBlank), (.date, date != nil)]
        return parts
    }

    /// The parts that differ from `old`, named as a clerk would, for the journal.
    public func changedParts(from old: Reply) -> [String] {
        var parts: [String] = []
        if layout != old.layout { parts.append("版式") }
        if title != old.title { parts.append("标题") }
        if documentNumber != old.documentNumber { parts.append("文号") }
        if date != old.date { parts.append("日期") }
        if salutation != old.salutation { parts.append(Part.salutation.description) }
        if opening != old.opening { parts.append(Part.opening.description) }
        for i in 0..<max(sections.count, old.sections.count) where sections[safe: i] != old.sections[safe: i] {
            parts.append(Part.section(i).description)
        }
        if closing != old.closing { parts.append(Part.closing.description) }
        if signature != old.signature || jointUnits != old.jointUnits { parts.append(Part.signature.description) }
        if attachments != old.attachments { parts.append("附件") }
        if [leader, contactPerson, contactPhone, contactAddress, postcode] != [old.leader, old.contactPerson, old.contactPhone, old.contactAddress, old.postcode] {
            parts.append("联系方式")
        }
        if copyTo != old.copyTo { parts.append("抄送") }
        if reportTo != old.reportTo { parts.append("抄报") }
        return parts
    }

    /// Nothing has been written yet.
    public var isEmpty: Bool { self == Reply() }
}

extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}

extension String {
    /// True when the string holds nothing but whitespace.
    public var isBlank: Bool { allSatisfy(\.isWhitespace) }
}
