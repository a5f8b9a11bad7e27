import Foundation
import Testing
@testable import Model
import TestSupport

/// import(export(reply)) == reply, for random replies in every configured profile: levels of
/// headings, run-ins, parts present or not, several signing units, every date style the profiles
/// print. Seeded (`SplitMix64`), so a failure names the seed that reproduces it.
@Suite struct ReplyImportPropertyTests {
    static let configuration = try! Fixtures.configuration()
    static let replies = 30

    @Test(arguments: configuration.profileNames) func importingAnExportGivesTheReplyBack(profileName: String) throws {
        let configuration = Self.configuration
        let profile = try #require(configuration.profiles[profileName])
        let importer = ReplyImport(configuration: configuration)
        for seed in 0..<UInt64(Self.replies) {
            var generator = RandomReply(profile: profile, configuration: configuration, seed: seed)
            let original = generator.make()
            let text = ReplyDocument(for: original, configuration: configuration, profile: profile).plainText
            let imported = try importer.imported(importer.read(bytes: Array(text.utf8), path: "reply.txt"), profile: profileName,
                                                 status: original.status, user: "tester", clock: .fixed(LocalDate(year: 2026, month: 12, day: 7)!),
                                                 source: "reply.txt").c
            let context = Comment(rawValue: "版式 \(profileName)，种子 \(seed)：\n\(text)")
            #expect(imported.reply == original.reply, context)
            #expect(imported.kind == original.kind && imported.meeting == original.meeting && imported.number == original.number, context)
            #expect(imported.leadProposer == original.leadProposer && imported.jointSigners == original.jointSigners, context)
            #expect(imported.role == original.role && imported.leadUnit == original.leadUnit && imported.title == original.title, context)
            #expect(imported.disclosure?.printedCategory == original.disclosure?.printedCategory, context)
            #expect(imported.currentOutcome?.result == original.currentOutcome?.result && imported.signOff?.signer == original.signOff?.signer, context)
            if imported.reply != original.reply { return }
        }
    }

    /// The profiles print every date style, so the property covers each.
    @Test func theProfilesPrintEveryDateStyle() {
        let printed = Set(Self.configuration.profiles.values.flatMap { profile in
            (profile.header + profile.documentHead).flatMap { $0 } + [profile.signatureDate]
        }.flatMap(TemplateText.placeholders(in:)))
        #expect(DateStyle.allCases.allSatisfy { printed.contains($0.placeholder) })
    }
}

/// A random case with a reply in the shapes `profile` prints, from small pools of real-looking text.
struct RandomReply {
    let profile: OfficeProfile
    let configuration: Configuration
    var rng: SplitMix64

    init(profile: OfficeProfile, configuration: Configuration, seed: UInt64) {
        self.profile = profile
        self.configuration = configuration
        rng = SplitMix64(seed: seed &* 7919 &+ UInt64(profile.name.unicodeScalars.count))
    }

    static let names = ["周建平", "沈雅琴", "陆卫国", "赵明远", "孙丽华", "钱志刚", "何静", "韩雪梅"]
    static let subjects = ["推进社区养老顾问点建设", "加强农村留守儿童关爱服务", "规范村镇地名门牌管理", "老旧小区加装电梯"]
    static let units = ["桐川区民政局", "桐川区财政局", "桐川区卫生健康委员会"]
    static let leadUnits = ["区住房和城乡建设管理委员会", "区卫生健康委员会", "区财政局"]
    static let sentences = [
        "2019年我区在11个街镇设立社区养老顾问点42个，覆盖全部社区综合为老服务中心。",
        "下一步，我局将结合新建社区综合为老服务中心同步设置顾问点。",
        "一是开展分级培训。二是编印服务手册，免费发放给老年人家庭。",
        "受场地和专业人员限制，目前尚不具备全面推开的条件。",
        "区民政局会同区市场监管局建立日常巡查和季度抽检制度（试行）。",
    ]
    static let headings = ["关于社区养老服务设施建设", "完善运营补贴", "健全工作机制", "加强队伍建设", "下一步工作打算"]
    static let runInHeadings = ["摸清底数，分类施策。", "统一标准，分批设置。", "加快设施布局。", "完善激励机制。"]
    static let closings = ["感谢您对民政工作的关心和支持。", "此复。", "特此答复。", "以上供你单位答复代表时参考。"]
    static let attachments = ["青浦区志愿服务站点名录", "志愿服务积分兑换办法", "2020年助餐点分布表"]

    mutating func chance(_ percent: UInt64) -> Bool { rng.next() % 100 < percent }
    mutating func pick<T>(_ items: [T]) -> T { items[Int(rng.next() % UInt64(items.count))] }
    mutating func count(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(rng.next() % UInt64(range.count)) }
    mutating func some<T: Equatable>(_ items: [T], _ range: ClosedRange<Int>) -> [T] {
        var left = items, out: [T] = []
        for _ in 0..<min(count(range), items.count) { out.append(left.remove(at: Int(rng.next() % UInt64(left.count)))) }
        return out
    }

