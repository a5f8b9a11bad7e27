/// A key press, as the app sees it once the terminal layer has decoded it. Every escape sequence a
/// terminal sends becomes exactly one key (a named one, or `.unnamed` when it cannot be named),
/// never Esc followed by the sequence's characters.
public indirect enum Key: Hashable, Sendable {
    case character(Character)
    /// Ctrl plus a letter, lowercase: `.control("s")`.
    case control(Character)
    case up, down, left, right, pageUp, pageDown, home, end, insert, delete
    /// Ctrl with an arrow, Home or End: the editor's word motion and start/end of the text.
    case controlLeft, controlRight, controlHome, controlEnd
    /// F1–F12.
    case function(Int)
    case enter, escape, backspace, tab, backTab
    /// Alt (Meta) held with a key: `Alt-2` arrives as ESC then `2` within the escape delay. Unbound by
    /// default everywhere, so a stray Alt chord does nothing.
    case alt(Key)
    /// A complete escape sequence or control character that has no name here (Shift-↑, a function key
    /// beyond F12, a sequence no terminal documents). It can be reported but never bound. The text
    /// says what arrived, readably: `Shift-↑`, `ESC [ 9 9 z`.
    case unnamed(String)

    /// A mouse report of any encoding (X10, SGR, urxvt): banli has no use for the mouse, so a report
    /// a terminal sends anyway is one key that does nothing and says what it was.
    static let mouse = Key.unnamed("鼠标")
}

/// What the terminal delivers: a key, a new size, a pasted block of text, a pause, or a signal that
/// the session is ending.
public enum InputEvent: Hashable, Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    case paste(String)
    /// Nothing arrived within the timeout the loop asked for (it autosaves drafts then).
    case idle
    /// The terminal hung up (SIGHUP: an ssh connection dropped) or banli was asked to stop (SIGTERM).
    /// The app keeps every unsaved draft and ends.
    case ending(EndingSignal)
}

/// Why the session is being ended from outside.
public enum EndingSignal: Hashable, Sendable {
    case hangup, terminate
}
