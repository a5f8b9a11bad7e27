import Model

/// A multi-line text being edited: its characters, the caret and the undo history. A pure value with
/// no terminal: a form feeds it keys and text and draws its layout.
///
/// The text is kept as an array of `Character`s, so the caret is an index and an edit costs one move
/// of the array's tail, never a walk of `String` indices from the start. The array always holds
/// exactly the grapheme clusters of `text`: an edit re-segments its neighbours together with the new
/// text, so a combining mark or an emoji modifier typed after a character joins it, as in a string.
public struct TextEditor: Sendable, Equatable {
    private(set) var characters: [Character]
    /// Offset in characters, `0...characters.count`.
    public private(set) var caret: Int
    /// 字数: characters that are not whitespace or line breaks, kept up to date by every edit.
    public private(set) var characterCount: Int
    private var saved: [Character]
    /// Counts changes to the text, so a layout of it can be kept until the text changes.
    public private(set) var revision = 0
    private var history = EditHistory()
    /// The display column ↑/↓ and PgUp/PgDn aim for, kept across consecutive vertical moves so that
    /// passing a short line does not lose it.
    private var goalColumn: Int?
    /// The caret, at a soft wrap, shows at the end of its line rather than the start of the next
    /// (it got there by End or a vertical move); any edit or other move clears it.
    private var atRowEnd = false

    /// Starts editing `text`, cleaned as a paste is (line breaks as "\n", no controls), with the
    /// caret at the start. The cleaned text counts as saved.
    public init(text: String) {
        characters = Array(Self.cleaned(text))
        caret = 0
        characterCount = characters.reduce(0) { $0 + Self.counts($1) }
        saved = characters
    }

    public var isEmpty: Bool { characters.isEmpty }

    /// How many undo steps editing has begun: a change of it tells the form that an edit made a
    /// new step (rather than joining a run of typing).
    public var stepsBegun: Int { history.stepsBegun }

    /// The text with only the user's own line breaks; soft wrapping is display only. O(n).
    public var text: String { String(characters) }

    /// Whether the text differs from the text at `init` or at the last `markSaved()`; undoing back
    /// to that text makes it unmodified again.
    public var isModified: Bool { characters != saved }

    public mutating func markSaved() { saved = characters }

    /// The visual lines at `width` cells and where the caret shows on them.
    public func layout(width: Int) -> EditorLayout {
        EditorLayout(characters, caret: caret, width: width, atRowEnd: atRowEnd)
    }

    /// Carries out an editing action (the `editor` key context). `width` is the text area's width in
    /// cells (for visual-line motion), `height` its rows (for page up/down). Returns false for actions
    /// that are not editing (the caller's own), and for `new-line`, which a one-line field handles
    /// itself.
    public mutating func apply(_ action: Action, width: Int, height: Int) -> Bool {
        switch action {
        case .newLine: breakLine()
        case .deleteBackward: deleteBackward()
        case .deleteForward: deleteForward()
        case .deleteToLineStart:
            let layout = layout(width: width)
            let start = layout.lineRanges[layout.caretRow].lowerBound
            if start < caret { edit(start..<caret, with: "", kind: .single) }
        case .deleteWordBackward:
            let start = WordMotion.previousStart(in: characters, from: caret)
            if start < caret { edit(start..<caret, with: "", kind: .single) }
        case .undo: undo()
        case .redo: redo()
        case .moveLeft: moveCaret(to: caret - 1)
        case .moveRight: moveCaret(to: caret + 1)
        case .wordLeft: moveCaret(to: WordMotion.previousStart(in: characters, from: caret))
        case .wordRight: moveCaret(to: WordMotion.nextEnd(in: characters, from: caret))
        case .first: moveCaret(to: 0)
        case .last: moveCaret(to: characters.count)
        case .lineStart:
            let layout = layout(width: width)
            moveCaret(to: layout.lineRanges[layout.caretRow].lowerBound)
        case .lineEnd:
            let layout = layout(width: width)
            let end = layout.end(ofRow: layout.caretRow)
            moveCaret(to: end.offset)
            atRowEnd = end.atRowEnd
        case .moveUp: moveVertically(by: -1, width: width)
        case .moveDown: moveVertically(by: 1, width: width)
        case .pageUp: moveVertically(by: -max(1, height), width: width)
        case .pageDown: moveVertically(by: max(1, height), width: width)
        default: return false
        }
        return true
    }

    /// Types one character at the caret.
    public mutating func type(_ c: Character) { insert(String(c)) }

    /// Inserts typed text at the caret. An IME commits a phrase as several inserts; a run of inserts
    /// with no other key between them is one undo step.
    public mutating func insert(_ s: String) {
        edit(caret..<caret, with: Self.cleaned(s), kind: .typing)
    }

    /// Inserts pasted text as one undo step. "\r\n" and "\r" become "\n", tabs become spaces, other
    /// control and invisible format characters are removed.
    public mutating func paste(_ s: String) {
        edit(caret..<caret, with: Self.cleaned(s), kind: .single)
    }

    /// Pasted text made one line for a one-line field: its lines, each trimmed, blank ones dropped,
    /// joined by a space — a line break in a paste must not silently lose what follows it — and how
    /// many lines were joined (1 when there was no line break).
    static func oneLine(_ s: String) -> (text: String, lines: Int) {
        let lines = s.split(whereSeparator: \.isNewline).map { TypedText.trimmed(String($0)) }.filter { !$0.isEmpty }
        return lines.count > 1 ? (lines.joined(separator: " "), lines.count) : (s.filter { !$0.isNewline }, 1)
    }

