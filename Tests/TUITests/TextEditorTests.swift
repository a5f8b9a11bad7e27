import Testing
import TestSupport
@testable import TUI

/// The editor as a value: caret and column arithmetic in cells, visual-line motion with 禁则
/// wrapping, word motion, undo coalescing, paste cleaning and whole-grapheme deletion.
@Suite struct TextEditorTests {
    func editor(_ text: String, caret: Int? = nil) -> TextEditor {
        var e = TextEditor(text: text)
        e.moveCaret(to: caret ?? text.count)
        return e
    }

    static let keymap = try! Keymap(Fixtures.configuration().keyBindings)

    /// Presses keys as the form does: each through the editor's bindings in the shipped keymap.
    func press(_ e: inout TextEditor, _ keys: Key..., width: Int = 80, height: Int = 10) {
        for key in keys {
            guard let action = Self.keymap.action(for: key, in: .editor) else {
                Issue.record("\(key.label) is not an editing key")
                continue
            }
            let handled = e.apply(action, width: width, height: height)
            #expect(handled, "\(key.label)")
        }
    }

    func place(_ e: TextEditor, width: Int) -> [Int] {
        let layout = e.layout(width: width)
        return [e.caret, layout.caretRow, layout.caretColumn]
    }

    // MARK: Caret and columns

    @Test func columnsCountTwoCellsForChineseAndOneForASCII() {
        let widths = (0...5).map { editor("ab一c二", caret: $0).layout(width: 80).caretColumn }
        #expect(widths == [0, 1, 2, 4, 5, 7])
    }

    @Test func leftAndRightMoveOneCharacterAndStopAtTheEnds() {
        var e = editor("a一\u{1F44D}\u{1F3FD}", caret: 0)
        press(&e, .left)
        #expect(e.caret == 0)
        press(&e, .right, .right)
        #expect(place(e, width: 80) == [2, 0, 3])
        press(&e, .right, .right)
        #expect(e.caret == 3)
    }

    // MARK: Visual lines

    @Test func wrappingFollowsTheLineBreakingRulesAtOddWidths() {
        // At 7 cells the text wraps at 6 (one cell stays free for the caret); greedy filling would
        // start the second line with "，", so "三" moves down with it.
        #expect(editor("一二三，四五").layout(width: 7).lines == ["一二", "三，四", "五"])
        let text = "居委会是居民自我管理、自我教育、自我服务的基层群众性自治组织，在加强基层社区管理（含“两清单一机制”）等方面有着不可替代的作用。"
        for width in stride(from: 9, through: 41, by: 2) {
            let layout = editor(text).layout(width: width)
            #expect(layout.lines.joined() == Substring(text))
            #expect(layout.lines.allSatisfy { TextMetrics.width(of: $0) < width }, "width \(width)")
            #expect(layout.lines.dropFirst().allSatisfy { !"，。、）”".contains($0.first!) }, "width \(width): \(layout.lines)")
        }
    }

    @Test func linesAreWhatTextMetricsWrapGivesOneCellNarrower() {
        let text = "关于“15分钟养老服务圈”建设的答复：\n\n一、2025年全区新建社区食堂12家，覆盖率达85.5%。\n二、（略）\u{1F468}\u{200D}\u{1F469}cafe\u{301} ok"
        for width in 2...50 {
            #expect(editor(text).layout(width: width).lines == TextMetrics.wrap(text, width: width - 1), "width \(width)")
        }
    }

    @Test func lineRangesSkipTheUsersLineBreaksButNotSoftWraps() {
        let layout = editor("一二三四五\n\nab").layout(width: 7)
        #expect(layout.lines == ["一二三", "四五", "", "ab"])
        #expect(layout.lineRanges == [0..<3, 3..<5, 6..<6, 7..<9])
    }

    @Test func aCaretAtASoftWrapShowsAtTheStartOfTheNextLine() {
        // "一二三" | "四五六" | "七": after "三" is the start of the second line.
        #expect(place(editor("一二三四五六七", caret: 3), width: 7) == [3, 1, 0])
        // After a paragraph's last character, the caret stays on that line, even a full one.
        #expect(place(editor("一二三\n四", caret: 3), width: 7) == [3, 0, 6])
        #expect(place(editor("一二三四五六七"), width: 7) == [7, 2, 2])
    }

    @Test func homeAndEndGoToTheEndsOfTheVisualLine() {
        var e = editor("一二三四五六七", caret: 4)
        press(&e, .end, width: 7)
        // End goes after "六", shown at the end of its line though the text goes on to the next.
        #expect(place(e, width: 7) == [6, 1, 6])
        // What is typed there follows "六", on that line.
        var typed = e
        typed.type("X")
        #expect(typed.text == "一二三四五六X七")
        press(&e, .home, width: 7)
        #expect(place(e, width: 7) == [3, 1, 0])
        press(&e, .down, .end, width: 7)
        #expect(e.caret == 7)
        var p = editor("ab\ncd", caret: 0)
        press(&p, .end)
        #expect(p.caret == 2)
    }

