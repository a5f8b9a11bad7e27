import Model

/// Key bindings per context, built from the configuration's `keys:` section (the shipped defaults
/// are read by the same code as the user's file) and checked as a whole. A screen looks a key up
/// along its context's `chain`: its own bindings first, then the shared ones.
public struct Keymap: Sendable {
    public private(set) var bindings: [KeyContext: [(key: Key, action: Action)]] = [:]

    /// Fails, naming the file and line, on an unknown context, action or key name; an action the
    /// context does not offer; a key bound to two actions in one context; a character key where
    /// characters are typed as text; and a screen left with no way out or on (`KeyContext.required`).
    public init(_ specs: [KeyBinding]) throws(DataFileError) {
        var lastSpec: [KeyContext: KeyBinding] = [:]
        for spec in specs {
            func fail(_ reason: DataFileError.Reason) -> DataFileError {
                DataFileError(path: spec.path, line: spec.line, reason: reason)
            }
            let field = "keys.\(spec.context).\(spec.action)"
            guard let context = KeyContext(rawValue: spec.context) else {
                throw fail(.unknownValue(field: "keys", value: spec.context, allowed: KeyContext.allCases.map(\.rawValue)))
            }
            guard let action = Action(rawValue: spec.action), context.actions.contains(action) else {
                throw fail(.unknownValue(field: "keys.\(spec.context)", value: spec.action, allowed: context.actions.map(\.rawValue)))
            }
            bindings[context, default: []].removeAll { $0.action == action }
            for name in spec.keys {
                if let same = Key.sameByte(asName: name) {
                    throw fail(.invalidValue(field: field, value: name, why: "终端送来的 \(name) 就是 \(same.name ?? same.label)，两者无法区分，请写 \(same.name ?? same.label)"))
                }
                guard let key = Key(name: name) else { throw fail(.invalidValue(field: field, value: name, why: "无法识别的按键名")) }
                if context.refusesCharacters && key.isCharacter {
                    throw fail(.invalidValue(field: field, value: name,
                                             why: "“\(context.name)”中的字符键用于输入文字，请用 Ctrl 组合键或功能键"))
                }
                if let other = bindings[context]?.first(where: { $0.key == key }), other.action != action {
                    throw fail(.invalidValue(field: field, value: name, why: "已绑定到“\(other.action.rawValue)”"))
                }
                if !(bindings[context]?.contains { $0.key == key } ?? false) { bindings[context, default: []].append((key, action)) }
            }
            lastSpec[context] = spec
        }
        for context in KeyContext.allCases {
            for (action, why) in context.required where keys(for: action, in: context).isEmpty {
                let spec = context.chain.lazy.compactMap { lastSpec[$0] }.first ?? specs.last
                throw DataFileError(path: spec?.path ?? "keys", line: spec?.line,
                                    reason: .invalidValue(field: "keys.\(context.rawValue).\(action.rawValue)", value: "[]", why: why))
            }
        }
    }

    /// The action `key` does on a screen of `context`: the first binding along its chain.
    public func action(for key: Key, in context: KeyContext) -> Action? {
        for c in context.chain {
            if let action = bindings[c]?.first(where: { $0.key == key })?.action { return action }
        }
        return nil
    }

    /// The keys that do `action` on a screen of `context`, in the order declared: bound along the
    /// chain and not taken by an earlier context (Ctrl-Z undoes in the form though `global` suspends).
    public func keys(for action: Action, in context: KeyContext) -> [Key] {
        context.chain.flatMap { c in
            (bindings[c] ?? []).filter { $0.action == action && self.action(for: $0.key, in: context) == action }.map(\.key)
        }
    }

    /// The keys bound in `context` itself (not its chain), in the order declared.
    public func ownBindings(of context: KeyContext) -> [(key: Key, action: Action)] { bindings[context] ?? [] }

    /// How a message names the key for `action` on a screen of `context`: its first key
    /// (`按 Ctrl-S 保存`); `（save 未绑定）` when the user left it unbound.
    public func label(_ action: Action, in context: KeyContext) -> String {
        keys(for: action, in: context).first?.label ?? "（\(action.rawValue) 未绑定）"
    }
}
