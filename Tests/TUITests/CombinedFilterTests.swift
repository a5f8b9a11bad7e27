import Model
import Testing
@testable import TUI

/// The list's filter as a combination of parts (`f`), 我的 (`y`), clearing it in one key (`F`, Esc),
/// and marking every case shown (`X`), at 80×24 and 40×12.
@Suite struct CombinedFilterTests {
    func ids(_ s: AppSession) -> [String] { s.state.list.shown.map { s.state.cases.all[$0].id.description } }

    @Test func partsCombineAndShowInTheTitleBar() throws {
        let s = try AppSession(user: "zhaomin")
        s.keys(.character("y"))
        #expect(s.state.list.filter == CaseFilter(handler: .mine) && ids(s).count == 14)
        #expect(s.lines[0].hasSuffix("我的 14/32 · 共32件 未办结14 逾期3 7天内2"), "\(s.lines[0])")
        // f lists the parts with their settings; a part's choices come from the configuration and the cases.
        s.keys(.character("f"))
        #expect(s.state.menu?.items.map(\.label) == ["类型：不限", "状态：不限", "期限：不限", "会次：不限", "重点：不限", "经办人：我的",
                                                     "结果：不限", "冲突：不限", "清除全部筛选"])
        s.keys(.character("4"))
        #expect(s.state.menu?.items.map(\.label) == ["不限", "提案5届2次", "提案6届4次", "提案6届5次", "建议7届4次", "建议7届5次"])
        s.keys(.escape)
        s.keys(.character("6"))
        #expect(s.state.menu?.items.map(\.label) == ["不限", "我的（zhaomin）", "chenjie", "liuyang", "wangli", "未分配经办人"])
        #expect(s.state.menu?.selected == 1)
        s.keys(.escape)
        // Each choice applies at once and the parts menu opens again on its part, until Esc.
        s.keys(.character("1"), .character("2"))
        #expect(s.state.menu?.selected == 0 && s.state.menu?.items[0].label == "类型：提案")
        s.keys(.character("2"), .character("3"))
        #expect(s.state.menu?.selected == 1 && s.state.menu?.items[1].label == "状态：办理中")
        #expect(s.message == "提案·办理中·我的，按编号：1件")
        s.keys(.escape)
        #expect(s.state.top is ListScreen)
        #expect(ids(s) == ["zx6-5-093"])
        #expect(s.lines[0].hasSuffix("提案·办理中·我的 1/32 · 共32件 未办结14 逾期3 7天内2"), "\(s.lines[0])")
        // y again drops 我的 only; search still looks among the cases shown.
        s.keys(.character("y"))
        #expect(ids(s) == ["zx6-5-093", "zx6-5-097", "zx6-5-099"])
        // F clears every part at once.
        s.keys(.character("F"))
        #expect(s.state.list.filter == .all && ids(s).count == 32 && s.lines[0].hasSuffix("共32件 未办结14 逾期3 7天内2"))
        s.keys(.character("F"))
        #expect(s.message == "没有筛选：已显示全部案件")
    }

    @Test func theTitleFitsFortyColumnsByCuttingTheFilterWordsNotTheCount() throws {
        let s = try AppSession(width: 40, height: 12, user: "zhaomin")
        s.keys(.character("y"), .character("f"), .character("1"), .character("3"), .character("2"), .character("5"),
               .character("5"), .character("2"), .escape)
        #expect(s.state.list.filter == CaseFilter(kind: .suggestion, status: "已签发", isKey: true, handler: .mine))
        #expect(ids(s) == ["rd7-5-041"])
        #expect(s.lines[0] == "banli 办理 ·… 建议·已签发·重点·我的 1/32", "\(s.lines[0])")
        s.keys(.character("X"))
        #expect(s.lines[0] == "banli 办理 … 已标记1件 · 建议·已签… 1/32", "\(s.lines[0])")
        s.keys(.character("y"), .character("f"), .character("3"), .character("2"), .escape)
        #expect(ids(s).isEmpty)
        // Cut with an ellipsis by the one truncation; with no row, the hint bar offers no Enter 打开.
        #expect(s.lines[2].hasPrefix(" 没有“建议·已签发·逾期·重点”的案件；") && s.lines[2].trimmingCharacters(in: .whitespaces).hasSuffix("…"), "\(s.lines)")
        #expect(s.lines[11].hasPrefix("Esc") && !s.lines[11].contains("打开"), "\(s.lines)")
    }

    @Test func markAllMarksWhatIsShownAndClearsEveryMarkOnceAllAre() throws {
        let s = try AppSession(user: "zhaomin")
        s.keys(.character("x"))   // zx… the first row, marked by hand, stays marked through the filter
        let first = try #require(s.state.list.marked.first)
        s.keys(.character("f"), .character("2"), .character("4"), .escape)
        #expect(ids(s) == ["zx6-5-052", "zx6-5-088", "rd7-5-036", "rd7-5-045"])
        s.keys(.character("X"))
        #expect(s.state.list.marked == Set(["rd7-5-036", "rd7-5-045", "zx6-5-052", "zx6-5-088"].map { CaseID($0)! } + [first]))
        #expect(s.message == "已标记显示的4件（共标记5件）；再按 X 取消全部标记")
        #expect(s.lines[0].contains("已标记5件 · 待审核 4/32"), "\(s.lines[0])")
        #expect(s.lines[2...5].allSatisfy { $0.hasPrefix("+") })
        // Marks survive the filter's change; handling keys act on every mark.
        s.keys(.character("F"))
        #expect(s.state.list.marked.count == 5 && s.lines[0].contains("已标记5件 · 共32件"))
        s.keys(.character("f"), .character("2"), .character("4"), .escape, .character("X"))
        #expect(s.state.list.marked.isEmpty && s.message == "已取消全部标记（5件）")
        // Esc takes the marks first, then the filter.
        s.keys(.character("X"), .escape)
        #expect(s.state.list.marked.isEmpty && ids(s).count == 4)
        s.keys(.escape)
        #expect(ids(s).count == 32)
    }

    @Test func markAllAtFortyColumnsShowsTheCount() throws {
        let s = try AppSession(width: 40, height: 12)
        s.keys(.character("X"))
        #expect(s.state.list.marked.count == 32)
        #expect(s.lines[0].hasPrefix("banli 办理 · demo") && s.lines[0].contains("已标记32件"), "\(s.lines[0])")
        #expect(TextMetrics.width(of: s.lines[0]) <= 40)
    }
}
