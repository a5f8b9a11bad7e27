/// A short list of choices beside the row it is about: filters, outcomes, states, phrases, the
/// section commands, what to do with unsaved changes. ↑/↓ move, Enter chooses, an item's number
/// chooses it at once, Esc closes it doing nothing. The chosen item's value goes back to the screen
/// that opened the menu; what cannot be taken back is confirmed there before it is done.
public struct MenuLayer: Screen {
    public struct Item: Sendable {
        public var label: String
        public var value: any Sendable

        public init(_ label: String, _ value: any Sendable) {
            self.label = label
            self.value = value
        }
    }

    public var keyContext: KeyContext { .menu }
    public var isLayer: Bool { true }
    public var title: String
    public var items: [Item]
    public private(set) var selected: Int
    /// What the opener is told when the menu is closed without a choice.
    let purpose: any Sendable

    public init(title: String, items: [Item], selected: Int = 0, purpose: any Sendable = "menu") {
        self.title = title
        self.items = items
        self.selected = max(0, min(selected, items.count - 1))
        self.purpose = purpose
    }

    public mutating func update(_ action: Action, _ u: inout Update) {
        var selection = Selection(selected: selected)
        if selection.move(action, count: items.count, page: u.size.bodyHeight - 2) {
            selected = selection.selected
            return
        }
        switch action {
        case .choose: choose(selected, &u)
        case .cancel: u.close(answering: .cancelled(purpose))
        default:
            if let n = action.chooseNumber {
                if n <= items.count { choose(n - 1, &u) } else { u.say("菜单只有\(items.count)项") }
            }
        }
    }

    public func helpNotes(_ keymap: Keymap) -> [String] {
        ["菜单项前的数字键直接选定该项；会丢失文字、重新办理案件或同时办理几件案件的选项，选定后还要再确认一次。"]
    }

    private func choose(_ index: Int, _ u: inout Update) {
        guard items.indices.contains(index) else { return }
        u.close(answering: .chosen(items[index].value))
    }

    public func render(into buffer: inout ScreenBuffer, _ context: RenderContext) {
        // Each item shows the key that picks it, while there is one.
        let labels = items.indices.map { i in
            let key = Action.chooseNumbered.indices.contains(i) ? context.keymap.keys(for: Action.chooseNumbered[i], in: keyContext).first : nil
            return (key.map { $0.label + " " } ?? "  ") + items[i].label
        }
        Popup(title: title, items: labels, selected: selected).draw(anchor: context.anchor, rows: context.size.body, into: &buffer)
    }

    public func hints(_ context: RenderContext) -> [Action] { [.choose, .cancel, .moveDown] }
}