    @Test func upAndDownKeepTheColumnAndLandOnTheStartOfAWideCharacter() {
        var e = editor("abcde\n一二三\nxy\nabcdef", caret: 5)
        // Column 5 is the second cell of "三", so the caret goes before it; "xy" is too short.
        press(&e, .down)
        #expect(place(e, width: 80) == [8, 1, 4])
        press(&e, .down)
        #expect(place(e, width: 80) == [12, 2, 2])
        press(&e, .down)
        #expect(place(e, width: 80) == [18, 3, 5])
        press(&e, .up, .up, .up)
        #expect(place(e, width: 80) == [5, 0, 5])
    }

    @Test func upAndDownAcrossSoftWrapsAtAnOddWidth() {
        // At 7 cells: "ab一二" | "三四五" | "六".
        var e = editor("ab一二三四五六", caret: 1)
        press(&e, .down, width: 7)
        #expect(place(e, width: 7) == [4, 1, 0])
        press(&e, .down, width: 7)
        #expect(place(e, width: 7) == [7, 2, 0])
        press(&e, .up, .up, width: 7)
        #expect(place(e, width: 7) == [1, 0, 1])
        // At 8 cells: "abcdefg" | "一二三" | "四". Column 6 is past the end of "一二三": the caret goes
        // after "三", at the end of that line.
        var f = editor("abcdefg一二三四", caret: 6)
        press(&f, .down, width: 8)
        #expect(place(f, width: 8) == [10, 1, 6])
        // A move away and back to the same offset by → shows it at the start of the next line.
        press(&f, .left, .right, width: 8)
        #expect(place(f, width: 8) == [10, 2, 0])
    }

    @Test func upOnTheFirstLineAndDownOnTheLastGoToTheEndsOfTheText() {
        var e = editor("一二三\n四五", caret: 1)
        press(&e, .up)
        #expect(e.caret == 0)
        e.moveCaret(to: 4)
        press(&e, .down)
        #expect(e.caret == 6)
    }

    @Test func pageUpAndDownMoveByTheHeightInVisualLines() {
        let text = (1...20).map { "第\($0)行" }.joined(separator: "\n")
        var e = editor(text, caret: 1)
        press(&e, .pageDown, height: 5)
        #expect(e.layout(width: 80).caretRow == 5 && e.layout(width: 80).caretColumn == 2)
        press(&e, .pageDown, .pageDown, .pageDown, height: 5)
        #expect(e.layout(width: 80).caretRow == 19)
        press(&e, .pageDown, height: 5)
        #expect(e.caret == text.count)
        press(&e, .pageUp, height: 5)
        #expect(e.layout(width: 80).caretRow == 14)
    }

    // MARK: Word motion

    @Test func controlArrowsMoveByPhraseWordAndNumber() {
        let text = "居委会是居民自我管理、自我教育，2015年共培训1110人次。Hello world 3.5亿"
        var e = editor(text, caret: 0)
        var stops: [Int] = []
        for _ in 0..<11 {
            press(&e, .controlRight)
            stops.append(e.caret)
        }
        #expect(stops == [10, 15, 20, 24, 28, 30, 36, 42, 46, 47, 47])
        stops = []
        for _ in 0..<11 {
            press(&e, .controlLeft)
            stops.append(e.caret)
        }
        #expect(stops == [46, 43, 37, 31, 28, 24, 20, 16, 11, 0, 0])
    }

    @Test func controlHomeAndEndGoToTheEndsOfTheText() {
        var e = editor("一\n二\n三", caret: 2)
        press(&e, .controlEnd)
        #expect(e.caret == 5)
        press(&e, .controlHome)
        #expect(e.caret == 0)
    }

    // MARK: Editing

    @Test func enterBackspaceAndDeleteEditTheText() {
        var e = editor("关于养老", caret: 2)
        press(&e, .enter)
        #expect(e.text == "关于\n养老" && e.caret == 3)
        press(&e, .backspace, .backspace)
        #expect(e.text == "关养老" && e.caret == 1)
        press(&e, .delete)
        #expect(e.text == "关老" && e.caret == 1)
        e.type("心")
        #expect(e.text == "关心老" && e.caret == 2)
    }

    @Test func backspaceAndDeleteTakeWholeGraphemes() {
        var e = editor("cafe\u{301}\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{1F1E8}\u{1F1F3}\u{1F1FA}\u{1F1F8}")
        #expect(e.caret == 7)
        press(&e, .backspace)
        #expect(e.text == "cafe\u{301}\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{1F1E8}\u{1F1F3}")
        press(&e, .backspace, .backspace)
        #expect(e.text == "cafe\u{301}")
        press(&e, .left, .delete)
        #expect(e.text == "caf" && e.caret == 3)
    }

