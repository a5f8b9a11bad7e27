import Foundation
import Model
import Testing
import TestSupport
@testable import TUI

/// Resolving the conflicts a merge recorded （`R`, `ConflictScreen`）, in the in-memory terminal over
/// a copy of the demo store, at 80×24 and 40×12: the flag in the list, both versions side by side or
/// one above the other, mine / theirs / a text written from both, with the cursor on the caret.
@Suite struct ConflictScreenTests {
    static let sizes = [(80, 24), (40, 12)]

    /// A demo store in which zx6-5-101 holds two conflicts: its opening and its proposal text.
    func store() throws -> String {
        let directory = Fixtures.demoStoreCopy()
        let store = try CaseStore(directory: directory, vocabulary: try Fixtures.configuration().vocabulary, access: .readWrite)
        let stored = try store.load(CaseID("zx6-5-101")!)
        var c = stored.value
        c.reply.opening = "我写的开头"
        c.conflicts = [
            FieldConflict(field: "答复.开头", mine: "我写的开头", theirs: "他写的开头", mineUser: "wangli", theirsUser: "lihua",
                          time: "2026-11-28T10:00:00+08:00"),
            FieldConflict(field: "提案正文", mine: c.text, theirs: "他改的正文", mineUser: "wangli", theirsUser: "lihua",
                          time: "2026-11-28T10:00:00+08:00"),
        ]
        _ = try store.save(c, replacing: stored.revision)
        return directory
    }

    func row(_ id: String, _ s: AppSession) -> String? { s.lines.dropLast(2).first { $0.hasPrefix(id + " ") } }

    @Test(arguments: sizes)
    func aConflictedCaseIsFlaggedAndResolvedOneConflictAtATime(width: Int, height: Int) throws {
        let s = try AppSession(width: width, height: height, store: try store(), user: "wangli")
        s.select("zx6-5-101")
        #expect(row("zx6-5-101", s)?.contains("[冲突]") == true, "\(s.lines)")
        s.select("zx6-5-104")
        s.keys(.character("R"))
        #expect(s.message == "zx6-5-104：没有待解决的冲突" && s.state.top is ListScreen, "\(s.message) \(s.selected ?? "")")

        s.select("zx6-5-101")
        s.keys(.character("R"))
        #expect(s.state.top is ConflictScreen)
        #expect(s.lines[0].contains("zx6-5-101 解决冲突 1/2") || width < 80)
        #expect(s.lines[1].hasPrefix("答复开头：两人改得不同"))
        if width >= 80 {
            #expect(s.lines[2].hasPrefix("本方（wangli）") && s.lines[2].contains("│ 对方（lihua）"))
            #expect(s.lines[3].hasPrefix("我写的开头") && s.lines[3].contains("│ 他写的开头"))
            // The one character that differs is marked in each version, the rest not.
            let right = (width - 3) / 2 + 3
            #expect(s.terminal.frame[0, 3].style == .inserted && s.terminal.frame[2, 3].style == .normal)
            #expect(s.terminal.frame[right, 3].style == .deleted && s.terminal.frame[right + 2, 3].style == .normal)
        } else {
            #expect(Array(s.lines[2...6]) == ["本方（wangli）", "  我写的开头", "", "对方（lihua）", "  他写的开头"])
            #expect(s.terminal.frame[2, 3].style == .inserted && s.terminal.frame[4, 3].style == .normal)
            #expect(s.terminal.frame[2, 6].style == .deleted && s.terminal.frame[4, 6].style == .normal)
        }
        #expect(s.terminal.cursor == nil)
        // Theirs for the opening: saved, journalled, the next conflict shown.
        s.keys(.character("2"))
        #expect(s.message == "zx6-5-101：解决冲突：答复.开头（采用 lihua 的版本）")
        #expect(try s.load("zx6-5-101").reply.opening == "他写的开头")
        #expect(s.lines[1].hasPrefix("提案正文"))

        // A text written from both: the editor starts with both versions, mine first, the cursor on the caret.
        s.keys(.character("e"))
        #expect(s.lines[1].hasPrefix("改写提案正文：Ctrl-S 保存，Esc 放弃"))
        #expect(s.terminal.cursor! == (0, 2))
        s.type("合")
        #expect(s.terminal.cursor! == (2, 2))
        s.keys(.control("s"))
        let resolved = try s.load("zx6-5-101")
        #expect(resolved.text.hasPrefix("合") && resolved.text.hasSuffix("他改的正文") && resolved.conflicts.isEmpty)
        #expect(s.message == "zx6-5-101：解决冲突：提案正文（改写）")
        // None left: back on the list, the flag gone.
        #expect(s.state.top is ListScreen)
        #expect(row("zx6-5-101", s)?.contains("[冲突]") == false)
    }

    @Test func theFilterShowsTheCasesWithConflicts() throws {
        let s = try AppSession(store: try store())
        s.keys(.character("f"), .character("8"))
        #expect(s.state.menu?.items.map(\.label) == ["不限", "有待解决的冲突", "没有冲突"])
        s.keys(.character("2"), .escape)
        #expect(s.state.list.shown.map { s.state.cases.all[$0].id.description } == ["zx6-5-101"])
        #expect(s.lines[0].contains("有冲突 1/32"), "\(s.lines[0])")
    }

    @Test func aTextTheFieldCannotHoldIsRefusedAndTheEditorStays() throws {
        let directory = Fixtures.demoStoreCopy()
        let store = try CaseStore(directory: directory, vocabulary: try Fixtures.configuration().vocabulary, access: .readWrite)
        let stored = try store.load(CaseID("zx6-5-101")!)
        var c = stored.value
        c.conflicts = [FieldConflict(field: "答复期限", mine: c.deadline?.description ?? "", theirs: "2027-01-05", time: "2026-11-28T10:00:00+08:00")]
        _ = try store.save(c, replacing: stored.revision)
        let s = try AppSession(store: directory)
        s.select("zx6-5-101")
        s.keys(.character("R"), .character("e"), .control("u"))
        s.type("明年")
        s.keys(.control("s"))
        #expect(s.message.hasPrefix("zx6-5-101：不能解决冲突：答复期限：“"), "\(s.message)")
        #expect(s.state.top is ConflictScreen && (s.state.top as? ConflictScreen)?.editor != nil)
        // Esc asks before dropping the text written; then q leaves the screen, the conflict still
        // there, and the detail shows it.
        s.keys(.escape)
        #expect(s.state.top is ConfirmationLayer)
        s.keys(.character("n"))
        #expect((s.state.top as? ConflictScreen)?.editor?.text.hasPrefix("明年") == true)
        s.keys(.escape, .character("y"))
        #expect((s.state.top as? ConflictScreen)?.editor == nil)
        s.keys(.character("q"), .enter)
        #expect(s.lines.contains { $0.hasPrefix("【冲突】待解决 1 个") })
        s.keys(.character("R"), .character("1"))
        #expect(try s.load("zx6-5-101").conflicts.isEmpty && s.state.top is DetailScreen)
    }
}
