/// A self-contained HTML page laid out for printing on A4 after GB/T 9704-2012 (党政机关公文格式):
/// margins, 2号 小标宋 title, 3号 仿宋 body at 22 lines a page, headings in the face of their level
/// (一、 黑体, （一） 楷体, 1. and （1） 仿宋; a run-in heading the same, as a span inside its
/// paragraph), the document head's 发文机关标志 (only the line the profile marks as such) and rule in red, the signature four characters in
/// from the right. Each font lists the names it goes by on Windows, macOS and
/// Linux, so a machine without the official fonts still prints a sensible document. All text is
/// escaped: case text is untrusted.
public struct HTMLRenderer: DocumentRenderer {
    public init() {}

    public func render(_ blocks: [DocumentBlock]) -> String {
        let title = blocks.titleOnOneLine
        let draft = blocks.contains { if case .draftMark = $0 { return true } else { return false } }
        var body = ""
        for run in blocks.groupRuns {
            if run.group.isLines {
                body += "<div class=\"\(run.group.rawValue)\">\n" + run.blocks.map { "  " + element($0) + "\n" }.joined() + "</div>\n"
            } else {
                body += run.blocks.map { element($0) + "\n" }.joined()
            }
        }
        return """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <title>\(draft ? "草稿 · " : "")\(MarkupText.escaped(title))</title>
            <style>
            \(Self.styleSheet)
            </style>
            </head>
            <body>
            <main>
            \(body)</main>
            </body>
            </html>

            """
    }

    private func element(_ block: DocumentBlock) -> String {
        switch block {
        case .draftMark(let s): return tag("p", "draft", s)
        case .title(let s): return "<h1>" + s.split(separator: "\n").map { MarkupText.escaped(String($0)) }.joined(separator: "<br>") + "</h1>"
        case .headerField(let s, let place): return tag("p", place == .masthead ? "masthead" : nil, s)
        case .salutation(let s): return tag("p", "salutation", s)
        case .paragraph(let s, nil): return tag("p", nil, s)
        case .paragraph(let s, let heading?):
            return "<p><span class=\"run-in level-\(heading.level)\">\(MarkupText.escaped(heading.text))</span>\(MarkupText.escaped(s))</p>"
        case .sectionHeading(let s, let level): return tag("h\(level + 1)", nil, s)
        case .signature(let s): return tag("p", nil, s)
        case .signatureDate(let s): return tag("p", "date", s)
        case .contact(let items): return "<p>" + items.map { "<span>\(MarkupText.escaped($0))</span>" }.joined() + "</p>"
        case .copyTo(let s): return tag("p", "copy-to", s)
        case .footer(let s): return tag("p", "footer", s)
        }
    }

    private func tag(_ name: String, _ className: String?, _ text: String) -> String {
        "<\(name)\(className.map { " class=\"\($0)\"" } ?? "")>\(MarkupText.escaped(text))</\(name)>"
    }

    /// 3号 is 16pt, 2号 22pt, 4号 14pt. 22 lines in the 225 mm text block is a 28.9pt line pitch.
    /// Page numbers (`— 1 —`, odd pages right, even left) use CSS page-margin boxes, which browsers
    /// that lack them simply skip.
    static let styleSheet = """
        @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
        @page :right { @bottom-right { content: "— " counter(page) " —"; font: 14pt "宋体", SimSun, "Songti SC", "Noto Serif CJK SC", serif; } }
        @page :left { @bottom-left { content: "— " counter(page) " —"; font: 14pt "宋体", SimSun, "Songti SC", "Noto Serif CJK SC", serif; } }
        body {
          margin: 0; color: #000; background: #fff;
          font-family: "仿宋_GB2312", "仿宋", FangSong, STFangsong, "Noto Serif CJK SC", serif;
          font-size: 16pt; line-height: 28.9pt;
        }
        @media screen { main { max-width: 156mm; margin: 2em auto; padding: 0 1em; } }
        h1 {
          font-family: "方正小标宋简体", "小标宋", SimSun, "Songti SC", "Noto Serif CJK SC", serif;
          font-size: 22pt; line-height: 1.45; font-weight: normal; text-align: center; margin: 0 0 28.9pt;
        }
        h2, h3, h4, h5 {
          font-size: 16pt; line-height: 28.9pt; font-weight: normal; text-indent: 2em; margin: 0;
          break-after: avoid;
        }
        h2, .run-in.level-1 { font-family: "黑体", SimHei, "Heiti SC", STHeiti, "Noto Sans CJK SC", sans-serif; }
        h3, .run-in.level-2 { font-family: "楷体_GB2312", "楷体", KaiTi, STKaiti, "Kaiti SC", "AR PL UKai CN", serif; }
        .head { text-align: center; border-bottom: 2px solid #c00; padding-bottom: 0.5em; margin-bottom: 28.9pt; }
        .head p { text-align: center; }
        .head p.masthead {
          color: #c00; font-family: "方正小标宋简体", "小标宋", SimSun, "Songti SC", "Noto Serif CJK SC", serif;
          font-size: 30pt; line-height: 1.6; letter-spacing: 0.1em;
        }
        .attachments { margin-top: 28.9pt; }
        .attachments p + p { text-indent: 5em; }
        p { margin: 0; text-indent: 2em; text-align: justify; orphans: 2; widows: 2; }
        .head p, .header p, .salutation, .contact p, .footer { text-indent: 0; }
        .head p, .header p, .signature p { white-space: pre-wrap; }
        .header { margin-bottom: 28.9pt; }
        .signature { margin-top: 57.8pt; text-align: right; padding-right: 4em; break-inside: avoid; }
        .signature p { text-indent: 0; text-align: right; }
        .contact { margin-top: 28.9pt; }
        .contact span + span { margin-left: 2em; }
        .footer { margin-top: 28.9pt; }
        .draft { text-indent: 0; color: #c00; border: 2px solid #c00; padding: 0 0.5em; margin-bottom: 1em; font-weight: bold; }
        """
}
