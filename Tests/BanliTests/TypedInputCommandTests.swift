import Foundation
import Model
import Testing
import TestSupport

/// IDs, vocabulary and dates on the command line as an IME types them, through the real binary on a
/// copy of the demo store.
@Suite struct TypedInputCommandTests: DemoStoreCommands {
    let banli = Banli()
    let store = Fixtures.demoStoreCopy()

    @Test(arguments: ["zx5-2-090", "ZX5-2-090", "０９０", "zx5-2-090.yaml", "90", "ｚｘ５－２－０９０", " 090\u{3000}"])
    func aCaseIsFoundHoweverItsIDIsTyped(typed: String) throws {
        let shown = try run(["show", typed])
        #expect(shown.status == 0 && shown.stderr.isEmpty, "\(typed): \(shown.stderr)")
        #expect(shown.stdout.contains("关于我区居民委员会若干问题的建议"))
        let exported = try run(["export", typed])
        #expect(exported.status == 0 && exported.stdout.contains("关于青浦区政协第五届委员会第二次会议第090号提案的办理意见"))
    }

    @Test func aNumberWithoutItsPaddingIsTheCaseWhenUnique() throws {
        let shown = try run(["show", "15"])
        #expect(shown.status == 0 && shown.stdout.contains("zx6-4-015"), "\(shown.stderr)")
        let moved = try run(["move", "１０１", "rd7-5-61", "办理中"])
        #expect(moved.status == 0 && moved.lines == ["zx6-5-101：状态：待签收 → 办理中", "rd7-5-061：状态：待签收 → 办理中"],
                "\(moved.stderr)")
    }

    @Test func aNumberSeveralCasesHaveNamesThemAll() throws {
        for arguments in [["show", "061"], ["move", "61", "办理中"], ["sign", "０６１", "--signer", "顾卫东"]] {
            let refused = try run(arguments)
            #expect(refused.status != 0 && refused.stdout.isEmpty)
            #expect(refused.stderr.contains("有2件案件编号为061：zx6-5-061、rd7-5-061，请写全"), "\(refused.stderr)")
            #expect(refused.stderr.split(separator: "\n").count == 1)
        }
        #expect(file("rd7-5-061").contains("状态: 待签收"))
    }

    @Test func statusesOutcomesAndTheOtherWordsAreTrimmedOfEverySpace() throws {
        let moved = try run(["move", "101", "办理中\u{3000}"])
        #expect(moved.status == 0 && moved.lines == ["zx6-5-101：状态：待签收 → 办理中"], "\(moved.stderr)")
        #expect(file("zx6-5-101").contains("状态: 办理中\n"))
        let outcome = try run(["outcome", "101", "\u{00A0}列入计划拟解决\u{3000}"])
        #expect(outcome.status == 0 && outcome.lines == ["zx6-5-101：办理结果：列入计划拟解决"], "\(outcome.stderr)")
        let contact = try run(["contact", "101", "--method", "走访\u{3000}", "--people", "沈雅琴委员", "--summary", "听取意见"])
        #expect(contact.status == 0 && file("zx6-5-101").contains("方式: 走访\n"), "\(contact.stderr)")
        let disclosed = try run(["disclose", "101", "不予公开\u{3000}", "--reason", "涉及个人隐私"])
        #expect(disclosed.status == 0 && file("zx6-5-101").contains("类别: 不予公开\n"), "\(disclosed.stderr)")
        let listed = try run(["list", "--status", "办理中\u{3000}", "--outcome", "列入计划拟解决\u{00A0}", "--format", "tsv"])
        #expect(listed.status == 0 && listed.lines.dropFirst().contains { $0.hasPrefix("zx6-5-101\t") }, "\(listed.stderr)")
        let created = try run(["new", "--kind", "提案\u{3000}", "--term", "6", "--session", "5", "--number", "１２０",
                               "--title", "关于测试的建议", "--lead", "张三", "--role", "主办\u{3000}", "--assigned", "２０２６－０３－０１"])
        #expect(created.status == 0 && file("zx6-5-120").contains("交办日期: 2026-03-01\n"), "\(created.stderr)")
    }

    @Test func aDateThatDoesNotExistIsToldSo() throws {
        let cases: [([String], String)] = [
            (["due", "--date", "2018-02-30"], "2018年2月没有30日"),
            (["feedback", "044", "满意", "--date", "2019-02-29"], "2019年2月没有29日"),
            (["contact", "101", "--method", "电话", "--people", "甲", "--summary", "乙", "--date", "2018-04-31"], "2018年4月没有31日"),
            (["deadline", "019", "2018-13-01", "--reason", "延期"], "没有13月"),
            (["new", "--kind", "提案", "--term", "6", "--session", "5", "--number", "121", "--title", "标题", "--lead", "张三",
              "--assigned", "2026-02-29"], "选项 --assigned 的值“2026-02-29”无效：2026年2月没有29日"),
            (["due", "--date", "2018/02/03"], "应写作 2026-11-03 的形式"),
        ]
        for (arguments, message) in cases {
            let refused = try run(arguments)
            #expect(refused.status != 0 && refused.stderr.contains(message), "\(arguments): \(refused.stderr)")
        }
        #expect(try run(["due", "--date", "2020-02-29"]).status == 0)
    }
}
