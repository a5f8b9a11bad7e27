import Foundation
import Model

/// The update loop's one entry point: an event goes in, the screen on top of the stack changes its
/// state, and what the runner must do comes out as requests. Effect results come back in through
/// `deliver` to the screen that asked. No file or terminal is touched here, and the time comes from
/// the environment's clock (fixed in tests), so every decision can be tested by feeding events and
/// results and reading the requests.
public struct App: Sendable {
    /// An effect, with the screen to give its result to.
    public struct Request: Sendable {
        public let screen: Int
        public let effect: Effect
    }

    public internal(set) var state: AppState {
        didSet { arranged = nil }
    }
    public internal(set) var environment: AppEnvironment {
        didSet { arranged = nil }
    }
    /// The size the visible screens were last fitted to, nil once anything has changed since: the
    /// frame drawn after an event needs no second layout (a long reply's costs as much as the key).
    private var arranged: Size?

    public init(state: AppState, environment: AppEnvironment) {
        self.state = state
        self.environment = environment
        let problems = state.cases.problems
        if let first = problems.first {
            // What to do first, then the first file: a narrow line still says where to look.
            let key = environment.keymap.label(.problems, in: .list)
            self.state.say("\(problems.count)个文件无法读取，按 \(key) 查看：\(environment.place(of: first))：\(first.message)",
                           at: environment.clock.now())
        }
        // Said last, so that it stays on the status line: it concerns every save.
        if let reason = environment.readOnlyMessage { self.state.say(reason, at: environment.clock.now()) }
    }

    /// Applies an input event. Keys and pastes go to the top screen (none while the window is too
    /// small to show what they do); every screen then gets a tick; the visible ones are arranged.
    public mutating func handle(_ event: InputEvent, size: Size, now: ContinuousClock.Instant = .now) -> [Request] {
        var requests: [Request] = []
        let top = state.stack.count - 1
        switch event {
        case .key(let key) where !size.isTooSmall:
            state.message = ""
            requests += run(at: top, size, now) { screen, u in
                let context = screen.keyContext
                if context.typesText && key.isCharacter {
                    if !screen.type(key, &u) { u.say(App.unbound(key, in: context, u.keymap)) }
                } else if let action = u.keymap.action(for: key, in: context) {
                    if App.handleEverywhere(action, on: screen, &u) { return }
                    if HandlingFlow.handles(action), let handler = screen as? any HandlesCases {
                        let targets = handler.handlingTargets(u.cases)
                        HandlingFlow.start(action, targets: targets.ids, marked: targets.marked, &u)
                    } else {
                        screen.update(action, &u)
                    }
                } else if !screen.type(key, &u) {
                    u.say(App.unbound(key, in: context, u.keymap))
                }
            }
        case .paste(let text) where !size.isTooSmall:
            state.message = ""
            requests += run(at: top, size, now) { screen, u in
                if !screen.paste(IncomingText(pasted: text).text, &u) { u.say("这里不能粘贴文字") }
            }
        case .ending:
            for i in state.stack.indices.reversed() {
                requests += run(at: i, size, now) { screen, u in screen.end(&u) }
            }
            requests.append(Request(screen: state.stack[0].id, effect: .quit))
            return requests
        default: break
        }
        requests += tick(idle: event == .idle, size: size, now: now)
        arrange(size)
        return requests
    }

    /// Gives `result` to the screen that asked for it (if it is still open). A result that saved
    /// or created cases updates every case's summary and tells every screen.
    public mutating func deliver(_ result: EffectResult, to id: Int, size: Size, now: ContinuousClock.Instant = .now) -> [Request] {
        var requests: [Request] = []
        if let i = state.stack.firstIndex(where: { $0.id == id }) {
            requests += run(at: i, size, now) { screen, u in
                switch result {
                case .loadedForHandling, .handled, .lastChangeLoaded, .caseDeleted:
                    guard let report = HandlingFlow.receive(result, &u), var handler = screen as? any HandlesCases else { return }
                    handler.handled(report)
                    screen = handler
                default: screen.receive(result, &u)
                }
            }
        }
        for saved in result.savedCases {
            state.cases.replace(with: saved.value)
            requests += broadcast(.caseSaved(saved), size: size, now: now)
        }
        requests += storeChanged(read: result.readCases, removed: [], size: size, now: now)
        for created in result.createdCases {
            state.cases.add(created.value)
            requests += broadcast(.caseAdded(created), size: size, now: now)
        }
        if case .caseDeleted(let id, _) = result {
            state.cases.remove(id)
            requests += broadcast(.caseRemoved(id), size: size, now: now)
        }
        arrange(size)
        return requests
    }

