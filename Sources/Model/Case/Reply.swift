/// A numbered body section of a reply: a short heading and its paragraphs. The numeral （一、二、…）
/// is not stored; it follows from the section's place.
public struct ReplySection: Hashable, Sendable {
    public var heading: String
    public var text: String

    public init(heading: String, text: String) {
        self.heading = heading
        self.text = text
    }
}

/// The reply to a case, drafted section by section, in document order.
public struct Reply: Hashable, Sendable {
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
    public var contactPerson: String
    public var contactPhone: String
    public var contactAddress: String
    public var postcode: String
    /// 抄送.
    public var copyTo: [String]

    public init(documentNumber: String = "", date: LocalDate? = nil, salutation: String = "", opening: String = "",
                sections: [ReplySection] = [], closing: String = "", signature: String = "",
                contactPerson: String = "", contactPhone: String = "", contactAddress: String = "",
                postcode: String = "", copyTo: [String] = []) {
        self.documentNumber = documentNumber
        self.date = date
        self.salutation = salutation
        self.opening = opening
        self.sections = sections
        self.closing = closing
        self.signature = signature
        self.contactPerson = contactPerson
        self.contactPhone = contactPhone
        self.contactAddress = contactAddress
        self.postcode = postcode
        self.copyTo = copyTo
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
        for (i, s) in sections.enumerated() { parts.append((.section(i), !s.heading.isBlank && !s.text.isBlank)) }
        parts += [(.closing, !closing.isBlank), (.signature, !signature.isBlank), (.date, date != nil)]
        return parts
    }

    /// The parts that differ from `old`, named as a clerk would, for the journal.
    public func changedParts(from old: Reply) -> [String] {
        var parts: [String] = []
        if documentNumber != old.documentNumber { parts.append("文号") }
        if date != old.date { parts.append("日期") }
        if salutation != old.salutation { parts.append(Part.salutation.description) }
        if opening != old.opening { parts.append(Part.opening.description) }
        for i in 0..<max(sections.count, old.sections.count) where sections[safe: i] != old.sections[safe: i] {
            parts.append(Part.section(i).description)
        }
        if closing != old.closing { parts.append(Part.closing.description) }
        if signature != old.signature { parts.append(Part.signature.description) }
        if [contactPerson, contactPhone, contactAddress, postcode] != [old.contactPerson, old.contactPhone, old.contactAddress, old.postcode] {
            parts.append("联系方式")
        }
        if copyTo != old.copyTo { parts.append("抄送") }
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
