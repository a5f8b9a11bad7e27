import Foundation
import Testing
import TestSupport

/// Handling a case in the real binary: flag it 解决或采纳, complete its reply, sign it off; after a
/// restart the list, the detail screen and `banli export` all show it.
@Suite(.serialized) struct HandlingEndToEndTests {
    @Test func flagSignAndFindItAfterARestart() throws {
        let store = Fixtures.demoStoreCopy()
        let tmux = try TmuxSession.banli(store: store)
        try tmux.select("rd7-5-036")
        try tmux.send("o")
        _ = try tmux.wait(for: "the outcome picker") { $0.contains("rd7-5-036 办理结果") }
        try tmux.send("1")
        _ = try tmux.wait(for: "the outcome") { $0.contains("rd7-5-036：办理结果：解决或采纳") }

        // The reply still lacks its date: fill it in the form.
        try tmux.send("r")
        _ = try tmux.wait(for: "the reply form") { $0.contains("答复 rd7-5-036") }
        try tmux.send("BTab", "BTab")
        try tmux.send("-l", "2026-11-29")
        try tmux.send("C-s")
        _ = try tmux.wait(for: "the save") { $0.contains("已保存 rd7-5-036") }
        try tmux.send("Escape")

        try tmux.send("m")
        let menu = try tmux.wait(for: "the status menu") { $0.contains("已签发（登记签发人）") }
        let line = try #require(menu.split(separator: "\n").first { $0.contains("已签发（登记签发人）") })
        let digit = try #require(line.split(separator: " ").first { $0.count == 1 && $0.first!.isNumber })
        try tmux.send(String(digit))
        _ = try tmux.wait(for: "the signer question") { $0.contains("签发人：") }
        try tmux.send("-l", "钱志明")
        try tmux.send("Enter")
        _ = try tmux.wait(for: "the sign-off") { $0.contains("rd7-5-036：签发（签发人：钱志明）") }
        try tmux.send("q")
        _ = try tmux.wait(for: "banli to exit") { $0.contains("BANLI-EXITED 0") }

        let again = try TmuxSession.banli(store: store)
        try again.select("rd7-5-036")
        let list = try again.screen()
        let row = try #require(list.split(separator: "\n").first { $0.hasPrefix("rd7-5-036") })
        #expect(row.contains("已签发") && row.contains("解决采纳"))
        try again.send("Enter")
        // The detail is drawn as the case loads: wait for its outcome line as well as the signer.
        let detail = try again.wait(for: "the detail") { $0.contains("钱志明") && $0.contains("解决或采纳") }
        #expect(detail.contains("已签发") && detail.contains("解决或采纳"))

        let exported = try Banli().run(["export", "rd7-5-036", "--store", store])
        #expect(exported.status == 0 && exported.stdout.contains("办理结果：解决或采纳"))
    }
}
