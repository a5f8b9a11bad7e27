import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import TestSupport

/// The 090 reply as the office prints it: exported by the real binary as PDF (the Word document
/// converted by LibreOffice) and measured with poppler — the page, the page numbers, the 22 × 28
/// grid, the centred title, and every character of the text export. LibreOffice, poppler-utils and
/// fonts-noto-cjk are part of the project's set-up (`scripts/install-deps`); without them the
/// tests fail saying so.
@Suite struct PrintedReplyTests {
    /// GB/T 9704-2012 §5 in PDF points: A4, text block 156 × 225 mm from 28 mm left and 37 mm top.
    static let millimetre = 72 / 25.4
    static let blockLeft = 28 * millimetre, blockRight = (28 + 156) * millimetre
    static let blockTop = 37 * millimetre, blockBottom = (37 + 225) * millimetre
    static let linePitch = 579.0 / 20

    @Test func theReplyPrintsOnA4WithItsPageCount() throws {
        let printed = try PrintedReply.shared.get()
        let sizes = printed.info.split(separator: "\n").filter { $0.hasPrefix("Page ") && $0.contains("size:") }
        // The count LibreOffice 7.4 gives with Noto CJK standing in for the government fonts.
        #expect(printed.pages.count == 6 && sizes.count == 6)
        #expect(sizes.allSatisfy { $0.hasSuffix("595.304 x 841.89 pts (A4)") }, "\(sizes)")
    }

    /// `— N —` under the text block of every page, odd pages flush right and even pages flush left,
    /// one 四号 (14 pt) character in.
    @Test func everyPageIsNumberedOnItsSide() throws {
        let printed = try PrintedReply.shared.get()
        for (i, page) in printed.pages.enumerated() {
            let below = page.lines.filter { $0.yMin > Self.blockBottom }
            let footer = try #require(below.first, "page \(i + 1) has no page number")
            #expect(below.count == 1 && footer.text == "\u{2014}\(i + 1)\u{2014}", "page \(i + 1): \(below.map(\.text))")
            if (i + 1) % 2 == 1 {
                #expect(abs(footer.xMax - (Self.blockRight - 14)) < 3, "page \(i + 1) ends at \(footer.xMax)")
            } else {
                #expect(abs(footer.xMin - (Self.blockLeft + 14)) < 3, "page \(i + 1) begins at \(footer.xMin)")
            }
        }
    }

