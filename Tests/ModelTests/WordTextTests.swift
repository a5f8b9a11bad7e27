import Foundation
import Testing
@testable import Model
import TestSupport

/// Reading a Word package's body as lines (`WordText`), on packages assembled part by part
/// (`WordPackageFixture`) so that each piece of WordprocessingML a word processor may write is
/// there on purpose: runs, tabs, breaks, tracked changes, hidden text, fields, tables, text boxes
/// in markup-compatibility blocks, headers and footers; heading styles and outline levels; lists
/// numbered by Word.
@Suite struct WordTextTests {
    static func run(_ text: String, properties: String = "") -> String {
        "<w:r>" + (properties.isEmpty ? "" : "<w:rPr>\(properties)</w:rPr>") + "<w:t xml:space=\"preserve\">\(text)</w:t></w:r>"
    }

    @Test func paragraphsAreReadAsTheyAreShown() throws {
        let body = """
            <w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>\(Self.run("甲"))<w:r><w:tab/><w:t>乙</w:t></w:r></w:p>\
            <w:p>\(Self.run("第一行"))<w:r><w:br/><w:t>第二行</w:t><w:noBreakHyphen/><w:t>2</w:t></w:r></w:p>\
            <w:p><w:ins w:id="1" w:author="王丽">\(Self.run("加上的"))</w:ins><w:del w:id="2" w:author="王丽"><w:r><w:delText>删去的</w:delText></w:r></w:del>\
            <w:moveFrom w:id="3">\(Self.run("移走的"))</w:moveFrom>\(Self.run("藏起的", properties: "<w:vanish/>"))\(Self.run("不藏的", properties: "<w:vanish w:val=\"false\"/>"))</w:p>\
            <w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>\
            \(Self.run("3"))<w:r><w:fldChar w:fldCharType="end"/></w:r><w:fldSimple w:instr=" NUMPAGES ">\(Self.run("/5"))</w:fldSimple>\
            <w:r><w:sym w:font="Symbol" w:char="2192"/><w:sym w:font="Wingdings" w:char="F0FC"/></w:r></w:p>\
            <w:tbl><w:tr><w:tc><w:p>\(Self.run("左上"))</w:p></w:tc><w:tc><w:p>\(Self.run("右上"))</w:p></w:tc></w:tr>\
            <w:tr><w:tc><w:p>\(Self.run("左下"))</w:p></w:tc><w:tc><w:p>\(Self.run("右下"))</w:p></w:tc></w:tr></w:tbl>\
            <w:p>\(Self.run("框外"))<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p>\(Self.run("框内"))</w:p>\
            </w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p>\(Self.run("框内"))</w:p></w:txbxContent></w:pict>\
            </mc:Fallback></mc:AlternateContent></w:r></w:p>\
            <w:sectPr><w:footerReference w:type="default" r:id="rId9"/></w:sectPr>
            """
        let footer = "<w:ftr \(WordPackageFixture.namespaces)><w:p>\(Self.run("— 1 —"))</w:p></w:ftr>"
        let word = try WordText(bytes: WordPackageFixture.package(body: body, extra: [("word/footer1.xml", footer)]))
        #expect(word.lines == ["甲 乙", "第一行", "第二行-2", "加上的不藏的", "3/5→", "左上", "右上", "左下", "右下", "框内", "框外"])
        #expect(word.structure.allSatisfy { $0 == LineStructure() })
    }

    /// Defect: a document part of over 10 MB, given to libxml2 whole, stopped short of its end
    /// ("huge input lookup") and was refused as malformed.
    @Test func aBodyOfOverTenMegabytesIsReadToItsEnd() throws {
        let paragraph = "<w:p><w:r><w:rPr><w:rFonts w:eastAsia=\"仿宋_GB2312\"/></w:rPr><w:t>" + String(repeating: "答复正文。", count: 10) + "</w:t></w:r></w:p>"
        let count = 11_000_000 / paragraph.utf8.count + 1
        let word = try WordText(bytes: WordPackageFixture.package(body: String(repeating: paragraph, count: count)))
        #expect(word.lines.count == count && word.lines.last == String(repeating: "答复正文。", count: 10))
    }

