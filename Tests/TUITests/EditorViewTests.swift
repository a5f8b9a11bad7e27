import Testing
@testable import TUI

/// The editor drawn into a rectangle of a screen buffer: rows, scrolling and the hardware cursor.
@Suite struct EditorViewTests {
    /// A 14×5 screen with marks either side of a 10×3 editor at (2, 1), to show nothing is drawn
    /// outside the editor's rectangle.
    func draw(_ editor: TextEditor, _ view: inout EditorView) -> (lines: [String], cursor: (x: Int, y: Int)) {
        var buffer = ScreenBuffer(width: 14, height: 5)
        for y in 0..<5 {
            buffer.put("|", x: 0, y: y)
            buffer.put("|", x: 13, y: y)
        }
        let cursor = view.draw(editor, x: 2, y: 1, width: 10, height: 3, into: &buffer)
        return (buffer.lines, cursor)
    }

    // At 10 cells the text wraps at 9, four characters a line: 一二三四 | 五六七八 | 九十甲乙 | 丙丁.
    let text = "一二三四五六七八九十甲乙丙丁"

    @Test func scrollsSoTheCaretAtTheEndIsOnTheBottomRow() {
        var editor = TextEditor(text: text)
        _ = editor.handle(.controlEnd, width: 10, height: 3)
        var view = EditorView()
        let (lines, cursor) = draw(editor, &view)
        #expect(lines == ["|            |",
                          "| 五六七八   |",
                          "| 九十甲乙   |",
                          "| 丙丁       |",
                          "|            |"])
        #expect(cursor == (6, 3))
        #expect(view.topRow == 1)
    }

    @Test func scrollsBackOnlyWhenTheCaretLeavesTheTop() {
        var editor = TextEditor(text: text)
        _ = editor.handle(.controlEnd, width: 10, height: 3)
        var view = EditorView()
        _ = draw(editor, &view)
        _ = editor.handle(.up, width: 10, height: 3)
        _ = editor.handle(.up, width: 10, height: 3)
        #expect(draw(editor, &view).cursor == (6, 1) && view.topRow == 1)
        _ = editor.handle(.up, width: 10, height: 3)
        let (lines, cursor) = draw(editor, &view)
        #expect(lines[1] == "| 一二三四   |" && cursor == (6, 1) && view.topRow == 0)
    }

    @Test func aCaretAtASoftWrapIsDrawnAtTheStartOfTheNextRow() {
        var editor = TextEditor(text: text)
        for _ in 0..<4 { _ = editor.handle(.right, width: 10, height: 3) }
        var view = EditorView()
        #expect(draw(editor, &view).cursor == (2, 2))
    }

    @Test func linesMoveBackDownWhenTextBelowIsDeleted() {
        var editor = TextEditor(text: text)
        _ = editor.handle(.controlEnd, width: 10, height: 3)
        var view = EditorView()
        _ = draw(editor, &view)
        for _ in 0..<6 { _ = editor.handle(.backspace, width: 10, height: 3) }
        let (lines, cursor) = draw(editor, &view)
        #expect(view.topRow == 0)
        #expect(lines[1...3] == ["| 一二三四   |", "| 五六七八   |", "|            |"])
        #expect(cursor == (10, 2))
    }

    @Test func anEmptyEditorBlanksItsRectangleAndPutsTheCursorInItsCorner() {
        var view = EditorView()
        let (lines, cursor) = draw(TextEditor(text: ""), &view)
        #expect(lines.allSatisfy { $0 == "|            |" })
        #expect(cursor == (2, 1))
    }
}
