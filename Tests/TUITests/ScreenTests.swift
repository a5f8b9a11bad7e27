import Foundation
import Model
import Testing
import TestSupport
@testable import TUI

/// Screens rendered into the in-memory terminal, driven by keys, at several sizes.
@Suite struct ScreenTests {
    static let today = LocalDate(year: 2026, month: 11, day: 29)!

    /// With `loadText`, search looks in the text it loads from the store, as in the real app.
    func runner(_ terminal: MemoryTerminal, loadText: (@Sendable (CaseStore) -> Result<TextIndex, StoreError>)? = nil) throws -> AppRunner {
        let configuration = try Fixtures.configuration()
        let store = try CaseStore(directory: Fixtures.demoStoreCopy(), vocabulary: configuration.vocabulary)
        let state = AppState(storeName: "demo", listing: try store.list(), configuration: configuration, today: Self.today)
        var text: (@Sendable () -> Result<TextIndex, StoreError>)?
        if let loadText { text = { loadText(store) } }
        return AppRunner(terminal: terminal, state: state, keymap: try Keymap(configuration.keyBindings),
                         workspace: Workspace(store: store, user: "tester", clock: .fixed(Self.today), environment: [:]),
                         loadText: text)
    }

    static let storeText: @Sendable (CaseStore) -> Result<TextIndex, StoreError> = { store in
        Result { () throws(StoreError) in try store.textIndex() }
    }

    @Test func caseListAt80x24() throws {
        let terminal = MemoryTerminal(width: 80, height: 24)
        try runner(terminal).run()
        let lines = terminal.lines
        #expect(lines[0] == "banli 办理 · demo                                   共32件 办理中14 逾期3 7天内2")
        #expect(lines[1] == "编号       类型 标题                         领衔人   期限       状态   结果")
        #expect(lines[2] == "zx5-2-090  提案 关于我区居民委员会若干问题~  周建平等 -          已办结 解决采纳")
        #expect(lines[14] == "zx6-5-088  提案 关于完善长期护理保险居家照~  钟伟     ！逾期19天 待审核 列入计划")
        #expect(lines[21] == "rd7-4-033  建议 关于提高我区高龄老人营养津~  潘志华   -          已办结 留作参考")
        #expect(lines[22] == "")
        #expect(lines[23] == "Enter 打开  r 答复  o 结果  m 状态  / 搜索  ? 帮助  q 退出")
        #expect(terminal.cursor == nil)
        #expect(terminal.frame[0, 2].style == .selection && terminal.frame[0, 3].style == .normal)
        #expect(terminal.frame[0, 14].style == .overdue)
    }

    @Test(arguments: [(120, 40), (40, 12), (20, 6), (300, 100)])
    func everyRowFitsAndColumnsAdapt(width: Int, height: Int) throws {
        let terminal = MemoryTerminal(width: width, height: height)
        try runner(terminal).run()
        #expect(terminal.lines.count == height)
        #expect(terminal.lines.allSatisfy { TextMetrics.width(of: $0) <= width })
        #expect(terminal.lines[1].hasPrefix("编号"))
        #expect(terminal.lines[1].contains("结果") == (width >= 80))
        #expect(terminal.lines[1].contains("领衔人") == (width >= 64))
    }

    @Test func movingOpeningAndComingBackKeepsThePosition() throws {
        let terminal = MemoryTerminal(width: 80, height: 24)
        let app = try runner(terminal)
        terminal.send(keys: [.character("j"), .down, .enter])
        app.run()
        #expect(terminal.lines[1] == "zx6-4-047  区政协第六届委员会第四次会议 第047号委员提案")
        #expect(terminal.lines[23].hasPrefix("Esc 返回"))
        terminal.send(keys: [.pageDown, .character("G"), .escape])
        app.run()
        #expect(app.state.detail == nil && app.state.list.selected == 2)
        #expect(terminal.frame[0, 4].style == .selection)
        terminal.send(keys: [.character("G")])
        app.run()
        #expect(app.state.list.selected == 31 && terminal.lines[22 - 1].hasPrefix("rd7-5-061"))
        terminal.send(keys: [.character("g"), .control("f")])
        app.run()
        #expect(app.state.list.selected == 20)
    }

