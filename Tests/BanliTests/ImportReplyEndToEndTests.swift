import Foundation
import Model
import Testing
import TestSupport

/// Importing a published reply through the real binary in tmux: `I` on the case list, the path
/// typed, the preview, Enter; the new case file is in the store with the detected profile.
@Suite(.serialized) struct ImportReplyEndToEndTests {
    @Test func aReplyImportedFromTheListIsANewCaseFile() throws {
        let store = Fixtures.demoStoreCopy()
        let reply = Fixtures.fixture("replies/10-padded-date-stacked-units.txt")
        let tmux = try TmuxSession.banli(store: store)
        try tmux.send("I")
        _ = try tmux.wait(for: "the path question") { $0.contains("导入答复或交办名单：") }
        try tmux.send("-l", reply)
        try tmux.send("Enter")
        let preview = try tmux.wait(for: "the preview") { $0.contains("导入预览") && $0.contains("将新建 rd7-3-0311") }
        #expect(preview.contains("街道（自动识别"), "\(preview)")
        try tmux.send("Enter")
        _ = try tmux.wait(for: "the new case opened") { $0.contains("已新建案件 rd7-3-0311") }
        try tmux.send("Escape", "q")
        _ = try tmux.wait(for: "banli to exit") { $0.contains("BANLI-EXITED 0") }

        let file = try String(contentsOfFile: store + "/rd7-3-0311.yaml", encoding: .utf8)
        #expect(file.contains("版式: 街道"), "\(file)")
        let created = try CaseStore(directory: store, vocabulary: Fixtures.configuration().vocabulary).load(CaseID("rd7-3-0311")!).value
        #expect(created.kind == .suggestion)
        #expect(created.journal.map(\.text) == ["从 \(reply) 导入已公开的答复"])
        let exported = ReplyDocument(for: created, configuration: try Fixtures.configuration()).plainText
        let published = try String(contentsOfFile: reply, encoding: .utf8)
        #expect(PublishedLine.lines(of: exported) == PublishedLine.lines(of: published))
    }
}
