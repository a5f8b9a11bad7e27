import Foundation
import Model
import Testing
import TestSupport
@testable import TUI

/// What the frame says in each mode: the hint bar follows the screen or layer on top (a prompt shows
/// its own keys, never the list's), the title names the screen, and every key a message names is
/// the one bound now.
@Suite struct ModeTests {
    @Test func theHintBarFollowsTheMode() throws {
        let s = try AppSession()
        s.keys()
        #expect(s.hints == "Enter 打开  r 答复  o 结果  m 状态  / 搜索  ? 帮助  q 退出")
        s.keys(.character("/"))
        #expect(s.hints == "Enter 确定  Esc 取消")
        s.type("jkq")
        #expect(s.hints == "Enter 确定  Esc 取消" && s.state.top is SearchPrompt)
        s.keys(.escape, .character("f"))
        #expect(s.hints == "Enter 选定  Esc 取消  ↑↓ 移动")
        s.keys(.character("3"), .character("2"), .escape)
        #expect(s.hints == "Esc 返回  Enter 打开  r 答复  o 结果  m 状态  / 搜索  ? 帮助  q 退出")
        s.keys(.enter)
        #expect(s.hints == "Esc 返回  r 答复  o 结果  m 状态  PgDn 翻页  ? 帮助")
        s.keys(.character("?"))
        #expect(s.hints == "Esc 返回  ↑↓ 移动  PgDn 翻页")
        s.keys(.escape, .escape, .character("d"))
        #expect(s.hints == "Esc 返回  Enter 打开  r 答复  o 结果  m 状态  ? 帮助")
        s.keys(.escape, .character("t"))
        #expect(s.hints == "Esc 返回  ↑↓ 移动  PgDn 翻页  ? 帮助")
        s.keys(.escape)
        s.openReply("zx6-5-093")
        s.type("草稿")
        #expect(s.hints == "Ctrl-S 保存  Tab 下一项  Ctrl-R 预览  F3 原文  Ctrl-G 帮助  Esc 返回")
        s.keys(.control("b"), .character("1"))
        s.keys(.control("b"), .character("1"), .character("1"))
        #expect(s.state.top is QuestionLayer && s.hints == "Enter 确定  Esc 取消")
        s.keys(.escape, .escape, .character("3"))
        #expect(s.state.top is ConfirmationLayer && s.hints == "y 确定  n 取消")
    }

    @Test func rebindingAKeyChangesEveryMessageAndHintThatNamesIt() throws {
        let path = Fixtures.temporaryDirectory() + "/config.yaml"
        Fixtures.write("keys:\n  list:\n    search: [Ctrl-S]\n    help: [H]\n  global:\n    messages: [F9]\n", to: path)
        let configuration = try ConfigurationLoader.load(defaultsPath: Fixtures.defaultConfigurationPath, userPath: path)
        let store = try CaseStore(directory: Fixtures.demoStoreCopy(), vocabulary: configuration.vocabulary)
        let terminal = MemoryTerminal(width: 80, height: 24)
        let runner = AppRunner(terminal: terminal, listing: try store.list(), configuration: configuration,
                               keymap: try Keymap(configuration.keyBindings),
                               workspace: Workspace(store: store, user: "t", clock: .fixed(AppSession.today), environment: [:]),
                               storeName: "demo")
        terminal.send(keys: [.character("n")])
        runner.run()
        #expect(terminal.lines[23] == "Enter 打开  r 答复  o 结果  m 状态  Ctrl-S 搜索  H 帮助  q 退出")
        #expect(terminal.lines[22] == "还没有搜索过；按 Ctrl-S 搜索")
        terminal.send(keys: [.character("z")])
        runner.run()
        #expect(terminal.lines[22] == "z 在这里不做任何事；按 H 查看本界面的按键")
        terminal.send(keys: [.character("H")])
        runner.run()
        #expect(terminal.lines.contains { $0.contains("Ctrl-S") && $0.contains("搜索编号") })
        #expect(!terminal.lines.contains { $0.hasPrefix("  /") })
    }

