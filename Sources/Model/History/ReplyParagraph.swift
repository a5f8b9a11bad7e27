/// One paragraph of a reply, where the diff compares them: a line of the 开头, of a section's 内容 or
/// of the 结尾, a section's heading, and each one-line part (称呼, 文号, 落款, 联系人…).
public struct ReplyParagraph: Hashable, Sendable {
    /// Where it stands, in the words of the reply form and the journal: `开头`, `第二部分`,
    /// `第二部分标题`, `称呼`.
    public var place: String
    public var text: String

    public init(place: String, text: String) {
        self.place = place
        self.text = text
    }
}

extension Reply {
    /// Every paragraph of the reply in document order; empty parts and blank lines are left out (they
    /// say nothing a reader would miss in a diff).
    public var paragraphs: [ReplyParagraph] {
        var out: [ReplyParagraph] = []
        func add(_ place: String, _ text: String) {
            for line in text.split(separator: "\n") where !line.allSatisfy(\.isWhitespace) {
                out.append(ReplyParagraph(place: place, text: String(line)))
            }
        }
        typealias K = CaseFileKey
        add(K.title, title)
        add(K.documentNumber, documentNumber)
        add(Part.salutation.description, salutation)
        add(Part.opening.description, opening)
        for (i, section) in sections.enumerated() {
            add(Part.section(i).description + K.heading, section.heading)
            add(Part.section(i).description, section.text)
        }
        add(Part.closing.description, closing)
        add(Part.signature.description, signature)
        for unit in jointUnits { add(K.jointUnits, unit) }
        for attachment in attachments { add(K.attachments, attachment) }
        add(K.leader, leader)
        add(K.contactPerson, contactPerson)
        add(K.contactPhone, contactPhone)
        add(K.contactAddress, contactAddress)
        add(K.postcode, postcode)
        add(K.copyTo, copyTo.joined(separator: "、"))
        add(K.reportTo, reportTo.joined(separator: "、"))
        add(Part.date.description, date?.description ?? "")
        return out
    }
}
