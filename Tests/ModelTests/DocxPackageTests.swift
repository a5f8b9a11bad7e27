import Foundation
import Testing
@testable import Model
import TestSupport
import ZIPFoundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The Word package holds together as Word requires — every part well-formed XML, every part with
/// a content type, every relationship's target present — and carries the page of GB/T 9704-2012:
/// A4, its margins, the 22-line grid, odd and even page-number footers. Checked on the 090 reply,
/// on a draft, and on a reply with every optional part.
@Suite struct DocxPackageTests {
    /// One element of a parsed part: its name and attributes, in document order.
    struct Element {
        var name: String
        var attributes: [String: String]
    }

    /// Collects a part's elements and text; records whether the parser accepted it.
    final class Collector: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        var text = ""
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            elements.append(Element(name: name, attributes: attributes))
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
    }

    /// The package's parts, each parsed: a part that is not well-formed XML is recorded as an issue.
    struct Package {
        var data: [String: Data] = [:]
        var parsed: [String: Collector] = [:]

        init(_ bytes: [UInt8]) throws {
            let archive = try Archive(data: Data(bytes), accessMode: .read)
            for entry in archive {
                var content = Data()
                _ = try archive.extract(entry) { content.append($0) }
                data[entry.path] = content
                let parser = XMLParser(data: content), collector = Collector()
                parser.delegate = collector
                #expect(parser.parse(), "\(entry.path) is not well-formed: \(parser.parserError.map { "\($0)" } ?? "")")
                parsed[entry.path] = collector
            }
        }

        func elements(_ part: String, named name: String) -> [Element] {
            (parsed[part]?.elements ?? []).filter { $0.name == name }
        }

        /// Every part has a content type and every relationship's target is a part of the package.
        func checkIntegrity() {
            let defaults = Set(elements("[Content_Types].xml", named: "Default").compactMap { $0.attributes["Extension"] })
            let overrides = Set(elements("[Content_Types].xml", named: "Override").compactMap { $0.attributes["PartName"] })
            for path in data.keys where path != "[Content_Types].xml" {
                let ext = String(path.split(separator: ".").last ?? "")
                #expect(overrides.contains("/" + path) || defaults.contains(ext), "\(path) has no content type")
            }
            for override in overrides { #expect(data[String(override.dropFirst())] != nil, "\(override) is typed but absent") }
            for path in data.keys where path.hasSuffix(".rels") {
                // `word/_rels/document.xml.rels` describes `word/document.xml`: targets are relative to `word/`.
                let base = path.components(separatedBy: "_rels/")[0]
                for relationship in elements(path, named: "Relationship") {
                    let target = relationship.attributes["Target"] ?? ""
                    #expect(data[base + target] != nil, "\(path): \(target) is missing")
                }
            }
            for required in ["word/document.xml", "word/styles.xml", "word/settings.xml", "word/fontTable.xml",
                             "word/_rels/document.xml.rels", "_rels/.rels", "docProps/core.xml", "docProps/app.xml"] {
                #expect(data[required] != nil, "\(required) is missing")
            }
        }

        /// The section and the footers it names, the settings and the fonts.
        func checkPage() throws {
            let document = "word/document.xml"
            #expect(elements(document, named: "w:pgSz").first?.attributes == ["w:w": "11906", "w:h": "16838"])
            let margins = try #require(elements(document, named: "w:pgMar").first).attributes
            #expect(margins["w:top"] == "2098" && margins["w:bottom"] == "1984" && margins["w:left"] == "1587" && margins["w:right"] == "1474")
            let grid = try #require(elements(document, named: "w:docGrid").first).attributes
            // 12756 twips of text block over 22 lines; (8845 / 28 / 20 − 16) × 4096 for 28 characters.
            #expect(grid["w:linePitch"] == "579" && grid["w:charSpace"] == "-841")
            let relationships = Dictionary(uniqueKeysWithValues: elements("word/_rels/document.xml.rels", named: "Relationship")
                .map { ($0.attributes["Id"] ?? "", $0.attributes["Target"] ?? "") })
            let footers = Dictionary(uniqueKeysWithValues: elements(document, named: "w:footerReference")
                .map { ($0.attributes["w:type"] ?? "", relationships[$0.attributes["r:id"] ?? ""] ?? "") })
            #expect(Set(footers.keys) == ["default", "even"])
            for (type, target) in footers {
                let footer = try #require(parsed["word/" + target], "\(type) footer \(target)")
                #expect(footer.text.contains("\u{2014} ") && footer.text.contains(" \u{2014}"))
                #expect(footer.elements.contains { $0.name == "w:instrText" } && footer.text.contains("PAGE"))
                let alignment = footer.elements.first { $0.name == "w:jc" }?.attributes["w:val"]
                #expect(alignment == (type == "default" ? "right" : "left"))
            }
            #expect(!elements("word/settings.xml", named: "w:evenAndOddHeaders").isEmpty)
            let fonts = Dictionary(uniqueKeysWithValues: elements("word/fontTable.xml", named: "w:font").map { ($0.attributes["w:name"] ?? "", $0) })
            #expect(fonts["仿宋_GB2312"] != nil && fonts["方正小标宋简体"] != nil && fonts["黑体"] != nil && fonts["楷体_GB2312"] != nil)
            let alternatives = elements("word/fontTable.xml", named: "w:altName").compactMap { $0.attributes["w:val"] }
            #expect(alternatives.contains("仿宋") && alternatives.contains("华文中宋") && alternatives.contains("SimHei"))
        }

        /// The paragraphs of `document.xml` as (style, text).
        var paragraphs: [(style: String, text: String)] {
            guard let data = data["word/document.xml"] else { return [] }
            final class Paragraphs: NSObject, XMLParserDelegate {
                var list: [(style: String, text: String)] = []
                var inText = false
                func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                            attributes: [String: String] = [:]) {
                    if name == "w:p" { list.append(("", "")) }
                    if name == "w:pStyle" { list[list.count - 1].style = attributes["w:val"] ?? "" }
                    inText = name == "w:t"
                }
                func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) { inText = false }
                func parser(_ parser: XMLParser, foundCharacters string: String) { if inText { list[list.count - 1].text += string } }
            }
            let parser = XMLParser(data: data), collector = Paragraphs()
            parser.delegate = collector
            _ = parser.parse()
            return collector.list
        }
    }

    static func demoCase() throws -> (Case, Configuration) {
        let configuration = try Fixtures.configuration()
        let store = try CaseStore(directory: Fixtures.demoStoreCopy(), vocabulary: configuration.vocabulary)
        return (try store.load(CaseID("zx5-2-090")!).value, configuration)
    }

    @Test func the090ReplyIsACompletePackageOnTheStandardPage() throws {
        let (c, configuration) = try Self.demoCase()
        let document = ReplyDocument(for: c, configuration: configuration)
        let package = try Package(try document.file(as: .docx, pdf: nil))
        package.checkIntegrity()
        try package.checkPage()
        let paragraphs = package.paragraphs.filter { !$0.text.isEmpty }
        #expect(paragraphs.first?.style == "Title")
        // The title broken where a word ends (after 会议), not inside 090.
        #expect(package.parsed["word/document.xml"]!.elements.filter { $0.name == "w:br" }.count == 1)
        #expect(paragraphs.first?.text == "关于青浦区政协第五届委员会第二次会议第090号提案的办理意见")
        #expect(paragraphs.contains { $0.style == "Heading1" && $0.text == "一、规范居委会功能，推进社区减负" })
        #expect(paragraphs.contains { $0.style == "Salutation" && $0.text == "周建平、沈雅琴、陆卫国委员：" })
        #expect(paragraphs.contains { $0.style == "Signature" && $0.text == "2018年11月1日" })
        #expect(paragraphs.contains { $0.style == "Record" && $0.text.hasPrefix("抄送：") })
        // No head in this profile: nothing red, no masthead.
        #expect(!paragraphs.contains { $0.style == "Masthead" })
        // Every line of the text export, in order, is a paragraph's text.
        let lines = document.plainText.split(separator: "\n").map(String.init)
        #expect(paragraphs.map(\.text) == lines)
        // The same document, the same bytes.
        #expect(try document.file(as: .docx, pdf: nil) == document.file(as: .docx, pdf: nil))
    }

    @Test func aDraftIsMarkedAtTheTop() throws {
        let (c, configuration) = try Self.demoCase()
        var incomplete = c
        incomplete.reply.closing = ""
        let document = ReplyDocument(for: incomplete, configuration: configuration)
        let package = try Package(try document.file(as: .docx, draft: true, pdf: nil))
        package.checkIntegrity()
        try package.checkPage()
        let first = try #require(package.paragraphs.first)
        #expect(first.style == "DraftMark" && first.text.hasPrefix("草稿"))
    }

    /// 县局文件 has a document head; the reply here has two signing units, two attachments, 抄送
    /// and 抄报, and text with markup characters and characters XML forbids.
    @Test func aReplyWithEveryOptionalPart() throws {
        let configuration = try Fixtures.configuration()
        var c = Fixtures.fullCase()
        c.role = .lead
        c.reply.jointUnits = ["青浦区财政局"]
        c.reply.attachments = ["居委会印章使用事项清单", "居委会协助行政事务清单"]
        c.reply.reportTo = ["区政府办公室"]
        c.reply.closing = "此复。<b>&</b> \u{FFFE}\u{FFFF}"
        let profile = try #require(configuration.profiles["县局文件"])
        let document = ReplyDocument(for: c, configuration: configuration, profile: profile)
        let package = try Package(try document.file(as: .docx, draft: true, pdf: nil))
        package.checkIntegrity()
        try package.checkPage()
        let paragraphs = package.paragraphs.filter { !$0.text.isEmpty }
        let masthead = try #require(paragraphs.first { $0.style == "Masthead" })
        #expect(masthead.text == "青浦区民政局文件")
        #expect(paragraphs.contains { $0.style == "Head" && $0.text == "青民函〔2018〕12号" })
        // 签发人 in 楷体 (GB/T 9704-2012 7.2.4), its label in the body face.
        let xml = String(decoding: package.data["word/document.xml"]!, as: UTF8.self)
        #expect(xml.contains(#"<w:t xml:space="preserve">签发人：</w:t></w:r><w:r><w:rPr><w:rFonts w:ascii="楷体_GB2312""#))
        #expect(paragraphs.contains { $0.text == "附件：1. 居委会印章使用事项清单" } && paragraphs.contains { $0.text == "2. 居委会协助行政事务清单" })
        #expect(paragraphs.contains { $0.style == "Signature" && $0.text == "青浦区民政局    青浦区财政局" })
        #expect(paragraphs.filter { $0.style == "Record" }.map(\.text) == ["抄送：区人大常委会代表工委、区政协提案委", "抄报：区政府办公室"])
        #expect(paragraphs.contains { $0.text.hasPrefix("此复。<b>&</b> \u{FFFD}\u{FFFD}") })
        // The masthead is red; the 版记 has a thick rule above its first line and below its last.
        let body = package.parsed["word/document.xml"]!.elements
        #expect(body.contains { $0.name == "w:color" && $0.attributes["w:val"] == "FF0000" } == false,
                "red comes from the Masthead style, not from runs")
        let styles = String(decoding: package.data["word/styles.xml"]!, as: UTF8.self)
        #expect(styles.contains(#"w:styleId="Masthead"><w:name w:val="Masthead"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:rFonts w:ascii="方正小标宋简体""#))
        #expect(styles.contains(#"<w:color w:val="FF0000"/>"#))
        let borders = body.filter { ["w:top", "w:bottom"].contains($0.name) }.map { ($0.name, $0.attributes["w:sz"] ?? "", $0.attributes["w:color"] ?? "") }
        // The red rule under the head, then the 版记's thick top, thin between, thick bottom.
        #expect(borders.map { "\($0.0) \($0.1) \($0.2)" } == ["w:bottom 12 FF0000", "w:top 8 000000", "w:top 6 000000", "w:bottom 8 000000"])
    }

    /// 县局函 prints 文号 and 签发人 on one line: the number one character in from the left, the
    /// signer at a right tab one character in from the right margin.
    @Test func theNumberAndTheSignerShareALine() throws {
        let configuration = try Fixtures.configuration()
        var c = Fixtures.fullCase()
        c.role = .lead
        let profile = try #require(configuration.profiles["县局函"])
        let document = ReplyDocument(for: c, configuration: configuration, profile: profile)
        let package = try Package(try document.file(as: .docx, draft: true, pdf: nil))
        #expect(package.paragraphs.contains { $0.style == "Head" && $0.text == "青民函〔2018〕12号签发人：钱志明" })
        let tab = try #require(package.elements("word/document.xml", named: "w:tab").first { $0.attributes["w:val"] == "right" })
        #expect(tab.attributes["w:pos"] == String(8845 - 316))
        #expect(!package.paragraphs.contains { $0.style == "Masthead" })
    }

    @Test func aProfileWithoutRecordRulesDrawsNone() throws {
        let (c, configuration) = try Self.demoCase()
        var profile = ReplyDocument(for: c, configuration: configuration).profile
        profile.recordRules = false
        profile.fonts.body = ["方正仿宋_GBK", "仿宋"]
        profile.boldHeadings = true
        let package = try Package(try ReplyDocument(for: c, configuration: configuration, profile: profile).file(as: .docx, pdf: nil))
        #expect(package.elements("word/document.xml", named: "w:pBdr").isEmpty)
        let styles = String(decoding: package.data["word/styles.xml"]!, as: UTF8.self)
        #expect(styles.contains(#"<w:rPrDefault><w:rPr><w:rFonts w:ascii="方正仿宋_GBK""#))
        #expect(styles.contains(#"<w:rFonts w:ascii="黑体" w:eastAsia="黑体" w:hAnsi="黑体" w:cs="黑体" w:hint="eastAsia"/><w:b/>"#))
    }

    @Test func longTitlesBreakWhereAWordEnds() {
        #expect(TitleLines.lines(of: "关于青浦区政协第五届委员会第二次会议第090号提案的办理意见", maxWidth: 20)
                == ["关于青浦区政协第五届委员会", "第二次会议第090号提案的办理意见"])
        #expect(TitleLines.lines(of: "关于我区居民委员会若干问题的建议", maxWidth: 20) == ["关于我区居民委员会若干问题的建议"])
        // Defect: `第五次/会议` was broken for lines one character more even.
        #expect(TitleLines.lines(of: "关于区政协第六届委员会第五次会议第070号委员提案的会办意见", maxWidth: 20)
                == ["关于区政协第六届委员会第五次会议", "第070号委员提案的会办意见"])
        #expect(TitleLines.lines(of: "第一行\n第二行", maxWidth: 20) == ["第一行", "第二行"])
        let long = TitleLines.lines(of: "关于《上海市青浦区人民政府关于进一步加强基层经费保障的若干意见》落实情况的答复", maxWidth: 20)
        #expect(long.count == 2 && long.allSatisfy { DocxGeometry.width(of: $0) <= 20 })
        // The book title is longer than a line, so it breaks once inside; no line begins with closing punctuation.
        #expect(long.joined() == "关于《上海市青浦区人民政府关于进一步加强基层经费保障的若干意见》落实情况的答复")
        #expect(!long.contains { $0.hasPrefix("》") || $0.hasPrefix("，") })
    }

    @Test func fontFallbacksBecomeFontconfigAliases() throws {
        var fonts = DocumentFonts.standard
        fonts.title = ["方正小标宋简体", "A&B", "Noto Serif CJK SC"]
        let configuration = FontSubstitution(fonts: fonts).configuration(including: "/etc/fonts/fonts.conf")
        #expect(configuration.contains(#"<include ignore_missing="yes">/etc/fonts/fonts.conf</include>"#))
        #expect(configuration.contains("<alias binding=\"same\"><family>方正小标宋简体</family><prefer><family>A&amp;B</family><family>Noto Serif CJK SC</family></prefer></alias>"))
        #expect(configuration.contains("<family>仿宋_GB2312</family><prefer><family>仿宋</family><family>FangSong</family>"))
        let parser = XMLParser(data: Data(configuration.utf8))
        #expect(parser.parse())
        let directory = Fixtures.temporaryDirectory("banli-fonts")
        let environment = try FontSubstitution(fonts: fonts).environment(writingTo: directory + "/fonts.conf", inherited: ["PATH": "/bin"])
        if FileManager.default.fileExists(atPath: FontSubstitution.systemConfiguration) {
            #expect(environment == ["PATH": "/bin", "FONTCONFIG_FILE": directory + "/fonts.conf"])
            #expect(FileManager.default.contents(atPath: directory + "/fonts.conf") == Data(configuration.utf8))
        } else {
            #expect(environment == nil)
        }
    }

    @Test func markupTextEscapesAndReplacesWhatXMLForbids() {
        #expect(MarkupText.escaped("a<b>&\"'") == "a&lt;b&gt;&amp;&quot;&#39;")
        #expect(MarkupText.escaped("x\u{1}\u{FFFE}\u{FFFF}\ty") == "x\u{FFFD}\u{FFFD}\u{FFFD}\ty")
    }
}
