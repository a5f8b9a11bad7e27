import Model

/// The main loop: draw, wait for input, map keys to actions, apply them, and carry out the effects
/// that touch files or the terminal (opening cases, saving replies, autosaving drafts, running an
/// external editor).
public final class AppRunner {
    let terminal: Terminal
    let keymap: Keymap
    let workspace: Workspace
    public internal(set) var state: AppState
    /// The reply last written to the recovery file, and when: autosave writes only what changed.
    var autosaved: (value: Case, at: ContinuousClock.Instant)?
    /// While a form has unsaved changes the loop wakes up this often to autosave.
    static let idleMilliseconds = 1000

    /// Loads every case's text for search. Search is prepared with it on another thread once the
    /// first frame is drawn, so opening a large store never waits for it.
    private let loadText: (@Sendable () -> Result<TextIndex, StoreError>)?
    /// Until the text search is prepared, once, after the first frame: later saves revise it in
    /// place rather than reading the text of every case again.
    private var searchIsPrepared = false
    private var preparedSearch: BackgroundLoad<Result<CaseSearch, StoreError>>?

    /// Without `loadText`, search looks only at the fields the list holds.
    public init(terminal: Terminal, state: AppState, keymap: Keymap, workspace: Workspace,
                loadText: (@Sendable () -> Result<TextIndex, StoreError>)? = nil) {
        self.terminal = terminal
        self.state = state
        self.keymap = keymap
        self.workspace = workspace
        self.loadText = loadText
    }

    /// Runs until the user quits or the terminal has no more input.
    public func run() {
        while true {
            draw()
            if !searchIsPrepared, let load = loadText {
                searchIsPrepared = true
                let cases = state.all
                preparedSearch = BackgroundLoad { load().map { CaseSearch(cases, text: $0) } }
            }
            // A search still going through the cases goes on as soon as no key is waiting.
            let waiting = state.prompt?.isSearching == true ? 0 : state.form?.isModified == true ? AppRunner.idleMilliseconds : -1
            guard let event = terminal.nextEvent(timeoutMilliseconds: waiting) else { return }
            if handle(event) == .quit { return }
            autosave(force: event == .idle)
        }
    }

    private func handle(_ event: InputEvent) -> App.Effect {
        switch event {
        case .idle:
            if state.prompt?.isSearching == true { state.continuePromptSearch() }
            return .none
        case .resize, .ending: return .none
        case .paste(let text):
            if state.prompt != nil {
                App.paste(prompt: text, in: &state)
            } else if state.question != nil {
                state.question?.editor.paste(String(text.prefix { $0 != "\n" }))
            } else if state.context == .form && state.menu == nil {
                App.paste(text, in: &state)
            }
            return .none
        case .key(let key):
            if state.prompt != nil {
                App.edit(prompt: key, in: &state)
                return .none
            }
            if state.question != nil { return perform(App.answer(question: key, in: &state, width: terminal.width)) }
            if state.menu != nil { return perform(App.choose(menu: key, in: &state)) }
            guard let action = keymap.action(for: key, in: state.context) else {
                if state.context == .form {
                    App.edit(form: key, in: &state, width: terminal.width, height: Screen.bodyHeight(height: terminal.height))
                } else {
                    state.message = "\(key.label) 未绑定任何操作；按 ? 查看帮助"
                }
                return .none
            }
            if action == .search && !attachSearch() { return .none }
            return perform(App.apply(action, to: &state, page: Screen.bodyHeight(height: terminal.height) - 1))
        }
    }

    private func perform(_ effect: App.Effect) -> App.Effect {
        switch effect {
        case .none, .quit: break
        case .openCase(let id):
            do {
                state.detail = AppState.PagerState(id: id, text: try report(of: id))
            } catch {
                state.message = "\(error)"
            }
        case .openReply(let id): openReply(id)
        case .save(let leave): save(leave: leave)
        case .closeForm(let discardDraft):
            if discardDraft, let id = state.form?.id { workspace.store.discardRecovery(for: id, user: workspace.user) }
            closeForm()
        case .discardDraft:
            if let id = state.form?.id { workspace.store.discardRecovery(for: id, user: workspace.user) }
            state.message = "已丢弃草稿"
        case .externalEdit: editExternally()
        case .handle(let request): carryOut(request)
        case .showDue: showDue()
        case .showStatistics: showStatistics()
        case .resolveConflict(.merge): mergeOntoTheirs()
        case .resolveConflict(.copyAndReload): copyMineAndLoadTheirs()
        }
        return effect
    }

    func report(of id: CaseID) throws -> String {
        CaseReport(try workspace.store.load(id).value, configuration: state.configuration, today: state.today).text
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
