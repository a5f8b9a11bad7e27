import Testing
@testable import Model
import TestSupport

/// A run-in heading is a sentence of its own: the document prints it with 。 when it ends in no
/// stop, in every format, without rewriting the record; read back, it is the same section.
@Suite struct RunInHeadingStopTests {
    static let configuration = try! Fixtures.configuration()

    static func reportedCase() -> Case {
        var c = Fixtures.fullCase()
        c.reply.sections = [ReplySection(heading: "移风易俗", text: "镇政府倡导文明新风。"),
                            ReplySection(heading: "规范婚事新办", text: "推广集体婚礼。\n简化婚礼流程。", level: 2, runIn: true)]
        return c
    }

    @Test func aRunInHeadingWithoutAStopIsPrintedWithOneInEveryFormat() {
        let document = ReplyDocument(for: Self.reportedCase(), configuration: Self.configuration)
        let text = TextRenderer().render(document.blocks), markdown = MarkdownRenderer().render(document.blocks)
        let html = HTMLRenderer().render(document.blocks)
        #expect(text.contains("（一）规范婚事新办。推广集体婚礼。\n") && !text.contains("规范婚事新办推广"), "\(text)")
        #expect(markdown.contains("（一）规范婚事新办。") && !markdown.contains("规范婚事新办推广"), "\(markdown)")
        #expect(html.contains(">（一）规范婚事新办。</span>推广集体婚礼。</p>"), "\(html)")
        // The record is left as written: only the document adds the stop.
        #expect(document.c.reply.sections[1].heading == "规范婚事新办")
    }

    @Test(arguments: ["摸清底数，分类施策。", "主要做法：", "能否推广？", "先行试点；", "Step one.", "加快推进！"])
    func aHeadingEndingInAStopKeepsItsOwn(heading: String) {
        #expect(ReplySection.runInPrinted(heading) == heading)
        #expect(!ReplySection(heading: heading, text: "甲", runIn: true).runInHeadingLacksStop)
    }

    @Test func onlyARunInHeadingWithTextButNoStopLacksIt() {
        #expect(ReplySection.runInPrinted(" 规范婚事新办 ") == "规范婚事新办。" && ReplySection.runInPrinted("") == "")
        #expect(ReplySection(heading: "规范婚事新办", text: "", runIn: true).runInHeadingLacksStop)
        #expect(!ReplySection(heading: "规范婚事新办", text: "甲").runInHeadingLacksStop)
        #expect(!ReplySection(heading: "  ", text: "甲", runIn: true).runInHeadingLacksStop)
    }

    /// Exported and imported again, the run-in section is the same section: run in, at its level,
    /// its text unchanged, its heading as printed (with the stop the document added), and its
    /// body prints as before.
    @Test(arguments: ["上海区", "镇政府", "市局"]) func anExportedRunInReadsBackAsTheSameSection(profileName: String) throws {
        let configuration = Self.configuration
        let profile = try configuration.profile(named: profileName, source: "test")
        let original = Self.reportedCase()
        let text = ReplyDocument(for: original, configuration: configuration, profile: profile).plainText
        let importer = ReplyImport(configuration: configuration)
        let imported = try importer.imported(importer.read(bytes: Array(text.utf8), path: "reply.txt"), profile: profileName,
                                             status: original.status, user: "tester", clock: .fixed(LocalDate(year: 2026, month: 12, day: 7)!),
                                             source: "reply.txt").c
        let section = try #require(imported.reply.sections.first { $0.runIn }, "\(text)")
        #expect(section == ReplySection(heading: "规范婚事新办。", text: "推广集体婚礼。\n简化婚礼流程。", level: 2, runIn: true), "\(text)")
        func body(_ c: Case) -> [DocumentBlock] { ReplyDocument(for: c, configuration: configuration, profile: profile).blocks.filter { $0.group == .body } }
        #expect(body(imported) == body(original))
    }
}
