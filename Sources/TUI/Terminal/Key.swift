/// A key press, as the app sees it once the terminal layer has decoded it.
public enum Key: Hashable, Sendable {
    case character(Character)
    /// Ctrl plus a letter, lowercase: `.control("s")`.
    case control(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    /// Ctrl with an arrow, Home or End: the editor's word motion and start/end of the text.
    case controlLeft, controlRight, controlHome, controlEnd
    case enter, escape, backspace, delete, tab, backTab

    /// How help and hint bars write the key.
    public var label: String {
        switch self {
        case .character(" "): return "空格"
        case .character(let c): return String(c)
        case .control(let c): return "Ctrl-" + c.uppercased()
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .controlLeft: return "Ctrl-←"
        case .controlRight: return "Ctrl-→"
        case .controlHome: return "Ctrl-Home"
        case .controlEnd: return "Ctrl-End"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        }
    }
}

/// What the terminal delivers: a key, a new size, or a pasted block of text.
public enum InputEvent: Hashable, Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    case paste(String)
    /// Nothing arrived within the timeout the loop asked for (it autosaves drafts then).
    case idle
}
