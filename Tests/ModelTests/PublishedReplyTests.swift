import Foundation
import Testing
@testable import Model
import TestSupport

/// The acceptance test for export: demo case 090 is the real reply the Qingpu civil affairs bureau
/// published in 2018, and exporting it must reproduce the published text paragraph by paragraph.
@Suite struct PublishedReplyTests {
    @Test func demoCase090ExportsAsThePublishedReply() throws {
        let configuration = try Fixtures.configuration()
        let store = try CaseStore(directory: Fixtures.demoStoreCopy(), vocabulary: configuration.vocabulary)
        let document = ReplyDocument(for: try store.load(CaseID("zx5-2-090")!).value, configuration: configuration)
        let exported = try document.rendered(as: .text)
        #expect(exported == TextRenderer().render(document.blocks))

        let published = try PublishedPage(contentsOf: Fixtures.fixture("qingpu-2018-proposal-090-reply.txt"))
        let ours = PublishedPage.normalised(TextRenderer().render(document.blocks.filter(PublishedPage.shows)))
        if let difference = PublishedPage.firstDifference(published: published.paragraphs, exported: ours) {
            Issue.record(Comment(rawValue: difference))
        }
        // The comparison must see the whole reply, not an empty or truncated side.
        #expect(ours.count == published.paragraphs.count && ours.count > 20)
    }

    @Test func theComparisonNoticesAOneCharacterChange() throws {
        let published = try PublishedPage(contentsOf: Fixtures.fixture("qingpu-2018-proposal-090-reply.txt")).paragraphs
        var altered = published
        altered[8] = altered[8].replacingOccurrences(of: "居委会工作制度", with: "居民会工作制度")
        #expect(altered[8] != published[8])
        let difference = try #require(PublishedPage.firstDifference(published: published, exported: altered))
        #expect(difference.contains("第 9 段") && difference.contains("导出“民会工作制度"), "\(difference)")
        #expect(PublishedPage.firstDifference(published: published, exported: Array(published.dropLast())) != nil)
    }

    @Test func normalisingMakesPunctuationFullWidthAndDropsStraySpaces() {
        #expect(PublishedPage.normalised("办理结果:解决或采纳") == ["办理结果：解决或采纳"])
        #expect(PublishedPage.normalised("一是规范居委会工作制度。 2017 年区级层面(试点)") == ["一是规范居委会工作制度。2017年区级层面（试点）"])
        #expect(PublishedPage.normalised("\u{A0}\n  \nfoo,  bar (x)\n") == ["foo, bar (x)"])
    }
}

/// The published web page of a reply, reduced to what the exported text can be compared with.
struct PublishedPage {
    let paragraphs: [String]

    /// The page's own chrome: navigation and font-size links above the title.
    static let chrome: Set<String> = ["返回上一级", "字号", "打印"]

    /// Where the page itself is wrong. Each is applied exactly once, or the test fails: the page
    /// lost the closing bracket of a document number, which the demo case writes correctly.
    static let errata = [("青委办〔201741号", "青委办〔2017〕41号")]

    init(contentsOf path: String) throws {
        var text = try String(contentsOfFile: path, encoding: .utf8)
        for (wrong, right) in Self.errata {
            #expect(text.components(separatedBy: wrong).count == 2, "erratum “\(wrong)” no longer applies")
            text = text.replacingOccurrences(of: wrong, with: right)
        }
        var lines = Self.normalised(text).drop { Self.chrome.contains($0) }.map(Self.chineseDate)
        // The page ends with its footer, then a line of the site's own (year and a view count).
        if let footer = lines.lastIndex(where: { $0.hasPrefix("主办单位：") }) { lines = Array(lines[...footer]) }
        paragraphs = lines
    }

    /// The page writes dates `2018.11.01`; a reply writes `2018年11月1日`.
    static func chineseDate(_ line: String) -> String {
        let parts = line.split(separator: ".").compactMap { Int($0) }
        guard parts.count == 3, line.allSatisfy({ $0.isASCII }) else { return line }
        return "\(parts[0])年\(parts[1])月\(parts[2])日"
    }

    /// What the web version shows: it leaves out the salutation (the proposers' names) and the
    /// signature, date, contact and copy lines under the body.
    static func shows(_ block: DocumentBlock) -> Bool {
        switch block {
        case .salutation, .signature, .signatureDate, .contact, .copyTo, .draftMark: return false
        case .title, .headerField, .paragraph, .sectionHeading, .footer: return true
        }
    }

    /// Non-blank lines, each with whitespace next to Chinese text removed (the page has stray spaces
    /// such as `工作制度。 2017 年`), other runs of whitespace made one space, and ASCII `,:;()!?`
    /// next to Chinese text made full-width, as official documents write them.
    static func normalised(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { line in
            let characters = Array(line)
            var out: [Character] = []
            for (i, c) in characters.enumerated() {
                if c.isWhitespace {
                    let next = characters[(i + 1)...].first { !$0.isWhitespace }
                    if out.last.map(isChinese) ?? true || next.map(isChinese) ?? true || out.last == " " { continue }
                    out.append(" ")
                } else {
                    out.append(c)
                }
            }
            for (i, c) in out.enumerated() {
                guard let wide = fullWidth[c] else { continue }
                if (i > 0 && isChinese(out[i - 1])) || (i + 1 < out.count && isChinese(out[i + 1])) { out[i] = wide }
            }
            return String(out)
        }.filter { !$0.isEmpty }
    }

    private static let fullWidth: [Character: Character] = [",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "!": "！", "?": "？"]

    private static func isChinese(_ c: Character) -> Bool { !c.isASCII }

    /// Nil when both sides are the same; otherwise the first differing paragraph on both sides, with
    /// where in it they part.
    static func firstDifference(published: [String], exported: [String]) -> String? {
        for i in 0..<max(published.count, exported.count) {
            let p = i < published.count ? published[i] : nil
            let e = i < exported.count ? exported[i] : nil
            if p == e { continue }
            var message = "第 \(i + 1) 段不同\n  公布：\(p ?? "（无）")\n  导出：\(e ?? "（无）")"
            if let p, let e {
                let common = zip(p, e).prefix { $0 == $1 }.count
                message += "\n  自第 \(common + 1) 字起：公布“\(p.dropFirst(common).prefix(12))”，导出“\(e.dropFirst(common).prefix(12))”"
            }
            return message
        }
        return nil
    }
}
