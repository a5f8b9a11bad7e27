import Foundation
import Model
import Testing
import TestSupport
@testable import TUI

/// The case list, search and the pagers, rendered into the in-memory terminal, driven by keys, at
/// several sizes.
@Suite struct ScreenTests {
    @Test func caseListAt80x24() throws {
        let s = try AppSession()
        s.keys()
        #expect(s.lines[0] == "banli 办理 · demo                                   共32件 未办结14 逾期3 7天内2")
        #expect(s.lines[1] == "编号       类型 标题                         领衔人   期限       状态   结果")
        #expect(s.lines[2] == "zx5-2-090  提案 关于我区居民委员会若干问题…  周建平等 -          已办结 解决采纳")
        #expect(s.lines[14] == "zx6-5-088  提案 关于完善长期护理保险居家照…  钟伟     ！逾期19天 待审核 列入计划")
        #expect(s.lines[21] == "rd7-4-033  建议 关于提高我区高龄老人营养津…  潘志华   -          已办结 留作参考")
        #expect(s.lines[22] == "")
        #expect(s.hints == "Enter 打开  r 答复  o 结果  m 状态  / 搜索  ? 帮助  q 退出")
        #expect(s.terminal.cursor == nil)
        #expect(s.terminal.frame[0, 2].style == .selection && s.terminal.frame[0, 3].style == .normal)
        #expect(s.terminal.frame[0, 14].style == .overdue)
    }

    @Test(arguments: [(120, 40), (40, 12), (20, 6), (300, 100)])
    func everyRowFitsAndColumnsAdapt(width: Int, height: Int) throws {
        let s = try AppSession(width: width, height: height)
        s.keys()
        #expect(s.lines.count == height)
        #expect(s.lines.allSatisfy { TextMetrics.width(of: $0) <= width })
        #expect(s.lines[1].hasPrefix("编号"))
        #expect(s.lines[1].contains("结果") == (width >= 80))
        #expect(s.lines[1].contains("领衔人") == (width >= 64))
    }

    @Test func movingOpeningAndComingBackKeepsThePosition() throws {
        let s = try AppSession()
        s.keys(.character("j"), .down, .enter)
        #expect(s.lines[1] == "zx6-4-047  区政协第六届委员会第四次会议 第047号委员提案")
        #expect(s.hints.hasPrefix("Esc 返回"))
        s.keys(.pageDown, .character("G"), .escape)
        #expect(s.state.top is ListScreen && s.state.list.selected == 2)
        #expect(s.terminal.frame[0, 4].style == .selection)
        s.keys(.character("G"))
        #expect(s.state.list.selected == 31 && s.lines[21].hasPrefix("rd7-5-061"))
        s.keys(.character("g"), .control("f"))
        #expect(s.state.list.selected == 20)
    }

    @Test func theDeadlineColumnWidensToItsLongestLabelAndDeadlineOrderPutsClosedCasesLast() throws {
        let late = Clock.fixed(LocalDate(year: 2035, month: 3, day: 1)!)
        let s = try AppSession(clock: late)
        s.keys(.character("s"))
        #expect(s.lines[1] == "编号       类型 标题                       领衔人   期限         状态   结果")
        #expect(s.lines[2] == "zx6-5-097  提案 关于加强养老服务领域诈骗…  傅志明   ！逾期3074天 办理中")
        #expect(s.lines.allSatisfy { TextMetrics.width(of: $0) <= 80 })
        // Every case still open comes before every closed one, whose deadline no longer counts.
        let shown = s.state.list.shown.map { s.state.cases.all[$0] }
        let firstClosed = shown.firstIndex { !s.state.cases.isOpen($0) }!
        #expect(shown[firstClosed...].allSatisfy { !s.state.cases.isOpen($0) })
    }

    @Test func aLongPasteIntoTheSearchIsOneSearchOfAtMostTheLongestQuery() throws {
        let s = try AppSession()
        s.keys(.character("/"))
        s.send(.paste(String(repeating: "长", count: 3000) + "\n第二行"))
        #expect(s.state.screen(SearchPrompt.self)?.query == String(repeating: "长", count: SearchPrompt.longestQuery))
    }

