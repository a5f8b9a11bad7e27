import Model

/// What one update step may read and what it asks for. A screen's `update` gets one: it reads the
/// keymap, configuration, day, size and every case's summary; it changes the cases' summaries only
/// through `cases`; and it asks for everything else — effects for the runner, screens to open, its
/// own closing, a message — by recording it here. Nothing here touches a file or the terminal.
public struct Update: Sendable {
    public let environment: AppEnvironment
    /// Every case in the store, shared by the screens.
    public var cases: CaseCollection
    /// The terminal's size now: screens work out their page and field widths from it.
    public let size: Size
    /// The monotonic time of the event (autosave intervals).
    public let now: ContinuousClock.Instant
    /// What the user chose this session for screens opened later: a screen reads it when it opens
    /// and changes it when the user changes its own choice.
    public var settings: SessionSettings

    /// What the step asked for, in order.
    public private(set) var effects: [Effect] = []
    public private(set) var opened: [any Screen] = []
    public private(set) var closing = false
    /// For a layer closing itself: what it tells the screen that opened it.
    public private(set) var answer: LayerAnswer?
    public private(set) var messages: [String] = []

    init(environment: AppEnvironment, cases: CaseCollection, size: Size, now: ContinuousClock.Instant, settings: SessionSettings) {
        self.settings = settings
        self.environment = environment
        self.cases = cases
        self.size = size
        self.now = now
    }

    public var keymap: Keymap { environment.keymap }
    public var configuration: Configuration { cases.configuration }
    public var today: LocalDate { cases.today }

    /// Asks the runner to carry out `effect`; its result comes back to this screen's `receive`.
    public mutating func run(_ effect: Effect) { effects.append(effect) }

    /// Opens `screen` on top of this one.
    public mutating func open(_ screen: any Screen) { opened.append(screen) }

    /// Closes this screen (screens opened in the same step go on top of the one below).
    public mutating func close() { closing = true }

    /// Closes this layer and gives `answer` to the screen below it, which opened it.
    public mutating func close(answering answer: LayerAnswer) {
        closing = true
        self.answer = answer
    }

    /// Gives `answer` to the screen below this layer and stays open (the search prompt moving the
    /// list's selection as the query grows).
    public mutating func answer(_ answer: LayerAnswer) { self.answer = answer }

    /// Shows `text` on the status line until the next key; every message also goes to the log.
    public mutating func say(_ text: String) { messages.append(text) }

    /// How a message names the key for `action` on a screen of `context`.
    public func key(_ action: Action, in context: KeyContext) -> String { keymap.label(action, in: context) }
}

/// What stays the same for a whole session: the keymap, who is working, the clock, the store's name.
public struct AppEnvironment: Sendable {
    public var keymap: Keymap
    public var user: String
    public var clock: Clock
    public var storeName: String
    /// The store's directory: paths inside it are shown relative to it.
    public var storeDirectory: String
    /// How often, at most, an edited draft is written to its recovery file while typing goes on.
    public var autosaveInterval: Duration
    /// How long one keystroke's share of a search may take: the rest is done while the user pauses.
    public var searchSlice = Duration.milliseconds(8)
    /// Why the store, which the terminal UI opens for writing, was opened read-only instead: a place
    /// in `.banli` that is a link or not what it should be (`StoreError.oddOwnPlace`); nil when it
    /// may be written. Said on the status line and in the message log at start
    /// (`readOnlyMessage`), and marked in the title bar; every save then reports the read-only store.
    public var readOnlyCause: StoreError?
    /// Whether the store is a git repository that `S` syncs (`StoreSync`); the title bar then shows
    /// `syncStatus`.
    public var sharedStore = false
    /// The store against its remote as last worked out, off the UI thread; nil until then.
    public var syncStatus: SyncStatus?
    /// Whether a sync runs in the background now (a second `S` waits for it).
    public var isSyncing = false

    /// What the status line says about `readOnlyCause`: `.banli/recovery 是符号链接：案件库以只读方式打开，不能保存…`.
    var readOnlyMessage: String? {
        guard let place = readOnlyCause?.oddOwnPlace else { return nil }
        return "\(shown(place.path)) 是\(place.kind.name)：案件库以只读方式打开，不能保存（banli check 说明如何修复）"
    }

    public init(keymap: Keymap, user: String, clock: Clock, storeName: String, storeDirectory: String,
                autosaveInterval: Duration = .seconds(3)) {
        self.keymap = keymap
        self.user = user
        self.clock = clock
        self.storeName = storeName
        self.storeDirectory = storeDirectory
        self.autosaveInterval = autosaveInterval
    }

    /// A path as messages show it: inside the store, relative to it (`.banli/conflicts/…`), and inert,
    /// so that a file name holding a line break or an escape sequence keeps a message on its line.
    public func shown(_ path: String) -> String {
        let store = storeDirectory + "/"
        return UntrustedText.inert(path.hasPrefix(store) ? String(path.dropFirst(store.count)) : path)
    }

    /// Where a file that could not be read went wrong: `zx6-5-500.yaml:2`.
    public func place(of problem: DataFileError) -> String {
        problem.line.map { "\(shown(problem.path)):\($0)" } ?? shown(problem.path)
    }
}

/// A terminal size in cells, and the rows the frame gives each part: the title bar on the first row,
/// the body, the status line and the hint bar on the last two.
public struct Size: Equatable, Sendable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    public static let minimum = Size(width: 20, height: 6)

    /// Too small to draw anything but a note saying so; keys do nothing meanwhile.
    public var isTooSmall: Bool { width < Size.minimum.width || height < Size.minimum.height }
    public var body: Range<Int> { 1..<max(1, height - 2) }
    public var bodyHeight: Int { max(1, height - 3) }
    public var statusRow: Int { height - 2 }
    public var hintRow: Int { height - 1 }
}

/// What a layer (menu, question, confirmation, prompt) tells the screen that opened it when it
/// closes. Values are the ones the opener gave the layer, so it knows what they mean.
public enum LayerAnswer: Sendable {
    /// A menu item was chosen: its value.
    case chosen(any Sendable)
    /// A question was answered: the text, and the question's purpose.
    case answered(String, any Sendable)
    /// A confirmation was accepted: its purpose.
    case confirmed(any Sendable)
    /// The layer was cancelled: its purpose.
    case cancelled(any Sendable)
}
