import Model

/// The main loop: draw, wait for input, map keys to actions, apply them, carry out the effects.
public final class AppRunner {
    let terminal: Terminal
    let keymap: Keymap
    /// Reads a case in full and returns the text the detail screen shows.
    let loadCase: (CaseID) throws -> String
    public private(set) var state: AppState

    public init(terminal: Terminal, state: AppState, keymap: Keymap, loadCase: @escaping (CaseID) throws -> String) {
        self.terminal = terminal
        self.state = state
        self.keymap = keymap
        self.loadCase = loadCase
    }

    /// Runs until the user quits or the terminal has no more input.
    public func run() {
        while true {
            draw()
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

    func draw() {
        Screen.clamp(&state, keymap: keymap, width: terminal.width, height: terminal.height)
        let frame = Screen.render(state, keymap: keymap, width: terminal.width, height: terminal.height)
        terminal.present(frame, cursor: Screen.cursor(state, width: terminal.width, height: terminal.height))
    }
}
