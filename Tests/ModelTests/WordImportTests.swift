import Foundation
import Testing
@testable import Model
import TestSupport

/// `import-reply` of a Word document: documents LibreOffice wrote (Tests/Fixtures/docx, see its
/// README) — a reply typed as plain paragraphs, one whose headings are heading styles without
/// numerals, one whose numerals Word generates from a list — and banli's own Word export of every
/// reply of the corpus, each read back into the reply it is; and the files refused as no Word
/// document a reply can come from.
@Suite struct WordImportTests {
    static func docx(_ name: String) -> [UInt8] { Fixtures.bytes(Fixtures.fixture("docx/" + name)) }

    static func read(_ bytes: [UInt8], name: String = "答复.docx") throws -> ReadReply {
        try ReplyImport(configuration: Fixtures.configuration()).read(bytes: bytes, path: name)
    }

    /// LibreOffice's Word copy of a reply typed as plain paragraphs reads as the text file does.
    @Test func aWordCopyOfATextReplyImportsAsTheTextDoes() throws {
        let configuration = try Fixtures.configuration()
        let text = Fixtures.bytes(Fixtures.fixture("replies/09-three-levels.txt"))
        #expect(try WordText(bytes: Self.docx("09-three-levels.docx")).lines.map(PublishedLine.normalised).filter { !$0.isEmpty }
                == PublishedLine.lines(of: String(decoding: text, as: UTF8.self)))
        let fromText = try ReplyRoundTripTests.imported(text, name: "09.txt", configuration: configuration)
        let fromWord = try ReplyRoundTripTests.imported(Self.docx("09-three-levels.docx"), name: "09.docx", configuration: configuration)
        #expect(fromWord.c.reply == fromText.c.reply && fromWord.explained == fromWord.total)
        let exported = try ReplyDocument(for: fromWord.c, configuration: configuration).rendered(as: .text)
        #expect(PublishedLine.lines(of: exported) == PublishedLine.lines(of: String(decoding: text, as: UTF8.self)))
    }

    /// Headings LibreOffice set as `Heading 2`…`Heading 4` (the title `Heading 1`) with no
    /// numeral in their text come back as sections at levels 1…3; a bold phrase at the start of a
    /// plain paragraph stays its text.
    @Test func headingStylesGiveTheLevelsOfHeadingsWithoutNumerals() throws {
        let read = try Self.read(Self.docx("09-three-levels-headings.docx"))
        #expect(read.title == ["关于市政协十三届三次会议第0088号提案的答复"] && read.salutation == "何静委员：")
        #expect(read.sections.map(\.heading) == ["关于核对平台建设", "扩大数据共享范围", "已接入公安户籍、不动产登记、车辆登记等14个部门数据",
                                                 "正在对接住房公积金和个人所得税数据", "提高核对效率", "关于核对结果运用"])
        #expect(read.sections.map(\.level) == [1, 2, 3, 3, 2, 1])
        #expect(read.sections.map(\.text) == ["", "", "数据每日更新。", "计划年内完成。", "全市核对报告平均出具时间由15个工作日缩短至5个工作日。",
                                              "一次核对、多项共享：核对结果同时用于最低生活保障、特困供养和临时救助审核确认。"])
        #expect(read.sections.allSatisfy { !$0.runIn } && read.closing == ["感谢您对我市民政工作的关心和支持。"])
        #expect(read.units == ["桐川市民政局"] && read.date == LocalDate(year: 2025, month: 3, day: 28))
        // The same text as plain paragraphs has no headings: the styles made them.
        let plain = try ReplyReader(outcomeLabels: []).read(WordText(bytes: Self.docx("09-three-levels-headings.docx")).lines)
        #expect(plain.sections.count == 1)
    }

    /// A list LibreOffice numbered `一、` `（一）` `1.` (written by it as Word numbering, the
    /// numerals in numbering.xml, not in the text) reads back with its numerals; the first
    /// heading, set in bold, is run in up to where the bold ends, past the `：` inside it.
    @Test func numeralsWordGeneratesComeBackAndABoldRunInHeadingEndsWhereTheBoldDoes() throws {
        let word = try WordText(bytes: Self.docx("04-town-word-numbering.docx"))
        #expect(word.lines.contains("一、摸清底数：分类施策。镇政府对辖区内未命名道路逐一登记，共排查出道路37条、自然村落12个。"))
        for line in ["（一）排查道路", "1.已登记道路37条。", "2.已登记自然村落12个。", "（二）分类命名"] { #expect(word.lines.contains(line), "\(line)") }
        #expect(word.lines.contains { $0.hasPrefix("二、统一标准，分批设置。") })
        let read = try Self.read(Self.docx("04-town-word-numbering.docx"))
        #expect(read.sections.map(\.heading) == ["摸清底数：分类施策。", "排查道路", "已登记道路37条。", "已登记自然村落12个。", "分类命名", "统一标准，分批设置。"])
        #expect(read.sections.map(\.level) == [1, 2, 3, 3, 2, 1] && read.sections.map(\.runIn) == [true, false, false, false, false, true])
        #expect(read.sections[0].text == "镇政府对辖区内未命名道路逐一登记，共排查出道路37条、自然村落12个。")
        // The text alone would end that heading at its first stop.
        #expect(RunInHeading.split("摸清底数：分类施策。镇政府对辖区内未命名道路逐一登记。")?.heading == "摸清底数：")
    }

    /// A run-in heading set in its own face (bold, 黑体) inside its paragraph, as a Word layout
    /// sets one, ends where that face ends — past a `：` inside it, and with the stop set after it
    /// in the text's face; a heading on a line of its own in one face is no run-in.
    @Test func aRunInHeadingSetInItsOwnFaceEndsWhereTheFaceDoes() throws {
        func paragraph(_ runs: [(String, String)]) -> String {
            "<w:p>" + runs.map { "<w:r><w:rPr>\($0.1)</w:rPr><w:t xml:space=\"preserve\">\($0.0)</w:t></w:r>" }.joined() + "</w:p>"
        }
        let hei = "<w:rFonts w:eastAsia=\"黑体\"/>", fang = "<w:rFonts w:eastAsia=\"仿宋_GB2312\"/>"
        let body = WordPackageFixture.paragraphs(["关于第1号提案的答复", "张三委员：", "您提出的提案收悉，现答复如下："])
            + paragraph([("一、加强管理：强化服务。", "<w:b/>"), ("我局已建立巡查制度。", "")])
            + paragraph([("二、摸清底数，分类施策", hei), ("。镇政府已逐一登记。", fang)])
            + paragraph([("三、关于经费", hei)]) + WordPackageFixture.paragraphs(["经费已列入预算。", "特此答复。", "某区民政局", "2025年3月28日"])
        let read = try Self.read(WordPackageFixture.package(body: body))
        #expect(read.sections.map(\.heading) == ["加强管理：强化服务。", "摸清底数，分类施策。", "关于经费"])
        #expect(read.sections.map(\.runIn) == [true, true, false])
        #expect(read.sections.map(\.text) == ["我局已建立巡查制度。", "镇政府已逐一登记。", "经费已列入预算。"])
    }

    /// banli's own Word export of every reply of the corpus, imported in the profile it was laid
    /// out with, is the reply again: the same sections, the same text exported. How the Word
    /// layout sets the parts (styles, fonts, a contact block one item a paragraph, footers with
    /// page numbers, a draft mark) does not matter: none of it is a reply line.
    @Test(arguments: ReplyRoundTripTests.corpus) func banlisWordExportImportsAsTheReply(name: String) throws {
        let bytes = Fixtures.bytes(Fixtures.fixture("replies/" + name))
        let configuration = try ReplyRoundTripTests.configuration(for: String(decoding: bytes, as: UTF8.self))
        let first = try ReplyRoundTripTests.imported(bytes, name: name, configuration: configuration)
        let document = ReplyDocument(for: first.c, configuration: configuration)
        let importer = ReplyImport(configuration: configuration)
        func imported(_ docx: [UInt8]) throws -> ImportedReply {
            try importer.imported(importer.read(bytes: docx, path: "导出.docx"), profile: first.profile.name, status: configuration.workflow.replied,
                                  user: "tester", clock: .fixed(LocalDate(year: 2026, month: 12, day: 7)!), source: "导出.docx")
        }
        let again = try imported(document.file(as: .docx, pdf: nil))
        #expect(again.c.reply.sections == first.c.reply.sections, "\(name)")
        let exported = try ReplyDocument(for: again.c, configuration: configuration).rendered(as: .text)
        // A Word title's line breaks are where its printed lines end (the export balances them),
        // so a title comes back as one line: the reply's own title, joined.
        var joined = first.c
        joined.reply.title = joined.reply.title.replacingOccurrences(of: "\n", with: "")
        let expected = try ReplyDocument(for: joined, configuration: configuration).rendered(as: .text)
        #expect(PublishedLine.lines(of: exported) == PublishedLine.lines(of: expected), "\(name)")
        // A draft's mark is not part of the reply, wherever the layout puts it.
        let draft = try imported(document.file(as: .docx, draft: true, pdf: nil))
        #expect(draft.read.lines == again.read.lines && draft.read.chrome.allSatisfy(ReplyDocument.isDraftMark), "\(draft.read.chrome)")
    }

    /// Page numbers in footers are never read; one that came into the body (a copy of a printed
    /// page) is dropped as the page's.
    @Test func pageNumbersAreNotReplyLines() throws {
        let reply = PublishedLine.lines(of: String(decoding: Fixtures.bytes(Fixtures.fixture("replies/04-town-run-in-hanzi-date.txt")), as: UTF8.self))
        let footer = "<w:ftr \(WordPackageFixture.namespaces)>\(WordPackageFixture.paragraphs(["— 1 —"]))</w:ftr>"
        let body = WordPackageFixture.paragraphs(Array(reply.prefix(5)) + ["— 1 —"] + Array(reply.dropFirst(5)) + ["— 2 —"])
        let read = try Self.read(WordPackageFixture.package(body: body, extra: [("word/footer1.xml", footer)]))
        #expect(read.lines == reply && read.chrome == ["— 1 —", "— 2 —"])
    }

    /// Each refusal names the file on one line; nothing a crafted file holds is read past a limit.
    @Test func filesThatAreNoWordDocumentAreRefusedNamingThem() throws {
        let body = WordPackageFixture.paragraphs(["关于第1号提案的答复", "张三委员：", "正文。"])
        var encrypted = WordPackageFixture.compoundFile
        encrypted += Array("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let bomb = try WordPackageFixture.zip(WordPackageFixture.parts(body: body).map { part in
            part.path == "word/document.xml" ? (part.path, Data(count: WordPackage.maximumUnpacked + 1)) : part
        })
        #expect(bomb.count < 1 << 20)
        let broken = try WordPackageFixture.zip(WordPackageFixture.parts(body: body).map { part in
            part.path == "word/document.xml" ? (part.path, Data("<w:document \(WordPackageFixture.namespaces)><w:body><w:p></w:body>".utf8)) : part
        })
        let cases: [(String, [UInt8], WordText.Failure)] = [
            ("答复.docx", Array("关于第1号提案的答复\n张三委员：\n正文。\n".utf8), .notZip),
            ("答复.zip", try WordPackageFixture.zip([("说明.txt", Data("不是答复".utf8))]), .noDocument),
            // A download cut short: without the zip's last 100 bytes, where it lists its files.
            ("半截.docx", Array(try WordPackageFixture.package(body: body).dropLast(100)), .truncated),
            ("答复.doc", WordPackageFixture.compoundFile, .legacy),
            ("答复", WordPackageFixture.compoundFile, .legacy),
            ("加密.docx", encrypted, .encrypted),
            ("炸弹.docx", bomb, .tooLarge(64 << 20)),
            ("损坏.docx", broken, .malformed(part: "word/document.xml", place: "第")),
            ("样式.docx", try WordPackageFixture.package(body: body, styles: "<w:style>"), .malformed(part: "word/styles.xml", place: "第")),
            ("实体.docx", try WordPackageFixture.zip(WordPackageFixture.parts(body: body).map { part in
                part.path == "word/document.xml" ? (part.path, Data("<!DOCTYPE d [<!ENTITY a \"aaaa\">]><d>&a;</d>".utf8)) : part
            }), .malformed(part: "word/document.xml", place: "DTD")),
        ]
        let importer = ReplyImport(configuration: try Fixtures.configuration())
        for (name, bytes, failure) in cases {
            do {
                _ = try importer.read(bytes: bytes, path: name)
                Issue.record("\(name) was read")
            } catch {
                guard case .notWord(let path, let refused) = error else { Issue.record("\(name): \(error)"); continue }
                // Where the parser stopped is libxml2's to say: a line and a column.
                var stopped = refused
                if case .malformed(let part, let place) = refused, place.hasPrefix("第"), place.hasSuffix("列") { stopped = .malformed(part: part, place: "第") }
                #expect(path == name && stopped == failure, "\(name): \(refused)")
                #expect(error.description.hasPrefix(name + " ") && !error.description.contains("\n"), "\(error)")
                #expect(error.reasonFirst.hasSuffix("（\(name)）"))
            }
        }
        #expect(WordText.Failure.legacy.description == "是旧版 Word（.doc）文件，请另存为 .docx 后再导入")
        #expect(WordText.Failure.notZip.description.hasPrefix("不是 Word 文档"))
    }

    @Test func aPackageOfTooManyEntriesIsRefusedBeforeItIsRead() throws {
        let parts = WordPackageFixture.parts(body: WordPackageFixture.paragraphs(["正文。"]))
            + (0...WordPackage.maximumEntries).map { ("media/\($0).txt", Data()) }
        #expect(throws: WordText.Failure.tooManyEntries(WordPackage.maximumEntries)) { try WordText(bytes: WordPackageFixture.zip(parts)) }
    }

    /// A body of empty paragraphs within the size limit is refused before it fills memory.
    @Test func aBodyOfTooManyParagraphsIsRefused() throws {
        let body = String(repeating: "<w:p/>", count: WordBody.maximumParagraphs + 1)
        #expect(throws: WordText.Failure.tooManyParagraphs(WordBody.maximumParagraphs)) { try WordText(bytes: WordPackageFixture.package(body: body)) }
        #expect(try WordText(bytes: WordPackageFixture.package(body: String(repeating: "<w:p/>", count: 1000))).lines.count == 1000)
    }
}
