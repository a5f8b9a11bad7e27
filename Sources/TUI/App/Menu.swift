import Model

/// A short list of choices shown over the screen: the filter menu, the standard phrases, the
/// section commands and every question the app asks. Keys: ↑/↓ (j/k) to move, Enter or an item's
/// digit to choose, Esc to cancel.
public struct Menu: Sendable {
    /// What choosing an item does.
    public enum Command: Hashable, Sendable {
        case filter(CaseFilter)
        case insertPhrase(String), setDisclosure(String)
        case addSection, deleteSection, confirmDeleteSection, moveSectionUp, moveSectionDown
        case saveAndLeave, discardAndLeave, keepEditing
        case restoreDraft, discardDraft
        /// Ask a question on the status line; its answer leads on.
        case ask(Question.Purpose)
        case handle(HandlingRequest)
        case resolveConflict(ConflictResolution)
    }

    public struct Item: Sendable {
        public var label: String
        public var command: Command
    }

    public var title: String
    public var items: [Item]
    public var selected = 0

    public init(title: String, items: [Item], selected: Int = 0) {
        self.title = title
        self.items = items
        self.selected = max(0, min(selected, items.count - 1))
    }
}

/// What to do with a reply whose save was refused because someone else saved the case meanwhile.
public enum ConflictResolution: Hashable, Sendable {
    /// Load their version and put my changes onto it (`ReplyMerge`), for me to check and save.
    case merge
    /// Keep my version as a copy in `.banli/conflicts/` and load theirs.
    case copyAndReload
}

/// The menu drawn over the right of the body as a reversed block (no box-drawing glyphs: they are
/// ambiguous-width and misalign in CJK-configured terminals). Items are numbered for direct choice.
enum MenuView {
    static func draw(_ menu: Menu, rows: Range<Int>, into buffer: inout ScreenBuffer) {
        let labels = [menu.title] + menu.items.enumerated().map { i, item in (i < 9 ? "\(i + 1) " : "  ") + item.label }
        let width = min(buffer.width, (labels.map { TextMetrics.width(of: $0) }.max() ?? 0) + 4)
        let x = max(0, buffer.width - width)
        let visible = max(1, rows.count - 1)
        let offset = max(0, menu.selected - visible + 1)
        for (i, y) in rows.enumerated() {
            let index = i == 0 ? nil : Optional(offset + i - 1)
            guard i == 0 || index! < menu.items.count else { break }
            let selected = index == menu.selected
            let style: Style = selected ? .normal : .selection
            buffer.fill(x: x, y: y, count: width, style: style)
            buffer.put((selected ? "> " : "  ") + labels[index.map { $0 + 1 } ?? 0], x: x, y: y, style: i == 0 ? .title : style, limit: width)
        }
    }
}