    @Test func helpIsGeneratedFromTheKeymapAndExplainsTheMarks() throws {
        // Tall enough for the whole help of the list, global keys last (S 同步 made it longer).
        let s = try AppSession(width: 100, height: 64)
        s.keys(.character("?"))
        let text = s.lines.joined(separator: "\n")
        let keymap = try Keymap(Fixtures.configuration().keyBindings)
        for context in KeyContext.list.chain {
            for (key, action) in keymap.ownBindings(of: context) where keymap.action(for: key, in: .list) == action {
                #expect(text.contains(key.label) && text.contains(action.help(in: context).prefix(16)), "\(key.label) \(action.help)")
            }
        }
        #expect(text.contains("标题前的 * 表示重点案件"))
        #expect(s.lines[0].hasPrefix("帮助：案件列表"))
        s.keys(.escape, .character("z"))
        #expect(s.status == "z 在这里不做任何事；按 ? 查看本界面的按键")
    }

    @Test func resizingAtAnyMomentNeverBreaksTheFrame() throws {
        let s = try AppSession()
        for (w, h) in [(20, 6), (19, 5), (1, 1), (0, 0), (300, 100), (41, 13), (80, 24)] {
            s.terminal.send(keys: [.enter, .character("G")])
            s.terminal.resize(width: w, height: h)
            s.keys(.escape, .character("j"))
            #expect(s.terminal.frame.width == w && s.lines.allSatisfy { TextMetrics.width(of: $0) <= w })
        }
        s.terminal.resize(width: 15, height: 4)
        s.keys()
        #expect(s.lines[0] == "窗口太小")
    }

    @Test func whileTheWindowIsTooSmallKeysDoNothing() throws {
        let s = try AppSession()
        s.terminal.resize(width: 15, height: 4)
        s.keys(.character("j"), .enter, .character("q"), .character("r"))
        s.send(.paste("粘贴"))
        #expect(s.state.stack.count == 1 && s.state.list.selected == 0)
        s.terminal.resize(width: 80, height: 24)
        s.keys()
        #expect(s.lines[2].hasPrefix("zx5-2-090") && s.terminal.frame[0, 2].style == .selection)
    }

    @Test func incrementalSearchFollowsTheQueryWithTheCursorAtTheCaret() throws {
        let s = try AppSession()
        s.keys(.character("/"))
        s.type("消防")
        #expect(s.status == "搜索：消防 第1/1个")
        #expect(s.terminal.cursor! == (x: 10, y: 22))
        #expect(s.hints == "Enter 确定  Esc 取消")
        #expect(s.selected == "zx6-4-047")
        s.keys(.enter)
        #expect(s.terminal.cursor == nil && s.state.list.lastQuery == "消防")
        #expect(s.status == "搜索：消防 第1/1个")
        s.keys(.character("g"), .character("/"))
        s.type("婚")
        s.keys(.enter, .character("n"))
        let first = s.state.list.selected
        #expect(s.state.selectedCase!.title.contains("婚"))
        s.keys(.character("N"))
        #expect(s.state.list.selected != first && s.state.selectedCase!.title.contains("婚"))
        s.keys(.character("/"))
        s.type("不存在的词")
        s.keys(.escape)
        #expect(s.state.list.selected != 0 && s.state.top is ListScreen)
        s.keys(.character("/"))
        s.type("不存在的词")
        s.keys(.enter)
        #expect(s.status == "没有找到“不存在的词”")
    }

    @Test func aSearchTypedInFullWidthFindsTheHalfWidthNumber() throws {
        // An IME in full-width mode types ０９０; the case is zx5-2-090, in the list's header fields and its text.
        let s = try AppSession(loadText: true)
        s.keys(.character("/"))
        s.type("０９０")
        #expect(s.selected == "zx5-2-090")
        #expect(s.status == "搜索：０９０ 第1/1个")
        s.keys(.enter, .character("g"), .character("/"))
        s.type("ＺＸ６－４－０１５")
        #expect(s.selected == "zx6-4-015" && s.status == "搜索：ＺＸ６－４－０１５ 第1/1个")
    }

