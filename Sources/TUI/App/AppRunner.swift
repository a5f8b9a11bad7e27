import Model

/// The main loop: draw, wait for input, map keys to actions, apply them, carry out the effects.
public final class AppRunner {
    let terminal: Terminal
    let keymap: Keymap
    /// Reads a case in full and returns the text the detail screen shows.
    let loadCase: (CaseID) throws -> String
    public private(set) var state: AppState
    /// Loads every case's text for search. Search is prepared with it on another thread once the
    /// first frame is drawn, so opening a large store never waits for it.
    private var loadText: (@Sendable () -> Result<TextIndex, StoreError>)?
    private var preparedSearch: BackgroundLoad<Result<CaseSearch, StoreError>>?

    /// Without `loadText`, search looks only at the fields the list holds.
    public init(terminal: Terminal, state: AppState, keymap: Keymap, loadCase: @escaping (CaseID) throws -> String,
                loadText: (@Sendable () -> Result<TextIndex, StoreError>)? = nil) {
        self.terminal = terminal
        self.state = state
        self.keymap = keymap
        self.loadCase = loadCase
        self.loadText = loadText
    }

    /// Runs until the user quits or the terminal has no more input.
    public func run() {
        while true {
            draw()
            if let load = loadText {
                loadText = nil
                let cases = state.all
                preparedSearch = BackgroundLoad { load().map { CaseSearch(cases, text: $0) } }
            }
            guard let event = terminal.nextEvent(timeoutMilliseconds: -1) else { return }
            guard case .key(let key) = event else {
                if case .paste(let text) = event, state.prompt != nil {
                    for c in text where c != "\n" { App.edit(prompt: .character(c), in: &state) }
                }
                continue
            }
            if state.prompt != nil {
                App.edit(prompt: key, in: &state)
                continue
            }
            if state.menu != nil {
                App.choose(menu: key, in: &state)
                continue
            }
            guard let action = keymap.action(for: key, in: state.context) else {
                state.message = "\(key.label) 未绑定任何操作；按 ? 查看帮助"
                continue
            }
            if action == .search && !attachSearch() { continue }
            switch App.apply(action, to: &state, page: Screen.bodyHeight(height: terminal.height) - 1) {
            case .none: break
            case .quit: return
            case .openCase(let id):
                do {
                    state.detail = AppState.DetailState(id: id, text: try loadCase(id))
                } catch {
                    state.message = "\(error)"
                }
            }
        }
    }

    /// Gives the state the search prepared with the text before the first search, waiting (and saying
    /// so) when it is not ready yet. False when loading the text failed: the user is told, and the
    /// next search goes on without the text.
    private func attachSearch() -> Bool {
        guard let prepared = preparedSearch else { return true }
        if !prepared.isFinished {
            state.message = "正在载入案件正文以供搜索……"
            draw()
        }
        preparedSearch = nil
        switch prepared.value {
        case .success(let search):
            state.attach(search)
            return true
        case .failure(let error):
            state.message = "无法载入正文（\(error)），再按 / 只搜索编号、标题、主题和提案人"
            return false
        }
    }

    func draw() {
        Screen.clamp(&state, keymap: keymap, width: terminal.width, height: terminal.height)
        let frame = Screen.render(state, keymap: keymap, width: terminal.width, height: terminal.height)
        terminal.present(frame, cursor: Screen.cursor(state, width: terminal.width, height: terminal.height))
    }
}