    /// The placeholders the profile's head, header, signature date, contact and copy lines print.
    var printed: Set<String> {
        Set(((profile.documentHead + profile.header + profile.contact).flatMap { $0 } + [profile.signatureDate] + profile.copies)
            .flatMap(TemplateText.placeholders(in:)))
    }

    mutating func make() -> Case {
        let kind: CaseKind = chance(50) ? .proposal : .suggestion
        let role: HandlingRole = chance(20) ? .coHandler : .lead
        let meeting = chance(10) ? Meeting(term: 0, session: 0) : Meeting(term: count(1...19), session: count(1...7))
        let number = pick(["090", "7", "52", "0206", "155144", "118"])
        let proposers = some(Self.names, role == .coHandler ? 1...1 : 1...3)
        let subject = pick(Self.subjects)
        let title = "关于\(subject)的\(kind.rawValue)"
        var c = Case(kind: kind, meeting: meeting, number: number, title: title, leadProposer: proposers[0],
                     jointSigners: Array(proposers.dropFirst()), role: role, assignedOn: LocalDate(year: 2026, month: 1, day: 1)!,
                     status: configuration.workflow.replied)
        var r = Reply(layout: profile.name)
        let addressee = kind.proposerTitle
        if role == .coHandler {
            c.leadUnit = pick(Self.leadUnits)
            r.salutation = c.leadUnit + "："
            r.opening = "\(proposers[0])\(addressee)提出的\(title)收悉。经研究，现提出会办意见如下："
        } else {
            r.salutation = proposers.joined(separator: "、") + addressee + "："
            r.opening = "您提出的\(title)收悉，经研究，现答复如下："
        }
        if chance(70) {
            if chance(50) { r.opening += "\n" + pick(Self.sentences) }
            r.sections = sections()
        } else {
            r.sections = [ReplySection(heading: "", text: some(Self.sentences, 1...3).joined(separator: "\n"))]
        }
        r.closing = some(Self.closings, 0...2).joined(separator: "\n")
        if chance(40) { r.attachments = some(Self.attachments, 1...3) }
        let units = chance(85) ? some(Self.units, 1...3) : []
        r.signature = units.first ?? ""
        r.jointUnits = Array(units.dropFirst())
        let printed = printed
        if !printed.isDisjoint(with: DateStyle.allCases.map(\.placeholder)) {
            r.date = LocalDate(year: count(2015...2030), month: count(1...12), day: count(1...28))
        }
        if printed.contains("document_number"), chance(70) { r.documentNumber = "青民函〔\(count(2015...2030))〕\(count(1...300))号" }
        if printed.contains("disclosure"), chance(70) { c.disclosure = Disclosure(category: pick(["主动公开·全文", "依申请公开", "不予公开"])) }
        if printed.contains("outcome"), chance(70) {
            c.outcomes = [OutcomeRecord(result: pick(configuration.outcomeScheme.map(\.label)), date: r.date ?? c.assignedOn, recordedBy: "tester")]
        }
        if printed.contains("signer"), chance(70) { c.signOff = SignOff(signer: pick(Self.names), date: r.date ?? c.assignedOn) }
        if printed.contains("leader"), chance(70) { r.leader = "陈立新" }
        if printed.contains("contact_person"), chance(70) { r.contactPerson = "王丽" }
        if printed.contains("contact_phone"), chance(70) { r.contactPhone = "021-5972\(count(1000...9999))" }
        if printed.contains("contact_address"), chance(70) { r.contactAddress = "桐川市文昌路8号" }
        if printed.contains("postcode"), chance(70) { r.postcode = "20\(count(1000...9999))" }
        if printed.contains("copy_to"), chance(50) { r.copyTo = some(Self.leadUnits, 1...3) }
        if printed.contains("report_to"), chance(40) { r.reportTo = ["区人大常委会人代工委"] }
        if chance(15) {
            // A title of the office's own, printed on two lines.
            r.title = "关于\(profile.meetingName(meeting, kind: kind, district: configuration.office.district))\n第\(number)号\(kind.rawValue)的答复"
        }
        c.reply = r
        return c
    }

    /// One to six sections: the first at level 1, each next at most one level deeper; run-in or on
    /// its own line; a heading without text only over deeper sections.
    mutating func sections() -> [ReplySection] {
        var levels = [1]
        for _ in 0..<count(0...5) { levels.append(count(1...min(levels.last! + 1, ReplySection.levels.upperBound))) }
        return levels.enumerated().map { i, level in
            let deeper = i + 1 < levels.count && levels[i + 1] > level
            if chance(40) {
                return ReplySection(heading: pick(Self.runInHeadings), text: some(Self.sentences, 1...2).joined(separator: "\n"), level: level, runIn: true)
            }
            let text = some(Self.sentences, deeper ? 0...2 : 1...2).joined(separator: "\n")
            return ReplySection(heading: pick(Self.headings), text: text, level: level)
        }
    }
}
