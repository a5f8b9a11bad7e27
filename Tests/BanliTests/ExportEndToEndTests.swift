import Foundation
import Testing
import TestSupport

/// Exporting a reply from the case list through the real binary in tmux: `e` on 090, Enter; the
/// Word document is written in the directory banli was started in, and the status line says where.
@Suite(.serialized) struct ExportEndToEndTests {
    @Test func the090ReplyExportedFromTheListIsAWordFile() throws {
        let store = Fixtures.demoStoreCopy()
        let directory = Fixtures.temporaryDirectory("banli-exported")
        let tmux = try TmuxSession.banli(store: store, prefix: "cd \(directory) && ")
        try tmux.select("090")
        try tmux.send("e")
        let dialog = try tmux.wait(for: "the export dialog") { $0.contains("导出 zx5-2-090") && $0.contains("办理意见.docx") }
        #expect(dialog.contains("[4Word]"), "\(dialog)")
        try tmux.send("Enter")
        let name = "zx5-2-090 关于青浦区政协第五届委员会第二次会议第090号提案的办理意见.docx"
        let written = try tmux.wait(for: "the file written") { $0.contains("已导出 Word：") }
        let bytes = Fixtures.bytes(directory + "/" + name)
        #expect(bytes.starts(with: Array("PK".utf8)), "\(written)")
        try tmux.send("q")
        _ = try tmux.wait(for: "banli to exit") { $0.contains("BANLI-EXITED 0") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == [name])
    }
}
