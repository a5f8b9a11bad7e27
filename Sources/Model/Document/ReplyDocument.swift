import Foundation

/// A reply laid out as the published document, in the order every office follows, each part as the
/// office profile （版式） prints it: document head, title, header lines, salutation, opening,
/// sections (numbered per level, each heading on its own line or run in with its first
/// paragraph), closing, attachments, signing units, signature date, contact lines, copy lines,
/// footer. A part with nothing to print is left out.
public struct ReplyDocument: Sendable {
    public let c: Case
    public let wording: ReplyWording
    public let configuration: Configuration
    /// The profile the document is laid out with.
    public var profile: OfficeProfile { wording.profile }

    /// The document of `c` in `profile`, or else in the profile the configuration gives the case
    /// (`Configuration.profile(for:)`; a `版式` the configuration lacks falls back to the profile in use,
    /// which `export` refuses before it gets here).
    public init(for c: Case, configuration: Configuration, profile: OfficeProfile? = nil) {
        self.c = c
        self.configuration = configuration
        self.wording = ReplyWording(for: c, configuration: configuration, profile: profile)
    }

    /// The parts the profile requires of a final document that the reply lacks, named as a clerk
    /// would (`OfficeProfile.required`).
    public var missingParts: [String] { c.missing(Set(profile.required)) }

    /// Why a document could not be exported.
    public struct Incomplete: Error, Sendable, CustomStringConvertible {
        public let id: CaseID
        public let missing: [String]

        public var description: String { "无法导出 \(id)：缺少 \(missing.joined(separator: "、"))" }
    }

    /// The document in `format`. An incomplete reply is refused unless `draft`; a draft is marked
    /// 草稿 with what it still lacks, since drafts are printed for review, not sent.
    public func rendered(as format: DocumentFormat, draft: Bool = false) throws(Incomplete) -> String {
        format.renderer.render(try exportedBlocks(draft: draft))
    }

    /// Why a file could not be exported.
    public enum ExportFailure: Error, Sendable, CustomStringConvertible {
        case incomplete(Incomplete)
        case docx(DocxPackage.Failure)
        case pdf(PDFConverter.Failure)

        public var description: String {
            switch self {
            case .incomplete(let failure): return failure.description
            case .docx(let failure): return failure.description
            case .pdf(let failure): return failure.description
            }
        }
    }

    /// The document as the bytes of a file in `format` (text formats in UTF-8), refused or marked
    /// as `rendered(as:draft:)` says; a PDF is the Word document converted by `pdf` (nil when
    /// LibreOffice is not installed).
    /// - Throws: `ExportFailure.incomplete`; `.docx` when the Word package cannot be zipped; `.pdf`
    ///   when there is no converter or it fails.
    public func file(as format: ExportFormat, draft: Bool = false,
                     pdf: PDFConverter? = PDFConverter.installed()) throws(ExportFailure) -> [UInt8] {
        let blocks: [DocumentBlock]
        do { blocks = try exportedBlocks(draft: draft) } catch { throw .incomplete(error) }
        if let text = format.textFormat { return Array(text.renderer.render(blocks).utf8) }
        let docx: [UInt8]
        do { docx = try DocxPackage(blocks: blocks, profile: profile).bytes() } catch { throw .docx(error) }
        guard format == .pdf else { return docx }
        guard let pdf else { throw .pdf(.notInstalled) }
        do { return try pdf.pdf(ofDocx: docx, fonts: profile.fonts) } catch { throw .pdf(error) }
    }

    /// `blocks`, with the draft mark first when `draft`.
    /// - Throws: `Incomplete` when the reply lacks a required part and this is no draft.
    private func exportedBlocks(draft: Bool) throws(Incomplete) -> [DocumentBlock] {
        let missing = missingParts
        guard draft || missing.isEmpty else { throw Incomplete(id: c.id, missing: missing) }
        let mark = missing.isEmpty ? Self.draftMark : "\(Self.draftMark)（缺少 \(missing.joined(separator: "、"))）"
        return (draft ? [.draftMark(mark)] : []) + blocks
    }

    private static let draftMark = "草稿"

    /// Whether `line` is the mark a draft is exported with (`草稿`, `草稿（缺少 称呼、开头）`, however a
    /// layout spaces it: `草 稿`): not part of the reply, so an import of a draft leaves it out.
    public static func isDraftMark(_ line: String) -> Bool {
        let compact = line.filter { !$0.isWhitespace }
        return compact == draftMark || (compact.hasPrefix(draftMark + "（缺少") && compact.hasSuffix("）"))
    }

    /// The document as plain text, one paragraph per line, whatever is missing.
    public var plainText: String { TextRenderer().render(blocks) }

