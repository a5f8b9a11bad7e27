/// A reply laid out as the published document, in order: title, header fields (disclosure, unit,
/// date, 办理结果）, salutation, opening, numbered sections, closing, signature and date, contact
/// block, copy line, footer.
public struct ReplyDocument: Sendable {
    public let c: Case
    public let wording: ReplyWording
    public let configuration: Configuration

    public init(for c: Case, configuration: Configuration) {
        self.c = c
        self.configuration = configuration
        self.wording = ReplyWording(for: c, configuration: configuration)
    }

    /// The parts a document cannot be produced without, named as a clerk would.
    public var missingParts: [String] {
        c.reply.progress.filter { !$0.filled }.map(\.part.description)
            + (c.currentOutcome == nil && c.role != .coHandler ? ["办理结果"] : [])
    }

    /// The document as plain text, one paragraph per line, following the published layout.
    public var plainText: String {
        let r = c.reply
        var lines: [String] = [wording.title, ""]
        if let d = c.disclosure { lines.append(d.category) }
        lines.append(r.signature.isBlank ? wording.signature : r.signature)
        if !r.documentNumber.isBlank { lines.append(r.documentNumber) }
        if let date = r.date { lines.append(date.chinese) }
        if let outcome = c.currentOutcome { lines.append("办理结果：\(outcome.result)") }
        lines.append("")
        if !r.salutation.isBlank { lines.append(r.salutation) }
        lines += paragraphs(r.opening)
        for (i, section) in r.sections.enumerated() {
            lines.append("\(ChineseNumeral.string(i + 1))、\(section.heading)")
            lines += paragraphs(section.text)
        }
        lines += paragraphs(r.closing)
        lines.append("")
        lines.append(r.signature.isBlank ? wording.signature : r.signature)
        if let date = r.date { lines.append(date.chinese) }
        let contact = [("联系人", r.contactPerson), ("联系电话", r.contactPhone), ("联系地址", r.contactAddress),
                       ("邮政编码", r.postcode)].filter { !$0.1.isBlank }.map { "\($0.0)：\($0.1)" }
        if !contact.isEmpty { lines.append(""); lines.append(contact.joined(separator: "    ")) }
        if !r.copyTo.isEmpty { lines.append("抄送：" + r.copyTo.joined(separator: "、")) }
        lines.append("")
        lines.append(wording.footer)
        return lines.joined(separator: "\n") + "\n"
    }

    private func paragraphs(_ text: String) -> [String] {
        text.split(separator: "\n").map { String($0) }.filter { !$0.isBlank }
    }
}
