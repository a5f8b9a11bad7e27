/// The keys of a screen and what they do, generated from the live keymap.
enum HelpScreen {
    static func lines(context: Keymap.Context, keymap: Keymap) -> [String] {
        var lines = ["按键帮助（\(context.name)）", ""]
        for action in Action.allCases {
            let keys = keymap.keys(for: action, in: context)
            guard !keys.isEmpty else { continue }
            lines.append(TextMetrics.fit(keys.map(\.label).joined(separator: " "), to: 24) + action.help)
        }
        if context == .form { lines += [""] + editorKeys.map { TextMetrics.fit($0.keys, to: 24) + $0.help } }
        lines += ["", "按 Esc 或 q 返回"]
        return lines
    }

    /// The editor's own keys, fixed in every text field.
    static let editorKeys: [(keys: String, help: String)] = [
        ("← → ↑ ↓", "按字、按行移动"),
        ("Ctrl-← Ctrl-→", "按词语或标点分隔的短语移动"),
        ("Home End", "到本行开头、结尾"),
        ("PgUp PgDn", "翻页"),
        ("Backspace Del", "删除前、后一个字"),
        ("Enter", "正文中另起一段；单行项中到下一项"),
        ("Ctrl-Z Ctrl-Y", "撤销、重做"),
    ]

    static func draw(context: Keymap.Context, keymap: Keymap, offset: Int, rows: Range<Int>, into buffer: inout ScreenBuffer) {
        for (line, y) in zip(lines(context: context, keymap: keymap).dropFirst(offset), rows) {
            buffer.put(line, x: 1, y: y, style: y == rows.lowerBound && offset == 0 ? .header : .normal)
        }
    }
}

/// The bottom line: the keys that matter on this screen, from the keymap.
enum HintBar {
    static func draw(context: Keymap.Context, keymap: Keymap, row: Int, into buffer: inout ScreenBuffer) {
        let actions: [Action]
        switch context {
        case .list: actions = [.open, .reply, .outcome, .status, .search, .help, .quit]
        case .detail: actions = [.back, .reply, .outcome, .status, .pageDown, .help]
        case .form: actions = [.save, .nextField, .preview, .help, .back]
        case .preview, .help: actions = [.back, .moveDown, .pageDown, .help]
        }
        var seen: Set<String> = []
        var parts: [String] = []
        for action in actions where seen.insert(action.hint).inserted {
            guard let key = keymap.keys(for: action, in: context).first else { continue }
            let keys = action == .moveDown ? "↑↓" : action == .nextField ? "Tab" : key.label
            parts.append("\(keys) \(action.hint)")
        }
        buffer.fill(y: row, style: .hint)
        // Whole hints only: a hint cut in half says nothing.
        var line = ""
        for part in parts {
            let next = line.isEmpty ? part : line + "  " + part
            guard TextMetrics.width(of: next) <= buffer.width else { break }
            line = next
        }
        buffer.put(line, x: 0, y: row, style: .hint)
    }
}
