import Foundation
import Model
import Testing
import TestSupport
import TUI

/// The case form in the real binary in tmux: a case typed in with Chinese text is created and
/// selected, then its handler and 正文 changed through the edit form; the file holds both, the
/// journal one entry each.
@Suite(.serialized) struct CaseFormEndToEndTests {
    @Test func aCaseTypedInChineseIsCreatedAndThenEdited() throws {
        let store = Fixtures.demoStoreCopy()
        let tmux = try TmuxSession.banli(store: store)
        try tmux.send("a")
        _ = try tmux.wait(for: "the new-case form") { $0.contains("新建案件") && $0.contains("承办方式") }
        try tmux.send("Right", "Tab")
        try tmux.send("-l", "七届五次")
        try tmux.send("Tab")
        try tmux.send("-l", "第130号")
        _ = try tmux.wait(for: "the derived ID") { $0.contains("rd7-5-130（由案号得出）") }
        try tmux.send("Tab")
        try tmux.send("-l", "关于完善农村生活污水处理设施的建议")
        try tmux.send("Tab")
        try tmux.send("-l", "沈建华")
        try tmux.send("Tab")
        try tmux.send("-l", "王芳、李强")
        // Saving now is refused for nothing: the remaining fields have their defaults.
        try tmux.send("C-s")
        _ = try tmux.wait(for: "the case created and selected") { $0.contains("已新建案件 rd7-5-130") && !$0.contains("承办方式") }

        try tmux.send("E")
        _ = try tmux.wait(for: "the edit form") { $0.contains("修改案件信息 rd7-5-130") }
        // From 标题 to 承办人: 领衔人, 联名人, 主题, 重点, 承办方式, 会办单位, 交办日期, 办理期限, 期限说明, 承办人.
        for _ in 0..<10 { try tmux.send("Tab") }
        try tmux.send("C-u")
        try tmux.send("-l", "赵敏")
        try tmux.send("Tab")
        try tmux.send("-l", "建议加快建设农村污水管网。")
        try tmux.send("C-s")
        let screen = try tmux.wait(for: "the edit saved") { $0.contains("已保存 rd7-5-130 的案件信息") }
        #expect(screen.contains("经办人：tester → 赵敏"), "\(screen)")
        try tmux.send("q")
        _ = try tmux.wait(for: "banli to exit") { $0.contains("BANLI-EXITED 0") }

        let saved = try CaseStore(directory: store, vocabulary: Fixtures.configuration().vocabulary).load(CaseID("rd7-5-130")!).value
        #expect(saved.kind == .suggestion && saved.printedNumber == "" && saved.title == "关于完善农村生活污水处理设施的建议")
        #expect(saved.leadProposer == "沈建华" && saved.jointSigners == ["王芳", "李强"])
        #expect(saved.handler == "赵敏" && saved.text == "建议加快建设农村污水管网。")
        #expect(saved.journal.map(\.text) == ["新建案件", "经办人：tester → 赵敏；修改提案正文"])
    }
}