    @Test func aMarkTypedAfterACharacterJoinsIt() {
        var e = editor("")
        e.insert("e")
        e.insert("\u{301}")
        #expect(e.text == "e\u{301}" && e.caret == 1 && e.text.count == 1)
        for scalar in ["\u{1F468}", "\u{200D}", "\u{1F469}"] { e.insert(scalar) }
        #expect(e.caret == 2 && e.text.count == 2)
        press(&e, .backspace)
        #expect(e.text == "e\u{301}")
        e.undo()
        e.undo()
        #expect(e.text == "" && e.caret == 0)
    }

    @Test func countsCharactersWithoutWhitespace() {
        var e = editor("我局 高度重视。\n\n此复。\u{3000}")
        #expect(e.characterCount == 10)
        e.insert("好 ")
        #expect(e.characterCount == 11)
        press(&e, .controlHome, .delete, .delete)
        #expect(e.characterCount == 9)
        e.undo()
        #expect(e.characterCount == 11)
    }

    @Test func isModifiedUntilSavedOrUndoneBack() {
        var e = editor("原文")
        #expect(!e.isModified)
        e.insert("改")
        #expect(e.isModified)
        e.undo()
        #expect(!e.isModified)
        e.redo()
        e.markSaved()
        #expect(!e.isModified)
        e.undo()
        #expect(e.isModified)
    }

    @Test func actionsThatAreNotEditingAreNotHandled() {
        var e = editor("一")
        for action: Action in [.save, .nextField, .previousField, .back, .choose, .quit] {
            let handled = e.apply(action, width: 80, height: 10)
            #expect(!handled, "\(action)")
        }
        #expect(e.text == "一" && !e.isModified)
    }

    @Test func ctrlUAndCtrlWDeleteToTheLineStartAndTheWordBefore() {
        var e = editor("第一段\n关于养老服务，加强管理")
        press(&e, .control("w"))
        #expect(e.text == "第一段\n关于养老服务，")
        press(&e, .control("u"))
        #expect(e.text == "第一段\n" && e.caret == 4)
        press(&e, .control("u"))
        #expect(e.text == "第一段\n")
        press(&e, .control("z"), .control("z"))
        #expect(e.text == "第一段\n关于养老服务，加强管理")
    }

    // MARK: Undo

    @Test func typingWithoutMovingIsOneUndoStep() {
        var e = editor("")
        e.insert("关于")
        e.insert("养老")
        press(&e, .left)
        e.insert("的")
        #expect(e.text == "关于养的老")
        e.undo()
        #expect(e.text == "关于养老" && e.caret == 3)
        e.undo()
        #expect(e.text == "" && e.caret == 0)
        e.undo()
        #expect(e.text == "")
        e.redo()
        #expect(e.text == "关于养老" && e.caret == 4)
        e.redo()
        #expect(e.text == "关于养的老" && e.caret == 4)
    }

    @Test func enterPasteAndDeletingEndARun() {
        var e = editor("")
        e.insert("一")
        press(&e, .enter)
        e.insert("二三")
        press(&e, .backspace, .backspace)
        e.insert("四")
        e.paste("五\n六")
        e.insert("七")
        var seen = [e.text]
        press(&e, .control("z"))
        seen.append(e.text)
        for _ in 0..<6 {
            e.undo()
            seen.append(e.text)
        }
        #expect(seen == ["一\n四五\n六七", "一\n四五\n六", "一\n四", "一\n", "一\n二三", "一\n", "一", ""])
        press(&e, .control("y"), .control("y"))
        #expect(e.text == "一\n")
    }

    @Test func aRunOfBackspacesIsOneStepAndANewEditForgetsRedo() {
        var e = editor("一二三四")
        press(&e, .backspace, .backspace, .backspace)
        #expect(e.text == "一")
        e.undo()
        #expect(e.text == "一二三四" && e.caret == 4)
        e.undo()
        #expect(e.text == "一二三四")
        press(&e, .backspace)
        e.redo()
        #expect(e.text == "一二三")
    }

    // MARK: Paste

    @Test func pasteNormalisesLineBreaksAndDropsControls() {
        var e = editor("")
        e.paste("一\r\n二\r三\t四\u{1B}[31m五\u{7}\u{200B}六\u{202E}")
        // An escape sequence goes whole, not only its ESC.
        #expect(e.text == "一\n二\n三 四五六")
        #expect(e.caret == e.text.count)
        var f = editor("")
        f.paste("甲\u{1B}[2J乙\u{1B}[1;31;40m丙\u{1B}c丁\u{1B}")
        #expect(f.text == "甲乙丙丁")
    }

    @Test func aLongMultiLinePasteIsOneEdit() {
        let paragraph = "居委会是居民自我管理、自我教育、自我服务的基层群众性自治组织。"
        let pasted = Array(repeating: paragraph, count: 100).joined(separator: "\r\n")
        var e = editor("前后", caret: 1)
        e.paste(pasted)
        #expect(e.text == "前" + Array(repeating: paragraph, count: 100).joined(separator: "\n") + "后")
        #expect(e.caret == 1 + paragraph.count * 100 + 99)
        #expect(e.layout(width: 40).lines.count == 200)
        e.undo()
        #expect(e.text == "前后" && e.caret == 1)
    }
}