    @Test func nSaysWhichMatchItIsAndWhenItWrapsAround() throws {
        let s = try AppSession()
        s.keys(.character("/"))
        s.type("养老")
        s.keys(.enter)
        let first = s.status
        let count = try #require(Int(first.dropFirst("搜索：养老 第1/".count).dropLast()))
        #expect(count > 2 && first == "搜索：养老 第1/\(count)个")
        s.keys(.character("n"))
        #expect(s.status == "搜索：养老 第2/\(count)个")
        s.keys(.character("N"), .character("N"))
        #expect(s.status == "已到开头，从末尾继续：搜索：养老 第\(count)/\(count)个")
        s.keys(.character("n"))
        #expect(s.status == "已到末尾，从头继续：搜索：养老 第1/\(count)个")
    }

    @Test func theSearchPromptEditsLikeAFieldAndScrollsSideways() throws {
        let s = try AppSession(width: 40, height: 12)
        s.keys(.character("/"))
        let long = "关于加强养老服务，防范诈骗风险的建议再加一些字"
        s.type(long)
        // The line shows the end of the query with the caret after it, within the width.
        #expect(s.lines.allSatisfy { TextMetrics.width(of: $0) <= 40 })
        #expect(s.status.hasPrefix("搜索：") && !s.status.contains("关于加强"))
        let cursor = try #require(s.terminal.cursor)
        #expect(cursor.y == 10 && cursor.x < 40)
        // Home goes to the start: the start shows, the caret right after the label.
        s.keys(.home)
        #expect(s.status.hasPrefix("搜索：关于加强") && s.terminal.cursor! == (x: 6, y: 10))
        // ← and → move by a character; the caret never stands inside a 2-cell character.
        s.keys(.right, .right)
        #expect(s.terminal.cursor! == (x: 10, y: 10))
        // Ctrl-W deletes the word before the caret, Ctrl-U everything before it, End goes back.
        s.keys(.end, .control("w"))
        #expect(s.state.screen(SearchPrompt.self)?.query == "关于加强养老服务，")
        s.keys(.left, .left, .control("u"))
        #expect(s.state.screen(SearchPrompt.self)?.query == "务，")
        #expect(s.terminal.cursor! == (x: 6, y: 10))
        s.keys(.escape)
        #expect(s.state.top is ListScreen && s.state.list.selected == 0)
    }

    @Test func aReplySavedInTheFormIsSearchedAsSavedAtOnce() throws {
        let s = try AppSession(loadText: true)
        // The text search is in use before the save (the first search attaches it).
        s.keys(.character("/"))
        s.type("随迁")
        s.keys(.enter, .character("r"))
        s.focus(.closing)
        s.keys(.control("e"))
        s.type("鹭鸶湾片区将优先实施。")
        s.keys(.control("s"), .escape, .character("g"), .character("/"))
        s.type("鹭鸶湾")
        #expect(s.status == "搜索：鹭鸶湾（答复） 第1/1个")
        #expect(s.selected == "zx6-5-052")
        // Only the case saved: no other case has the word.
        s.keys(.enter, .character("n"))
        #expect(s.selected == "zx6-5-052")
    }

    @Test func aReplySavedBeforeTheFirstSearchIsSearchedAsSaved() throws {
        let s = try AppSession(store: Fixtures.demoStoreCopy(reopening: ["zx5-2-090"]), loadText: true)
        // The search with the text was prepared at the first frame, before this save.
        s.keys(.character("r"))
        s.focus(.closing)
        s.type("鹭鸶湾片区将优先实施。")
        s.keys(.control("s"), .escape, .character("G"), .character("/"))
        s.type("鹭鸶湾")
        #expect(s.status == "搜索：鹭鸶湾（答复） 第1/1个")
        #expect(s.state.list.selected == 0)
    }

