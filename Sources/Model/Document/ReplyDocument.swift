import Foundation

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
    public var missingParts: [String] { c.missing(Workflow.Requirement.replyDocument) }

    /// Why a document could not be exported.
    public struct Incomplete: Error, Sendable, CustomStringConvertible {
        public let id: CaseID
        public let missing: [String]

        public var description: String { "无法导出 \(id)：缺少 \(missing.joined(separator: "、"))" }
    }

    /// The document in `format`. An incomplete reply is refused unless `draft`; a draft is marked
    /// 草稿 with what it still lacks, since drafts are printed for review, not sent.
    public func rendered(as format: DocumentFormat, draft: Bool = false) throws(Incomplete) -> String {
        let missing = missingParts
        guard draft || missing.isEmpty else { throw Incomplete(id: c.id, missing: missing) }
        let mark = missing.isEmpty ? "草稿" : "草稿（缺少 \(missing.joined(separator: "、"))）"
        return format.renderer.render((draft ? [.draftMark(mark)] : []) + blocks)
    }

    /// The document as plain text, one paragraph per line, whatever is missing.
    public var plainText: String { TextRenderer().render(blocks) }

    /// The layout every format renders: the published order, with empty parts left out.
    public var blocks: [DocumentBlock] {
        let r = c.reply
        let unit = line(r.signature.isBlank ? wording.signature : r.signature)
        var blocks: [DocumentBlock] = [.title(line(wording.title))]
        if let d = c.disclosure { blocks.append(.headerField(line(d.printedCategory))) }
        blocks.append(.headerField(unit))
        if !r.documentNumber.isBlank { blocks.append(.headerField(line(r.documentNumber))) }
        if let date = r.date { blocks.append(.headerField(date.chinese)) }
        if let outcome = c.printedOutcome { blocks.append(.headerField("办理结果：" + line(outcome.result))) }
        if !r.salutation.isBlank { blocks.append(.salutation(line(r.salutation))) }
        blocks += paragraphs(r.opening)
        for (i, section) in r.sections.enumerated() {
            blocks.append(.sectionHeading("\(ChineseNumeral.string(i + 1))、" + line(section.heading)))
            blocks += paragraphs(section.text)
        }
        blocks += paragraphs(r.closing)
        blocks.append(.signature(unit))
        if let date = r.date { blocks.append(.signatureDate(date.chinese)) }
        let contact = [("联系人", r.contactPerson), ("联系电话", r.contactPhone), ("联系地址", r.contactAddress),
                       ("邮政编码", r.postcode)].filter { !$0.1.isBlank }.map { "\($0.0)：" + line($0.1) }
        if !contact.isEmpty { blocks.append(.contact(contact)) }
        if !r.copyTo.isEmpty { blocks.append(.copyTo("抄送：" + r.copyTo.map(line).joined(separator: "、"))) }
        blocks.append(.footer(line(wording.footer)))
        return blocks
    }

    /// A one-line field as a document prints it: a stray line break becomes a space, and whitespace
    /// a clerk typed to indent by hand (often 　　) goes, since each format indents for itself.
    private func line(_ text: String) -> String {
        UntrustedText.inert(text.split(whereSeparator: \.isNewline).joined(separator: " "))
            .trimmingCharacters(in: .whitespaces)
    }

    /// One paragraph per non-blank line of a multi-line part.
    private func paragraphs(_ text: String) -> [DocumentBlock] {
        text.split(whereSeparator: \.isNewline).map { line(String($0)) }.filter { !$0.isEmpty }.map(DocumentBlock.paragraph)
    }
}
