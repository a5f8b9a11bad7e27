import Foundation
import Model
import Testing
import TestSupport
@testable import TUI

/// Text reaching the reply form from outside — a paste, the user's editor — as `IncomingText`.
extension ReplyFormTests {
    @Test func aPasteOfWindowsTextKeepsOneBreakPerParagraph() throws {
        let s = try session()
        s.openReply("zx6-5-101")
        s.focus(.body(0))
        // What a terminal sends for a pasted "一是\r\n二是\r\n三是": every line feed as a "\r".
        s.send(.paste("一是\r\r二是\r\r三是"))
        #expect(s.form?.text(.body(0)) == "一是\n二是\n三是")
    }

    /// The editor's file ends with a line break, so a line the user adds is a paragraph of its own.
    @Test func aLineAddedInTheEditorIsANewParagraph() throws {
        let script = Fixtures.temporaryDirectory() + "/editor.sh"
        Fixtures.write("#!/bin/sh\nprintf '新的一段\\n' >> \"$1\"\n", to: script)
        chmod(script, 0o755)
        let s = try session(environment: ["VISUAL": script])
        s.openReply("zx5-2-090")
        s.focus(.closing)
        let closing = try #require(s.form?.text(.closing))
        s.keys(.control("o"))
        // The form edits a part without the line break its block ends with in the file.
        #expect(s.form?.text(.closing) == closing.dropLast() + "\n新的一段")
    }

    @Test func anEditorThatSavesGBKChangesNothingAndSaysWhy() throws {
        let s = try session(withAnEditorWriting: "\\304\\343\\272\\303\\n")
        s.openReply("zx5-2-090")
        s.focus(.closing)
        let closing = try #require(s.form?.text(.closing))
        s.keys(.control("o"))
        #expect(s.form?.text(.closing) == closing && s.form?.isModified == false)
        #expect(s.message == "外部编辑器保存的文件不是 UTF-8 文本：第1行第1字节；请在编辑器中以 UTF-8 保存，本项未修改")
        // Nothing was changed, so there is nothing to save.
        s.keys(.control("s"))
        #expect(!(try s.load("zx5-2-090").reply.closing.contains("\u{FFFD}")))
    }
}
