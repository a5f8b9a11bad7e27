/// One line of text being edited on the status line (the search prompt, a question), scrolled
/// sideways so the caret is always in view. Only whole characters are shown, so the caret never sits
/// inside a 2-cell character.
struct LineField {
    /// The width a one-line editor is laid out at: never wrapped, so Home and End go to the ends of
    /// the text, not of a visual line.
    static let unwrapped = 1 << 20

    /// The part of the text shown, starting at a character boundary.
    let shown: String
    /// The caret's column, counted from the start of the line.
    let caret: Int

    /// `editor`'s text after a label `labelWidth` cells wide, on a line `width` cells wide.
    init(_ editor: TextEditor, labelWidth: Int, width: Int) {
        let characters = editor.characters
        let room = max(2, width - labelWidth - 1)
        // Walk left from the caret until the room is used up: that is where the shown part starts.
        var start = editor.caret, used = 0
        while start > 0, used + TextMetrics.width(of: characters[start - 1]) <= room {
            start -= 1
            used += TextMetrics.width(of: characters[start])
        }
        shown = String(characters[start...])
        caret = labelWidth + used
    }
}