    @Test func aLongPasteIntoTheSearchIsOneSearchOfAtMostTheLongestQuery() throws {
        let terminal = MemoryTerminal(width: 80, height: 24)
        let app = try runner(terminal)
        terminal.send(keys: [.character("/")])
        terminal.send(.paste(String(repeating: "长", count: 3000) + "\n第二行"))
        app.run()
        #expect(app.state.prompt?.query == String(repeating: "长", count: App.longestQuery))
    }

    @Test func helpIsGeneratedFromTheKeymap() throws {
        let terminal = MemoryTerminal(width: 100, height: 40)
        let app = try runner(terminal)
        terminal.send(keys: [.character("?")])
        app.run()
        let text = terminal.lines.joined(separator: "\n")
        for (key, action) in try Keymap(Fixtures.configuration().keyBindings).bindings[.list]! {
            #expect(text.contains(key.label) && text.contains(action.help), "\(key.label) \(action.help)")
        }
        terminal.send(keys: [.escape, .character("z")])
        app.run()
        #expect(terminal.lines[38].hasPrefix("z 未绑定任何操作"))
    }

    @Test func resizingAtAnyMomentNeverBreaksTheFrame() throws {
        let terminal = MemoryTerminal(width: 80, height: 24)
        let app = try runner(terminal)
        for (w, h) in [(20, 6), (19, 5), (1, 1), (0, 0), (300, 100), (41, 13), (80, 24)] {
            terminal.send(keys: [.enter, .character("G")])
            terminal.resize(width: w, height: h)
            terminal.send(keys: [.escape, .character("j")])
            app.run()
            #expect(terminal.frame.width == w && terminal.lines.allSatisfy { TextMetrics.width(of: $0) <= w })
        }
        terminal.resize(width: 15, height: 4)
        app.run()
        #expect(terminal.lines[0] == "窗口太小")
    }

    @Test func incrementalSearchFollowsTheQueryWithTheCursorAtTheCaret() throws {
        let terminal = MemoryTerminal(width: 80, height: 24)
        let app = try runner(terminal)
        terminal.send(keys: [.character("/")])
        terminal.type("消防")
        app.run()
        #expect(terminal.lines[22] == "搜索：消防")
        #expect(terminal.cursor! == (x: 10, y: 22))
        #expect(app.state.summaries[app.state.list.selected].id.description == "zx6-4-047")
        terminal.send(keys: [.enter])
        app.run()
        #expect(terminal.cursor == nil && app.state.lastQuery == "消防")
        terminal.send(keys: [.character("g"), .character("/")])
        terminal.type("婚")
        terminal.send(keys: [.enter, .character("n")])
        app.run()
        let first = app.state.list.selected
        #expect(app.state.summaries[first].title.contains("婚"))
        terminal.send(keys: [.character("N")])
        app.run()
        #expect(app.state.list.selected != first && app.state.summaries[app.state.list.selected].title.contains("婚"))
        terminal.send(keys: [.character("/")])
        terminal.type("不存在的词")
        terminal.send(keys: [.escape])
        app.run()
        #expect(app.state.list.selected != 0 && app.state.prompt == nil)
        terminal.send(keys: [.character("/")])
        terminal.type("不存在的词")
        terminal.send(keys: [.enter])
        app.run()
        #expect(terminal.lines[22] == "没有找到“不存在的词”")
    }