    static let styles = """
        <w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>\
        <w:style w:type="paragraph" w:styleId="1"><w:name w:val="标题 1"/><w:basedOn w:val="a"/></w:style>\
        <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="a"/></w:style>\
        <w:style w:type="paragraph" w:styleId="Sub"><w:name w:val="小标题"/><w:basedOn w:val="Heading2"/></w:style>\
        <w:style w:type="paragraph" w:styleId="Outlined"><w:name w:val="要点"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Body"><w:name w:val="heading 3"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Loop"><w:name w:val="圈"/><w:basedOn w:val="Loop"/></w:style>
        """

    @Test func headingLevelsComeFromStylesAndOutlineLevels() throws {
        func paragraph(_ style: String?, _ text: String, outline: Int? = nil, change: Bool = false) -> String {
            let properties = (style.map { "<w:pStyle w:val=\"\($0)\"/>" } ?? "") + (outline.map { "<w:outlineLvl w:val=\"\($0)\"/>" } ?? "")
                + (change ? "<w:pPrChange w:id=\"1\"><w:pPr><w:pStyle w:val=\"1\"/></w:pPr></w:pPrChange>" : "")
            return "<w:p><w:pPr>\(properties)</w:pPr>\(Self.run(text))</w:p>"
        }
        let body = [paragraph("1", "一级"), paragraph("Heading2", "二级"), paragraph("Sub", "承袭二级"), paragraph("Outlined", "大纲三级"),
                    paragraph(nil, "段落大纲", outline: 1), paragraph("Body", "正文级别"), paragraph(nil, "正文"), paragraph("Loop", "循环"),
                    paragraph("Missing", "未定义"), paragraph(nil, "改前是标题", change: true)].joined()
        let word = try WordText(bytes: WordPackageFixture.package(body: body, styles: Self.styles))
        #expect(word.lines == ["一级", "二级", "承袭二级", "大纲三级", "段落大纲", "正文级别", "正文", "循环", "未定义", "改前是标题"])
        #expect(word.structure.map(\.outlineLevel) == [0, 1, 1, 2, 1, nil, nil, nil, nil, nil])
    }

    static let numbering = """
        <w:abstractNum w:abstractNumId="0">\
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="%1、"/></w:lvl>\
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>\
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>\
        <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="（%4）"/></w:lvl></w:abstractNum>\
        <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>\
        <w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/>\
        <mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="001, 002, 003, ..."/></mc:Choice>\
        <mc:Fallback><w:numFmt w:val="decimal"/></mc:Fallback></mc:AlternateContent><w:lvlText w:val="%1)"/></w:lvl>\
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:isLgl/><w:lvlText w:val="%1.%2"/></w:lvl></w:abstractNum>\
        <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>\
        <w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>\
        <w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>\
        <w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>\
        <w:num w:numId="5"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
        """

