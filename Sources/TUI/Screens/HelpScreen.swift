/// The keys of a screen and what they do, generated from the live keymap.
enum HelpScreen {
    static func lines(context: Keymap.Context, keymap: Keymap) -> [String] {
        var lines = ["按键帮助（\(context == .list ? "案件列表" : "案件详情")）", ""]
        for action in Action.allCases {
            let keys = keymap.keys(for: action, in: context)
            guard !keys.isEmpty else { continue }
            lines.append(TextMetrics.fit(keys.map(\.label).joined(separator: " "), to: 24) + action.help)
        }
        lines += ["", "按 Esc 或 q 返回"]
        return lines
    }

    static func draw(context: Keymap.Context, keymap: Keymap, offset: Int, rows: Range<Int>, into buffer: inout ScreenBuffer) {
        for (line, y) in zip(lines(context: context, keymap: keymap).dropFirst(offset), rows) {
            buffer.put(line, x: 1, y: y, style: y == rows.lowerBound && offset == 0 ? .header : .normal)
        }
    }
}

/// The bottom line: the keys that matter on this screen, from the keymap.
enum HintBar {
    static func draw(context: Keymap.Context, keymap: Keymap, row: Int, into buffer: inout ScreenBuffer) {
        let actions: [Action] = context == .list ? [.open, .moveDown, .search, .help, .quit] : [.back, .moveDown, .pageDown, .help]
        var seen: Set<String> = []
        var parts: [String] = []
        for action in actions where seen.insert(action.hint).inserted {
            guard let key = keymap.keys(for: action, in: context).first else { continue }
            let keys = action == .moveDown ? "↑↓" : key.label
            parts.append("\(keys) \(action.hint)")
        }
        buffer.fill(y: row, style: .hint)
        buffer.put(parts.joined(separator: "  "), x: 0, y: row, style: .hint)
    }
}
