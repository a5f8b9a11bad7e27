/// One selected row in a list of rows and the first row on screen: the state a table or a menu keeps
/// between frames (Ratatui's `ListState`).
struct Selection: Sendable, Equatable {
    var selected = 0
    var offset = 0

    /// Moves for a navigation action over `count` rows with `page` rows on screen; false for any other action.
    mutating func move(_ action: Action, count: Int, page: Int) -> Bool {
        switch action {
        case .moveDown: selected += 1
        case .moveUp: selected -= 1
        case .pageDown: selected += max(1, page)
        case .pageUp: selected -= max(1, page)
        case .first: selected = 0
        case .last: selected = count - 1
        default: return false
        }
        selected = max(0, min(count - 1, selected))
        return true
    }

    /// Keeps the selection within `count` rows and within the `rows` rows on screen.
    mutating func arrange(count: Int, rows: Int) {
        let visible = max(1, rows)
        selected = max(0, min(count - 1, selected))
        if selected < offset { offset = selected }
        if selected >= offset + visible { offset = selected - visible + 1 }
        offset = max(0, min(offset, count - visible))
    }
}
