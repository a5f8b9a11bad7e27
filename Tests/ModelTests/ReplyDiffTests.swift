import Model
import Testing
import TestSupport

@Suite struct ReplyDiffTests {
    @Test func oneCharacterChangedInALongParagraphMarksThatCharacterOnly() {
        let long = String(repeating: "依托市社会救助信息系统和区大数据资源平台，", count: 20)
        let diff = TextDiff(from: long + "平均办理时限由原来的20个工作日压缩至12个工作日。", to: long + "平均办理时限由原来的25个工作日压缩至12个工作日。")
        #expect(diff.runs.filter { $0.kind != .same } == [.init(.deleted, "0"), .init(.inserted, "5")])
        #expect(diff.marked.hasSuffix("原来的2[-0-]{+5+}个工作日压缩至12个工作日。"))
        #expect(diff.old.hasSuffix("20个工作日压缩至12个工作日。") && diff.new.hasSuffix("25个工作日压缩至12个工作日。"))
    }

    @Test func charactersBeyondTheBMPAndCombiningMarksAreWholeCharacters() {
        // 𪚥 is one character of four UTF-8 bytes (two UTF-16 units); é written as e + U+0301 is one character.
        let diff = TextDiff(from: "张𪚥委员", to: "张三委员")
        #expect(diff.runs == [.init(.same, "张"), .init(.deleted, "𪚥"), .init(.inserted, "三"), .init(.same, "委员")])
        let marks = TextDiff(from: "Cafe\u{301}馆", to: "Cafe馆")
        #expect(marks.runs == [.init(.same, "Caf"), .init(.deleted, "e\u{301}"), .init(.inserted, "e"), .init(.same, "馆")])
        #expect(TextDiff(from: "a𪚥b", to: "a𪚥b").runs == [.init(.same, "a𪚥b")])
    }

    @Test func emptyTextsDifferAsWholeInsertionsOrDeletions() {
        #expect(TextDiff(from: "", to: "此复。").runs == [.init(.inserted, "此复。")])
        #expect(TextDiff(from: "此复。", to: "").runs == [.init(.deleted, "此复。")])
        #expect(TextDiff(from: "", to: "").runs.isEmpty)
    }

    private func reply(opening: String, sections: [(String, String)], closing: String = "感谢您的关心和支持。") -> Reply {
        Reply(salutation: "张三委员：", opening: opening, sections: sections.map { ReplySection(heading: $0.0, text: $0.1) }, closing: closing)
    }

    @Test func addedAndRemovedParagraphsAreNamedWithTheirPlace() {
        let old = reply(opening: "现答复如下：", sections: [("加强管理", "一是建立台账。\n二是定期检查。")])
        let new = reply(opening: "现答复如下：", sections: [("加强管理", "一是建立台账。\n三是公开结果，接受社会监督。")])
        let diff = ReplyDiff(from: old, to: new)
        #expect(diff.changes == [.removed(ReplyParagraph(place: "第一部分", text: "二是定期检查。")),
                                 .added(ReplyParagraph(place: "第一部分", text: "三是公开结果，接受社会监督。"))])
    }

    @Test func aSimilarParagraphAtOnePlaceIsOneParagraphChanged() {
        let old = reply(opening: "现答复如下：", sections: [("加强管理", "一是建立台账，每月更新。")])
        let new = reply(opening: "现答复如下：", sections: [("加强管理", "一是建立台账，每季更新。")])
        let diff = ReplyDiff(from: old, to: new)
        #expect(diff.changes.count == 1)
        guard case .changed(let place, let text) = diff.changes.first else { Issue.record("not changed: \(diff.changes)"); return }
        #expect(place == "第一部分")
        #expect(text.marked == "一是建立台账，每[-月-]{+季+}更新。")
        #expect(diff.lines.map(\.kind) == [.place, .removed, .added])
    }

    @Test func aParagraphMovedToAnotherSectionIsMovedNotRemovedAndAdded() {
        let old = reply(opening: "现答复如下：", sections: [("一", "甲段落写得很长。\n乙段落。"), ("二", "丙段落。")])
        let new = reply(opening: "现答复如下：", sections: [("一", "乙段落。"), ("二", "丙段落。\n甲段落写得很长。")])
        let diff = ReplyDiff(from: old, to: new)
        #expect(diff.changes == [.moved(ReplyParagraph(place: "第二部分", text: "甲段落写得很长。"), from: "第一部分")])
        #expect(diff.lines.first?.runs.first?.text == "第二部分（由第一部分移来）")
    }

    @Test func aSectionAddedInTheMiddleLeavesTheLaterOnesUnchanged() {
        let old = reply(opening: "开头。", sections: [("一", "甲。"), ("三", "丙。")])
        let new = reply(opening: "开头。", sections: [("一", "甲。"), ("二", "乙。"), ("三", "丙。")])
        #expect(ReplyDiff(from: old, to: new).changes == [.added(ReplyParagraph(place: "第二部分标题", text: "二")),
                                                          .added(ReplyParagraph(place: "第二部分", text: "乙。"))])
    }

    @Test func theOtherChangedFieldsAreListedWithoutTheJournal() {
        var old = Fixtures.fullCase(), new = old
        new.status = "办理中"
        new.journal.append(JournalEntry(time: "2018-05-01T10:00:00+08:00", user: "lihua", text: "退回"))
        let diff = ReplyDiff(from: old, to: new)
        #expect(diff.otherFields == ["状态"])
        #expect(diff.changes.isEmpty)
        #expect(diff.lines.map { $0.runs.map(\.text).joined() } == ["其他变化：状态", "答复没有变化"])
        old.reply = Reply()
        #expect(!ReplyDiff(from: old, to: new).changes.isEmpty)
    }
}
