/// The keys of the screen below and what they do, generated from the live keymap along that
/// screen's chain of contexts (its own keys, then the shared ones), with notes about the screen.
public struct HelpScreen: PagedScreen {
    public var keyContext: KeyContext { .help }
    /// The context whose keys are shown.
    public let subject: KeyContext
    let notes: [String]
    var pager = Pager("")
    private var built = false

    public init(for subject: KeyContext, notes: [String]) {
        self.subject = subject
        self.notes = notes
    }

    /// The help text for `subject` with these bindings.
    static func text(for subject: KeyContext, notes: [String], keymap: Keymap) -> String {
        // The title bar names the screen; the text begins with what is said about it.
        var lines: [String] = notes
        for context in subject.chain {
            let entries = context.actions.compactMap { action -> String? in
                // A key an earlier context takes for something else does not do this here.
                let own = keymap.ownBindings(of: context).filter { $0.action == action && keymap.action(for: $0.key, in: subject) == action }.map(\.key)
                guard !own.isEmpty else { return nil }
                return "  " + TextMetrics.fit(own.map(\.label).joined(separator: " "), to: 18) + "  " + action.help(in: context)
            }
            guard !entries.isEmpty else { continue }
            if !lines.isEmpty { lines.append("") }
            lines += ["【\(context == subject ? "本界面" : context.name)】"] + entries
        }
        return lines.joined(separator: "\n")
    }

    public mutating func arrange(_ context: RenderContext) {
        if !built {
            pager = Pager(HelpScreen.text(for: subject, notes: notes, keymap: context.keymap))
            built = true
        }
        pager.arrange(width: context.size.width, rows: context.size.bodyHeight)
    }

    public func title(_ context: RenderContext) -> TitleBar? { TitleBar("帮助：\(subject.name)") }

    public func hints(_ context: RenderContext) -> [Action] { [.back, .moveDown, .pageDown] }
}
