import Foundation
import Testing
import TestSupport

/// 并案 and 撤案 in the real binary in tmux: two cases marked and merged into one chosen from the
/// menu, another withdrawn with a reason typed on the status line; after a restart the list shows
/// them, and `banli export` of the carrier names every proposer.
@Suite(.serialized) struct LifecycleEndToEndTests {
    @Test func mergeAndWithdrawThenFindThemAfterARestart() throws {
        let store = Fixtures.demoStoreCopy()
        let tmux = try TmuxSession.banli(store: store)
        try tmux.select("zx6-5-093")
        try tmux.send("x")
        try tmux.select("zx6-5-101")
        try tmux.send("x")
        try tmux.send("M")
        let menu = try tmux.wait(for: "the carrier menu") { $0.contains("并案：由哪一件承接答复") }
        #expect(menu.contains("zx6-5-093") && menu.contains("zx6-5-101"))
        try tmux.send("1")
        _ = try tmux.wait(for: "the confirmation") { $0.contains("将 zx6-5-101 并入 zx6-5-093") }
        try tmux.send("y")
        _ = try tmux.wait(for: "the merge") { $0.contains("已为2件案件办理：并案") }

        try tmux.select("zx6-5-104")
        try tmux.send("w")
        _ = try tmux.wait(for: "the reason question") { $0.contains("撤案理由：") }
        try tmux.send("-l", "提出人书面申请撤回")
        try tmux.send("Enter")
        _ = try tmux.wait(for: "the confirmation") { $0.contains("撤案 zx6-5-104（理由：提出人书面申请撤回）") }
        try tmux.send("y")
        _ = try tmux.wait(for: "the withdrawal") { $0.contains("zx6-5-104：撤案（") }
        try tmux.send("q")
        _ = try tmux.wait(for: "banli to exit") { $0.contains("BANLI-EXITED 0") }

        let again = try TmuxSession.banli(store: store)
        try again.select("zx6-5-104")
        let list = try again.screen()
        let rows = list.split(separator: "\n")
        #expect(try #require(rows.first { $0.hasPrefix("zx6-5-101 ") }).contains("已并案"))
        #expect(try #require(rows.first { $0.hasPrefix("zx6-5-104 ") }).contains("已撤案"))
        try again.send("Enter")
        _ = try again.wait(for: "the detail") { $0.contains("撤案") && $0.contains("提出人书面申请撤回") }
        try again.send("q", "q")
        _ = try again.wait(for: "banli to exit") { $0.contains("BANLI-EXITED 0") }

        let exported = try Banli().run(["export", "093", "--draft", "--store", store])
        #expect(exported.status == 0 && exported.stdout.contains("金海燕、苏立群、任志刚、沈佳琪委员："))
    }
}
