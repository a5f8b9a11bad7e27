/// `word/document.xml`: the blocks as paragraphs laid out after GB/T 9704-2012, each in a style of
/// `DocxStyles` and each deviation from its style said here. Blank lines between the parts are
/// empty paragraphs, one grid line each, as clerks type them, so a reader who edits the document
/// finds what they expect.
struct DocxBody {
    let blocks: [DocumentBlock]
    let profile: OfficeProfile

    /// Red of the 发文机关标志 and its rule (GB/T 9704-2012 7.2.3, 7.2.5).
    static let red = "FF0000"
    /// The 版记's rules (7.4.1): thick 0.35 mm (1 pt, 8 eighths), thin 0.25 mm (0.75 pt).
    static let thickRule = 8, thinRule = 6

    var xml: String {
        WordML.declaration + "<w:document " + WordML.namespaces + "><w:body>" + paragraphs.joined()
            + Self.sectionProperties + "</w:body></w:document>"
    }

    /// The section (§17.6.17): A4, the margins of §5.2.2, odd and even footers, and the document grid
    /// of 22 lines × 28 characters (`DocxGeometry`). The grid is a line grid (`lines`): under a
    /// character grid (`linesAndChars`) LibreOffice gives each 16 pt character two of the 15.79 pt
    /// cells, 14 to the line; the 28 characters come from `DocxGeometry.characterScale` instead, in
    /// Word as in LibreOffice. `w:charSpace` still says 28, for Word's page setup when a clerk turns
    /// the character grid on.
    static let sectionProperties = #"<w:sectPr><w:footerReference w:type="default" r:id="\#(DocxPackage.oddFooterID)"/>"#
        + #"<w:footerReference w:type="even" r:id="\#(DocxPackage.evenFooterID)"/>"#
        + #"<w:pgSz w:w="\#(DocxGeometry.pageWidth)" w:h="\#(DocxGeometry.pageHeight)"/>"#
        + #"<w:pgMar w:top="\#(DocxGeometry.top)" w:right="\#(DocxGeometry.right)" w:bottom="\#(DocxGeometry.bottom)" w:left="\#(DocxGeometry.left)" w:header="\#(DocxGeometry.headerDistance)" w:footer="\#(DocxGeometry.footerDistance)" w:gutter="0"/>"#
        + #"<w:cols w:space="425"/>"#
        + #"<w:docGrid w:type="lines" w:linePitch="\#(DocxGeometry.linePitch)" w:charSpace="\#(DocxGeometry.charSpace)"/></w:sectPr>"#

    private static let blank = "<w:p/>"

    /// Every block's paragraphs, the blank lines between the parts before each run of a group.
    private var paragraphs: [String] {
        var out: [String] = []
        var previous: DocumentBlock.Group?
        for run in blocks.groupRuns {
            out += Array(repeating: Self.blank, count: blankLines(before: run.group, after: previous))
            switch run.group {
            case .head: out += head(run.blocks)
            case .signature: out += signature(run.blocks)
            case .contact: out += contact(run.blocks)
            case .attachments: out += run.blocks.map(attachment)
            default: out += run.blocks.map(paragraph)
            }
            previous = run.group
        }
        return out
    }

    /// Blank lines above a group: two between the head's rule and the title (7.3.1), one under the
    /// title (7.3.2) and the header lines, one above the attachments (7.3.4), two above the
    /// signature for the seal or hand (as the HTML page spaces it), one above contact, 版记 and footer.
    private func blankLines(before group: DocumentBlock.Group, after previous: DocumentBlock.Group?) -> Int {
        switch (previous, group) {
        case (nil, _), (.draftMark, _): return 0
        case (.head, .title): return 2
        case (_, .title), (.head, _): return 1
        case (.title, _), (.header, _): return 1
        case (_, .attachments), (_, .contact), (_, .footer): return 1
        case (_, .signature): return 2
        default: return 0
        }
    }

    private func paragraph(_ block: DocumentBlock) -> String {
        switch block {
        case .draftMark(let s):
            return WordML.paragraph(.init(style: "DraftMark"), WordML.run(s))
        case .title(let s):
            // 7.3.1: the title's own line breaks, else balanced lines as wide as 二号 characters fit.
            let perLine = (Double(DocxGeometry.textWidth) / 20 / DocxStyles.titlePoints).rounded(.down)
            return WordML.paragraph(.init(style: "Title"), WordML.run(TitleLines.lines(of: s, maxWidth: perLine).joined(separator: "\n")))
        case .paragraph(let s, let heading?):
            return WordML.paragraph(.init(style: "BodyText"), WordML.run(heading.text, headingRun(heading.level)), WordML.run(s))
        case .paragraph(let s, nil):
            return WordML.paragraph(.init(style: "BodyText"), WordML.run(s))
        case .sectionHeading(let s, let level):
            return WordML.paragraph(.init(style: "Heading\(min(max(level, 1), 4))"), WordML.run(s))
        case .salutation(let s):
            return WordML.paragraph(.init(style: "Salutation"), WordML.run(s))
        case .headerField(let s, _), .footer(let s):
            return WordML.paragraph(.init(style: "Lines"), WordML.run(s))
        default:
            return WordML.paragraph(.init(style: "Lines"), WordML.run(block.items.joined(separator: DocumentBlock.itemSeparator)))
        }
    }

    /// A run-in heading's run: the face of its level (the paragraph is body text).
    private func headingRun(_ level: Int) -> WordML.Run {
        WordML.Run(font: DocxStyles.headingFonts(profile.fonts, level: level).first, bold: profile.boldHeadings)
    }

