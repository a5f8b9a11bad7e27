import Foundation
import Model
import Testing
import TestSupport
@testable import TUI

/// Outcomes, status moves, contacts, feedback, marking, the due list and statistics from the
/// keyboard, in the in-memory terminal over a copy of the demo store.
@Suite struct HandlingScreenTests {
    static let today = AppSession.today

    func session(width: Int = 80, height: Int = 24) throws -> AppSession { try AppSession(width: width, height: height) }

    func select(_ id: String, in s: AppSession) { s.select(id) }

    @Test func anOutcomeIsRecordedFromTheList() throws {
        let s = try session()
        select("rd7-5-036", in: s)
        s.keys(.character("o"))
        #expect(s.terminal.lines[1].hasSuffix("rd7-5-036 办理结果"))
        #expect(s.terminal.lines[2].hasSuffix("> 1 解决或采纳"))
        s.keys(.character("1"))
        #expect(s.status == "rd7-5-036：办理结果：解决或采纳")
        #expect(try s.load("rd7-5-036").outcomes.map(\.result) == ["解决或采纳"])
        #expect(s.terminal.lines.first { $0.hasPrefix("rd7-5-036") }!.hasSuffix("解决采纳"))
    }

    @Test func aFollowUpAsksForItsNoteAndKeepsBothResults() throws {
        let s = try session()
        select("zx6-5-088", in: s)
        s.keys(.character("o"))
        #expect(s.terminal.lines[1].hasSuffix("跟踪办理：改为"))
        s.keys(.character("1"))
        #expect(s.status == "改为“解决或采纳”的跟踪办理说明：")
        #expect(s.terminal.cursor! == (TextMetrics.width(of: "改为“解决或采纳”的跟踪办理说明："), 22))
        s.type("护理站已建成并投入使用")
        s.keys(.enter)
        let c = try s.load("zx6-5-088")
        #expect(c.outcomes.map(\.result) == ["列入计划拟解决", "解决或采纳"] && c.outcomes.last!.note == "护理站已建成并投入使用")
        s.keys(.enter)
        let detail = s.terminal.lines.joined(separator: "\n") + (s.runner.state.detail?.text ?? "")
        #expect(detail.contains("首次  ") && detail.contains("当前  2026-11-29  解决或采纳  tester  护理站已建成并投入使用"))
    }

    @Test func aMoveWhoseConditionsAreUnmetIsRefusedSayingWhatIsMissing() throws {
        let s = try session()
        select("rd7-5-036", in: s)
        s.keys(.character("m"))
        let menu = s.terminal.lines[1...4].joined(separator: "\n")
        #expect(menu.contains("rd7-5-036 转为") && menu.contains("已签发（登记签发人）"))
        let signIndex = s.runner.state.menu!.items.firstIndex { $0.label.hasPrefix("已签发") }! + 1
        s.keys(.character(Character(String(signIndex))))
        #expect(s.status == "签发人：")
        s.type("钱志明")
        s.keys(.enter)
        #expect(s.status.hasPrefix("rd7-5-036：不能转为“已签发”：缺少") && s.status.contains("办理结果"))
        #expect(try s.load("rd7-5-036").status == "待审核")
    }

    @Test func returningACaseNeedsAReason() throws {
        let s = try session()
        select("zx6-5-104", in: s)
        s.keys(.character("m"))
        let returnIndex = s.runner.state.menu!.items.firstIndex { $0.label.hasPrefix("退回") }! + 1
        s.keys(.character(Character(String(returnIndex))))
        s.keys(.enter)
        #expect(s.status == "zx6-5-104：转为“退回”须写明理由")
        s.keys(.character("m"), .character(Character(String(returnIndex))))
        s.type("不属本单位职能，建议改由区卫健委办理")
        s.keys(.enter)
        let c = try s.load("zx6-5-104")
        #expect(c.status == "退回" && c.returnReason == "不属本单位职能，建议改由区卫健委办理")
        #expect(s.status.hasPrefix("zx6-5-104：状态：待签收 → 退回"))
    }

    @Test func markedCasesAreGivenTheSameStatusInOneStep() throws {
        let s = try session()
        select("zx6-5-101", in: s)
        s.keys(.character("x"))
        select("zx6-5-104", in: s)
        s.keys(.character("x"))
        #expect(s.terminal.lines.contains { $0.hasPrefix("+zx6-5-101") } && s.terminal.lines.contains { $0.hasPrefix("+zx6-5-104") })
        #expect(s.status.hasPrefix("已标记2件"))
        s.keys(.character("m"))
        #expect(s.terminal.lines[1].hasSuffix("2件案件 转为"))
        s.keys(.character("1"))
        #expect(s.status.hasPrefix("已为2件案件办理：状态：待签收 → 办理中"))
        #expect(try s.load("zx6-5-101").status == "办理中" && s.load("zx6-5-104").status == "办理中")
        #expect(s.runner.state.marked.isEmpty)
    }

    @Test func aContactIsAddedWithItsMethodPeopleAndSummary() throws {
        let s = try session()
        select("zx6-5-093", in: s)
        s.keys(.character("c"), .character("1"))
        #expect(s.status == "走访对象：")
        s.type("提案人")
        s.keys(.enter)
        #expect(s.status == "沟通情况：")
        s.type("当面听取意见")
        s.keys(.enter)
        #expect(try s.load("zx6-5-093").contacts.last == ContactEntry(date: Self.today, method: .visit, people: "提案人", summary: "当面听取意见"))
    }

    @Test func dissatisfiedFeedbackReopensTheCase() throws {
        let s = try session()
        select("zx6-5-061", in: s)
        s.keys(.character("b"), .character("3"))
        let c = try s.load("zx6-5-061")
        #expect(c.feedback?.satisfaction == .dissatisfied && c.status == "办理中" && c.previousReplies.count == 1)
    }

    @Test func theDueListAndStatistics() throws {
        let s = try session()
        s.keys(.character("d"))
        #expect(s.status.hasPrefix("需要处理"))
        #expect(s.runner.state.filter.label == "需要处理" && !s.runner.state.summaries.isEmpty)
        #expect(s.terminal.lines[0].contains("需要处理"))
        s.keys(.character("t"))
        let text = s.runner.state.preview!.text
        #expect(text.contains("解决采纳率") && s.runner.state.context == .preview)
        s.keys(.escape)
        #expect(s.runner.state.context == .list)
    }

    @Test func anOutcomeRecordedFromTheFormDoesNotMakeItsSaveConflict() throws {
        let s = try session()
        select("zx6-5-093", in: s)
        s.keys(.character("r"))
        s.type("草稿")
        s.keys(.control("b"), .character("2"))
        #expect(s.status == "zx6-5-093：办理结果：列入计划拟解决")
        s.keys(.control("s"))
        #expect(s.status.hasPrefix("已保存 zx6-5-093"))
        let c = try s.load("zx6-5-093")
        #expect(c.outcomes.map(\.result) == ["列入计划拟解决"] && !c.reply.isEmpty)
    }
}