    @Test func aLongSearchGoesOnBetweenKeysAndTheListFollowsWhenItEnds() throws {
        let store = try Fixtures.numberedStore(count: 700)
        let s = try AppSession(store: store.directory)
        // Each slice of the search looks at one batch of cases, as on a store too large for a keystroke.
        s.runner.configure { $0.searchSlice = .zero }
        s.keys(.character("/"))
        // One key through the update alone: the search has not finished when its frame is drawn.
        var app = s.runner.app
        let size = Size(width: 80, height: 24)
        #expect(app.handle(.key(.character("（")), size: size).isEmpty)
        #expect(app.state.screen(SearchPrompt.self)!.isSearching && app.state.list.selected == 0)
        app.arrange(size)
        let frame = app.render(size)
        #expect(frame.buffer.lines[22] == "搜索：（（搜索中……）")
        #expect(frame.cursor! == (x: 8, y: 22))
        // Typed on, the search goes on between the keys and after the last one until every case is read.
        s.type("（700）")
        #expect(s.state.screen(SearchPrompt.self)?.isSearching == false)
        #expect(s.selected == "zx5-2-700")
        #expect(s.status == "搜索：（700） 第1/1个")
        // Enter before the search has read every case finishes it at once. (A search for 江 first, so
        // that nothing is left of the search for （700）.)
        s.keys(.enter, .character("g"))
        s.type("/江")
        s.keys(.escape)
        s.terminal.type("/（6")
        s.keys(.enter)
        #expect(s.selected == "zx5-2-006")
        #expect(s.status.hasPrefix("搜索：（6 第1/"))
    }

    @Test func aWordOnlyInTheProposalTextIsFoundAndSaidToBeThere() throws {
        let s = try AppSession(loadText: true)
        // 随迁 (children who moved with their parents) is in zx6-5-052's text, not in any list column.
        s.keys(.character("/"))
        s.type("随迁")
        #expect(s.status == "搜索：随迁（正文） 第1/1个")
        #expect(s.terminal.cursor! == (x: 10, y: 22))
        #expect(s.selected == "zx6-5-052")
        #expect(s.lines[10] == "zx6-5-052  提案 关于加强困境儿童关爱保护工…  张秀英等 剩9天      待审核 解决采纳")
        #expect(s.terminal.frame[0, 10].style == .selection && s.terminal.frame[0, 2].style == .normal)
        s.type("子女的")
        #expect(s.status == "搜索：随迁子女的（没有找到）" && s.state.list.selected == 0)
        s.keys(.backspace)
        #expect(s.status == "搜索：随迁子女（正文） 第1/1个")
        s.keys(.enter)
        #expect(s.status == "搜索：随迁子女（正文） 第1/1个" && s.terminal.cursor == nil)
        s.keys(.character("g"), .character("n"))
        #expect(s.selected == "zx6-5-052")
        // Filtered and sorted, the list still finds it, at its new place; filtered out, not at all.
        s.keys(.character("f"), .character("1"), .character("2"), .escape, .character("s"), .character("g"), .character("n"))
        #expect(s.state.list.shown.count == 18 && s.selected == "zx6-5-052")
        s.keys(.character("f"), .character("1"), .character("3"), .escape, .character("/"))
        s.type("随迁")
        #expect(s.status == "搜索：随迁（没有找到）")
    }

    @Test func whenTheTextCannotBeLoadedSearchSaysSoAndGoesOnWithoutIt() throws {
        // The text is still loading when / is pressed (it fails a moment later): the search waits for it.
        let loading = DispatchSemaphore(value: 0)
        let s = try AppSession { _ in
            loading.wait()
            return .failure(.io(path: "text.tsv", operation: "读取", errno: EIO))
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) { loading.signal() }
        s.keys(.character("/"))
        #expect(s.state.top is ListScreen && s.status.hasPrefix("无法载入正文（text.tsv: 读取失败："))
        s.keys(.character("/"))
        s.type("随迁")
        #expect(s.status == "搜索：随迁（没有找到）")
        s.keys(.escape, .character("/"))
        s.type("消防")
        #expect(s.selected == "zx6-4-047")
    }

