import Foundation
import Testing
@testable import Model
import TestSupport

/// The round trip of issue 14: every reply of the corpus (Tests/Fixtures/replies, invented content
/// in the real shapes of shared/docs/documents.md), imported and exported as text with the
/// detected profile, prints the reply line for line after NFKC and whitespace normalisation
/// (`PublishedLine`); a web page's chrome is not part of the reply, so for a page the reply is
/// written out by hand in `replies/expected/`.
@Suite struct ReplyRoundTripTests {
    static let corpus: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: Fixtures.fixture("replies"))) ?? [])
        .filter { $0.hasSuffix(".txt") || $0.hasSuffix(".html") }.sorted()

    /// The profile each reply is in, as its shape says.
    static let profiles = [
        "01-shanghai-web-page.html": "上海区网页", "02-shanghai-district-letter.txt": "上海区", "03-county-document-head.txt": "县局文件",
        "04-town-run-in-hanzi-date.txt": "镇政府", "05-co-handler-opinion.txt": "区局函", "06-city-two-levels-joint.txt": "市局",
        "07-two-line-title.txt": "上海区", "08-web-title-and-letter-title.html": "区局函", "09-three-levels.txt": "市局",
        "10-padded-date-stacked-units.txt": "街道", "11-category-b.txt": "区局函", "12-number-b2017-category-a.txt": "区局函",
        "13-web-copy-system-number.txt": "网页版", "14-no-meeting-category-d.txt": "区局函", "15-copies-and-attachments.txt": "上海区",
        "16-hanzi-circle-date-third-level.txt": "镇政府", "17-gb18030-signer-beside-number.txt": "县局文件横排", "18-four-levels-dot.txt": "上海区",
    ]

    /// The default configuration; for a reply printing 答复类别 (A类 … D类), the national outcome
    /// scheme, as its office would have configured.
    static func configuration(for text: String) throws -> Configuration {
        var configuration = try Fixtures.configuration()
        if text.contains("答复类别") { configuration.outcomeSchemeName = "national" }
        return configuration
    }

    static func imported(_ bytes: [UInt8], name: String, configuration: Configuration) throws -> ImportedReply {
        let importer = ReplyImport(configuration: configuration)
        return try importer.imported(importer.read(bytes: bytes, path: name), status: configuration.workflow.replied, user: "tester",
                                     clock: .fixed(LocalDate(year: 2026, month: 12, day: 7)!), source: name)
    }

    /// The reply's own lines: the file's, or for a web page those written out in `expected/`.
    static func replyLines(of name: String) throws -> [String] {
        let path = name.hasSuffix(".html") ? Fixtures.fixture("replies/expected/" + name.dropLast(5) + ".txt") : Fixtures.fixture("replies/" + name)
        let encoding: IncomingText.Encoding = name.contains("gb18030") ? .gb18030 : .utf8
        return PublishedLine.lines(of: try IncomingText(bytes: Fixtures.bytes(path), encoding: encoding).text)
    }

    @Test func theCorpusHoldsFifteenRepliesAndAWebPage() {
        #expect(Self.corpus.count >= 15 && Self.corpus.contains { $0.hasSuffix(".html") })
        #expect(Set(Self.corpus) == Set(Self.profiles.keys))
    }

    @Test(arguments: corpus) func importedThenExportedItPrintsTheReply(name: String) throws {
        let bytes = Fixtures.bytes(Fixtures.fixture("replies/" + name))
        let configuration = try Self.configuration(for: String(decoding: bytes, as: UTF8.self))
        let imported = try Self.imported(bytes, name: name, configuration: configuration)
        #expect(imported.c.reply.layout == Self.profiles[name], "\(name)")
        // As `banli export ID --format text` does: the profile the reply names, a final document.
        let exported = try ReplyDocument(for: imported.c, configuration: configuration).rendered(as: .text)
        let expected = try Self.replyLines(of: name)
        #expect(expected.count > 5)
        if let difference = PublishedPage.firstDifference(published: expected, exported: PublishedLine.lines(of: exported)) {
            Issue.record(Comment(rawValue: "\(name)：\(difference)"))
        }
    }

    /// The real page: Qingpu's reply to proposal 090 of 2018, as saved from the district's site.
    @Test func thePublished090PageRoundTrips() throws {
        let bytes = Fixtures.bytes(Fixtures.fixture("qingpu-2018-proposal-090-reply.txt"))
        let configuration = try Fixtures.configuration()
        let imported = try Self.imported(bytes, name: "090.txt", configuration: configuration)
        var lines = PublishedLine.lines(of: String(decoding: bytes, as: UTF8.self))
        // The page's links above the title and the site's line under the footer are not the reply.
        #expect(Array(lines.prefix(3)) == ["返回上一级", "字号", "打印"] && lines.last == "2018 417")
        lines = Array(lines.dropFirst(3).dropLast())
        #expect(imported.read.chrome == ["返回上一级", "字号", "打印", "2018 417"])
        // The page names no proposer and no day of assignment: the report says so.
        #expect(imported.notes == ["领衔人：答复中没有写明"] && imported.c.assignedOn == nil)
        #expect(imported.c.reply.layout == "上海区网页" && imported.explained == lines.count && imported.unexplained.isEmpty)
        let exported = PublishedLine.lines(of: try ReplyDocument(for: imported.c, configuration: configuration).rendered(as: .text))
        if let difference = PublishedPage.firstDifference(published: lines, exported: exported) { Issue.record(Comment(rawValue: difference)) }
        #expect(imported.c.id.description == "zx5-2-090" && imported.c.title == "关于我区居民委员会若干问题的建议")
        #expect(imported.c.reply.sections.map(\.heading) == ["规范居委会功能，推进社区减负", "挖掘特色优势，深化居民自治", "发挥纽带作用，加强为民服务"])
    }

    /// The comparison sees a reply exported in another office's layout as different.
    @Test func anotherProfileDoesNotPrintTheReply() throws {
        let name = "04-town-run-in-hanzi-date.txt"
        let configuration = try Fixtures.configuration()
        let imported = try Self.imported(Fixtures.bytes(Fixtures.fixture("replies/" + name)), name: name, configuration: configuration)
        let shanghai = ReplyDocument(for: imported.c, configuration: configuration, profile: configuration.profiles["上海区"]).plainText
        #expect(PublishedLine.lines(of: shanghai) != (try Self.replyLines(of: name)))
    }
}

