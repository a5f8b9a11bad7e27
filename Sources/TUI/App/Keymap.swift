/// Key bindings per screen. The defaults follow less, tig and mutt.
public struct Keymap: Sendable {
    public enum Context: String, CaseIterable, Sendable { case list, detail, help }

    public var bindings: [Context: [(key: Key, action: Action)]]

    public static let standard: Keymap = {
        let movement: [(Key, Action)] = [
            (.down, .moveDown), (.character("j"), .moveDown), (.up, .moveUp), (.character("k"), .moveUp),
            (.pageDown, .pageDown), (.control("f"), .pageDown), (.character(" "), .pageDown),
            (.pageUp, .pageUp), (.control("b"), .pageUp), (.home, .first), (.character("g"), .first),
            (.end, .last), (.character("G"), .last), (.character("?"), .help),
        ]
        return Keymap(bindings: [
            .list: movement + [(.enter, .open), (.character("/"), .search), (.character("n"), .nextMatch),
                               (.character("N"), .previousMatch), (.character("f"), .filter), (.character("s"), .sort),
                               (.character("q"), .quit), (.escape, .quit)],
            .detail: movement + [(.escape, .back), (.character("q"), .back)],
            .help: movement + [(.escape, .back), (.character("q"), .back), (.character("?"), .back)],
        ].mapValues { $0.map { (key: $0.0, action: $0.1) } })
    }()

    public func action(for key: Key, in context: Context) -> Action? {
        bindings[context]?.last { $0.key == key }?.action
    }

    /// The keys bound to `action` in `context`, in the order declared.
    public func keys(for action: Action, in context: Context) -> [Key] {
        (bindings[context] ?? []).filter { $0.action == action }.map(\.key)
    }
}