    @Test func filterMenuOpensBesideTheSelectedRowAndSortKeepsTheSelectedCase() throws {
        let s = try AppSession()
        s.keys(.character("f"))
        #expect(s.lines[3].hasSuffix("筛选（各项同时满足）"))
        #expect(s.lines[4].hasSuffix("> 1 类型：不限"))
        #expect(s.lines.allSatisfy { TextMetrics.width(of: $0) <= 80 })
        s.keys(.enter, .character("j"), .enter)
        #expect(s.message == "提案，按编号：18件")
        s.keys(.escape)
        #expect(s.state.list.shown.count == 18 && s.state.list.shown.allSatisfy { s.state.cases.all[$0].kind == .proposal })
        #expect(s.lines[0].hasSuffix("提案 18/32 · 共32件 未办结14 逾期3 7天内2"))
        s.keys(.character("f"), .character("3"), .character("2"), .escape)
        #expect(s.state.list.shown.map { s.state.cases.all[$0].id.description } == ["zx6-5-088", "zx6-5-093", "zx6-5-097"])
        s.keys(.character("j"), .character("s"))
        #expect(s.state.list.order == .deadline && s.selected == "zx6-5-093")
        #expect(s.state.list.shown.map { s.state.cases.all[$0].id.description } == ["zx6-5-097", "zx6-5-093", "zx6-5-088"])
        s.keys(.character("f"), .escape, .character("f"), .character("9"))
        #expect(s.state.list.shown.count == 32)
    }

    @Test func escBacksOutOfAFilterAndDoesNothingOnTheFullList() throws {
        let s = try AppSession()
        s.keys(.character("f"), .character("3"), .character("2"), .escape)
        #expect(s.state.list.filter == CaseFilter(deadline: .overdue) && s.hints.hasPrefix("Esc 返回"))
        s.keys(.escape)
        #expect(s.state.list.filter == .all && s.state.list.shown.count == 32)
        let selected = s.state.list.selected
        for _ in 0..<3 { s.keys(.escape) }
        #expect(!s.terminal.hasPendingEvents && s.state.top is ListScreen && s.lines[0].hasPrefix("banli 办理"))
        // The loop is still running: a key still moves the selection.
        s.keys(.character("j"))
        #expect(s.state.list.selected == selected + 1)
    }

    @Test func quitEndsTheLoop() throws {
        let s = try AppSession()
        s.terminal.send(keys: [.character("q"), .character("j")])
        #expect(s.runner.run() == .quit)
        #expect(s.state.list.selected == 0)
    }

    @Test func theProposalWrapsAsParagraphsAndRecordsHangUnderTheirValues() throws {
        let s = try AppSession(width: 60, height: 80)
        s.select("zx5-2-090")
        s.keys(.enter)
        // A paragraph of the proposal that starts 为此建议： is prose: its next line starts at the edge.
        let row = try #require(s.lines.firstIndex { $0.hasPrefix("为此建议：") })
        #expect(!s.lines[row + 1].hasPrefix(" "))
        // A record still hangs under its value: the feedback's comment after its date and result.
        let feedback = try #require(s.lines.firstIndex { $0.hasPrefix("  2018-11-20  满意") })
        #expect(s.lines[feedback + 1].hasPrefix("              ") && !s.lines[feedback + 1].hasPrefix("               "))
    }

    @Test func helpWrapsUnderItsDescriptionsEvenWhenNarrow() throws {
        let s = try AppSession(width: 40, height: 36)
        s.keys(.character("?"))
        let row = try #require(s.lines.firstIndex { $0.hasPrefix("  x") })
        #expect(s.lines[row].dropFirst(22).hasPrefix("标记"))
        #expect(s.lines[row + 1].hasPrefix(String(repeating: " ", count: 22)) && s.lines[row + 1].dropFirst(22).first != " ")
    }

    @Test(arguments: [20, 21, 22, 24])
    func aColumnTheEdgeCutsEndsWithAnEllipsis(width: Int) throws {
        let s = try AppSession(width: width, height: 8)
        // Overdue cases, whose deadline column (`！逾期60天`) the right edge cuts into.
        s.keys(.character("f"), .character("3"), .character("2"), .escape)
        let rows = s.lines[2..<5]
        #expect(rows.allSatisfy { $0.hasSuffix("…") }, "\(rows)")
        #expect(s.lines.allSatisfy { TextMetrics.width(of: $0) <= width })
    }
}
