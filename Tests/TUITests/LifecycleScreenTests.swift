import Foundation
import Model
import Testing
import TestSupport
@testable import TUI

/// 撤案 (`w`), 并案 (`M`) and deleting (`D`) from the keyboard, on the list, the due list and a
/// case's detail, in the in-memory terminal over a copy of the demo store, at 80×24 and 40×12.
@Suite struct LifecycleScreenTests {
    static let sizes = [(80, 24), (40, 12)]

    func row(_ id: String, _ s: AppSession) -> String? { s.lines.dropLast(2).first { $0.hasPrefix(id + " ") } }

    @Test(arguments: sizes)
    func withdrawingAsksTheReasonConfirmsAndShowsTheCaseWithdrawn(width: Int, height: Int) throws {
        let s = try AppSession(width: width, height: height)
        s.select("zx6-5-101")
        s.keys(.character("w"))
        #expect(s.status == "撤案理由：")
        #expect(s.terminal.cursor! == (TextMetrics.width(of: "撤案理由："), height - 2))
        // An empty reason keeps the question open.
        s.keys(.enter)
        #expect(s.state.top is QuestionLayer && s.message == "撤案须写明理由")
        s.type("提出人调任")
        #expect(s.terminal.cursor! == (TextMetrics.width(of: "撤案理由：提出人调任"), height - 2))
        s.keys(.enter)
        #expect(s.state.top is ConfirmationLayer)
        #expect(s.message.isEmpty || !s.message.contains("已撤案"))
        s.keys(.character("n"))
        #expect(try s.load("zx6-5-101").withdrawal == nil)
        s.keys(.character("w"))
        s.type("提出人调任")
        s.keys(.enter, .character("y"))
        #expect(s.message == "zx6-5-101：撤案（2026-11-29）：提出人调任")
        #expect(try s.load("zx6-5-101").withdrawal?.reason == "提出人调任")
        if width >= 44 { #expect(row("zx6-5-101", s)?.contains("已撤案") == true) }
        // Withdrawing it again is refused before any question.
        s.keys(.character("w"))
        #expect(s.message == "zx6-5-101：已于 2026-11-29 撤案" && s.state.top is ListScreen)
    }

    @Test(arguments: sizes)
    func mergingTheMarkedCasesAsksWhichCarriesTheReply(width: Int, height: Int) throws {
        let s = try AppSession(width: width, height: height)
        s.keys(.character("M"))
        #expect(s.message == "并案：先按 x 标记要一并答复的案件（包括承接答复的那一件），再按 M")
        s.select("zx6-5-101")
        s.keys(.character("x"))
        s.select("zx6-5-104")
        s.keys(.character("x"))
        s.keys(.character("M"))
        let menu = try #require(s.state.menu)
        #expect(menu.items.map(\.label).map { String($0.prefix(9)) } == ["zx6-5-101", "zx6-5-104"])
        #expect(s.lines.contains { $0.contains("并案：由哪一件承接答复") })
        s.keys(.character("1"))
        #expect(s.state.top is ConfirmationLayer)
        s.keys(.character("y"))
        #expect(try s.load("zx6-5-104").mergedInto == CaseID("zx6-5-101"))
        #expect(try s.load("zx6-5-101").mergedCases.map(\.id.description) == ["zx6-5-104"])
        #expect(s.message == "已为2件案件办理：并案：并入 zx6-5-101，由其答复")
        #expect(s.state.screen(ListScreen.self)?.marked.isEmpty == true)
        if width >= 44 { #expect(row("zx6-5-104", s)?.contains("已并案") == true) }
        // The detail shows where it went, with the carrier's number.
        s.select("zx6-5-104")
        s.keys(.enter)
        #expect(s.state.screen(DetailScreen.self)?.pager.text.contains("状态      已并案 → 101（原状态：待签收）") == true)
        if width >= 80 { #expect(s.lines[0].hasSuffix("已并案 → 101")) }
    }

    @Test func aRefusedMergeSaysWhichCaseAndWhy() throws {
        let s = try AppSession()
        s.select("zx6-5-093")
        s.keys(.character("x"))
        s.select("rd7-5-061")
        s.keys(.character("x"), .character("M"))
        // Refused at the key, before the menu: no case of the two can carry the other.
        #expect(s.message == "2件中有1件不能办理，均未更改：rd7-5-061：是代表建议，不能并入委员提案")
        #expect(s.state.top is ListScreen)
        #expect(try s.load("zx6-5-093").mergedInto == nil)
    }

    /// 并案 is checked when M is pressed: cases each with a reply of their own cannot be merged, so
    /// nothing is asked; when only one of them can carry the others, the menu offers that one alone.
    @Test(arguments: sizes)
    func mergeOffersOnlyTheCasesThatCanCarryAndRefusesAtTheKey(width: Int, height: Int) throws {
        let s = try AppSession(width: width, height: height)
        for id in ["zx6-5-093", "zx6-5-097"] {
            s.select(id)
            s.keys(.character("x"))
        }
        s.keys(.character("M"))
        #expect(s.state.top is ListScreen)
        #expect(s.message.hasPrefix("2件中有1件不能办理，均未更改：zx6-5-097：已有自己的答复"))
        s.keys(.character("X"), .character("X"))
        for id in ["zx6-5-093", "zx6-5-101"] {
            s.select(id)
            s.keys(.character("x"))
        }
        s.keys(.character("M"))
        let menu = try #require(s.state.menu)
        #expect(menu.items.map(\.label).map { String($0.prefix(9)) } == ["zx6-5-093"])
    }

    /// 093's opening is the clerk's own: merging 101 into it says the opening leaves out 第101号, and
    /// the reply form says it at its top, where the reviewer's comment goes, until it is written in.
    @Test(arguments: sizes)
    func mergingIntoAnOpeningOfTheClerksOwnSaysWhatItLeavesOut(width: Int, height: Int) throws {
        let s = try AppSession(width: width, height: height)
        for id in ["zx6-5-093", "zx6-5-101"] {
            s.select(id)
            s.keys(.character("x"))
        }
        s.keys(.character("M"), .character("1"), .character("y"))
        #expect(try s.load("zx6-5-101").mergedInto == CaseID("zx6-5-093"))
        #expect(s.message.contains("答复开头未提及并入的第101号（开头为自拟文字，未自动改写），请补写"), "\(s.message)")
        s.openReply("zx6-5-093")
        #expect(s.state.top is ReplyFormScreen)
        #expect(s.lines[1].hasPrefix("  答复开头未提及并入的第101号"), "\(s.lines)")
    }

    /// 撤案 and deleting are refused at the key when they cannot apply: no reason asked, no confirmation.
    @Test(arguments: sizes)
    func withdrawingAndDeletingAreRefusedBeforeAnyQuestion(width: Int, height: Int) throws {
        let s = try AppSession(width: width, height: height)
        s.select("zx5-2-090")
        s.keys(.character("w"))
        #expect(s.message == "zx5-2-090：案件为“已办结”，已不在办理中，不能撤案" && s.state.top is ListScreen)
        s.select("zx6-5-099")
        s.keys(.character("D"))
        #expect(s.message.hasPrefix("zx6-5-099：已有办理记录") && s.state.top is ListScreen)
        #expect(FileManager.default.fileExists(atPath: s.store.path(of: CaseID("zx6-5-099")!)))
    }

    @Test(arguments: sizes)
    func deletingACaseEnteredByMistakeMovesItAsideAndTheListForgetsIt(width: Int, height: Int) throws {
        let s = try AppSession(width: width, height: height)
        let count = s.state.cases.all.count
        s.select("zx6-5-093")
        s.keys(.character("D"))
        #expect(s.message.hasPrefix("zx6-5-093：已有办理记录（日志：") && s.state.top is ListScreen)
        s.select("zx6-5-101")
        s.keys(.character("D"))
        let confirmation = try #require(s.state.top as? ConfirmationLayer)
        #expect(confirmation.question.hasPrefix("删除 zx6-5-101《关于完善社区养老顾问制度的建议》：文件移入 .banli/deleted/"))
        s.keys(.character("y"))
        #expect(s.message.hasPrefix("zx6-5-101：已删除，文件移至 \(s.store.directory)/.banli/deleted/zx6-5-101.2026"))
        #expect(s.state.cases.all.count == count - 1 && s.state.cases.summary(of: CaseID("zx6-5-101")!) == nil)
        #expect(row("zx6-5-101", s) == nil && !FileManager.default.fileExists(atPath: s.store.path(of: CaseID("zx6-5-101")!)))
        #expect(s.store.deletedVersions(of: CaseID("zx6-5-101")!).count == 1)
        #expect(s.selected == "zx6-5-104", "the selection stays on its row")
    }

    @Test func deletingFromTheDetailClosesIt() throws {
        let s = try AppSession(width: 40, height: 12)
        s.select("rd7-5-061")
        s.keys(.enter)
        #expect(s.state.top is DetailScreen)
        s.keys(.character("D"), .character("y"))
        #expect(s.state.top is ListScreen)
        #expect(s.state.cases.summary(of: CaseID("rd7-5-061")!) == nil)
    }

    @Test func theDueListDropsAWithdrawnCase() throws {
        let s = try AppSession()
        s.keys(.character("d"))
        let due = try #require(s.state.top as? DueScreen)
        let first = try #require(due.items?.first)
        s.keys(.character("w"))
        s.type("撤回")
        s.keys(.enter, .character("y"))
        #expect(try s.load(first.id.description).withdrawal != nil)
        #expect(s.state.screen(DueScreen.self)?.items?.contains { $0.id == first.id } == false)
    }
}
