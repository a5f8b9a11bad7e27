/// How far a text taller than the screen moves for a navigation action: a line, a page, or to either
/// end — what the pager, the history's diff and the conflict screen share.
enum Scrolling {
    /// The first line shown after `action` from `offset`, with `page` rows on screen over `count`
    /// lines, kept within the text; nil for any other action.
    static func offset(after action: Action, from offset: Int, page: Int, count: Int) -> Int? {
        let page = max(1, page), moved: Int
        switch action {
        case .moveDown: moved = offset + 1
        case .moveUp: moved = offset - 1
        case .pageDown: moved = offset + page
        case .pageUp: moved = offset - page
        case .first: moved = 0
        case .last: moved = count
        default: return nil
        }
        return max(0, min(moved, count - page))
    }
}