    /// Replaces the whole text (from an external editor, or a choice from a list) as one undo step,
    /// with the caret at the end.
    public mutating func replaceAll(with text: String) {
        edit(0..<characters.count, with: Self.cleaned(text), kind: .single)
    }

    public mutating func undo() {
        goalColumn = nil
        atRowEnd = false
        guard let group = history.undo() else { return }
        for edit in group.edits.reversed() { apply(edit.reverted) }
        caret = group.caretBefore
    }

    public mutating func redo() {
        goalColumn = nil
        atRowEnd = false
        guard let group = history.redo() else { return }
        for edit in group.edits { apply(edit) }
        caret = group.caretAfter
    }

    /// Enter: a paragraph break, an undo step of its own.
    private mutating func breakLine() {
        edit(caret..<caret, with: "\n", kind: .single)
    }

    /// Backspace at the start (or Del at the end) deletes nothing but still ends a typing run.
    private mutating func deleteBackward() {
        if caret > 0 { edit(caret - 1..<caret, with: "", kind: .deletingBackward) } else { moveCaret(to: caret) }
    }

    private mutating func deleteForward() {
        if caret < characters.count { edit(caret..<caret + 1, with: "", kind: .deletingForward) } else { moveCaret(to: caret) }
    }

    /// Any caret move ends a typing or deleting run, so the next edit starts a new undo step.
    mutating func moveCaret(to offset: Int) {
        goalColumn = nil
        atRowEnd = false
        history.endRun()
        caret = max(0, min(characters.count, offset))
    }

    /// Moves `rows` visual lines up (negative) or down to the character under the goal column. When
    /// no line is left in that direction the caret goes to the start or end of the text.
    private mutating func moveVertically(by rows: Int, width: Int) {
        let layout = layout(width: width)
        let column = goalColumn ?? layout.caretColumn
        let row = max(0, min(layout.lineRanges.count - 1, layout.caretRow + rows))
        if row == layout.caretRow {
            moveCaret(to: rows < 0 ? 0 : characters.count)
        } else {
            let place = layout.caret(inRow: row, column: column)
            moveCaret(to: place.offset)
            atRowEnd = place.atRowEnd
            goalColumn = column
        }
    }

    /// Replaces `range` with `new`, re-segmenting the characters either side of it together with the
    /// new text, records the change in the history and puts the caret after the new text.
    private mutating func edit(_ range: Range<Int>, with new: String, kind: EditHistory.Kind) {
        goalColumn = nil
        atRowEnd = false
        if range.isEmpty && new.isEmpty { return }
        let lower = max(0, range.lowerBound - 1), upper = min(characters.count, range.upperBound + 1)
        let before = String(characters[lower..<range.lowerBound])
        let joined = before + new + String(characters[range.upperBound..<upper])
        let replacement = Array(joined)
        // The caret goes after every cluster that begins inside the old prefix or the new text; a
        // mark that joined the character before it leaves the caret after that whole character.
        let end = before.utf8.count + new.utf8.count
        var start = 0, clusters = 0
        for character in replacement where start < end {
            clusters += 1
            start += character.utf8.count
        }
        let change = Edit(offset: lower, removed: Array(characters[lower..<upper]), inserted: replacement)
        let caretBefore = caret
        apply(change)
        caret = lower + clusters
        history.record(change, kind: kind, caretBefore: caretBefore, caretAfter: caret)
    }

    /// Replaces characters as `edit` says, keeping the count of non-blank characters.
    private mutating func apply(_ edit: Edit) {
        let range = edit.offset..<edit.offset + edit.removed.count
        characterCount -= edit.removed.reduce(0) { $0 + Self.counts($1) }
        characterCount += edit.inserted.reduce(0) { $0 + Self.counts($1) }
        characters.replaceSubrange(range, with: edit.inserted)
        revision &+= 1
    }

    private static func counts(_ c: Character) -> Int { c.isWhitespace ? 0 : 1 }

    /// Text as the editor holds it: "\n" line breaks only (`IncomingText`), tabs as spaces, no C0 or
    /// C1 controls, and none of the invisible format characters (zero-width spaces, bidi marks) that
    /// text copied from the web carries and that `TextMetrics.sanitized` would hide on screen anyway.
    static func cleaned(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        // An escape sequence goes whole (a pasted `ESC[31m` must not leave `[31m` in a title): ESC
        // with the CSI's parameters up to its final byte (0x40–0x7E), or ESC and the one character after.
        var escape: (inCSI: Bool, first: Bool)?
        for scalar in IncomingText(s).text.unicodeScalars {
            if let state = escape {
                if state.first && scalar == "[" { escape = (true, false); continue }
                if state.inCSI && !(0x40...0x7E).contains(scalar.value) { continue }
                escape = nil
                continue
            }
            switch scalar.value {
            case 0x1B: escape = (false, true)
            case 0x0A: out.append(scalar)
            case 0x09: out.append(" ")
            case _ where scalar.isControlCharacter: break
            default: out.append(scalar)
            }
        }
        return TextMetrics.sanitized(String(out), keepNewlines: true)
    }
}
