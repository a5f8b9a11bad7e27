/// The bottom line: the keys that matter on the screen or layer on top, from the live keymap (a
/// rebound key shows as bound). Whole hints only: a hint cut in half says nothing.
enum HintBar {
    static func draw(_ actions: [Action], context: KeyContext, keymap: Keymap, row: Int, into buffer: inout ScreenBuffer) {
        buffer.fill(y: row, style: .hint)
        buffer.put(line(actions, context: context, keymap: keymap, width: buffer.width), x: 0, y: row, style: .hint)
    }

    /// The ways out and to help: kept when the bar is too narrow for every hint, the others left
    /// out from the end.
    static let essential: Set<Action> = [.back, .help, .quit, .confirm, .cancel, .choose]

    /// The hints that fit in `width` cells, two spaces apart, in the order given.
    static func line(_ actions: [Action], context: KeyContext, keymap: Keymap, width: Int) -> String {
        var seen: Set<String> = []
        var hints: [(text: String, essential: Bool)] = []
        for action in actions where seen.insert(action.hint).inserted {
            guard let key = keymap.keys(for: action, in: context).first else { continue }
            var label = key.label
            // Up and down share one hint when both are arrows.
            if action == .moveDown, key == .down, keymap.keys(for: .moveUp, in: context).first == .up { label = "↑↓" }
            hints.append(("\(label) \(action.hint)", essential.contains(action)))
        }
        func joined(_ hints: [(text: String, essential: Bool)]) -> String { hints.map(\.text).joined(separator: "  ") }
        while TextMetrics.width(of: joined(hints)) > width {
            guard let last = hints.lastIndex(where: { !$0.essential }) ?? hints.indices.last else { break }
            hints.remove(at: last)
        }
        return joined(hints)
    }
}
