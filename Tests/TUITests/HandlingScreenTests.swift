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

    @Test func aMessageNamesThreeCasesThenSays等() {
        let ids = ["zx6-5-101", "zx6-5-104", "zx6-5-107", "rd7-5-030"].map { CaseID($0)! }
        #expect(ids.prefix(1).named == "zx6-5-101")
        #expect(ids.prefix(3).named == "zx6-5-101、zx6-5-104、zx6-5-107")
        #expect(ids.named == "zx6-5-101、zx6-5-104、zx6-5-107等")
    }

    func select(_ id: String, in s: AppSession) { s.select(id) }

    @Test func anOutcomeIsRecordedFromTheList() throws {
        let s = try session()
        select("rd7-5-036", in: s)
        s.keys(.character("o"))
        let title = try #require(s.lines.firstIndex { $0.hasSuffix("rd7-5-036 办理结果") })
        #expect(s.lines[title + 1].hasSuffix("> 1 解决或采纳"))
        // Beside the selected row: just below it, or (near the bottom) ending just above it.
        let row = s.lines.firstIndex { $0.hasPrefix("rd7-5-036") }!
        #expect(title == row + 1 || title + 4 == row)
        s.keys(.character("1"))
        #expect(s.status == "rd7-5-036：办理结果：解决或采纳")
        #expect(try s.load("rd7-5-036").outcomes.map(\.result) == ["解决或采纳"])
        #expect(s.terminal.lines.first { $0.hasPrefix("rd7-5-036") }!.hasSuffix("解决采纳"))
    }

    @Test func aFollowUpAsksForItsNoteAndKeepsBothResults() throws {
        let s = try session()
        select("zx6-5-088", in: s)
        s.keys(.character("o"))
        #expect(s.lines.contains { $0.hasSuffix("zx6-5-088 已有办理结果") })
        s.keys(.character("1"))
        #expect(s.lines.contains { $0.hasSuffix("zx6-5-088 跟踪办理：结果改为") })
        s.keys(.character("1"))
        #expect(s.status == "改为“解决或采纳”的跟踪办理说明：")
        #expect(s.terminal.cursor! == (TextMetrics.width(of: "改为“解决或采纳”的跟踪办理说明："), 22))
        s.type("护理站已建成并投入使用")
        s.keys(.enter)
        let c = try s.load("zx6-5-088")
        #expect(c.outcomes.map(\.result) == ["列入计划拟解决", "解决或采纳"] && c.outcomes.last!.note == "护理站已建成并投入使用")
        s.keys(.enter)
        let detail = s.lines.joined(separator: "\n") + (s.state.screen(DetailScreen.self)?.pager.text ?? "")
        #expect(detail.contains("首次  ") && detail.contains("当前  2026-11-29  解决或采纳  tester  护理站已建成并投入使用"))
    }

    @Test func aMoveWhoseConditionsAreUnmetIsRefusedSayingWhatIsMissing() throws {
        let s = try session()
        select("rd7-5-036", in: s)
        s.keys(.character("m"))
        let menu = s.lines.joined(separator: "\n")
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
        // An empty reason keeps the question open.
        s.keys(.enter)
        #expect(s.state.top is QuestionLayer && s.message == "须写明理由")
        // The question keeps the status line; the message shows below it, where the hints were.
        #expect(s.status == "转为“退回”的理由：" && s.hints == "须写明理由")
        s.keys(.escape)
        #expect(s.status == "已取消" && s.state.top is ListScreen)
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
        #expect(s.message.hasSuffix("、M 并案对全部标记的案件办理（先确认）"), "the hint names 并案 too")
        s.keys(.character("m"))
        #expect(s.lines.contains { $0.hasSuffix("对 2 件案件：转为") })
        // Acting on several cases asks first, No by default.
        s.keys(.character("1"))
        #expect(s.lines.contains { $0.contains("对 2 件标记的案件（zx6-5-101、zx6-5-104）转为“办理中”") })
        #expect(s.lines[0].hasSuffix("已标记2件 · 共32件 未办结14 逾期3 7天内2"))
        #expect(s.status == "确定？(y/N)")
        s.keys(.enter)
        #expect(try s.load("zx6-5-101").status == "待签收" && s.state.list.marked.count == 2)
        s.keys(.character("m"), .character("1"), .character("y"))
        #expect(s.status.hasPrefix("已为2件案件办理：状态：待签收 → 办理中"))
        #expect(try s.load("zx6-5-101").status == "办理中" && s.load("zx6-5-104").status == "办理中")
        #expect(s.state.list.marked.isEmpty)
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
        #expect(s.status == "面商日期：2026-11-29")
        s.keys(.enter)
        #expect(try s.load("zx6-5-093").contacts.last == ContactEntry(date: Self.today, method: .visit, people: "提案人", summary: "当面听取意见"))
    }

    @Test func dissatisfiedFeedbackReopensTheCaseOnlyOnceConfirmed() throws {
        let s = try session()
        select("zx6-5-061", in: s)
        // Today's date, every detail field left empty, then the comment, which 不满意 requires.
        func form() {
            s.keys(.character("b"), .character("3"), .enter, .character("3"), .character("4"), .character("4"), .character("5"))
        }
        form()
        #expect(s.status == "提出人的意见（必填）：")
        s.keys(.enter)
        #expect(s.message == "登记“不满意”须写明提出人的意见" && s.state.top is QuestionLayer)
        s.type("答复未回应停车难")
        s.keys(.enter)
        #expect(s.lines.contains { $0.contains("登记“不满意”将重新办理 zx6-5-061") })
        s.keys(.escape)
        #expect(try s.load("zx6-5-061").status == "已答复")
        form()
        s.type("答复未回应停车难")
        s.keys(.enter, .character("y"))
        let c = try s.load("zx6-5-061")
        #expect(c.currentFeedback?.comment == "答复未回应停车难")
        #expect(c.currentFeedback?.satisfaction == .dissatisfied && c.status == "办理中" && c.previousReplies.count == 1)
    }

    @Test func feedbackOnACaseNotYetAnsweredIsRefusedBeforeAnyMenu() throws {
        let s = try session()
        select("zx6-5-093", in: s)
        s.keys(.character("b"))
        #expect(s.state.top is ListScreen)
        #expect(s.status == "尚未答复（当前状态为“办理中”），答复后才能登记提出人的反馈")
    }

    @Test func theDueListSaysWhyEachCaseIsThere() throws {
        let s = try session()
        s.keys(.character("d"))
        #expect(s.status == "需要处理9件：逾期3件、即将到期2件、退回期限3件、反馈未回1件")
        #expect(s.lines[0].hasPrefix("待办 · demo") && s.lines[0].hasSuffix("需要处理9件 · 逾期3件、即将到期2件、退回期限3件、反馈未回1件"))
        #expect(s.lines[1].hasPrefix("编号       原因"))
        #expect(s.lines[2].hasPrefix("zx6-5-097  ！逾期60天"))
        #expect(s.lines.contains { $0.hasPrefix("rd7-5-027  答复后32天未收到反馈") })
        // The status line gives the selected row's reason whole once the message is gone.
        s.keys(.character("j"), .character("j"), .character("j"))
        #expect(s.status == "zx6-5-104：！退回/改办申请期限已过3天，尚未签收（2026-11-26）")
        // Handled from here, a case leaves the list when its reason is gone.
        s.keys(.character("m"), .character("1"))
        #expect(try s.load("zx6-5-104").status == "办理中")
        #expect(!s.lines[1..<22].contains { $0.hasPrefix("zx6-5-104") })
        s.keys(.escape)
        #expect(s.state.top is ListScreen && s.state.list.filter == .all)
    }

    @Test func statisticsHaveTheirOwnTitleAndHelp() throws {
        let s = try session()
        s.keys(.character("t"))
        #expect(s.lines[0].hasPrefix("统计 · demo"))
        let text = try #require(s.state.screen(StatisticsScreen.self)).pager.text
        #expect(text.contains("解决采纳率"))
        s.keys(.character("?"))
        #expect(s.lines[0].hasPrefix("帮助：统计") && s.lines.joined().contains("解决采纳率 = "))
        s.keys(.escape, .escape)
        #expect(s.state.top is ListScreen)
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

    @Test func oneMarkedCaseAwayFromTheSelectionIsConfirmedAndEscClearsMarks() throws {
        let s = try session()
        select("zx6-5-101", in: s)
        s.keys(.character("x"), .character("g"))
        #expect(s.selected == "zx5-2-090" && s.lines[0].hasPrefix("banli") && s.lines[0].contains("已标记1件"))
        // The step acts on the marked case, not the row in view, and says so before doing it.
        s.keys(.character("m"), .character("1"))
        #expect(s.lines.contains { $0.contains("对 1 件标记的案件（zx6-5-101）转为“办理中”") })
        s.keys(.character("n"))
        #expect(try s.load("zx6-5-101").status == "待签收")
        s.keys(.escape)
        #expect(s.state.list.marked.isEmpty && s.status == "已取消全部标记（1件）")
        #expect(!s.lines[0].contains("已标记"))
    }

    @Test func aFollowUpIsOfferedOnlyWhereItCanBeDoneAndMixedMarksAreRefusedFirst() throws {
        let s = try session()
        select("zx6-5-088", in: s)
        s.keys(.character("o"), .character("1"))
        // 088's result is 列入计划拟解决: a follow-up to the same result is not offered.
        #expect(s.state.menu?.items.map(\.label) == ["解决或采纳", "留作参考"])
        s.keys(.escape)
        s.keys(.character("x"))
        select("zx6-5-093", in: s)
        s.keys(.character("x"), .character("o"))
        #expect(s.state.top is ListScreen)
        #expect(s.status == "标记的案件有的已有办理结果、有的还没有：登记结果和跟踪办理请分开进行")
    }

    @Test func aCaseShownInFullKeepsItsPlaceWhenAStepChangesIt() throws {
        let s = try session()
        select("zx6-5-099", in: s)
        s.keys(.enter, .character(" "))
        let offset = try #require(s.state.screen(DetailScreen.self)).pager.offset
        #expect(offset > 0)
        s.keys(.character("c"), .character("2"))
        s.type("顾志英")
        s.keys(.enter)
        s.type("电话沟通")
        s.keys(.enter, .enter)
        #expect(try s.load("zx6-5-099").contacts.last?.summary == "电话沟通")
        #expect(s.state.screen(DetailScreen.self)?.pager.offset == offset)
        #expect(s.state.screen(DetailScreen.self)?.pager.text.contains("电话沟通") == true)
    }
}
