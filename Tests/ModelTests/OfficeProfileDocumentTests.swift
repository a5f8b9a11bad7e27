import Foundation
import Testing
@testable import Model
import TestSupport

/// The shipped office profiles lay out the shapes of shared/docs/documents.md: each example there,
/// entered as a case, exports as printed (blank lines apart, which the examples place freely).
@Suite struct OfficeProfileDocumentTests {
    static func date(_ y: Int, _ m: Int, _ d: Int) -> LocalDate { LocalDate(year: y, month: m, day: d)! }

    static func example(_ kind: CaseKind, term: Int, session: Int, number: String, lead: String, joint: [String] = [],
                        role: HandlingRole = .lead, reply: Reply) -> Case {
        Case(kind: kind, meeting: Meeting(term: term, session: session), number: number, title: "关于某事的建议",
             leadProposer: lead, jointSigners: joint, role: role, assignedOn: date(2024, 3, 1), status: "办理中", reply: reply)
    }

    func lines(_ c: Case, _ profile: String) throws -> [String] {
        let configuration = try Fixtures.configuration()
        let document = ReplyDocument(for: c, configuration: configuration, profile: try configuration.profile(named: profile, source: "test"))
        #expect(document.missingParts.isEmpty, "\(profile): \(document.missingParts)")
        return try document.rendered(as: .text).split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    func expected(_ text: String) -> [String] { text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    @Test func aCountyBureauLetterHasItsDocumentHeadAndNoSections() throws {
        var c = Self.example(.proposal, term: 10, session: 3, number: "37", lead: "赵明远", joint: ["孙丽华", "钱多多", "李四", "王五", "赵六"], reply: Reply(
            documentNumber: "青民发【2024】188号", date: Self.date(2024, 7, 2), salutation: "赵明远、孙丽华等委员：",
            opening: "您提出的关于加强农村留守儿童关爱服务的建议收悉，现答复如下：",
            sections: [ReplySection(heading: "", text: "我县现有村级儿童之家46个，2024年新建8个，……\n下一步，我局将……")],
            signature: "青溪县民政局"))
        c.signOff = SignOff(signer: "林国栋", date: Self.date(2024, 7, 1))
        #expect(try lines(c, "县局文件") == expected("""
            青溪县民政局文件
            签发人：林国栋
            青民发【2024】188号

            关于对政协十届三次会议第37号提案的答复

            赵明远、孙丽华等委员：
            您提出的关于加强农村留守儿童关爱服务的建议收悉，现答复如下：
            我县现有村级儿童之家46个，2024年新建8个，……
            下一步，我局将……

            青溪县民政局
            2024年7月2日
            """))
        // Without a 签发人 the county letter is not final: its profile requires one.
        c.signOff = nil
        let configuration = try Fixtures.configuration()
        #expect(ReplyDocument(for: c, configuration: configuration, profile: try configuration.profile(named: "县局文件", source: "test")).missingParts == ["签发人"])
    }

    @Test func aTownReplyHasRunInHeadingsAHanziDateTheLeaderAndAReportLine() throws {
        let c = Self.example(.suggestion, term: 18, session: 3, number: "62", lead: "周海波", reply: Reply(
            date: Self.date(2021, 6, 3), salutation: "周海波代表：",
            opening: "你们提出的关于规范村镇地名门牌管理的建议收悉，经研究，现答复如下：",
            sections: [ReplySection(heading: "摸清底数，分类施策。", text: "镇政府对辖区内未命名道路逐一登记……", runIn: true),
                       ReplySection(heading: "统一标准，分批设置。", text: "……", runIn: true)],
            closing: "特此答复。", signature: "云河镇人民政府", leader: "陈立新", contactPerson: "吴晓燕",
            contactPhone: "0571-8800000", reportTo: ["县人大常委会人代工委"]))
        #expect(try lines(c, "镇政府").filter { !$0.isEmpty } == expected("""
            关于县十八届人大三次会议第62号建议的答复
            周海波代表：
            你们提出的关于规范村镇地名门牌管理的建议收悉，经研究，现答复如下：
            一、摸清底数，分类施策。镇政府对辖区内未命名道路逐一登记……
            二、统一标准，分批设置。……
            特此答复。
            云河镇人民政府
            二〇二一年六月三日
            分管领导：陈立新    联系人：吴晓燕    联系电话：0571-8800000
            抄报：县人大常委会人代工委
            """))
    }

    @Test func aCoHandlerOpinionToTheLeadUnit() throws {
        let c = Self.example(.suggestion, term: 7, session: 5, number: "053", lead: "王建国", role: .coHandler, reply: Reply(
            date: Self.date(2025, 4, 18), salutation: "区住房和城乡建设管理委员会：",
            opening: "王建国代表提出的关于老旧小区加装电梯的建议收悉。经研究，现提出会办意见如下：",
            sections: [ReplySection(heading: "", text: "……")], closing: "以上供你单位答复代表时参考。",
            signature: "桐川区民政局", contactPerson: "郑敏", contactPhone: "021-6600000"))
        #expect(try lines(c, "区局函").filter { !$0.isEmpty } == expected("""
            关于区第七届人民代表大会第五次会议第053号代表建议的会办意见
            区住房和城乡建设管理委员会：
            王建国代表提出的关于老旧小区加装电梯的建议收悉。经研究，现提出会办意见如下：
            ……
            以上供你单位答复代表时参考。
            桐川区民政局
            2025年4月18日
            联系人：郑敏    联系电话：021-6600000
            """))
    }

    @Test func aCityReplyHasTwoLevelsAJointSignatureADottedDateAndAContactLineEach() throws {
        let c = Self.example(.proposal, term: 13, session: 2, number: "0206", lead: "钱志刚", reply: Reply(
            date: Self.date(2024, 5, 6), salutation: "钱志刚委员：", opening: "……现将办理情况答复如下：",
            sections: [ReplySection(heading: "关于社区养老服务设施建设", text: ""),
                       ReplySection(heading: "加快设施布局。", text: "……", level: 2, runIn: true),
                       ReplySection(heading: "完善运营补贴。", text: "1.对日间照料中心……2.对长者食堂……", level: 2, runIn: true),
                       ReplySection(heading: "关于专业人才队伍建设", text: "……")],
            closing: "感谢您对我市民政工作的关心和支持。", signature: "桐川市民政局", jointUnits: ["桐川市财政局"],
            contactPerson: "冯丽", contactPhone: "0574-8700000", contactAddress: "桐川市文昌路8号", postcode: "315000"))
        #expect(try lines(c, "市局") == expected("""
            关于市政协十三届二次会议第0206号提案的答复

            钱志刚委员：
            ……现将办理情况答复如下：
            一、关于社区养老服务设施建设
            （一）加快设施布局。……
            （二）完善运营补贴。1.对日间照料中心……2.对长者食堂……
            二、关于专业人才队伍建设
            ……
            感谢您对我市民政工作的关心和支持。

            桐川市民政局    桐川市财政局
            2024.05.06

            联系人姓名：冯丽
            联系电话：0574-8700000
            联系地址：桐川市文昌路8号
            邮政编码：315000
            """))
    }

    /// A street office stacks its signing units and prints the date in the header only.
    @Test func stackedUnitsAndADateInTheHeaderOnly() throws {
        var c = Self.example(.proposal, term: 6, session: 1, number: "12", lead: "甲", reply: Reply(
            date: Self.date(2024, 5, 6), salutation: "甲委员：", opening: "收悉。", sections: [ReplySection(heading: "", text: "正文。")],
            signature: "某某街道办事处", jointUnits: ["某某区民政局", " "]))
        c.outcomes = [OutcomeRecord(result: "解决或采纳", date: Self.date(2024, 5, 6), recordedBy: "x")]
        #expect(try lines(c, "街道") == ["关于区政协第六届委员会第一次会议第12号提案的答复", "", "某某街道办事处", "2024年05月06日",
                                        "办理结果：解决或采纳", "", "甲委员：", "收悉。", "正文。", "", "某某街道办事处", "某某区民政局"])
    }

    @Test func attachmentsFollowTheBodyNumberedWhenThereAreSeveral() throws {
        var c = Self.example(.proposal, term: 6, session: 1, number: "12", lead: "甲", reply: Reply(
            date: Self.date(2024, 5, 6), salutation: "甲委员：", opening: "收悉。", sections: [ReplySection(heading: "", text: "正文。")],
            closing: "此复。", signature: "某局", attachments: ["补助标准表", "", "设施名单"]))
        #expect(try lines(c, "区局函") == ["关于区政协第六届委员会第一次会议第12号提案的答复", "", "甲委员：", "收悉。", "正文。", "此复。", "",
                                         "附件：1. 补助标准表", "2. 设施名单", "", "某局", "2024年5月6日"])
        c.reply.attachments = ["补助标准表"]
        #expect(try lines(c, "区局函").contains("附件：补助标准表"))
    }

    @Test func aTitleOverrideMayTakeTwoLines() throws {
        var c = Self.example(.proposal, term: 6, session: 1, number: "9", lead: "甲", reply: Reply(
            title: "关于对区政协六届一次会议\n第B〔2017〕9号提案的答复", date: Self.date(2024, 5, 6), salutation: "甲委员：", opening: "收悉。",
            sections: [ReplySection(heading: "", text: "正文。")], signature: "某局"))
        #expect(try lines(c, "区局函").prefix(3) == ["关于对区政协六届一次会议", "第B〔2017〕9号提案的答复", ""])
        c.reply.title = ""
        c.printedNumber = "B〔2017〕9"
        #expect(try lines(c, "区局函").first == "关于区政协第六届委员会第一次会议第B〔2017〕9号提案的答复")
    }

    /// Every profile lays out every demo case as a draft, and each case that is complete under a
    /// profile exports final; case 090, complete as published, is complete under every profile.
    @Test func everyProfileExportsEveryDemoCase() throws {
        let configuration = try Fixtures.configuration()
        let store = try CaseStore(directory: Fixtures.demoStoreCopy(), vocabulary: configuration.vocabulary)
        let cases = try store.loadAll().cases
        #expect(cases.count > 20 && configuration.profileNames.count >= 8)
        for name in configuration.profileNames {
            let profile = try configuration.profile(named: name, source: "test")
            var finals = 0
            for c in cases {
                let document = ReplyDocument(for: c, configuration: configuration, profile: profile)
                let draft = try document.rendered(as: .text, draft: true)
                let title = try #require(document.blocks.first { $0.group == .title })
                #expect(draft.hasPrefix("草稿") && draft.contains(title.items[0]), "\(name) \(c.id)")
                if document.missingParts.isEmpty {
                    for format in DocumentFormat.allCases { _ = try document.rendered(as: format) }
                    finals += 1
                }
            }
            #expect(ReplyDocument(for: cases.first { $0.id == CaseID("zx5-2-090") }!, configuration: configuration, profile: profile)
                .missingParts.isEmpty, "\(name)")
            #expect(finals > 0, "\(name)")
        }
    }

    @Test func theProfileComesFromTheChoiceThenTheReplyThenTheConfiguration() throws {
        var configuration = try Fixtures.configuration()
        var c = Fixtures.fullCase()
        #expect(try configuration.profile(for: c).name == "上海区")
        c.reply.layout = "镇政府"
        #expect(try configuration.profile(for: c).name == "镇政府")
        #expect(try configuration.profile(for: c, chosen: "市局").name == "市局")
        #expect(ReplyDocument(for: c, configuration: configuration).profile.name == "镇政府")
        try configuration.useProfile(named: "街道", source: "test")
        c.reply.layout = ""
        #expect(try configuration.profile(for: c).name == "街道")
        c.reply.layout = "不存在"
        let error = try #require(throws: UnknownProfile.self) { try configuration.profile(for: c) }
        #expect(error.description == "没有名为“不存在”的版式（案件 zx5-2-090 的版式）；可用的版式：上海区、区局函、县局文件、县局函、镇政府、市局、街道、网页版、上海区网页、县局文件横排")
        #expect(throws: UnknownProfile.self) { try configuration.useProfile(named: "不存在", source: "test") }
        // A document of a reply whose 版式 is gone is still shown (the form, the report), in the profile in use.
        #expect(ReplyDocument(for: c, configuration: configuration).profile.name == "街道")
    }
}

extension OfficeProfileDocumentTests {
    /// 签发人 beside the document number: two items of one head line, four spaces apart.
    @Test func aCountyLetterPrintsTheSignerBesideTheNumber() throws {
        var c = Self.example(.suggestion, term: 18, session: 3, number: "9", lead: "甲", reply: Reply(
            documentNumber: "潼民发【2024】275号", date: Self.date(2024, 7, 2), salutation: "甲代表：", opening: "收悉。",
            sections: [ReplySection(heading: "摸清底数", text: "正文。"), ReplySection(heading: "分类", text: "甲", level: 3)],
            signature: "潼川县民政局"))
        c.signOff = SignOff(signer: "林国栋", date: Self.date(2024, 7, 1))
        #expect(try lines(c, "县局函") == ["潼民发【2024】275号    签发人：林国栋", "", "关于对县十八届人大三次会议第9号建议的答复", "",
                                         "甲代表：", "收悉。", "一、摸清底数", "正文。", "1、分类", "甲", "", "潼川县民政局", "2024年7月2日"])
    }

    /// The 发文机关标志 is the head line the profile marks as such, never merely the first: a county
    /// letter's first head line is its number and signer, printed plain.
    @Test func onlyTheIssuingAuthoritysMarkIsPrintedAsTheMasthead() throws {
        var c = Self.example(.suggestion, term: 18, session: 3, number: "9", lead: "甲", reply: Reply(
            documentNumber: "潼民发【2024】275号", date: Self.date(2024, 7, 2), salutation: "甲代表：", opening: "收悉。",
            sections: [ReplySection(heading: "摸清底数", text: "正文。")], signature: "潼川县民政局"))
        c.signOff = SignOff(signer: "林国栋", date: Self.date(2024, 7, 1))
        let configuration = try Fixtures.configuration()
        func html(_ profile: String) throws -> String {
            try ReplyDocument(for: c, configuration: configuration, profile: configuration.profile(named: profile, source: "test")).rendered(as: .html)
        }
        #expect(try html("县局文件").contains("<div class=\"head\">\n  <p class=\"masthead\">潼川县民政局文件</p>\n  <p>签发人：林国栋</p>\n  <p>潼民发【2024】275号</p>\n</div>"))
        let letter = try html("县局函")
        #expect(letter.contains("<div class=\"head\">\n  <p>潼民发【2024】275号    签发人：林国栋</p>\n</div>"))
        #expect(!letter.contains("class=\"masthead\"") && !letter.contains(":first-child"))
        #expect(OfficeProfile.isMasthead(["{unit}文件"]) && !OfficeProfile.isMasthead(["{document_number}", "签发人：{signer}"])
                && !OfficeProfile.isMasthead(["{document_number}"]))
    }
}