    @Test func aReplySavedInTheFormIsSearchedAsSavedAtOnce() throws {
        let terminal = MemoryTerminal(width: 80, height: 24)
        let app = try runner(terminal, loadText: Self.storeText)
        // The text search is in use before the save (the first search attaches it).
        terminal.send(keys: [.character("/")])
        terminal.type("随迁")
        terminal.send(keys: [.enter, .character("r")])
        app.run()
        for _ in 0..<80 where app.state.form?.focused.role != .closing { terminal.send(keys: [.backTab]); app.run() }
        terminal.send(keys: [.control("a")])
        terminal.type("鹭鸶湾片区将优先实施。")
        terminal.send(keys: [.control("s"), .escape, .character("g"), .character("/")])
        terminal.type("鹭鸶湾")
        app.run()
        #expect(terminal.lines[22] == "搜索：鹭鸶湾（答复）")
        #expect(app.state.summaries[app.state.list.selected].id.description == "zx6-5-052")
        // Only the case saved: no other case has the word.
        terminal.send(keys: [.enter, .character("n")])
        app.run()
        #expect(app.state.summaries[app.state.list.selected].id.description == "zx6-5-052")
    }

    @Test func aReplySavedBeforeTheFirstSearchIsSearchedAsSaved() throws {
        let terminal = MemoryTerminal(width: 80, height: 24)
        let app = try runner(terminal, loadText: Self.storeText)
        // The search with the text was prepared at the first frame, before this save.
        terminal.send(keys: [.character("r")])
        app.run()
        for _ in 0..<80 where app.state.form?.focused.role != .closing { terminal.send(keys: [.backTab]); app.run() }
        terminal.type("鹭鸶湾片区将优先实施。")
        terminal.send(keys: [.control("s"), .escape, .character("G"), .character("/")])
        terminal.type("鹭鸶湾")
        app.run()
        #expect(terminal.lines[22] == "搜索：鹭鸶湾（答复）")
        #expect(app.state.list.selected == 0)
    }

    @Test func aLongSearchGoesOnBetweenKeysAndTheListFollowsWhenItEnds() throws {
        let store = try Fixtures.numberedStore(count: 700)
        let session = try AppSession(store: store.directory)
        // Each slice of the search looks at one batch of cases, as on a store too large for a keystroke.
        session.runner.state.searchSlice = .zero
        session.keys(.character("/"))
        var state = session.runner.state
        App.edit(prompt: .character("（"), in: &state)
        #expect(state.prompt!.isSearching && state.list.selected == 0)
        let frame = Screen.render(state, keymap: session.runner.keymap, width: 80, height: 24)
        #expect(frame.lines[22] == "搜索：（（搜索中……）")
        #expect(Screen.cursor(state, width: 80, height: 24)! == (x: 8, y: 22))
        // Typed on, the search goes on between the keys and after the last one until every case is read.
        session.type("（700）")
        #expect(session.runner.state.prompt?.isSearching == false)
        #expect(session.runner.state.summaries[session.runner.state.list.selected].id.description == "zx5-2-700")
        #expect(session.status == "搜索：（700）")
        // Enter before the search has read every case finishes it at once. (A search for 江 first, so
        // that nothing is left of the search for （700）.)
        session.keys(.enter, .character("g"))
        session.type("/江")
        session.keys(.escape)
        session.terminal.type("/（6")
        session.keys(.enter)
        #expect(session.runner.state.summaries[session.runner.state.list.selected].id.description == "zx5-2-006")
        #expect(session.status == "搜索：（6")
    }

