/// `docs/keys.md`: every context, the order keys are looked up in, and every action with its keys
/// as the configuration writes them — generated from the action table and a keymap, so the manual
/// cannot drift from the program (a test fails when the file is stale and says how to regenerate it).
public enum KeysDocument {
    /// The command that writes the file again from `config/banli.yaml`.
    public static let regenerate = "BANLI_REGENERATE=1 LANG=C.UTF-8 swift test --filter KeysDocumentTests"

    public static func markdown(_ keymap: Keymap) -> String {
        var out = [
            "# banli 的按键 · Keys",
            "",
            "<!-- 由 config/banli.yaml 的 keys: 生成，请勿手改。Generated from config/banli.yaml; do not edit. -->",
            "<!-- 重新生成 · regenerate: \(regenerate) -->",
            "",
            "每个界面先查自己的按键，再按顺序查共用的按键（“查找顺序”）。在自己的配置文件中写出某个操作，",
            "就替换它的全部按键，例如 `keys: {list: {quit: [q, Ctrl-Q]}}`；规则见 `config/banli.yaml` 的注释。",
            "Alt 组合键默认只在答复表单中使用（部分的层级、接排、新增下一级，也都在 Ctrl-T 的菜单中），别处不做任何事。",
            "想知道终端送来的是哪个键，运行 `banli keys`。",
            "",
            "Each screen looks a key up in its own context first, then in the shared ones it lists. Naming an",
            "action in your configuration replaces all its keys. Alt chords do nothing unless you bind them,",
            "except in the reply form (a section's level, run-in, sub-section; also in its Ctrl-T menu);",
            "`banli keys` shows what your terminal sends.",
        ]
        for context in KeyContext.allCases {
            out += ["", "## \(context.name) · `\(context.rawValue)`", ""]
            if context.chain.count > 1 { out += ["查找顺序 · lookup: " + context.chain.map { "`\($0.rawValue)`" }.joined(separator: " → "), ""] }
            if context == .global {
                out += ["这里的按键在所有界面都有效，包括输入文字的界面，所以不能绑定字符键。 · These keys work on every screen, "
                        + "text fields included, so character keys cannot be bound here.", ""]
            } else if context.refusesCharacters {
                out += ["这里的字符键用于输入文字，不能绑定。 · Character keys type text here and cannot be bound.", ""]
            }
            out += ["| 按键 · keys | 操作 · action | 说明 |", "|---|---|---|"]
            for action in context.actions {
                let keys = keymap.ownBindings(of: context).filter { $0.action == action }.compactMap(\.key.name)
                let shown = keys.isEmpty ? "（未绑定）" : keys.map { "`\($0)`" }.joined(separator: " ")
                out.append("| \(escaped(shown)) | `\(action.rawValue)` | \(escaped(action.help(in: context))) |")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    private static func escaped(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
}
