import Foundation
import Model

/// The main loop: draw, wait for input, hand each event to `App`, and carry out the effects it asks
/// for — reading and writing the store, running the external editor, stopping for Ctrl-Z — handing
/// each result back. The runner decides nothing the user sees: it performs, and reports.
public final class AppRunner {
    let terminal: Terminal
    let workspace: Workspace
    public internal(set) var app: App
    public var state: AppState { app.state }

    /// Loads every case's text for search. Search is prepared with it on another thread once the
    /// first frame is drawn, so opening a large store never waits for it.
    private let loadText: (@Sendable () -> Result<TextIndex, StoreError>)?
    /// How many cases the search was last prepared for: a case added to the store since (an
    /// import) has it prepared again, as the search knows cases by their place.
    private var searchPreparedFor: Int?
    private var preparedSearch: BackgroundLoad<Result<CaseSearch, StoreError>>?
    /// The search's index of character pairs, built on another thread once the search is attached:
    /// search is ready as soon as the characters are indexed, and the pairs only narrow it further.
    private var pairIndexing: BackgroundLoad<Bool>?

    /// While a form has unsaved changes the loop wakes up this often to autosave.
    static let idleMilliseconds = 1000
    /// How often a session with a sync or its state being worked out in the background looks whether it ended.
    static let backgroundCheckMilliseconds = 200
    /// How often an idle session looks whether the store's directory changed (`noticeStoreChanges`).
    static let storeCheckMilliseconds = 2000
    /// The store's directory as last listed.
    private var storeMark: CaseStore.ChangeMark
    /// When the day turns next: deadlines and counts change then. Worked out once a day, not on every
    /// key (a calendar calculation costs as much as drawing a frame of the list).
    private var nextMidnight: Date?
    /// The store's git remote, when the store is a shared one (`S` syncs it).
    let sharing: StoreSync?
    /// The sync running in the background, if one is.
    var syncing: BackgroundLoad<Result<SyncResult, SyncError>>?
    /// The step the sync in the background last reached.
    let syncProgress = SyncProgress()
    /// The title bar's sync state being worked out in the background, if it is.
    var statusReading: BackgroundLoad<SyncStatus?>?
    /// The store's directory when the sync state was last worked out: a save since changes it.
    var statusMark: CaseStore.ChangeMark?

    /// How `run` came back.
    public enum Ending: Sendable {
        /// The user quit, or the session was ended from outside (hang-up, SIGTERM) and has kept its drafts.
        case quit
        /// The terminal has no more input: `end()` keeps the drafts.
        case inputEnded
    }

    /// Changes the session's settings (tests shorten the search slice).
    public func configure(_ change: (inout AppEnvironment) -> Void) {
        change(&app.environment)
    }

    /// `sharing`: the store's remote when the store is a git repository (`S` syncs it, the title
    /// bar shows its state); nil for a store of one machine.
    public init(terminal: Terminal, app: App, workspace: Workspace,
                loadText: (@Sendable () -> Result<TextIndex, StoreError>)? = nil, sharing: StoreSync? = nil) {
        self.terminal = terminal
        self.app = app
        self.workspace = workspace
        self.loadText = loadText
        self.sharing = sharing
        self.app.environment.sharedStore = sharing != nil
        storeMark = workspace.store.changeMark()
    }

    /// The app over `listing` of `workspace`'s store, with the case list on top; `readOnlyCause`
    /// is why a store that should be written was opened read-only (`AppEnvironment`).
    public convenience init(terminal: Terminal, listing: StoreListing, configuration: Configuration, keymap: Keymap,
                            workspace: Workspace, storeName: String, readOnlyCause: StoreError? = nil,
                            loadText: (@Sendable () -> Result<TextIndex, StoreError>)? = nil, sharing: StoreSync? = nil) {
        let cases = CaseCollection(listing, configuration: configuration, today: workspace.clock.today)
        var environment = AppEnvironment(keymap: keymap, user: workspace.user, clock: workspace.clock, storeName: storeName,
                                         storeDirectory: workspace.store.directory, autosaveInterval: workspace.autosaveInterval)
        environment.readOnlyCause = readOnlyCause
        self.init(terminal: terminal, app: App(state: AppState(cases: cases), environment: environment), workspace: workspace,
                  loadText: loadText, sharing: sharing)
    }

    var size: Size { Size(width: terminal.width, height: terminal.height) }

    /// Runs until the user quits or the terminal has no more input.
    @discardableResult
    public func run() -> Ending {
        while true {
            followSync()
            draw()
            prepareSearch()
            guard let event = terminal.nextEvent(timeoutMilliseconds: waitingTime()) else { return .inputEnded }
            if workspace.clock.now() >= midnight {
                nextMidnight = nil
                let today = workspace.clock.today
                if today != app.state.cases.today, carryOut(app.changeDay(to: today, size: size)) { return .quit }
            }
            if noticeStoreChanges() { return .quit }
            if carryOut(app.handle(event, size: size, now: .now)) { return .quit }
        }
    }