    @Test func aMessageTooLongForTheLineEndsWithAnEllipsisAndIsReadWholeInTheLog() throws {
        let s = try AppSession(width: 40, height: 12)
        s.keys(.character("d"))
        #expect(s.status.hasPrefix("需要处理9件") && s.status.hasSuffix("…（L 看全文）"))
        #expect(TextMetrics.width(of: s.status) <= 40)
        s.keys(.function(2))
        #expect(s.lines[0].hasPrefix("消息记录"))
        // The message whole, after its time; wrapped lines hang under the message.
        let row = try #require(s.lines.firstIndex { $0.hasPrefix("今天 09:00  需要处理9件") })
        #expect(s.lines[row + 1].hasPrefix("            ") && s.lines[row + 1].trimmingCharacters(in: .whitespaces).hasPrefix("到期2件"))
        #expect(s.state.log.entries.last?.text == "需要处理9件：逾期3件、即将到期2件、退回期限3件、反馈未回1件")
    }

    @Test func theProblemsScreenListsEveryFileThatCouldNotBeReadWithItsLineAndReason() throws {
        let directory = Fixtures.demoStoreCopy()
        Fixtures.write("标题: [未闭合\n", to: directory + "/zx6-5-500.yaml")
        Fixtures.write("类型: 提案\n", to: directory + "/zx6-5-501.yaml")
        let s = try AppSession(store: directory)
        s.keys()
        #expect(s.lines[0].hasSuffix("2个文件无法读取 · 共32件 未办结14 逾期3 7天内2"))
        #expect(s.status.hasPrefix("2个文件无法读取，按 ! 查看：zx6-5-500.yaml:1：方括号列表没有正确结"))
        #expect(s.hints.hasSuffix("! 无法读取  ? 帮助  q 退出"))
        s.keys(.character("!"))
        #expect(s.lines[0].hasPrefix("无法读取的文件") && s.lines[0].hasSuffix("2个"))
        let text = s.lines.joined(separator: "\n")
        #expect(text.contains("zx6-5-500.yaml:1\n  方括号列表没有正确结束（缺少“,”或“]”）") && text.contains("zx6-5-501.yaml:1\n  缺少必填字段“格式”"))
        #expect(s.state.screen(ProblemsScreen.self)!.pager.text.contains("缺少"))
        s.keys(.character("?"))
        #expect(s.lines.joined().contains("banli 不会修改或删除它们"))
        s.keys(.escape, .escape)
        #expect(s.state.top is ListScreen)
    }

    @Test func atFortyColumnsTheWaysOutAndTheProblemsStayInView() throws {
        let directory = Fixtures.demoStoreCopy()
        Fixtures.write("类型: 提案\n", to: directory + "/zx6-5-501.yaml")
        let s = try AppSession(width: 40, height: 12, store: directory)
        s.keys()
        #expect(s.hints == "Enter 打开  r 答复  ? 帮助  q 退出")
        #expect(s.lines[0].contains("1个文件无法读取"))
        #expect(s.status.hasPrefix("1个文件无法读取，按 ! 查看"))
    }

    @Test func aLongQueryShowsWhereItIsCutAndKeepsItsNote() throws {
        let s = try AppSession(width: 40, height: 12)
        s.keys(.character("/"))
        s.type("关于加强养老服务，防范诈骗风险的建议再加一些字")
        #expect(s.status.hasPrefix("搜索：…") && s.status.hasSuffix("（没有找到）"))
        #expect(TextMetrics.width(of: s.status) <= 40)
        s.keys(.home)
        #expect(s.status.hasPrefix("搜索：关于加强") && s.status.contains("…（没有找到）"))
        #expect(s.terminal.cursor! == (x: 6, y: 10))
        s.keys(.right, .right, .right)
        #expect(s.terminal.cursor! == (x: 12, y: 10))
    }
}
