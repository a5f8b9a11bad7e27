/// WordprocessingML fragments (ECMA-376 Part 1 §17), written in the element order the schema
/// requires — Word refuses a document whose property elements are out of order. Every text goes
/// through `MarkupText.escaped`.
enum WordML {
    static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let namespaces = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#

    /// A paragraph border (`w:pBdr` child): line width in eighths of a point, distance from the
    /// text in points, colour as hex RGB.
    struct Border {
        var eighths: Int
        var space = 1
        var color = "000000"
    }

    /// Paragraph properties (`w:pPr`, §17.3.1.26); indents and tab stops in twips.
    struct Paragraph {
        var style: String?
        var keepNext = false
        var top: Border?, bottom: Border?, box: Border?
        /// A right-aligned tab stop.
        var rightTab: Int?
        /// Whether lines keep to the document grid; false for a line set at its own height.
        var snapToGrid = true
        var before: Int?
        /// Exact line height.
        var exactLine: Int?
        var left: Int?, right: Int?, hanging: Int?
        var firstLineChars: Int?
        var alignment: String?

        var xml: String {
            var x = ""
            if let style { x += #"<w:pStyle w:val="\#(style)"/>"# }
            if keepNext { x += "<w:keepNext/>" }
            if top != nil || bottom != nil || box != nil {
                x += "<w:pBdr>"
                for (side, border) in [("top", top ?? box), ("left", box), ("bottom", bottom ?? box), ("right", box)] {
                    if let border { x += #"<w:\#(side) w:val="single" w:sz="\#(border.eighths)" w:space="\#(border.space)" w:color="\#(border.color)"/>"# }
                }
                x += "</w:pBdr>"
            }
            if let rightTab { x += #"<w:tabs><w:tab w:val="right" w:pos="\#(rightTab)"/></w:tabs>"# }
            if !snapToGrid { x += #"<w:snapToGrid w:val="0"/>"# }
            if before != nil || exactLine != nil {
                x += "<w:spacing" + (before.map { #" w:before="\#($0)""# } ?? "")
                    + (exactLine.map { #" w:line="\#($0)" w:lineRule="exact""# } ?? "") + "/>"
            }
            if left != nil || right != nil || hanging != nil || firstLineChars != nil {
                x += "<w:ind" + (left.map { #" w:left="\#($0)""# } ?? "") + (right.map { #" w:right="\#($0)""# } ?? "")
                    + (hanging.map { #" w:hanging="\#($0)""# } ?? "")
                    + (firstLineChars.map { #" w:firstLineChars="\#($0)" w:firstLine="\#(DocxGeometry.characters(Double($0) / 100))""# } ?? "")
                    + "/>"
            }
            if let alignment { x += #"<w:jc w:val="\#(alignment)"/>"# }
            return x.isEmpty ? "" : "<w:pPr>" + x + "</w:pPr>"
        }
    }

    /// Run properties (`w:rPr`, §17.3.2.28): a font name for every script, bold, colour, size in
    /// points.
    struct Run {
        var font: String?
        var bold = false
        var color: String?
        /// Every character's width as a percentage of its font's (`w:w`).
        var scale: Int?
        var points: Double?

        var xml: String {
            var x = ""
            if let font {
                let f = MarkupText.escaped(font)
                x += #"<w:rFonts w:ascii="\#(f)" w:eastAsia="\#(f)" w:hAnsi="\#(f)" w:cs="\#(f)" w:hint="eastAsia"/>"#
            }
            if bold { x += "<w:b/><w:bCs/>" }
            if let color { x += #"<w:color w:val="\#(color)"/>"# }
            if let scale { x += #"<w:w w:val="\#(scale)"/>"# }
            if let points {
                let half = Int((points * 2).rounded())
                x += #"<w:sz w:val="\#(half)"/><w:szCs w:val="\#(half)"/>"#
            }
            return x
        }
    }

    /// A run of `text` (line breaks as `w:br`, tabs as `w:tab`).
    static func run(_ text: String, _ properties: Run = Run()) -> String {
        let rPr = properties.xml.isEmpty ? "" : "<w:rPr>" + properties.xml + "</w:rPr>"
        var content = "", pending = ""
        func flush() {
            if !pending.isEmpty { content += #"<w:t xml:space="preserve">"# + MarkupText.escaped(pending) + "</w:t>" }
            pending = ""
        }
        for character in text {
            switch character {
            case "\n": flush(); content += "<w:br/>"
            case "\t": flush(); content += "<w:tab/>"
            default: pending.append(character)
            }
        }
        flush()
        return "<w:r>" + rPr + content + "</w:r>"
    }

    /// A paragraph of `runs` (already XML) with `properties`.
    static func paragraph(_ properties: Paragraph, _ runs: String...) -> String {
        "<w:p>" + properties.xml + runs.joined() + "</w:p>"
    }

    /// A field (§17.16.18) whose result reads `placeholder` until the reader updates it, as `PAGE`.
    static func field(_ instruction: String, placeholder: String) -> String {
        #"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> \#(instruction) </w:instrText></w:r>"#
            + #"<w:r><w:fldChar w:fldCharType="separate"/></w:r>"# + run(placeholder) + #"<w:r><w:fldChar w:fldCharType="end"/></w:r>"#
    }
}
