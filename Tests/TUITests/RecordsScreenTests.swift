import Foundation
import Model
import Testing
import TestSupport
@testable import TUI

/// Feedback forms entered field by field, dates checked as they are typed, corrections from `o` and
/// `m`, and undo with `u`, in the in-memory terminal over a copy of the demo store.
@Suite struct RecordsScreenTests {
    func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }

    @Test func feedbackTakesEveryFieldAndTheDateAndKeepsTheEarlierForm() throws {
        let s = try AppSession()
        s.select("zx6-5-044")
        let earlier = try s.load("zx6-5-044").feedback
        s.keys(.character("b"), .character("1"))
        #expect(s.status == "反馈日期：2026-11-29")
        s.keys(.control("u"))
        s.type("2026-11-20")
        s.keys(.enter)
        #expect(s.lines.contains { $0.hasSuffix("zx6-5-044 反馈：是否走访") })
        s.keys(.character("1"))
        #expect(s.lines.contains { $0.hasSuffix("zx6-5-044 反馈：工作态度") })
        s.keys(.character("2"))
        #expect(s.lines.contains { $0.hasSuffix("zx6-5-044 反馈：针对性") })
        s.keys(.character("1"))
        #expect(s.lines.contains { $0.hasSuffix("zx6-5-044 反馈：结果看法") })
        s.keys(.character("2"))
        #expect(s.status == "提出人的意见（可不填）：")
        s.type("已看到改进")
        s.keys(.enter)
        #expect(s.status == "zx6-5-044：反馈：基本满意 → 满意（2026-11-20）")
        let c = try s.load("zx6-5-044")
        #expect(earlier.count == 1 && c.feedback.first == earlier.first)
        #expect(c.feedback.last == Feedback(date: day("2026-11-20"), satisfaction: .satisfied, visited: true, attitude: "理解",
                                            relevance: "针对", viewOfResult: "理解", comment: "已看到改进"))
        s.keys(.enter)
        let detail = try #require(s.state.screen(DetailScreen.self)).pager.text
        #expect(detail.contains("        2026-07-01  基本满意  走访：否  工作态度：满意"))
        #expect(detail.contains("  当前  2026-11-20  满意  走访：是  工作态度：理解  针对性：针对  结果看法：理解  意见：已看到改进"))
    }

    @Test func aDateInTheFutureOrBefore交办IsRefusedAndAskedAgain() throws {
        let s = try AppSession()
        s.select("zx6-5-044")
        s.keys(.character("b"), .character("1"), .control("u"))
        s.type("2030-01-01")
        s.keys(.enter)
        #expect(s.message == "反馈日期 2030-01-01 晚于今天 2026-11-29" && s.status == "反馈日期：2030-01-01")
        s.keys(.control("u"))
        s.type("2026-02-30")
        s.keys(.enter)
        #expect(s.message == "反馈日期“2026-02-30”无效：2026年2月没有30日")
        s.keys(.control("u"))
        s.type("2026-0315")
        s.keys(.enter)
        #expect(s.message == "反馈日期“2026-0315”无效：应写作 2026-11-03 的形式")
        s.keys(.control("u"))
        s.type("２０２６－０３－１５")   // as an IME in full-width mode types it: read as 2026-03-15
        s.keys(.enter)
        #expect(s.message == "反馈日期 2026-03-15 早于交办日期 2026-03-16" && s.state.top is QuestionLayer)
        s.keys(.escape)
        #expect(try s.load("zx6-5-044").feedback.count == 1)
        // A contact's date likewise (zx6-5-101 was assigned on 2026-11-20).
        s.select("zx6-5-101")
        s.keys(.character("c"), .character("2"))
        s.type("苏立群委员")
        s.keys(.enter)
        s.type("电话沟通")
        s.keys(.enter, .control("u"))
        s.type("2026-11-19")
        s.keys(.enter)
        #expect(s.message == "面商日期 2026-11-19 早于交办日期 2026-11-20")
        s.keys(.control("u"))
        s.type("2026-11-21")
        s.keys(.enter)
        #expect(try s.load("zx6-5-101").contacts.last == ContactEntry(date: day("2026-11-21"), method: .phone, people: "苏立群委员", summary: "电话沟通"))
    }

    /// A sent reply prints its result: `o` on it offers only a follow-up; correcting the result
    /// takes the reply back first (更正答复).
    @Test func aSentReplysResultIsFollowedUpNotCorrected() throws {
        let s = try AppSession()
        s.select("zx6-5-044")
        s.keys(.character("o"))
        #expect(s.lines.contains { $0.hasSuffix("zx6-5-044 跟踪办理：结果改为") })
        #expect(s.runner.state.menu?.items.map(\.label) == ["解决或采纳", "留作参考"])
    }

    @Test func aMistakenOutcomeIsCorrectedFromTheOutcomeKey() throws {
        let s = try AppSession()
        s.select("zx6-5-088")
        s.keys(.character("o"))
        #expect(s.runner.state.menu?.items.map(\.label) == ["跟踪办理（结果有了变化，写明说明）", "更正（原结果登记有误，写明原因）"])
        s.keys(.character("2"))
        #expect(s.lines.contains { $0.hasSuffix("zx6-5-088 更正：结果应为") })
        #expect(s.runner.state.menu?.items.map(\.label) == ["解决或采纳", "留作参考"])
        s.keys(.character("1"))
        #expect(s.status == "更正为“解决或采纳”的原因：")
        s.keys(.enter)
        #expect(s.message == "更正须写明原因")
        s.type("误选，实为已采纳")
        s.keys(.enter)
        #expect(s.status == "zx6-5-088：更正办理结果：列入计划拟解决 → 解决或采纳，原因：误选，实为已采纳")
        let c = try s.load("zx6-5-088")
        #expect(c.outcomes.map(\.result) == ["列入计划拟解决", "解决或采纳"])
        #expect(c.outcomes[0].correction == OutcomeCorrection(correctedTo: "解决或采纳", correctedBy: "tester", date: AppSession.today,
                                                               reason: "误选，实为已采纳"))
        #expect(c.firstOutcome?.result == "解决或采纳")
        #expect(s.terminal.lines.first { $0.hasPrefix("zx6-5-088") }!.hasSuffix("解决采纳"))
        s.keys(.enter)
        let detail = try #require(s.state.screen(DetailScreen.self)).pager.text
        #expect(detail.contains("列入计划拟解决（已更正为 解决或采纳：误选，实为已采纳，tester 2026-11-29）"))
        #expect(detail.contains("  当前  2026-") && !detail.contains("首次  "))
    }

    @Test func aMistakenMoveIsCorrectedFromTheStatusKey() throws {
        let s = try AppSession()
        s.select("zx6-5-101")
        s.keys(.character("m"), .character("1"))
        #expect(try s.load("zx6-5-101").status == "办理中")
        s.keys(.character("m"))
        let items = try #require(s.runner.state.menu?.items)
        #expect(items.last?.label == "更正上一次状态变更（写明原因）")
        s.keys(.character(Character(String(items.count))))
        #expect(s.status == "更正上一次状态变更的原因：")
        s.type("误签收")
        s.keys(.enter)
        #expect(s.status == "zx6-5-101：更正状态：办理中 → 待签收，原因：误签收")
        let c = try s.load("zx6-5-101")
        #expect(c.status == "待签收" && c.journal.suffix(2).map(\.text) == ["状态：待签收 → 办理中", "更正状态：办理中 → 待签收，原因：误签收"])
    }

    /// A move made as part of a larger step (here 退回修改) is undone, not corrected: the refusal names
    /// the key that undoes it.
    @Test func aMoveThatWasPartOfAStepPointsToTheUndoKey() throws {
        let s = try AppSession()
        s.select("rd7-5-036")
        s.keys(.character("m"))
        let sendBack = try #require(s.runner.state.menu?.items.firstIndex { $0.label.contains("退回修改") })
        s.keys(.character(Character(String(sendBack + 1))))
        s.type("请补充数据")
        s.keys(.enter)
        #expect(try s.load("rd7-5-036").status == "办理中")
        s.keys(.character("m"))
        let items = try #require(s.runner.state.menu?.items)
        s.keys(.character(Character(String(items.count))))
        s.type("误退")
        s.keys(.enter)
        #expect(s.message == "rd7-5-036：上一次状态变更是“退回修改：请补充数据；状态：待审核 → 办理中”的一部分，不能单独更正；可撤销这一步（按 u 撤销）")
        #expect(try s.load("rd7-5-036").status == "办理中")
    }

    @Test func uUndoesTheLatestChangeAfterConfirmingFromTheListAndTheDetail() throws {
        let s = try AppSession()
        s.select("zx6-5-101")
        s.keys(.character("m"), .character("1"), .character("u"))
        #expect(s.lines.contains { $0.contains("撤销“状态：待签收 → 办理中”？") } && s.status == "确定？(y/N)")
        s.keys(.enter)
        #expect(try s.load("zx6-5-101").status == "办理中")
        s.keys(.character("u"), .character("y"))
        #expect(s.status == "zx6-5-101：撤销：状态：待签收 → 办理中")
        let c = try s.load("zx6-5-101")
        #expect(c.status == "待签收" && c.journal.suffix(2).map(\.text) == ["状态：待签收 → 办理中", "撤销：状态：待签收 → 办理中"])
        #expect(s.terminal.lines.first { $0.hasPrefix("zx6-5-101") }!.contains("待签收"))
        s.keys(.character("u"))
        #expect(s.status == "zx6-5-101：没有可撤销的更改")
        // From the detail: a contact added, then taken back.
        s.keys(.enter, .character("c"), .character("1"))
        s.type("苏立群委员")
        s.keys(.enter)
        s.type("当面听取意见")
        s.keys(.enter, .enter)
        #expect(try s.load("zx6-5-101").contacts.count == 1)
        s.keys(.character("u"), .character("y"))
        #expect(try s.load("zx6-5-101").contacts.isEmpty)
        #expect(try #require(s.state.screen(DetailScreen.self)).pager.text.contains("撤销：登记面商（走访，2026-11-29）：苏立群委员"))
    }

    @Test func uUndoesFromTheDueListToo() throws {
        let s = try AppSession()
        s.keys(.character("d"), .character("j"), .character("j"), .character("j"))
        #expect(s.status.hasPrefix("zx6-5-104："))
        let contacts = try s.load("zx6-5-104").contacts
        s.keys(.character("c"), .character("1"))
        s.type("冯建勋代表")
        s.keys(.enter)
        s.type("听取意见")
        s.keys(.enter, .enter)
        #expect(try s.load("zx6-5-104").contacts.count == contacts.count + 1)
        s.keys(.character("u"))
        #expect(s.lines.contains { $0.contains("撤销“登记面商（走访，2026-11-29）：冯建勋代表”？") })
        s.keys(.character("y"))
        #expect(try s.load("zx6-5-104").contacts == contacts && s.state.top is DueScreen)
    }

    @Test func uIsRefusedWhenSomeoneElseChangedTheCaseSince() throws {
        let s = try AppSession()
        s.select("zx6-5-101")
        s.keys(.character("m"), .character("1"))
        let lihua = CaseHandling(configuration: try Fixtures.configuration(), user: "lihua", clock: .fixed(AppSession.today))
        let stored = try s.store.load(CaseID("zx6-5-101")!)
        try s.store.save(try lihua.setOutcome(stored.value, "列入计划拟解决").value, replacing: stored.revision)
        s.keys(.character("u"))
        #expect(s.status == "zx6-5-101：此后 lihua 已修改本案件（办理结果：列入计划拟解决），不能撤销")
        #expect(s.state.top is ListScreen)
    }

    @Test func uIsRefusedWhenTheFileWasChangedOutsideBanli() throws {
        let s = try AppSession()
        s.select("zx6-5-101")
        s.keys(.character("m"), .character("1"))
        let path = s.store.path(of: CaseID("zx6-5-101")!)
        Fixtures.write(String(decoding: Fixtures.bytes(path), as: UTF8.self) + "# 手工加的注释\n", to: path)
        s.keys(.character("u"))
        #expect(s.status == "zx6-5-101：此后案件文件已在 banli 之外被修改，不能撤销")
        #expect(try s.load("zx6-5-101").status == "办理中")
    }
}
