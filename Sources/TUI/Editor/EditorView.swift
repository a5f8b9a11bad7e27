/// Draws a `TextEditor` into a rectangle of a screen buffer. Its only state is the first visual line
/// shown, kept between frames so the text scrolls just enough to keep the caret inside.
public struct EditorView: Sendable, Equatable {
    public private(set) var topRow = 0

    public init() {}

    /// Draws the visible lines into the `width` × `height` rectangle at (`x`, `y`), blanking the rest
    /// of it, and returns the screen cell for the hardware cursor: the caret, where an IME opens its
    /// candidate window.
    public mutating func draw(_ editor: TextEditor, x: Int, y: Int, width: Int, height: Int,
                              style: Style = .normal, into buffer: inout ScreenBuffer) -> (x: Int, y: Int) {
        let layout = editor.layout(width: width)
        scroll(to: layout, height: height)
        for row in 0..<max(0, height) {
            buffer.fill(x: x, y: y + row, count: width, style: style)
            if topRow + row < layout.lines.count {
                buffer.put(String(layout.lines[topRow + row]), x: x, y: y + row, style: style, limit: width)
            }
        }
        return (x + min(layout.caretColumn, max(0, width - 1)), y + layout.caretRow - topRow)
    }

    /// Scrolls as little as keeps the caret's row shown, and no further down than fills the rectangle
    /// (after text was deleted, the lines move back into the space below them).
    mutating func scroll(to layout: EditorLayout, height: Int) {
        let rows = max(1, height)
        topRow = min(topRow, max(0, layout.lines.count - rows))
        if layout.caretRow < topRow { topRow = layout.caretRow }
        if layout.caretRow >= topRow + rows { topRow = layout.caretRow - rows + 1 }
    }
}
