import Foundation
import Model
import Testing
import TestSupport
@testable import TUI

/// The history screen (`h`) over a store that is a git repository (`GitHistoryStore`): the timeline,
/// and the reply's changes from a version to the current one with the changed characters marked, at
/// 80×24 and 40×12.
@Suite struct HistoryScreenTests {
    /// The cell of the first `character` on the row that starts with `prefix`.
    private func cell(_ s: AppSession, row prefix: String, _ character: Character) throws -> ScreenBuffer.Cell {
        let y = try #require(s.lines.firstIndex { $0.hasPrefix(prefix) }, "no row \(prefix) in \(s.lines)")
        let x = try #require((0..<s.terminal.width).first { s.terminal.frame[$0, y].character == character })
        return s.terminal.frame[x, y]
    }

    @Test(arguments: [(80, 24), (40, 12)])
    func theTimelineThenTheDiffOfTheReplyWithTheChangedCharacterMarked(width: Int, height: Int) throws {
        let fixture = try GitHistoryStore()
        let s = try AppSession(width: width, height: height, store: fixture.directory)
        s.select("zx5-2-090")
        s.keys(.character("h"))
        let c = fixture.commits.map { String($0.prefix(7)) }
        #expect(s.lines[0].hasPrefix("zx5-2-090 变更历史"))
        // Users padded to the widest, so that the commits line up.
        let row = width < 60 ? ["07-01 15:20 tester   -------", "06-01 09:00 zhangsan \(c[2])", "03-20 10:15 wangli   \(c[0]) 新建案件"]
            : ["2018-07-01 15:20  tester    -------", "2018-06-01 09:00  zhangsan  \(c[2])", "2018-03-20 10:15  wangli    \(c[0])  新建案件"]
        #expect(s.lines[1].hasPrefix(row[0]) && s.lines[2].hasPrefix(row[1]) && s.lines[5].hasPrefix(row[2]), "\(s.lines)")
        #expect(s.terminal.frame[0, 1].style == .selection && s.terminal.frame[0, 2].style == .normal)
        #expect(s.terminal.cursor == nil)
        // The uncommitted change has no version to compare.
        s.keys(.enter)
        #expect(s.message.hasPrefix("这一变更尚未提交"))
        s.keys(.character("j"), .character("j"), .character("j"))
        #expect(s.status == "wangli：签收")
        s.keys(.character("d"))
        #expect(s.lines[0].hasPrefix("zx5-2-090 答复的改动：\(c[0]) → 当前"))
        #expect(s.lines.contains("第一部分") && s.lines.contains("结尾") && s.lines.contains("+ 此复。"))
        #expect(s.status == "2018-03-21 09:02  wangli：签收")
        #expect(try cell(s, row: "- 一是", "二").style == .deleted)
        #expect(try cell(s, row: "+ 一是", "三").style == .inserted)
        #expect(try cell(s, row: "+ 一是", "一").style == .normal)
        #expect(try cell(s, row: "- 一是", "-").style == .deleted)
        #expect(s.terminal.cursor == nil)
        for line in s.lines { #expect(TextMetrics.width(of: line) <= width, "\(line)") }
        s.keys(.escape)
        #expect(s.lines[0].hasPrefix("zx5-2-090 变更历史"))
        s.keys(.escape)
        #expect(s.state.screen(HistoryScreen.self) == nil)
    }

    @Test func aLongParagraphWrapsUnderItsTextAndKeepsItsMarks() throws {
        let line = ReplyDiffLine(.added, [.init(.same, String(repeating: "依托信息系统，", count: 6)), .init(.inserted, "五"), .init(.same, "个工作日。")])
        let wrapped = HistoryDiffScreen.wrap(line, width: 20)
        #expect(wrapped.count > 2)
        #expect(wrapped.dropFirst().allSatisfy { $0.indent == 2 })
        for visual in wrapped { #expect(TextMetrics.width(of: String(visual.cells.map(\.0))) + visual.indent <= 20) }
        #expect(wrapped.flatMap(\.cells).filter { $0.1 == .inserted }.map(\.0) == ["+", "五"])
        // 禁则: no visual line starts with a closing comma.
        #expect(!wrapped.contains { $0.cells.first?.0 == "，" })
    }

    @Test func withoutGitEnterSaysThereIsOnlyOneVersion() throws {
        let fixture = try GitHistoryStore()
        try FileManager.default.removeItem(atPath: fixture.directory + "/.git")
        let s = try AppSession(store: fixture.directory)
        s.select("zx5-2-090")
        s.keys(.enter, .character("h"))
        #expect(s.lines[0].hasPrefix("zx5-2-090 变更历史") && s.lines[0].hasSuffix("4项 无git"))
        #expect(s.lines[1].hasPrefix("2018-07-01 15:20  tester  -------  登记面商（电话）"))
        s.keys(.character("j"), .enter)
        #expect(s.message == "案件库不是 git 仓库：只有当前一个版本，没有可比较的版本")
    }
}
