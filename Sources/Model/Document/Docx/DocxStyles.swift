/// `word/styles.xml` and `word/fontTable.xml`: the paragraph styles `DocxBody` uses, in the sizes
/// and faces of GB/T 9704-2012 and the profile's fonts (`DocumentFonts`), and the fonts with their
/// fallbacks.
struct DocxStyles {
    let fonts: DocumentFonts
    let boldHeadings: Bool

    /// 二号 (7.3.1).
    static let titlePoints = 22.0
    /// 版记 in 四号 (7.4.2).
    static let recordPoints = 14.0

    /// The fonts of a heading level: 一、 黑体, （一） 楷体, 1. and （1） 仿宋 (7.3.3).
    static func headingFonts(_ fonts: DocumentFonts, level: Int) -> DocumentFonts.Names {
        switch level {
        case ...1: return fonts.heading1
        case 2: return fonts.heading2
        default: return fonts.heading3
        }
    }

    var stylesXML: String {
        typealias P = WordML.Paragraph
        typealias R = WordML.Run
        // Normal: 三号 仿宋, justified (7.3.3), on the grid; no widow control, so that every page
        // holds its 22 lines; a stop that ends a full line hangs past the text block (标点悬挂,
        // Word's and WPS's default, said outright since LibreOffice reads a missing w:overflowPunct
        // as off, and then drops such a stop from a justified line); no extra space between
        // Chinese and Latin or digits (LibreOffice adds it nonetheless).
        var styles = [
            style("Normal", "Normal", default: true, #"<w:widowControl w:val="0"/><w:overflowPunct/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/><w:jc w:val="both"/>"#,
                  R(font: fonts.body[0], scale: DocxGeometry.characterScale, points: DocxGeometry.bodyPoints)),
            style("BodyText", "Body Text", P(firstLineChars: 200), R()),
            style("Title", "Title", P(keepNext: true, snapToGrid: false, exactLine: DocxGeometry.linePitch, alignment: "center"),
                  R(font: fonts.title[0], points: Self.titlePoints)),
            style("Salutation", "Salutation", P(alignment: "left"), R()),
            style("Lines", "Lines", P(alignment: "left"), R()),
            style("Head", "Document Head", P(alignment: "center"), R()),
            style("Masthead", "Masthead", P(alignment: "center"), R(font: fonts.title[0], color: DocxBody.red)),
            style("Signature", "Signature", P(alignment: "center"), R()),
            style("Note", "Note", P(firstLineChars: 200, alignment: "left"), R()),
            style("Record", "Record", P(alignment: "left"), R(points: Self.recordPoints)),
            style("DraftMark", "Draft Mark", P(box: WordML.Border(eighths: 12, space: 2, color: DocxBody.red), alignment: "center"),
                  R(bold: true, color: DocxBody.red)),
            style("PageNumber", "Page Number", P(exactLine: Int(DocxGeometry.pageNumberPoints * 20)),
                  R(font: fonts.pageNumber[0], points: DocxGeometry.pageNumberPoints)),
        ]
        for level in 1...4 {
            // Built-in names, so that Word's navigation pane and a reader of the file know the levels.
            styles.append(style("Heading\(level)", "heading \(level)", basedOn: "BodyText",
                                P(keepNext: true).xml.dropPPr + #"<w:outlineLvl w:val="\#(level - 1)"/>"#,
                                R(font: Self.headingFonts(fonts, level: level)[0], bold: boldHeadings)))
        }
        let defaults = #"<w:docDefaults><w:rPrDefault><w:rPr>"# + R(font: fonts.body[0], points: DocxGeometry.bodyPoints).xml
            + #"<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>"#
        return WordML.declaration + "<w:styles " + WordML.namespaces + ">" + defaults + styles.joined() + "</w:styles>"
    }

    private func style(_ id: String, _ name: String, basedOn: String? = "Normal", default isDefault: Bool = false,
                       _ paragraph: String, _ run: WordML.Run) -> String {
        #"<w:style w:type="paragraph""# + (isDefault ? #" w:default="1""# : "") + #" w:styleId="\#(id)"><w:name w:val="\#(name)"/>"#
            + (isDefault ? "" : basedOn.map { #"<w:basedOn w:val="\#($0)"/>"# } ?? "") + "<w:qFormat/>"
            + (paragraph.isEmpty ? "" : "<w:pPr>" + paragraph + "</w:pPr>")
            + (run.xml.isEmpty ? "" : "<w:rPr>" + run.xml + "</w:rPr>") + "</w:style>"
    }

    private func style(_ id: String, _ name: String, _ paragraph: WordML.Paragraph, _ run: WordML.Run) -> String {
        style(id, name, paragraph.xml.dropPPr, run)
    }

    /// Every font named in the profile, each with the next one of its list as `w:altName`
    /// (§17.8.3.1) — the chain a reader follows when a font is missing — and the GB2312 character
    /// set (`w:charset` 86), family and PANOSE class (§17.8.3.13) of its role, so that Word and WPS
    /// substitute a font of the same kind.
    var fontTableXML: String {
        var seen: Set<String> = [], entries = ""
        let roles: [(DocumentFonts.Names, family: String, panose: String)] = [
            (fonts.body, "modern", "02010609060101010101"), (fonts.heading3, "modern", "02010609060101010101"),
            (fonts.heading2, "modern", "02010609060101010101"), (fonts.heading1, "modern", "02010609060101010101"),
            (fonts.title, "roman", "02010600030101010101"), (fonts.pageNumber, "roman", "02010600030101010101"),
        ]
        for (names, family, panose) in roles {
            for (i, name) in names.enumerated() where seen.insert(name).inserted {
                let alternative = i + 1 < names.count ? #"<w:altName w:val="\#(MarkupText.escaped(names[i + 1]))"/>"# : ""
                entries += #"<w:font w:name="\#(MarkupText.escaped(name))">\#(alternative)<w:panose1 w:val="\#(panose)"/>"#
                    + #"<w:charset w:val="86"/><w:family w:val="\#(family)"/><w:pitch w:val="variable"/></w:font>"#
            }
        }
        return WordML.declaration + "<w:fonts " + WordML.namespaces + ">" + entries + "</w:fonts>"
    }
}

private extension String {
    /// The children of a `w:pPr` element, for a style that adds to them.
    var dropPPr: String {
        guard hasPrefix("<w:pPr>") else { return self }
        return String(dropFirst("<w:pPr>".count).dropLast("</w:pPr>".count))
    }
}