    /// Cases as the store holds them now, changed behind the app — by the command line or a colleague
    /// — and found when a case was read again (to show, handle or edit it) or when the runner saw the
    /// store's directory change: a case whose summary differs takes its place and every screen is
    /// told (`Change.caseChanged`); a case the app did not know (restored, created elsewhere) is added;
    /// `removed` cases are gone from the store.
    public mutating func storeChanged(read: [StoredCase], removed: [CaseID], size: Size, now: ContinuousClock.Instant = .now) -> [Request] {
        var requests: [Request] = []
        for stored in read {
            if let known = state.cases.summary(of: stored.value.id) {
                guard known != stored.value.summary else { continue }
                state.cases.replace(with: stored.value)
                requests += broadcast(.caseChanged(stored), size: size, now: now)
            } else {
                state.cases.add(stored.value)
                requests += broadcast(.caseAdded(stored), size: size, now: now)
            }
        }
        for id in removed where state.cases.summary(of: id) != nil {
            state.cases.remove(id)
            requests += broadcast(.caseRemoved(id), size: size, now: now)
        }
        arrange(size)
        return requests
    }

    /// The date has moved on while the app was open.
    public mutating func changeDay(to day: LocalDate, size: Size, now: ContinuousClock.Instant = .now) -> [Request] {
        state.cases.changeDay(to: day)
        let requests = broadcast(.dayChanged, size: size, now: now)
        arrange(size)
        return requests
    }

    /// The search with every case's text is being prepared on another thread: a search asked for
    /// meanwhile waits for it.
    public mutating func searchIsBeingPrepared() { state.cases.isSearchLoading = true }

    /// The search prepared with every case's text is ready (or loading the text failed: search
    /// then looks at what the list holds, and the user is told).
    public mutating func attach(_ prepared: Result<CaseSearch, StoreError>) {
        state.cases.isSearchLoading = false
        switch prepared {
        case .success(let search): state.cases.attach(search)
        case .failure(let error):
            state.say("无法载入正文（\(error)），再按 \(environment.keymap.label(.search, in: .list)) 只搜索编号、标题、主题和提出人",
                      at: environment.clock.now())
        }
    }

    /// A sync was started in the background (`Effect.sync`).
    public mutating func syncStarted() { environment.isSyncing = true }

    /// The sync in the background ended: its one line goes to the status line and the log. The
    /// cases it brought are read as any change to the store's directory is (`storeChanged`).
    public mutating func syncFinished(_ result: Result<SyncResult, SyncError>) {
        environment.isSyncing = false
        switch result {
        case .success(let done): state.say(done.line, at: environment.clock.now())
        case .failure(let error): state.say("同步未完成：\(error)", at: environment.clock.now())
        }
    }

    /// The sync in the background reached `step`: the status line says so, and once the remote's
    /// changes are known the title bar counts them (`↓N`) while they are merged.
    public mutating func syncProgressed(_ step: StoreSync.Step) {
        let line: String
        switch step {
        case .committing: line = "正在同步：提交本机的修改……"
        case .fetching: line = "正在同步：从远程仓库取回……"
        case .merging(let receiving):
            line = "正在同步：合并收到的 \(receiving) 件案件……"
            environment.syncStatus = SyncStatus(toSend: environment.syncStatus?.toSend ?? 0, toReceive: receiving)
        case .pushing: line = "正在同步：推送……"
        }
        state.message = line
    }

    /// The store's state against its remote, for the title bar.
    public mutating func syncStatusRead(_ status: SyncStatus) { environment.syncStatus = status }

    /// Fits the visible screens to `size`; done after every event, and before a frame is drawn.
    public mutating func arrange(_ size: Size) {
        guard !size.isTooSmall, arranged != size else { return }
        for i in state.base..<state.stack.count {
            let context = renderContext(size, below: i)
            state.stack[i].screen.arrange(context)
        }
        arranged = size
    }

    /// The frame for the state at `size`, and where the hardware cursor goes.
    public func render(_ size: Size) -> (buffer: ScreenBuffer, cursor: (x: Int, y: Int)?) {
        Frame.render(self, size: size)
    }

    /// Whether some screen holds work that is not saved (a reply with changes).
    public var hasUnsavedWork: Bool { state.stack.contains { $0.screen.hasUnsavedWork } }

    /// What screen `index` draws with; a layer sits beside the row the screen below marks.
    func renderContext(_ size: Size, below index: Int) -> RenderContext {
        var context = RenderContext(environment: environment, cases: state.cases, size: size, messages: state.log)
        if index > 0 { context.anchor = state.stack[index - 1].screen.anchor(context) }
        return context
    }

