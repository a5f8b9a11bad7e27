import Foundation
import Testing
@testable import Model
import TestSupport

/// `profile:` and `profiles:` in the configuration: the shipped profiles, a user's overlay, and
/// every mistake stopped at its file and line.
@Suite struct ProfileConfigurationTests {
    func load(user text: String) throws -> Configuration { try Fixtures.configuration(user: text) }

    @Test func theShippedProfilesAndTheDefault() throws {
        let c = try Fixtures.configuration()
        #expect(c.profileName == "上海区")
        #expect(c.profileNames == ["上海区", "区局函", "县局文件", "县局函", "镇政府", "市局", "街道", "网页版", "上海区网页", "县局文件横排"])
        for name in c.profileNames {
            let p = c.profiles[name]!
            #expect(p.name == name && !p.description.isEmpty && p.headingNumerals.count == 4, "\(name)")
            #expect(Set(p.templates.keys) == Set(ReplyTemplate.Purpose.allCases), "\(name)")
        }
        let county = c.profiles["县局文件"]!
        #expect(county.documentHead == [["{unit}文件"], ["签发人：{signer}"], ["{document_number}"]])
        #expect(county.meetingName(Meeting(term: 10, session: 3), kind: .proposal, district: "青溪") == "政协十届三次会议")
        #expect(county.meetingName(Meeting(term: 18, session: 3), kind: .suggestion, district: "青溪") == "县十八届人大三次会议")
        #expect(county.meetingName(Meeting(term: 0, session: 3), kind: .suggestion, district: "青溪") == "")
        // Inherited from 区局函 where not its own.
        #expect(county.contact == c.profiles["区局函"]!.contact && county.templates[.proposal]!.closing == "此复。")
        #expect(c.profiles["镇政府"]!.signatureDate == "{date_hanzi}" && c.profiles["街道"]!.signatureUnits == .stacked)
        #expect(c.profiles["上海区"]!.required == [.salutation, .opening, .body, .closing, .signature, .date, .outcome])
    }

    @Test func aUserFileOverlaysAProfileKeyByKeyAndAddsOne() throws {
        let c = try load(user: """
            profile: 本局
            profiles:
              上海区:
                signature_date: "{date_hanzi}"
                templates:
                  proposal:
                    closing: 此复。
              本局:
                based_on: 县局文件
                description: 本局的样式
                headings: [一、, （一）, 1、, （1）]
                contact:
                  - 联系人：{contact_person}
                  - ["联系电话：{contact_phone}", 传真：无]
            """)
        let shanghai = c.profiles["上海区"]!, shipped = try Fixtures.configuration().profiles["上海区"]!
        #expect(shanghai.signatureDate == "{date_hanzi}" && shanghai.templates[.proposal]!.closing == "此复。")
        #expect(shanghai.header == shipped.header && shanghai.templates[.proposal]!.title == shipped.templates[.proposal]!.title)
        let ours = c.profile
        #expect(c.profileName == "本局" && c.profileNames.last == "本局" && ours.description == "本局的样式")
        #expect(ours.documentHead == c.profiles["县局文件"]!.documentHead && ours.headings[2] == "1、")
        #expect(ours.contact == [["联系人：{contact_person}"], ["联系电话：{contact_phone}", "传真：无"]])
    }

    /// `fonts:` replaces a role's list and keeps the others; `bold_headings` and `record_rules`
    /// are read, and a profile based on another inherits all three.
    @Test func fontsAndPrintSettingsAreProfileSettings() throws {
        let c = try load(user: """
            profiles:
              上海区:
                fonts:
                  body: [方正仿宋_GBK, 仿宋]
                bold_headings: 是
                record_rules: 否
              本局:
                based_on: 上海区
                description: 本局
            """)
        for name in ["上海区", "本局"] {
            let p = c.profiles[name]!
            #expect(p.fonts.body == ["方正仿宋_GBK", "仿宋"] && p.fonts.title == DocumentFonts.standard.title, "\(name)")
            #expect(p.boldHeadings && !p.recordRules, "\(name)")
        }
        let shipped = c.profiles["区局函"]!
        #expect(shipped.fonts == .standard && !shipped.boldHeadings && shipped.recordRules)
        #expect(DocumentFonts.standard.body.first == "仿宋_GB2312" && DocumentFonts.standard.all.allSatisfy { $0.count > 1 })
    }