/// Defect: an export ends a run-in heading at any of `ReplySection.runInStops` (`：` and `；` too),
/// but an import split a run-in heading only at `。`, so `一、摸清底数：我局……。` came back as a
/// heading on a line of its own holding the whole paragraph.
@Suite struct RunInStopRoundTripTests {
    @Test(arguments: ["：", "；", "。"]) func aRunInHeadingEndingInAnyStopComesBackRunIn(stop: String) throws {
        let name = "04-town-run-in-hanzi-date.txt"
        let configuration = try ReplyRoundTripTests.configuration(for: "")
        let first = try ReplyRoundTripTests.imported(Fixtures.bytes(Fixtures.fixture("replies/" + name)), name: name, configuration: configuration)
        var c = first.c
        let numbered = c.reply.sections.indices.filter { c.reply.sections[$0].runIn }
        #expect(numbered.count == 2)
        for i in numbered { c.reply.sections[i].heading = String(c.reply.sections[i].heading.dropLast()) + stop }
        let exported = try ReplyDocument(for: c, configuration: configuration).rendered(as: .text)
        let again = try ReplyRoundTripTests.imported(Array(exported.utf8), name: "导出.txt", configuration: configuration)
        #expect(again.c.reply.sections.map(\.heading) == c.reply.sections.map(\.heading), "\(exported)")
        #expect(again.c.reply.sections.map(\.runIn) == c.reply.sections.map(\.runIn))
        #expect(again.c.reply.sections.map(\.text) == c.reply.sections.map(\.text))
    }

    @Test func aHalfWidthStopInsideANumberDoesNotEndAHeading() {
        #expect(RunInHeading.split("投入1.5万元，于9:00开放。另有说明。")?.heading == "投入1.5万元，于9:00开放。")
        #expect(RunInHeading.split("摸清底数：我局已完成。")?.heading == "摸清底数：")
    }
}