    @Test func aWordOnlyInTheProposalTextIsFoundAndSaidToBeThere() throws {
        let terminal = MemoryTerminal(width: 80, height: 24)
        let app = try runner(terminal, loadText: Self.storeText)
        // 随迁 (children who moved with their parents) is in zx6-5-052's text, not in any list column.
        terminal.send(keys: [.character("/")])
        terminal.type("随迁")
        app.run()
        #expect(terminal.lines[22] == "搜索：随迁（正文）")
        #expect(terminal.cursor! == (x: 10, y: 22))
        #expect(app.state.summaries[app.state.list.selected].id.description == "zx6-5-052")
        #expect(terminal.lines[10] == "zx6-5-052  提案 关于加强困境儿童关爱保护工~  张秀英等 剩9天      待审核 解决采纳")
        #expect(terminal.frame[0, 10].style == .selection && terminal.frame[0, 2].style == .normal)
        terminal.type("子女的")
        app.run()
        #expect(terminal.lines[22] == "搜索：随迁子女的（没有找到）" && app.state.list.selected == 0)
        terminal.send(keys: [.backspace])
        app.run()
        #expect(terminal.lines[22] == "搜索：随迁子女（正文）")
        terminal.send(keys: [.enter])
        app.run()
        #expect(terminal.lines[22] == "搜索：随迁子女（正文）" && terminal.cursor == nil)
        terminal.send(keys: [.character("g"), .character("n")])
        app.run()
        #expect(app.state.summaries[app.state.list.selected].id.description == "zx6-5-052")
        // Filtered and sorted, the list still finds it, at its new place; filtered out, not at all.
        terminal.send(keys: [.character("f"), .character("j"), .enter, .character("s"), .character("g"), .character("n")])
        app.run()
        #expect(app.state.summaries.count == 18 && app.state.summaries[app.state.list.selected].id.description == "zx6-5-052")
        terminal.send(keys: [.character("f"), .character("j"), .character("j"), .enter, .character("/")])
        terminal.type("随迁")
        app.run()
        #expect(terminal.lines[22] == "搜索：随迁（没有找到）")
    }

    @Test func whenTheTextCannotBeLoadedSearchSaysSoAndGoesOnWithoutIt() throws {
        let terminal = MemoryTerminal(width: 80, height: 24)
        let app = try runner(terminal) { _ in .failure(.io(path: "text.tsv", operation: "读取", errno: EIO)) }
        terminal.send(keys: [.character("/")])
        app.run()
        #expect(app.state.prompt == nil && terminal.lines[22].hasPrefix("无法载入正文（text.tsv: 读取失败："))
        terminal.send(keys: [.character("/")])
        terminal.type("随迁")
        app.run()
        #expect(terminal.lines[22] == "搜索：随迁（没有找到）")
        terminal.send(keys: [.escape, .character("/")])
        terminal.type("消防")
        app.run()
        #expect(app.state.summaries[app.state.list.selected].id.description == "zx6-4-047")
    }

    @Test func filterMenuAndSortKeepTheSelectedCase() throws {
        let terminal = MemoryTerminal(width: 80, height: 24)
        let app = try runner(terminal)
        terminal.send(keys: [.character("f")])
        app.run()
        #expect(terminal.lines[2].hasSuffix("> 1 全部案件"))
        #expect(terminal.lines.allSatisfy { TextMetrics.width(of: $0) <= 80 })
        terminal.send(keys: [.character("j"), .enter])
        app.run()
        #expect(app.state.summaries.count == 18 && app.state.summaries.allSatisfy { $0.kind == .proposal })
        #expect(terminal.lines[22] == "政协提案，按编号：18件")
        terminal.send(keys: [.character("f"), .character("g"), .character("j"), .character("j"), .character("j"), .enter])
        app.run()
        #expect(app.state.summaries.map(\.id.description) == ["zx6-5-088", "zx6-5-093", "zx6-5-097"])
        terminal.send(keys: [.character("j"), .character("s")])
        app.run()
        #expect(app.state.order == .deadline && app.state.summaries[app.state.list.selected].id.description == "zx6-5-093")
        #expect(app.state.summaries.map(\.id.description) == ["zx6-5-097", "zx6-5-093", "zx6-5-088"])
        terminal.send(keys: [.character("f"), .escape, .character("f"), .character("g"), .enter])
        app.run()
        #expect(app.state.summaries.count == 32)
    }

    @Test func quitEndsTheLoop() throws {
        let terminal = MemoryTerminal(width: 80, height: 24)
        let app = try runner(terminal)
        terminal.send(keys: [.character("q"), .character("j")])
        app.run()
        #expect(app.state.list.selected == 0)
    }
}
