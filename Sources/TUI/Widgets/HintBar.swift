/// The bottom line: the keys that matter on the screen or layer on top, from the live keymap (a
/// rebound key shows as bound). Whole hints only: a hint cut in half says nothing.
enum HintBar {
    static func draw(_ actions: [Action], context: KeyContext, keymap: Keymap, row: Int, into buffer: inout ScreenBuffer) {
        buffer.fill(y: row, style: .hint)
        buffer.put(line(actions, context: context, keymap: keymap, width: buffer.width), x: 0, y: row, style: .hint)
    }

    /// The hints that fit in `width` cells, two spaces apart.
    static func line(_ actions: [Action], context: KeyContext, keymap: Keymap, width: Int) -> String {
        var seen: Set<String> = []
        var line = ""
        for action in actions where seen.insert(action.hint).inserted {
            guard let key = keymap.keys(for: action, in: context).first else { continue }
            var label = key.label
            // Up and down share one hint when both are arrows.
            if action == .moveDown, key == .down, keymap.keys(for: .moveUp, in: context).first == .up { label = "↑↓" }
            let next = line.isEmpty ? "\(label) \(action.hint)" : "\(line)  \(label) \(action.hint)"
            guard TextMetrics.width(of: next) <= width else { break }
            line = next
        }
        return line
    }
}
