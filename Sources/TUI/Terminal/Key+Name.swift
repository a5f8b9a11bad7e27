extension Key {
    /// How help, hint bars, messages and `docs/keys.md` write the key.
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
        case .insert: return "Ins"
        case .delete: return "Del"
        case .controlLeft: return "Ctrl-←"
        case .controlRight: return "Ctrl-→"
        case .controlHome: return "Ctrl-Home"
        case .controlEnd: return "Ctrl-End"
        case .function(let n): return "F\(n)"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .alt(let key): return "Alt-" + key.label
        case .unnamed(let text): return text
        }
    }

    /// The keys the configuration names in words (`keys:` in `config/banli.yaml`).
    static let names: [String: Key] = [
        "Up": .up, "Down": .down, "Left": .left, "Right": .right, "PgUp": .pageUp, "PgDn": .pageDown,
        "Home": .home, "End": .end, "Ins": .insert, "Insert": .insert, "Del": .delete, "Delete": .delete,
        "Enter": .enter, "Esc": .escape, "Backspace": .backspace, "Tab": .tab, "Shift-Tab": .backTab,
        "Space": .character(" "), "Ctrl-Left": .controlLeft, "Ctrl-Right": .controlRight,
        "Ctrl-Home": .controlHome, "Ctrl-End": .controlEnd,
    ]

    /// Parses a key as the configuration writes it: `j`, `/`, `Ctrl-F`, `Enter`, `PgDn`, `Space`,
    /// `F1`, `Alt-2` (or `M-2`). Nil for anything else.
    public init?(name: String) {
        if let key = Key.names[name] { self = key; return }
        for prefix in ["Alt-", "M-"] where name.hasPrefix(prefix) && name.count > prefix.count {
            guard let key = Key(name: String(name.dropFirst(prefix.count))), !key.isAlt else { return nil }
            self = .alt(key)
            return
        }
        if name.hasPrefix("Ctrl-"), name.count == 6, let letter = name.last, letter.isASCII, letter.isLetter {
            self = .control(Character(letter.lowercased()))
            return
        }
        if name.hasPrefix("F"), let n = Int(name.dropFirst()), (1...12).contains(n), name == "F\(n)" {
            self = .function(n)
            return
        }
        guard name.count == 1, let c = name.first, !c.isWhitespace, TextMetrics.width(of: c) > 0 else { return nil }
        self = .character(c)
    }

    /// Ctrl with H, I, J or M sends the very byte of Backspace, Tab or Enter: a terminal cannot tell
    /// them apart, so a binding must name the key they arrive as.
    public static func sameByte(asName name: String) -> Key? {
        ["Ctrl-H": .backspace, "Ctrl-I": .tab, "Ctrl-J": .enter, "Ctrl-M": .enter][name.prefix(5) + name.dropFirst(5).uppercased()]
    }

    /// How the configuration writes the key; `Key(name:)` reads it back.
    public var name: String? {
        switch self {
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        case .control(let c): return "Ctrl-" + c.uppercased()
        case .function(let n): return "F\(n)"
        case .alt(let key): return key.name.map { "Alt-" + $0 }
        case .unnamed: return nil
        default: return Key.names.filter { $0.value == self }.map(\.key).min { $0.count < $1.count }
        }
    }

    var isAlt: Bool { if case .alt = self { return true } else { return false } }

    /// A key that types a character where text is being written.
    public var isCharacter: Bool { if case .character = self { return true } else { return false } }
}
