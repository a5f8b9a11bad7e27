import Model

/// Key bindings per screen, built from the configuration's `keys:` section (the shipped defaults are
/// read by the same code as the user's file) and checked as a whole.
public struct Keymap: Sendable {
    public enum Context: String, CaseIterable, Sendable {
        case list, detail, help, form, preview

        /// How the help screen names the screen.
        public var name: String {
            switch self {
            case .list: return "案件列表"
            case .detail: return "案件详情"
            case .help: return "帮助"
            case .form: return "答复表单"
            case .preview: return "答复预览"
            }
        }
    }

    public private(set) var bindings: [Context: [(key: Key, action: Action)]] = [:]

    /// Fails, naming the file and line, on an unknown screen, action or key name, on a key bound to
    /// two actions on one screen, on a character key in the form (characters are text there), and on
    /// a list with no way to quit or a form with no way out.
    public init(_ specs: [KeyBinding]) throws(DataFileError) {
        var lastSpec: [Context: KeyBinding] = [:]
        for spec in specs {
            func fail(_ reason: DataFileError.Reason) -> DataFileError {
                DataFileError(path: spec.path, line: spec.line, reason: reason)
            }
            guard let context = Context(rawValue: spec.context) else {
                throw fail(.unknownValue(field: "keys", value: spec.context, allowed: Context.allCases.map(\.rawValue)))
            }
            guard let action = Action(rawValue: spec.action) else {
                throw fail(.unknownValue(field: "keys.\(spec.context)", value: spec.action, allowed: Action.allCases.map(\.rawValue)))
            }
            for name in spec.keys {
                guard let key = Key(name: name) else {
                    throw fail(.invalidValue(field: "keys.\(spec.context).\(spec.action)", value: name, why: "无法识别的按键名"))
                }
                if context == .form, case .character = key {
                    throw fail(.invalidValue(field: "keys.form.\(spec.action)", value: name, why: "表单中的字符键用于输入文字，请用 Ctrl 组合键或功能键"))
                }
                if let other = bindings[context]?.first(where: { $0.key == key }), other.action != action {
                    throw fail(.invalidValue(field: "keys.\(spec.context).\(spec.action)", value: name,
                                             why: "已绑定到“\(other.action.rawValue)”"))
                }
                bindings[context, default: []].append((key, action))
            }
            if (context == .list && action == .quit) || (context == .form && action == .back) { lastSpec[context] = spec }
        }
        for (context, action, why) in [(Context.list, Action.quit, "案件列表必须有退出的按键"), (.form, .back, "答复表单必须有离开的按键")]
            where keys(for: action, in: context).isEmpty {
            let spec = lastSpec[context] ?? specs.last
            throw DataFileError(path: spec?.path ?? "keys", line: spec?.line,
                                reason: .invalidValue(field: "keys.\(context.rawValue).\(action.rawValue)", value: "[]", why: why))
        }
    }

    public func action(for key: Key, in context: Context) -> Action? {
        bindings[context]?.first { $0.key == key }?.action
    }

    /// The keys bound to `action` in `context`, in the order declared.
    public func keys(for action: Action, in context: Context) -> [Key] {
        (bindings[context] ?? []).filter { $0.action == action }.map(\.key)
    }
}