    /// The terminal is gone (or input ended): every unsaved draft goes to its recovery file and every
    /// editing mark is removed, as for a hang-up.
    public func end() {
        _ = carryOut(app.handle(.ending(.hangup), size: size, now: .now))
    }

    /// The next midnight in the clock's time zone.
    private var midnight: Date {
        if let nextMidnight { return nextMidnight }
        let next = workspace.clock.now().addingTimeInterval(Double(workspace.clock.millisecondsUntilMidnight()) / 1000)
        nextMidnight = next
        return next
    }

    /// How long to wait for a key: not at all while a screen has work to go on with, a second while
    /// a draft is unsaved (autosave), else a few seconds (to notice the store changing) or until
    /// midnight (the day's deadlines change), whichever is sooner.
    private func waitingTime() -> Int {
        if app.state.stack.contains(where: { $0.screen.isBusy }) { return 0 }
        let untilMidnight = max(1, Int(midnight.timeIntervalSince(workspace.clock.now()) * 1000) + 1)
        let waiting = min(app.hasUnsavedWork ? AppRunner.idleMilliseconds : AppRunner.storeCheckMilliseconds, untilMidnight)
        return syncing != nil || statusReading != nil ? min(waiting, AppRunner.backgroundCheckMilliseconds) : waiting
    }

    /// Before each event (a key, or the idle wake-up every few seconds): when the store's directory
    /// changed — a save, `banli restore`/`unmerge` from the command line, a colleague — the store is
    /// listed again (the index makes that a `stat` per file) and every case that differs from what
    /// the app holds is read and given to it (`App.storeChanged`), as is every case gone. One `stat`
    /// when nothing changed. True once the app asked to quit.
    private func noticeStoreChanges() -> Bool {
        let store = workspace.store, mark = store.changeMark()
        guard mark != storeMark else { return false }
        storeMark = mark
        guard let listing = try? store.list() else { return false }
        let known = app.state.cases
        let read = listing.summaries.filter { known.summary(of: $0.id) != $0 }.compactMap { try? store.load($0.id) }
        let present = Set(listing.summaries.map(\.id))
        return carryOut(app.storeChanged(read: read, removed: known.all.map(\.id).filter { !present.contains($0) }, size: size))
    }

    /// Performs `requests` and every request their results lead to, in order. True once the app
    /// asked to quit (what was asked before the quit is still done).
    private func carryOut(_ requests: [App.Request]) -> Bool {
        var queue = requests[...]
        var quit = false
        while let request = queue.popFirst() {
            if request.effect == .quit { quit = true; continue }
            // The store's own writes change its directory too; they are not changes behind the app, so
            // the mark moves past them, unless something else had already changed it (the next check
            // lists it). A colleague's write landing during this very effect waits for the next change.
            let unchanged = workspace.store.changeMark() == storeMark
            let result = perform(request.effect)
            if unchanged { storeMark = workspace.store.changeMark() }
            queue += app.deliver(result, to: request.screen, size: size, now: .now)
        }
        return quit
    }

    func draw() {
        app.arrange(size)
        let frame = app.render(size)
        terminal.present(frame.buffer, cursor: frame.cursor)
    }

    /// Starts preparing the text search on another thread after the first frame; attaches it as soon
    /// as it is ready.
    private func prepareSearch() {
        let cases = app.state.cases.all
        if searchPreparedFor != cases.count, preparedSearch == nil, let load = loadText {
            searchPreparedFor = cases.count
            preparedSearch = BackgroundLoad { load().map { CaseSearch(cases, text: $0) } }
            app.searchIsBeingPrepared()
        }
        if let prepared = preparedSearch, prepared.isFinished { attachSearch() }
    }

    /// Waits for the search being prepared and gives it to the app; if loading the text failed,
    /// search goes on without it, and the user is told. False when it failed.
    @discardableResult
    func attachSearch() -> Bool {
        guard let prepared = preparedSearch else { return true }
        preparedSearch = nil
        let value = prepared.value
        app.attach(value)
        guard case .success(let search) = value else { return false }
        pairIndexing = BackgroundLoad {
            search.indexPairs()
            return true
        }
        return true
    }

    /// Waits until the search's index of character pairs is built (the benchmark times searches
    /// with it); returns at once when no search is attached.
    public func waitForPairIndex() {
        _ = pairIndexing?.value
    }
}

extension Clock {
    /// Milliseconds from now until the next midnight in the clock's time zone (at least 1).
    func millisecondsUntilMidnight() -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let now = self.now()
        guard let midnight = calendar.nextDate(after: now, matching: DateComponents(hour: 0, minute: 0, second: 0),
                                               matchingPolicy: .nextTime) else { return 60_000 }
        return max(1, Int(midnight.timeIntervalSince(now) * 1000) + 1)
    }
}