    /// The layout every format renders: the published order, with empty parts left out.
    public var blocks: [DocumentBlock] {
        let r = c.reply
        let units = ([r.signature] + r.jointUnits).map(line).filter { !$0.isEmpty }
        // A line pattern's {unit} is the unit that signs, so a head or header names who issued this reply.
        var values = wording.values
        values["unit"] = units.first ?? line(wording.signature)
        var blocks = profile.documentHead.compactMap { pattern -> DocumentBlock? in
            guard let items = lines([pattern], values).first else { return nil }
            let place: DocumentBlock.LinePlace = OfficeProfile.isMasthead(pattern) ? .masthead : .head
            return .headerField(items.joined(separator: DocumentBlock.itemSeparator), place: place)
        }
        let title = (r.title.isBlank ? wording.title : r.title).split(whereSeparator: \.isNewline).map { line(String($0)) }.filter { !$0.isEmpty }
        if !title.isEmpty { blocks.append(.title(title.joined(separator: "\n"))) }
        blocks += lines(profile.header, values).map { .headerField($0.joined(separator: DocumentBlock.itemSeparator)) }
        if !r.salutation.isBlank { blocks.append(.salutation(line(r.salutation))) }
        blocks += paragraphs(r.opening).map { .paragraph($0) }
        blocks += sections(r.sections)
        blocks += paragraphs(r.closing).map { .paragraph($0) }
        blocks += attachments(r.attachments).map { .headerField($0, place: .attachments) }
        switch profile.signatureUnits {
        case .oneLine where !units.isEmpty: blocks.append(.signature(units.joined(separator: DocumentBlock.itemSeparator)))
        case .oneLine: break
        case .stacked: blocks += units.map(DocumentBlock.signature)
        }
        if let date = item(profile.signatureDate, values) { blocks.append(.signatureDate(date)) }
        blocks += lines(profile.contact, values).map(DocumentBlock.contact)
        blocks += profile.copies.compactMap { item($0, values) }.map(DocumentBlock.copyTo)
        let footer = line(wording.footer)
        if !footer.isEmpty { blocks.append(.footer(footer)) }
        return blocks
    }

    /// The sections, numbered per level in the profile's style: a heading counts among the headings
    /// of its level since the last heading above it; a section with no heading is plain paragraphs
    /// and takes no number.
    private func sections(_ sections: [ReplySection]) -> [DocumentBlock] {
        let numerals = ReplySection.numerals(for: sections, in: profile.headingNumerals)
        var blocks: [DocumentBlock] = []
        for (section, numeral) in zip(sections, numerals) {
            let heading = line(section.heading), body = paragraphs(section.text)
            guard let numeral, !heading.isEmpty else {
                blocks += body.map { .paragraph($0) }
                continue
            }
            let level = min(max(section.level, ReplySection.levels.lowerBound), ReplySection.levels.upperBound)
            if section.runIn {
                // A run-in heading is a sentence of its own: it opens its paragraph with its stop
                // (`runInPrinted`); with no paragraph to open it is printed as written.
                let numbered = numeral + (body.isEmpty ? heading : ReplySection.runInPrinted(heading))
                blocks.append(.paragraph(body.first ?? "", runIn: DocumentBlock.Heading(text: numbered, level: level)))
                blocks += body.dropFirst().map { .paragraph($0) }
            } else {
                blocks.append(.sectionHeading(numeral + heading, level: level))
                blocks += body.map { .paragraph($0) }
            }
        }
        return blocks
    }

    /// `附件：X` for one attachment; `附件：1. X` and `2. Y` … for several (GB/T 9704-2012 7.3.4:
    /// a single attachment takes no number).
    private func attachments(_ names: [String]) -> [String] {
        let names = names.map(line).filter { !$0.isEmpty }
        guard names.count > 1 else { return names.map { "附件：" + $0 } }
        return names.enumerated().map { (i, name) in (i == 0 ? "附件：" : "") + "\(i + 1). " + name }
    }

    /// The lines of a block pattern that have an item left, each as its items.
    private func lines(_ patterns: [OfficeProfile.Line], _ values: [String: String]) -> [[String]] {
        patterns.map { $0.compactMap { item($0, values) } }.filter { !$0.isEmpty }
    }

    /// A pattern filled, or nil when a placeholder in it has no value (the item is not printed) or
    /// nothing is left.
    private func item(_ pattern: String, _ values: [String: String]) -> String? {
        guard TemplateText.placeholders(in: pattern).allSatisfy({ !(values[$0] ?? "").isBlank }) else { return nil }
        let filled = line(TemplateText.fill(pattern, values))
        return filled.isEmpty ? nil : filled
    }

    /// A one-line field as a document prints it: a stray line break becomes a space, and whitespace
    /// a clerk typed to indent by hand (often 　　) goes, since each format indents for itself.
    private func line(_ text: String) -> String {
        UntrustedText.inert(text.split(whereSeparator: \.isNewline).joined(separator: " "))
            .trimmingCharacters(in: .whitespaces)
    }

    /// One paragraph per non-blank line of a multi-line part.
    private func paragraphs(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { line(String($0)) }.filter { !$0.isEmpty }
    }
}