    /// 版头 (7.2): the 发文机关标志 red and centred, its top 35 mm below the text block's top, as
    /// large as fits up to 30 pt; two blank lines under it; the other lines centred, a line of two
    /// items (文号 and 签发人) with the first one character in from the left and the last one
    /// character in from the right (7.2.4); a red rule 4 mm under the last line (7.2.5).
    private func head(_ blocks: [DocumentBlock]) -> [String] {
        var out: [String] = []
        for (i, block) in blocks.enumerated() {
            guard case .headerField(let s, let place) = block else { continue }
            var properties = WordML.Paragraph(style: place == .masthead ? "Masthead" : "Head")
            if i == blocks.count - 1 { properties.bottom = WordML.Border(eighths: 12, space: 11, color: Self.red) }
            if place == .masthead {
                if out.isEmpty { properties.before = DocxGeometry.twips(millimetres: 35) }
                let fit = Double(DocxGeometry.textWidth) / 20 / max(DocxGeometry.width(of: s), 1)
                out.append(WordML.paragraph(properties, WordML.run(s, WordML.Run(points: min(30, fit.rounded(.down))))))
                if i < blocks.count - 1 { out += [Self.blank, Self.blank] }
                continue
            }
            let items = s.components(separatedBy: DocumentBlock.itemSeparator)
            if items.count > 1 {
                properties.alignment = "left"
                properties.left = DocxGeometry.characters(1)
                // A tab stop's position counts from the margin (ECMA-376 §17.3.1.37), not the indent.
                properties.rightTab = DocxGeometry.textWidth - DocxGeometry.characters(1)
                out.append(WordML.paragraph(properties, WordML.run(items.dropLast().joined(separator: DocumentBlock.itemSeparator) + "\t"),
                                            signer(items[items.count - 1])))
            } else {
                out.append(WordML.paragraph(properties, signer(s)))
            }
        }
        return out
    }

    /// A head item as runs: `签发人：` in the body face and the name after it in 楷体 (7.2.4), any
    /// other item as it is.
    private func signer(_ item: String) -> String {
        let label = "签发人："
        guard item.hasPrefix(label), item.count > label.count else { return WordML.run(item) }
        return WordML.run(label) + WordML.run(String(item.dropFirst(label.count)), WordML.Run(font: profile.fonts.heading2[0]))
    }

    /// 落款 (7.3.5.1, as the issue asks whether or not a seal follows): the date four characters in
    /// from the right, each line of signing units centred over the date. Every line is centred in
    /// one column centred where the widest line (the date, unless a unit is wider) stands when it
    /// ends four characters in, a character wider on each side so that an estimate short of the
    /// fonts' real widths wraps nothing: the centring then holds whatever those widths, and the
    /// date ends four characters in to within half the error of `DocxGeometry.width`'s estimate.
    private func signature(_ blocks: [DocumentBlock]) -> [String] {
        let widths = blocks.map { DocxGeometry.width(of: $0.items.joined()) }
        let column = DocxGeometry.characters((widths.max() ?? 0) + 2)
        return blocks.map { block in
            var properties = WordML.Paragraph(style: "Signature")
            properties.right = DocxGeometry.characters(3)
            properties.left = max(0, DocxGeometry.textWidth - DocxGeometry.characters(3) - column)
            return WordML.paragraph(properties, WordML.run(block.items.joined()))
        }
    }

    /// Contact lines two characters in (as 附注, 7.3.6); 抄送 and 抄报 as the 版记 (7.4.2): 四号, one
    /// character in on both sides, continuation lines after the colon, between a thick rule above
    /// and below and thin ones between when the profile draws them.
    private func contact(_ blocks: [DocumentBlock]) -> [String] {
        let copies = blocks.indices.filter { if case .copyTo = blocks[$0] { return true } else { return false } }
        var out: [String] = []
        for (i, block) in blocks.enumerated() {
            guard case .copyTo(let s) = block else {
                out.append(WordML.paragraph(.init(style: "Note"), WordML.run(block.items.joined(separator: DocumentBlock.itemSeparator))))
                continue
            }
            if i == copies.first, i > 0 { out.append(Self.blank) }
            var properties = WordML.Paragraph(style: "Record")
            let label = s.firstIndex(of: "：").map { DocxGeometry.width(of: s[...$0]) } ?? 0
            let character = DocxStyles.recordPoints * 20
            properties.left = Int((character * (1 + label)).rounded())
            properties.hanging = Int((character * label).rounded())
            properties.right = Int(character)
            if profile.recordRules {
                properties.top = WordML.Border(eighths: i == copies.first ? Self.thickRule : Self.thinRule, space: 4)
                if i == copies.last { properties.bottom = WordML.Border(eighths: Self.thickRule, space: 4) }
            }
            out.append(WordML.paragraph(properties, WordML.run(s)))
        }
        return out
    }

    /// 附件 (7.3.4): two characters in, the names' continuation lines under the name's first
    /// character, later items under the first item's number.
    private func attachment(_ block: DocumentBlock) -> String {
        let s = block.items.joined()
        let label = s.hasPrefix("附件：") ? 3.0 : 0
        let rest = s.dropFirst(Int(label))
        let number = rest.prefix { $0.isASCII && ($0.isNumber || $0 == "." || $0 == " ") }
        let numberWidth = DocxGeometry.width(of: number)
        var properties = WordML.Paragraph(style: "Lines")
        properties.left = DocxGeometry.characters(2 + 3 + numberWidth)
        properties.hanging = DocxGeometry.characters(label + numberWidth)
        return WordML.paragraph(properties, WordML.run(s))
    }
}
