import Foundation
import Model
import Testing
import TestSupport

/// Importing an assignment list through the real binary in tmux: from the case list (`I`, the
/// path, the preview with its counts, Enter), and `banli import` on a terminal, whose progress bar
/// on stderr is erased before the summary.
@Suite(.serialized) struct AssignmentImportEndToEndTests {
    @Test func aListImportedFromTheCaseListCreatesItsValidCases() throws {
        let store = Fixtures.demoStoreCopy()
        let tmux = try TmuxSession.banli(store: store)
        try tmux.send("I")
        _ = try tmux.wait(for: "the path question") { $0.contains("导入答复或交办名单：") }
        try tmux.send("-l", Fixtures.fixture("assignment/交办名单-bom.csv"))
        try tmux.send("Enter")
        let preview = try tmux.wait(for: "the preview") { $0.contains("导入交办名单") && $0.contains("可新建 2 · 已有 1 · 错误 4") }
        #expect(preview.contains("【列的对应】") && preview.contains("标题 ← 标题（D列）"), "\(preview)")
        try tmux.send("Enter")
        _ = try tmux.wait(for: "the summary") { $0.contains("新建 2 件，跳过已有 1 件，错误 4 行") && $0.contains("共34件") }
        try tmux.send("q")
        _ = try tmux.wait(for: "banli to exit") { $0.contains("BANLI-EXITED 0") }
        let created = try CaseStore(directory: store, vocabulary: Fixtures.configuration().vocabulary).load(CaseID("zx6-5-102")!).value
        #expect(created.journal.map(\.text) == ["从 交办名单-bom.csv 第3行导入"])
    }

    @Test func theProgressBarOnATerminalIsErasedBeforeTheSummary() throws {
        let directory = Fixtures.temporaryDirectory("banli-import-bar")
        let store = directory + "/store"
        #expect(try Banli().run(["init", store]).status == 0)
        let rows = (1...1000).map { "\($0),关于第\($0)项事务的建议,委员\($0 % 50)" }
        Fixtures.write((["案号,标题,领衔人"] + rows).joined(separator: "\n") + "\n", to: directory + "/名单.csv")
        let tmux = try TmuxSession(width: 200, height: 10, command: "LANG=C.UTF-8 \(Banli.binary) --store \(store) import \(directory)/名单.csv --kind 建议; echo BANLI-EXITED $?; sleep 60")
        // One atomic write a case: a thousand take some seconds on a busy machine.
        let lines = try tmux.wait(timeout: 120, for: "the import to end") { $0.contains("BANLI-EXITED") }.split(separator: "\n").map(String.init)
        #expect(lines.contains("新建 1000 件，跳过已有 0 件，错误 0 行"), "\(lines)")
        #expect(lines.contains("BANLI-EXITED 0") && !lines.contains { $0.contains("█") || $0.contains("░") }, "\(lines)")
    }
}