    @Test func numeralsWordGeneratesAreWrittenBeforeTheText() throws {
        let styles = """
            <w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>\
            <w:style w:type="paragraph" w:styleId="H2"><w:name w:val="heading 2"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
            """
        func paragraph(_ text: String, style: String? = nil, numbering: (id: Int?, level: Int)? = nil) -> String {
            let numPr = numbering.map { n in "<w:numPr><w:ilvl w:val=\"\(n.level)\"/>" + (n.id.map { "<w:numId w:val=\"\($0)\"/>" } ?? "") + "</w:numPr>" } ?? ""
            return "<w:p><w:pPr>\(style.map { "<w:pStyle w:val=\"\($0)\"/>" } ?? "")\(numPr)</w:pPr>\(Self.run(text))</w:p>"
        }
        let body = [paragraph("摸清底数", style: "H1"), paragraph("排查道路", style: "H2"), paragraph("已登记道路", numbering: (1, 2)),
                    paragraph("已登记村落", numbering: (2, 2)), paragraph("其中", numbering: (2, 3)), paragraph("分类命名", style: "H2"),
                    paragraph("统一标准", style: "H1"), paragraph("不编号的标题", style: "H1", numbering: (0, 0)),
                    paragraph("第二个列表接着编号", numbering: (2, 0)), paragraph("圆点", numbering: (3, 0)), paragraph("附件一", numbering: (4, 0)),
                    paragraph("附件一之一", numbering: (4, 1)), paragraph("另起", numbering: (5, 0)), paragraph("另起之二", numbering: (5, 0)),
                    paragraph("未定义的列表", numbering: (9, 0))].joined()
        let word = try WordText(bytes: WordPackageFixture.package(body: body, styles: styles, numbering: Self.numbering))
        #expect(word.lines == ["一、摸清底数", "（一）排查道路", "1.已登记道路", "2.已登记村落", "（1）其中", "（二）分类命名", "二、统一标准",
                               "不编号的标题", "三、第二个列表接着编号", "圆点", "1)附件一", "1.1附件一之一", "五、另起", "六、另起之二", "未定义的列表"])
        #expect(word.structure.prefix(2).map(\.outlineLevel) == [0, 1])
    }

    @Test func numberFormats() {
        let cases: [(Int, String, String)] = [
            (11, "chineseCounting", "十一"), (20, "chineseCountingThousand", "二十"), (3, "taiwaneseCountingThousand", "三"),
            (12, "chineseLegalSimplified", "拾贰"), (7, "decimalZero", "07"), (12, "decimalFullWidth", "１２"),
            (3, "decimalEnclosedCircle", "③"), (2, "ideographTraditional", "乙"), (28, "upperLetter", "BB"), (2, "lowerLetter", "b"),
            (14, "upperRoman", "XIV"), (9, "lowerRoman", "ix"), (4, "none", ""), (4, "bullet", ""), (4, "hebrew1", "4"),
        ]
        for (n, format, shown) in cases { #expect(WordNumberFormat.string(n, format: format) == shown, "\(format)") }
    }

    /// A run-in heading set in bold or in the heading's font ends where that run ends; bold kept
    /// for a word later in the line, or a plain numeral before a bold heading, is no such run.
    @Test func aRunSetApartAtTheStartIsWhereARunInHeadingEnds() {
        func runs(_ pairs: [(String, WordBody.Face)]) -> [WordBody.Run] { pairs.map { WordBody.Run(text: $0.0, face: $0.1) } }
        let plain = WordBody.Face(), bold = WordBody.Face(bold: true), hei = WordBody.Face(font: "黑体"), fang = WordBody.Face(font: "仿宋_GB2312")
        #expect(WordText.leadingRun(runs([("一、", bold), ("加强管理：强化服务。", bold), (" ", plain), ("正文。", plain)])) == "一、加强管理：强化服务。 ")
        #expect(WordText.leadingRun(runs([("摸清底数。", hei), ("正文。", fang), ("又一句。", hei)])) == "摸清底数。")
        #expect(WordText.leadingRun(runs([("要点", WordBody.Face(style: "Strong")), ("正文。", plain)])) == "要点")
        #expect(WordText.leadingRun(runs([("一、关于", plain), ("核对", bold), ("平台建设", plain)])) == nil)
        #expect(WordText.leadingRun(runs([("全是一样的", plain), ("字体。", plain)])) == nil)
        #expect(WordText.leadingRun([]) == nil)
    }

    @Test func pageNumbersAreThePagesNotTheReplys() {
        for line in ["— 1 —", "—12—", "- 3 -", "－4－", "第1页", "第 2 页 共 5 页", "第2页，共5页"] { #expect(PageChrome.isChrome(line), "\(line)") }
        for line in ["1", "—", "— —", "2018-11-01", "-12345-", "第一页", "第1页内容", "一、— 1 —"] { #expect(!PageChrome.isChrome(line), "\(line)") }
        #expect(ReplyDocument.isDraftMark("草稿") && ReplyDocument.isDraftMark("草 稿") && ReplyDocument.isDraftMark("草稿（缺少 称呼、开头）"))
        #expect(!ReplyDocument.isDraftMark("草稿已经审阅。") && !ReplyDocument.isDraftMark("起草"))
    }
}