    /// 22 lines to a page, every body line on the 28.95 pt grid, and 28 characters to a full line.
    @Test func theBodyKeepsTheGridOf22LinesBy28Characters() throws {
        let printed = try PrintedReply.shared.get()
        var full = 0
        var counts: [Int] = []
        let bodies = printed.pages.map { page in page.lines.filter { $0.yMin >= Self.blockTop - 4 && $0.yMax <= Self.blockBottom + 4 } }
        // Lines set in 三号 (16 pt: about 20.8 pt high in Noto CJK) stand on the grid.
        let bodyTexts = bodies.map { $0.filter { abs($0.yMax - $0.yMin - 20.8) < 1 } }
        for (i, body) in bodies.enumerated() {
            counts.append(body.count)
            // A page's last line goes on at the top of the next.
            let bodyText = bodyTexts[i] + (i + 1 < bodyTexts.count ? bodyTexts[i + 1].prefix(1) : [])
            guard let first = bodyText.first else { continue }
            for line in bodyTexts[i] {
                let steps = (line.yMin - first.yMin) / Self.linePitch
                #expect(abs(steps - steps.rounded()) * Self.linePitch < 1, "page \(i + 1): “\(line.text)” is off the grid")
            }
            // A full line: from the left edge to the right edge, Chinese characters only. 28 of
            // them; or 27 where the 28th went down with an opening bracket that may not end a line
            // or a stop that may not begin one; or 28 and a stop hanging past the edge (标点悬挂,
            // as Word and WPS print it), never a 29th character inside the block.
            let stops = "，。、；：？！）》”"
            for (j, line) in bodyText.enumerated() where j < bodyTexts[i].count && abs(line.xMin - Self.blockLeft) < 2 && line.xMax > Self.blockRight - 3
                && line.text.allSatisfy({ !$0.isASCII }) {
                let next = j + 1 < bodyText.count ? Array(bodyText[j + 1].text) : []
                let carried = next.count > 1 && (stops.contains(next[1]) || "《“（〔".contains(next[0]))
                let hanging = line.text.count == 29 && stops.contains(line.text.last!) && line.xMax > Self.blockRight + 3
                #expect(line.text.count == 28 || (line.text.count == 27 && carried) || hanging,
                        "page \(i + 1): “\(line.text)” has \(line.text.count) characters, ends at \(line.xMax)")
                #expect(hanging || abs(line.xMax - Self.blockRight) < 3, "page \(i + 1): “\(line.text)” ends at \(line.xMax)")
                full += 1
            }
        }
        // 090: [19, 22, 22, 22, 19, 2] — pages 2 to 4 are body text throughout.
        #expect(counts.max() == 22 && counts.filter { $0 == 22 }.count >= 3, "lines per page: \(counts)")
        #expect(full > 40, "only \(full) full lines")
    }

    /// The title's lines centred on the text block, in 二号 (22 pt), broken after 委员会.
    @Test func theTitleIsCentred() throws {
        let printed = try PrintedReply.shared.get()
        let title = try #require(printed.pages.first).lines.prefix(2)
        #expect(title.map(\.text) == ["关于青浦区政协第五届委员会", "第二次会议第090号提案的办理意见"])
        for line in title {
            #expect(abs((line.xMin + line.xMax) / 2 - (Self.blockLeft + Self.blockRight) / 2) < 3, "“\(line.text)” \(line.xMin)–\(line.xMax)")
            #expect(line.yMax - line.yMin > 26, "“\(line.text)” is not 二号")
        }
    }

    /// The date ends four characters in from the right; the signing unit stands centred over it.
    @Test func theUnitIsCentredOverTheDate() throws {
        let printed = try PrintedReply.shared.get()
        let lines = printed.pages.flatMap(\.lines)
        let unit = try #require(lines.last { $0.text == "青浦区民政局" }), date = try #require(lines.last { $0.text == "2018年11月1日" })
        // Within half a character: the width of 2018 in the stand-in font is estimated.
        #expect(abs(date.xMax - (Self.blockRight - 4 * 16 * 0.98)) < 8, "the date ends at \(date.xMax)")
        #expect(abs((unit.xMin + unit.xMax) / 2 - (date.xMin + date.xMax) / 2) < 2, "unit \(unit.xMin)–\(unit.xMax), date \(date.xMin)–\(date.xMax)")
        #expect(abs(date.yMin - unit.yMin - Self.linePitch) < 1)
    }

    /// With a profile that has a document head (县局文件), page 1 opens with the draft box, then the
    /// 发文机关标志 large and centred, the title below it; the shipped 上海区 layout has none.
    @Test func aDocumentHeadPrintsTheMastheadLargeAndCentred() throws {
        let banli = Banli(), store = Fixtures.demoStoreCopy(), directory = Fixtures.temporaryDirectory("banli-head")
        let converted = try banli.run(["export", "090", "--profile", "县局文件", "--draft", "--format", "pdf",
                                       "-o", directory + "/head.pdf", "--store", store])
        #expect(converted.status == 0, "\(converted.stderr)")
        let first = try #require(try PrintedReply.read(directory + "/head.pdf").first).lines
        #expect(first.map(\.text).prefix(3) == ["草稿", "青浦区民政局文件", "签发人：钱志明"])
        let masthead = try #require(first.first { $0.text == "青浦区民政局文件" })
        #expect(masthead.yMax - masthead.yMin > 35 && abs((masthead.xMin + masthead.xMax) / 2 - (Self.blockLeft + Self.blockRight) / 2) < 3)
        // 35 mm below the text block's top edge (GB/T 9704-2012 7.2.3), give or take the draft box's line and the face's ascent.
        #expect(masthead.yMin > Self.blockTop + 35 * Self.millimetre)
        let shipped = try PrintedReply.shared.get()
        #expect(!shipped.pages[0].lines.contains { $0.text.hasSuffix("文件") })
    }

    /// Without the government fonts, each falls back along its profile list: 仿宋_GB2312 and
    /// 方正小标宋简体 to Noto Serif CJK, 黑体 (the level-1 headings) to Noto Sans CJK — not all to
    /// fontconfig's sans-serif default.
    @Test func missingFontsFallBackAlongTheProfilesLists() throws {
        let printed = try PrintedReply.shared.get()
        #expect(printed.fonts.contains("NotoSerifCJK") && printed.fonts.contains("NotoSansCJK"), "\(printed.fonts)")
        #expect(!printed.fonts.contains("DejaVu"), "Latin text fell back to DejaVu: \(printed.fonts)")
    }

    /// Nothing lost or added: the PDF's text without whitespace and page numbers is the text export's.
    @Test func theTextIsTheTextExports() throws {
        let printed = try PrintedReply.shared.get()
        #expect(printed.normalisedText == PrintedReply.normalised(printed.exported))
        #expect(PrintedReply.normalised(printed.exported).count > 2_000)
    }

    /// Defect: a full-width comma that fell at the end of a justified line (the 29th character) was
    /// not printed at all — LibreOffice drops it unless punctuation may hang past the text block,
    /// as Word and WPS let it by default (zx6-5-023: `薪酬体系，2025年`; zx6-5-088).
    @Test(arguments: ["zx6-5-023", "zx6-5-088"]) func aStopAtTheEndOfALineIsPrinted(id: String) throws {
        let printed = try PrintedReply.make(id, draft: true)
        #expect(printed.normalisedText == PrintedReply.normalised(printed.exported), "\(printed.text)")
    }
}

