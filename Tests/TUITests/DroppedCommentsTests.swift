import Foundation
import Model
import Testing
import TestSupport
@testable import TUI

/// A save from the terminal UI of a file a clerk wrote comments into says they are gone.
extension ReplyFormTests {
    @Test func savingAFileWithCommentsSaysTheyWereDropped() throws {
        let directory = Fixtures.demoStoreCopy()
        let path = directory + "/zx6-5-101.yaml"
        var text = String(decoding: Fixtures.bytes(path), as: UTF8.self)
        text = text.replacingOccurrences(of: "\n状态:", with: "\n# 待科长确认\n状态:")
        Fixtures.write(text, to: path)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == "# 待科长确认" }! + 1
        let s = try session(store: directory)
        s.openReply("zx6-5-101")
        s.type("新的标题")
        s.keys(.control("s"))
        #expect(s.message.hasPrefix("已保存 zx6-5-101") && s.message.hasSuffix("；已删除文件中的注释（第\(line)行；banli 不保留注释）"), "\(s.message)")
        #expect(!String(decoding: Fixtures.bytes(path), as: UTF8.self).contains("待科长确认"))
    }
}
