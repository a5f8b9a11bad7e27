import Foundation
import Testing
@testable import Model
import TestSupport

/// Headings numbered per level in a profile's style, run-in or on their own line, and the date
/// styles each place of a document may use.
@Suite struct ProfileNumberingTests {
    @Test(arguments: [
        ("一、", 3, "三、"), ("一、", 11, "十一、"), ("（一）", 2, "（二）"), ("（一）", 20, "（二十）"),
        ("1.", 12, "12."), ("1、", 4, "4、"), ("（1）", 10, "（10）"), ("(1)", 3, "(3)"),
    ])
    func aLevelNumbersInItsStyle(written: String, n: Int, printed: String) throws {
        let numeral = try #require(HeadingNumeral(written))
        #expect(numeral.string(n) == printed)
        let read = try #require(numeral.number(atStartOf: Substring(printed + "加强队伍建设")))
        #expect(read.number == n && read.rest == "加强队伍建设")
    }

    @Test func aNumeralMustHoldOneFirstNumber() {
        for bad in ["", "、", "一、1.", "二、", "（一一）"] { #expect(HeadingNumeral(bad) == nil, "\(bad)") }
        let level = HeadingNumeral("（一）")!
        #expect(level.number(atStartOf: "一、摸清底数") == nil)
        #expect(level.number(atStartOf: "（一加强") == nil)
        #expect(HeadingNumeral("1.")!.number(atStartOf: "2018年") == nil)
    }

    static func document(_ sections: [ReplySection], profile: String) throws -> [String] {
        let configuration = try Fixtures.configuration()
        var c = Fixtures.fullCase()
        c.reply.opening = ""
        c.reply.closing = ""
        c.reply.sections = sections
        let document = ReplyDocument(for: c, configuration: configuration, profile: try configuration.profile(named: profile, source: "test"))
        return document.blocks.filter { $0.group == .body }.dropFirst().map { $0.items.joined() }
    }

    /// Each level counts its headings since the last heading above it; an empty heading takes no
    /// number and breaks no count; a run-in heading begins its first paragraph, with 。 when it ends
    /// in no stop (`下一步。庚`), as written when it has no paragraph (`（二）队伍`).
    @Test func headingsAreNumberedPerLevelAtEveryLevelWithRunIns() throws {
        let sections = [
            ReplySection(heading: "总体情况", text: "甲"),
            ReplySection(heading: "设施", text: "", level: 2),
            ReplySection(heading: "布局。", text: "乙\n丙", level: 3, runIn: true),
            ReplySection(heading: "补贴", text: "丁", level: 3),
            ReplySection(heading: "标准。", text: "戊", level: 4, runIn: true),
            ReplySection(heading: "", text: "不编号的段落", level: 2),
            ReplySection(heading: "队伍", text: "", level: 2, runIn: true),
            ReplySection(heading: "培训", text: "己", level: 3),
            ReplySection(heading: "下一步", text: "庚", level: 1, runIn: true),
            ReplySection(heading: "保障", text: "辛", level: 2),
        ]
        #expect(try Self.document(sections, profile: "上海区") == [
            "一、总体情况", "甲", "（一）设施", "1.布局。乙", "丙", "2.补贴", "丁", "（1）标准。戊", "不编号的段落",
            "（二）队伍", "1.培训", "己", "二、下一步。庚", "（一）保障", "辛",
        ])
        #expect(try Self.document(sections, profile: "镇政府").contains("1、布局。乙"))
    }

    @Test func runInHeadingsStayApartInTheBlockForFormatsToStyle() throws {
        let configuration = try Fixtures.configuration()
        var c = Fixtures.fullCase()
        c.reply.sections = [ReplySection(heading: "摸清底数。", text: "镇政府登记", level: 2, runIn: true)]
        let block = try #require(ReplyDocument(for: c, configuration: configuration).blocks.first {
            if case .paragraph(_, let heading?) = $0 { return heading.level == 2 }
            return false
        })
        #expect(block == .paragraph("镇政府登记", runIn: DocumentBlock.Heading(text: "（一）摸清底数。", level: 2)))
    }

    @Test(arguments: [
        (2018, 11, 1, ["2018年11月1日", "2018年11月01日", "二〇一八年十一月一日", "2018.11.01", "2018-11-01"]),
        (2021, 6, 3, ["2021年6月3日", "2021年06月03日", "二〇二一年六月三日", "2021.06.03", "2021-06-03"]),
        (2020, 12, 31, ["2020年12月31日", "2020年12月31日", "二〇二〇年十二月三十一日", "2020.12.31", "2020-12-31"]),
        (2024, 5, 20, ["2024年5月20日", "2024年05月20日", "二〇二四年五月二十日", "2024.05.20", "2024-05-20"]),
    ])
    func everyDateStyle(year: Int, month: Int, day: Int, printed: [String]) {
        let date = LocalDate(year: year, month: month, day: day)!
        #expect(DateStyle.allCases.map { $0.string(date) } == printed)
    }

    /// Each style is the placeholder of its name wherever a profile prints a date: a user profile
    /// printing every style under the signature shows each, and none without a date.
    @Test func eachDatePlaceholderPrintsItsStyle() throws {
        let path = Fixtures.temporaryDirectory() + "/config.yaml"
        Fixtures.write("""
            profiles:
              日期:
                based_on: 区局函
                header: [["{date}", "{date_padded}"], ["{date_hanzi}"]]
                signature_date: "{date_dotted}／{date_dashed}"
            """, to: path)
        let configuration = try ConfigurationLoader.load(defaultsPath: Fixtures.defaultConfigurationPath, userPath: path)
        var c = Fixtures.fullCase()
        c.reply.date = LocalDate(year: 2021, month: 6, day: 3)!
        let profile = try configuration.profile(named: "日期", source: "test")
        let text = ReplyDocument(for: c, configuration: configuration, profile: profile).plainText
        #expect(text.contains("\n2021年6月3日    2021年06月03日\n二〇二一年六月三日\n"))
        #expect(text.contains("\n2021.06.03／2021-06-03\n"))
        c.reply.date = nil
        let undated = ReplyDocument(for: c, configuration: configuration, profile: profile).plainText
        #expect(!undated.contains("2021") && !undated.contains("／"))
    }
}