    /// A file written before profiles, with a top-level `templates:`, still loads: it overlays the
    /// templates of the profile in use, and no other.
    @Test func anOlderTopLevelTemplatesOverlaysTheProfileInUse() throws {
        let c = try load(user: "profile: 市局\ntemplates:\n  proposal:\n    closing: 特此函复。\n")
        #expect(c.profiles["市局"]!.templates[.proposal]!.closing == "特此函复。")
        #expect(c.profiles["市局"]!.templates[.proposal]!.title == "关于{meeting}第{number}号提案的答复")
        #expect(c.profiles["上海区"]!.templates[.proposal]!.closing == "感谢{you}对民政工作的关心和支持。")
        let older = try load(user: "templates:\n  suggestion:\n    closing: 此复。\n")
        #expect(older.profile.name == "上海区" && older.profile.templates[.suggestion]!.closing == "此复。")
    }

    @Test(arguments: [
        ("profile: 省厅\n", 1, "“profile”的值“省厅”无效"),
        ("profiles:\n  上海区:\n    levle: 区\n", 3, "未知字段“profiles.上海区.levle”"),
        ("profiles:\n  上海区:\n    header:\n      - \"{unit}\"\n      - \"{untit}\"\n", 5, "“profiles.上海区.header[2]”的值“{untit}”无效：未知的占位符"),
        ("profiles:\n  上海区:\n    contact: [[\"联系人：{contact_person}\", \"电话：{phone}\"]]\n", 3, "“profiles.上海区.contact[1]”的值“{phone}”无效"),
        ("profiles:\n  上海区:\n    document_head: [\"{unit文件\"]\n", 3, "第 1 个字符“{”没有配对的“}”"),
        ("profiles:\n  上海区:\n    copies: [[\"抄送：{copy_to}\"]]\n", 3, "“profiles.上海区.copies[1]”应为文字"),
        ("profiles:\n  上海区:\n    header: [{a: b}]\n", 3, "“profiles.上海区.header[1]”应为文字或文字列表"),
        ("profiles:\n  上海区:\n    signature_date: \"{date_long}\"\n", 3, "“profiles.上海区.signature_date”的值“{date_long}”无效：未知的占位符"),
        ("profiles:\n  上海区:\n    headings: [一、, （一）, 1.]\n", 3, "“profiles.上海区.headings”的值“3 项”无效"),
        ("profiles:\n  上海区:\n    headings: [一、, （一）, 甲., （1）]\n", 3, "“profiles.上海区.headings”的值“甲.”无效"),
        ("profiles:\n  上海区:\n    signature_units: two_lines\n", 3, "“profiles.上海区.signature_units”的值“two_lines”无效"),
        ("profiles:\n  上海区:\n    required: [称呼, 正文, 附件]\n", 3, "“profiles.上海区.required”的值“附件”无效"),
        ("profiles:\n  上海区:\n    meetings:\n      proposal: \"{names}的会议\"\n", 4, "“profiles.上海区.meetings.proposal”的值“{names}”无效"),
        ("profiles:\n  上海区:\n    templates:\n      proposal:\n        title: \"{titel}\"\n", 5, "“profiles.上海区.templates.proposal.title”的值“{titel}”无效"),
        ("profiles:\n  新版式:\n    based_on: 北京区\n", 3, "“profiles.新版式.based_on”的值“北京区”无效"),
        ("profiles:\n  新版式:\n    level: 区\n", 3, "缺少必填字段“profiles.新版式.description”"),
        ("profiles:\n  新版式:\n    description: x\n    level: 区\n    meetings: {proposal: a, suggestion: b}\n", 3, "缺少必填字段“profiles.新版式.templates”"),
        ("profiles:\n  新版式: []\n", 2, "“profiles.新版式”应为映射"),
        ("profiles:\n  上海区:\n    fonts:\n      body: [仿宋]\n      heading5: [黑体]\n", 5, "未知字段“profiles.上海区.fonts.heading5”"),
        ("profiles:\n  上海区:\n    fonts:\n      title: []\n", 4, "“profiles.上海区.fonts.title”的值“”无效"),
        ("profiles:\n  上海区:\n    fonts:\n      title: 方正小标宋简体\n", 4, "“profiles.上海区.fonts.title”应为列表"),
        ("profiles:\n  上海区:\n    bold_headings: 加粗\n", 3, "“profiles.上海区.bold_headings”的值“加粗”无效"),
        ("profiles:\n  上海区:\n    header:\n" + String(repeating: "      - \"{unit}\"\n", count: 2_001), 2_004, "“profiles.上海区.header”有 2001 项"),
    ])
    func mistakesStopAtTheirFileAndLine(text: String, line: Int, message: String) {
        #expect {
            _ = try load(user: text)
        } throws: { error in
            guard let e = error as? DataFileError else { return false }
            let ok = e.path.hasSuffix("config.yaml") && e.line == line && e.description.contains(message)
            if !ok { Issue.record("\(e.line.map(String.init) ?? "-"): \(e.description)") }
            return ok
        }
    }
}
