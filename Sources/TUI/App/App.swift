import Model

/// The update step: applies an action to the state and says what the loop must do next.
public enum App {
    public enum Effect: Equatable, Sendable {
        case none, quit
        case openCase(CaseID)
    }

    /// `page` is how many rows the current screen's body shows.
    public static func apply(_ action: Action, to state: inout AppState, page: Int) -> Effect {
        let page = max(1, page)
        switch state.context {
        case .help:
            if action == .back || action == .help || action == .quit { state.helpOffset = nil; return .none }
            state.helpOffset = scrolled(state.helpOffset ?? 0, action, page: page)
        case .detail:
            if action == .back || action == .quit { state.detail = nil; return .none }
            if action == .help { state.helpOffset = 0; return .none }
            let offset = state.detail?.offset ?? 0
            state.detail?.offset = scrolled(offset, action, page: page)
        case .list:
            let count = state.summaries.count
            var selected = state.list.selected
            switch action {
            case .quit: return .quit
            case .help: state.helpOffset = 0
            case .open: return count > 0 ? .openCase(state.summaries[selected].id) : .none
            case .moveDown: selected += 1
            case .moveUp: selected -= 1
            case .pageDown: selected += page
            case .pageUp: selected -= page
            case .first: selected = 0
            case .last: selected = count - 1
            case .back: break
            case .search:
                state.prompt = AppState.SearchPrompt(origin: selected)
                return .none
            case .filter:
                let choices = CaseFilter.choices(state.configuration)
                state.menu = (choices, choices.firstIndex(of: state.filter) ?? 0)
                return .none
            case .sort:
                let orders = CaseOrder.allCases
                state.show(filter: state.filter, order: orders[(orders.firstIndex(of: state.order)! + 1) % orders.count])
                return .none
            case .nextMatch, .previousMatch:
                let forward = action == .nextMatch
                if state.lastQuery.isEmpty { state.message = "还没有搜索过；按 / 搜索"; return .none }
                if let hit = state.match(state.lastQuery, from: selected + (forward ? 1 : -1), forward: forward) {
                    state.list.selected = hit.position
                    state.message = "搜索：\(state.lastQuery)\(hit.field.note)"
                } else {
                    state.message = "没有找到“\(state.lastQuery)”"
                }
                return .none
            }
            state.list.selected = max(0, min(count - 1, selected))
            state.message = ""
        }
        return .none
    }

    /// Keys while the filter menu is open: move, choose with Enter, cancel with Esc or q.
    public static func choose(menu key: Key, in state: inout AppState) {
        guard var menu = state.menu else { return }
        switch key {
        case .down, .character("j"): menu.selected = min(menu.choices.count - 1, menu.selected + 1)
        case .up, .character("k"): menu.selected = max(0, menu.selected - 1)
        case .home, .character("g"): menu.selected = 0
        case .end, .character("G"): menu.selected = menu.choices.count - 1
        case .enter:
            state.menu = nil
            state.show(filter: menu.choices[menu.selected], order: state.order)
            return
        case .escape, .character("q"), .character("f"):
            state.menu = nil
            return
        default: break
        }
        state.menu = menu
    }

    /// Typing at the search prompt: the selection follows the first match as the query grows
    /// (incremental search); Enter keeps it, Esc returns to where the search began.
    public static func edit(prompt key: Key, in state: inout AppState) {
        guard var prompt = state.prompt else { return }
        switch key {
        case .escape:
            state.list.selected = prompt.origin
            state.prompt = nil
            state.message = ""
            return
        case .enter:
            state.prompt = nil
            state.lastQuery = prompt.query
            if let hit = prompt.hit {
                state.message = "搜索：\(prompt.query)\(hit.field.note)"
            } else {
                state.message = prompt.query.isEmpty ? "" : "没有找到“\(prompt.query)”"
            }
            return
        case .backspace:
            if prompt.query.isEmpty { state.prompt = nil; return }
            prompt.query.removeLast()
        case .character(let c):
            prompt.query.append(c)
        default:
            return
        }
        prompt.hit = state.match(prompt.query, from: prompt.origin, forward: true)
        state.prompt = prompt
        state.list.selected = prompt.hit?.position ?? prompt.origin
    }

    /// Scrolling in a pager: screens clamp the offset to their content when they draw.
    private static func scrolled(_ offset: Int, _ action: Action, page: Int) -> Int {
        switch action {
        case .moveDown: return offset + 1
        case .moveUp: return max(0, offset - 1)
        case .pageDown: return offset + page
        case .pageUp: return max(0, offset - page)
        case .first: return 0
        case .last: return Int.max / 2
        default: return offset
        }
    }
}
