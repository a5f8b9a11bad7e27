import Foundation
import Model
import Testing
import TestSupport
@testable import TUI

/// The reply form on a case or store whose permissions stop part of what it does: a read-only case
/// is said on opening and not replaced on saving (the text goes to the recovery file), and an
/// editing mark that cannot be written is not taken for a store that cannot be saved to.
@Suite struct FilePermissionsFormTests {
    let id = CaseID("zx5-2-090")!

    @Test func aReadOnlyCaseIsToldOnOpeningAndTheSaveKeepsTheTextInTheFormAndTheDraft() throws {
        let directory = Fixtures.demoStoreCopy(reopening: ["zx5-2-090"])
        let path = directory + "/zx5-2-090.yaml"
        #expect(chmod(path, 0o444) == 0)
        let before = Fixtures.bytes(path)
        let a = try AppSession(store: directory, user: "wangli")
        a.openReply(id.description)
        let allow = "要允许修改：chmod u+w \(path)"
        #expect(a.message == "zx5-2-090.yaml 文件只读（\(allow)），可以编辑，但无法保存")
        a.focus(.closing)
        a.type("只读也不丢。")
        a.send(.control("s"))
        #expect(a.message == "未能保存 zx5-2-090.yaml：文件只读（\(allow)）。文字仍在表单中，草稿已存入恢复文件")
        #expect(Fixtures.bytes(path) == before)
        var info = stat()
        #expect(stat(path, &info) == 0 && info.st_mode & 0o777 == 0o444)
        #expect(a.state.form?.isModified == true && a.state.form?.text(.closing).hasPrefix("只读也不丢。") == true)
        #expect(try a.store.recovery(for: id, user: "wangli")?.get().value.reply.closing.hasPrefix("只读也不丢。") == true)
        // Allowed again, the same form saves.
        #expect(chmod(path, 0o644) == 0)
        a.send(.control("s"))
        #expect(a.message.hasPrefix("已保存 zx5-2-090"))
    }

    /// On a shared store, `.banli/editing` made by a colleague with a umask of 022 refused the mark, and
    /// the form said the store could not be written although saving worked.
    @Test func aMarkThatCannotBeWrittenIsToldAsSuchNotAsAStoreThatCannotBeSavedTo() throws {
        let directory = Fixtures.demoStoreCopy(reopening: ["zx5-2-090"])
        let a = try AppSession(store: directory, user: "wangli",
                               failure: SimulatedDiskFailure(errno: EACCES) { $0.contains("/.banli/editing/") })
        a.openReply(id.description)
        // The message names the directory and how to allow it (root's own here, as the tests run).
        #expect(a.message == "无法写入编辑标记 .banli/editing（没有权限；要允许写入：chmod u+w .banli/editing），他人打开此案件时不会得知你在编辑")
        a.focus(.closing)
        a.type("能保存。")
        a.send(.control("s"))
        #expect(a.message.hasPrefix("已保存 zx5-2-090"))
    }

    /// On a shared store, `.banli/undo` made by a colleague with a umask of 022 kept no step and said
    /// nothing; the save still works, and says the change cannot be undone, as does undo after it.
    @Test func aSaveWhoseUndoStepCannotBeWrittenSaysSoAndUndoNamesThatChange() throws {
        let directory = Fixtures.demoStoreCopy(reopening: ["zx5-2-090"])
        let a = try AppSession(width: 160, store: directory, user: "wangli",
                               failure: SimulatedDiskFailure(errno: EACCES) { $0.contains("/.banli/undo/") })
        let note = "\(directory)/.banli/undo: 没有权限，本次更改无法撤销"
        a.openReply(id.description)
        a.focus(.closing)
        a.type("能保存。")
        a.send(.control("s"))
        #expect(a.message.hasPrefix("已保存 zx5-2-090（答复") && a.message.hasSuffix("；" + note), "\(a.message)")
        a.send(.escape)
        a.select("zx6-5-101")
        a.keys(.character("m"), .character("1"))
        #expect(a.message == "zx6-5-101：状态：待签收 → 办理中；zx6-5-101：\(note)")
        a.keys(.character("u"))
        #expect(a.message == "zx6-5-101：最近一次更改“状态：待签收 → 办理中”（wangli 作出）没有撤销记录，不能撤销")
    }
}