    private mutating func broadcast(_ change: Change, size: Size, now: ContinuousClock.Instant) -> [Request] {
        var requests: [Request] = []
        for i in state.stack.indices { requests += run(at: i, size, now) { screen, u in screen.observe(change, &u) } }
        return requests
    }

    private mutating func tick(idle: Bool, size: Size, now: ContinuousClock.Instant) -> [Request] {
        var requests: [Request] = []
        var i = 0
        while i < state.stack.count {
            requests += run(at: i, size, now) { screen, u in screen.tick(idle: idle, &u) }
            i += 1
        }
        return requests
    }

    /// Runs `body` on screen `index` with an update, then carries out what it asked: messages, new
    /// cases, closing, screens opened (each told it appeared), a layer's answer to the screen below.
    private mutating func run(at index: Int, _ size: Size, _ now: ContinuousClock.Instant,
                              _ body: (inout any Screen, inout Update) -> Void) -> [Request] {
        guard state.stack.indices.contains(index) else { return [] }
        let id = state.stack[index].id
        // Moved out, not copied: a screen or the cases changed while another reference to their
        // storage exists would copy it whole (100,000 summaries, a long reply) on every key.
        var screen = state.stack[index].screen
        state.stack[index].screen = Placeholder()
        var u = Update(environment: environment, cases: state.cases.movedOut(), size: size, now: now, settings: state.settings)
        swap(&u.cases, &state.cases)
        body(&screen, &u)
        state.stack[index].screen = screen
        swap(&u.cases, &state.cases)
        state.settings = u.settings
        for message in u.messages { state.say(message, at: environment.clock.now()) }
        var requests = u.effects.map { Request(screen: id, effect: $0) }
        if u.closing { state.stack.removeSubrange(index...) }
        for opened in u.opened {
            state.stack.append(AppState.Entry(id: state.nextID, screen: opened))
            state.nextID += 1
            requests += run(at: state.stack.count - 1, size, now) { screen, u in screen.appear(&u) }
        }
        if let answer = u.answer, index > 0 {
            requests += run(at: index - 1, size, now) { screen, u in
                if !HandlingFlow.resume(answer, &u) { screen.resume(answer, &u) }
            }
        }
        return requests
    }

    /// The actions every screen has, carried out the same way on each: help for the screen on top
    /// (the help key closes help again), the message log, and stopping banli as Ctrl-Z does.
    static func handleEverywhere(_ action: Action, on screen: any Screen, _ u: inout Update) -> Bool {
        switch action {
        case .help:
            if screen is HelpScreen { u.close() } else { u.open(HelpScreen(for: screen.keyContext, notes: screen.helpNotes(u.keymap))) }
        case .messages: if !(screen is MessagesScreen) { u.open(MessagesScreen()) }
        case .suspend: u.run(.suspend)
        case .sync:
            if !u.environment.sharedStore {
                u.say(SyncError.notARepository(path: u.environment.storeDirectory).description)
            } else if u.environment.isSyncing {
                u.say("正在同步，请稍候")
            } else {
                u.say("正在同步……（在后台进行，可继续工作；未保存的答复草稿不会提交）")
                u.run(.sync)
            }
        default: return false
        }
        return true
    }

    /// The message for a key nothing binds here.
    static func unbound(_ key: Key, in context: KeyContext, _ keymap: Keymap) -> String {
        "\(key.label) 在这里不做任何事；按 \(keymap.label(.help, in: context)) 查看本界面的按键"
    }
}

/// Holds a screen's place in the stack while the screen itself is out being updated.
private struct Placeholder: Screen {
    var keyContext: KeyContext { .global }
    mutating func update(_ action: Action, _ u: inout Update) {}
    func render(into buffer: inout ScreenBuffer, _ context: RenderContext) {}
    func hints(_ context: RenderContext) -> [Action] { [] }
}

extension EffectResult {
    /// The cases this result created: every screen must know them.
    var createdCases: [StoredCase] {
        switch self {
        case .caseCreated(let created): return [created]
        case .assignmentsImported(let creation): return creation.created
        default: return []
        }
    }

    /// The cases this result read from the store as they are now (not saved by this session).
    var readCases: [StoredCase] {
        switch self {
        case .caseLoaded(let stored), .caseOpened(let stored, _), .lastChangeLoaded(let stored, _): return [stored]
        case .replyOpened(let opening): return [opening.stored]
        case .loadedForHandling(_, let stored): return stored
        default: return []
        }
    }

    /// The cases this result saved: the other screens must show them.
    var savedCases: [StoredCase] {
        switch self {
        case .replySaved(let saved), .caseSaved(let saved): return [saved]
        case .handled(let report): return report.saved
        default: return []
        }
    }
}