/// The 090 reply exported once per test run, as text and as PDF, and the PDF read with poppler.
struct PrintedReply: Sendable {
    struct Line: Sendable {
        var text = ""
        var xMin = 0.0, yMin = 0.0, xMax = 0.0, yMax = 0.0
    }

    struct Page: Sendable {
        var lines: [Line] = []
    }

    struct Missing: Error, CustomStringConvertible {
        var description: String
    }

    /// `pdfinfo` with every page's size.
    var info: String
    /// `pdftotext -bbox-layout`'s lines, page by page, in reading order.
    var pages: [Page]
    /// `pdftotext -layout`'s text: lines in the order they stand on the page (plain `pdftotext`
    /// reads the widely spaced contact line as columns).
    var text: String
    /// `banli export ID` (text).
    var exported: String
    /// `pdffonts`: the fonts embedded.
    var fonts: String

    /// 090 made on first use: LibreOffice takes seconds.
    static let shared = Result<PrintedReply, any Error> { try make("090") }

    /// `text` without whitespace and without the page-number lines.
    var normalisedText: String {
        Self.normalised(text.split(whereSeparator: \.isNewline).filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("\u{2014}") }.joined())
    }

    /// `text` without whitespace: how the PDF's text and the text export are compared.
    static func normalised(_ text: String) -> String { String(text.filter { !$0.isWhitespace }) }

    /// Case `id` of the demo store exported as text and as PDF (both drafts when `draft`), and the PDF read.
    static func make(_ id: String, draft: Bool = false) throws -> PrintedReply {
        let banli = Banli(), store = Fixtures.demoStoreCopy(), directory = Fixtures.temporaryDirectory("banli-printed")
        let pdfPath = directory + "/\(id).pdf"
        let flags = draft ? ["--draft"] : []
        let exported = try banli.run(["export", id, "--store", store] + flags)
        let converted = try banli.run(["export", id, "--format", "pdf", "-o", pdfPath, "--store", store] + flags)
        guard converted.status == 0 else {
            throw Missing(description: "banli export \(id) --format pdf failed (LibreOffice is installed by scripts/install-deps): \(converted.stderr)")
        }
        let info = try poppler("pdfinfo", ["-f", "1", "-l", "999", pdfPath])
        return PrintedReply(info: info, pages: try read(pdfPath), text: try poppler("pdftotext", ["-layout", pdfPath, "-"]), exported: exported.stdout,
                            fonts: try poppler("pdffonts", [pdfPath]))
    }

    /// The pages of the PDF at `path` as `pdftotext -bbox-layout` reads them.
    static func read(_ path: String) throws -> [Page] {
        let layout = try poppler("pdftotext", ["-bbox-layout", path, "-"])
        let parser = XMLParser(data: Data(layout.utf8)), reader = LayoutReader()
        parser.delegate = reader
        guard parser.parse() else { throw Missing(description: "pdftotext -bbox-layout gave no XHTML: \(parser.parserError.map { "\($0)" } ?? "")") }
        return reader.pages
    }

    /// Runs a poppler tool and returns what it printed.
    private static func poppler(_ tool: String, _ arguments: [String]) throws -> String {
        guard let path = ["/usr/bin", "/usr/local/bin", "/bin"].map({ $0 + "/" + tool }).first(where: FileManager.default.isExecutableFile) else {
            throw Missing(description: "\(tool) not found: install poppler-utils (scripts/install-deps)")
        }
        let output = try Banli().run(arguments, executable: path)
        guard output.status == 0 else { throw Missing(description: "\(tool) failed: \(output.stderr)") }
        return output.stdout
    }

    /// Reads `<page>`, `<line>` and `<word>` of `pdftotext -bbox-layout`.
    private final class LayoutReader: NSObject, XMLParserDelegate {
        var pages: [Page] = []
        var inWord = false

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            switch name {
            case "page": pages.append(Page())
            case "line":
                let value = { (key: String) in Double(attributes[key] ?? "") ?? 0 }
                pages[pages.count - 1].lines.append(Line(xMin: value("xMin"), yMin: value("yMin"), xMax: value("xMax"), yMax: value("yMax")))
            case "word": inWord = true
            default: break
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "word" { inWord = false }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard inWord, !pages.isEmpty, !pages[pages.count - 1].lines.isEmpty else { return }
            let page = pages.count - 1
            pages[page].lines[pages[page].lines.count - 1].text += string
        }
    }
}
