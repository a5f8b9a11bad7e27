/// One line of text being edited on the status line (the search prompt, a question), scrolled
/// sideways so the caret is always in view. Only whole characters are shown, so the caret never sits
/// inside a 2-cell character; `…` at either end says the text goes on beyond it.
struct LineField {
    /// The width a one-line editor is laid out at: never wrapped, so Home and End go to the ends of
    /// the text, not of a visual line.
    static let unwrapped = 1 << 20

    /// The part of the text shown, starting at a character boundary, with `…` where it is cut.
    let shown: String
    /// The caret's column, counted from the start of the line.
    let caret: Int

    /// `editor`'s text after a label `labelWidth` cells wide, on a line `width` cells wide of which
    /// `reserve` cells are kept for a note after the text (`第3/12个`).
    init(_ editor: TextEditor, labelWidth: Int, width: Int, reserve: Int = 0) {
        let characters = editor.characters
        // One cell is the caret's when it stands after the last character.
        let room = max(2, width - labelWidth - 1 - reserve)
        let widths = characters.map { TextMetrics.width(of: $0) }
        guard widths.reduce(0, +) > room else {
            shown = String(characters)
            caret = labelWidth + widths[..<editor.caret].reduce(0, +)
            return
        }
        // Walk left from the caret while it fits; a cut start costs a cell for its `…`. A quarter
        // of the room (or what there is) stays for the text after the caret, so that a caret
        // inside the text shows the characters it is about to pass, not a `…` beside it.
        let keep = min(widths[editor.caret...].reduce(0, +) + 1, max(3, room / 4))
        var start = editor.caret, used = 0
        while start > 0, used + widths[start - 1] + 1 + (editor.caret < characters.count ? keep : 0) <= room {
            start -= 1
            used += widths[start]
        }
        if start == 1, used + widths[0] <= room {
            start = 0
            used += widths[0]
        }
        let lead = start > 0 ? "…" : ""
        // Then right from the caret as far as the room goes; a cut end also costs a cell.
        var end = editor.caret, after = 0
        let left = room - used - lead.count
        while end < characters.count, after + widths[end] <= left - (end + 1 < characters.count ? 1 : 0) {
            after += widths[end]
            end += 1
        }
        shown = lead + String(characters[start..<end]) + (end < characters.count ? "…" : "")
        caret = labelWidth + lead.count + used
    }
}
