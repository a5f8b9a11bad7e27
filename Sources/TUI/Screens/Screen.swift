import Model

/// A screen or a layer over one: the list, a case's detail, the reply form, help, a menu, the search
/// prompt… Each keeps its own state and says what every action does to it (`update`) and how it is
/// drawn (`render`). The app keeps them in a stack: the top one gets the keys, looked up along
/// its `keyContext`'s chain, and a layer (`isLayer`) is drawn over the screens below it.
///
/// A new screen is one new file holding a type that conforms to this, one `KeyContext` case and one
/// block under `keys:` in the configuration. See docs/architecture.md.
public protocol Screen: Sendable {
    /// Where this screen's keys are bound.
    var keyContext: KeyContext { get }
    /// Drawn over the screen below rather than in place of it (menus, prompts, questions…).
    var isLayer: Bool { get }
    /// Unsaved work that quitting or a hang-up must not lose.
    var hasUnsavedWork: Bool { get }
    /// Work goes on while no key waits (a search through a large store): the loop polls rather than
    /// sleeping until the next key.
    var isBusy: Bool { get }

    /// Called once, when the screen is opened: effects that fill it in.
    mutating func appear(_ u: inout Update)
    /// Carries out an action the keymap found for a key.
    mutating func update(_ action: Action, _ u: inout Update)
    /// A key no binding claims (text typed into a field); false if the screen has no use for it.
    mutating func type(_ key: Key, _ u: inout Update) -> Bool
    /// Pasted text (bracketed paste); false if the screen has no use for it.
    mutating func paste(_ text: String, _ u: inout Update) -> Bool
    /// The result of an effect this screen asked for.
    mutating func receive(_ result: EffectResult, _ u: inout Update)
    /// A layer this screen opened has closed with `answer`.
    mutating func resume(_ answer: LayerAnswer, _ u: inout Update)
    /// Something every screen may show has changed: a case was saved, the day turned.
    mutating func observe(_ change: Change, _ u: inout Update)
    /// After every event: time-driven work (autosave; a search going on while no key waits).
    /// `idle` is true when the user has paused.
    mutating func tick(idle: Bool, _ u: inout Update)
    /// The session is ending without the user quitting (hang-up, SIGTERM, end of input): keep
    /// anything unsaved.
    mutating func end(_ u: inout Update)
    /// Fits scroll offsets and layouts to the size before drawing; the only place a screen learns
    /// its geometry.
    mutating func arrange(_ context: RenderContext)

    /// Draws the screen (or layer) into the frame's body rows.
    func render(into buffer: inout ScreenBuffer, _ context: RenderContext)
    /// The title bar; nil for the store's title and counts.
    func title(_ context: RenderContext) -> TitleBar?
    /// The status line when no message is shown; a layer that asks something draws it instead.
    func status(_ context: RenderContext) -> StatusLine?
    /// The actions the hint bar offers, in order.
    func hints(_ context: RenderContext) -> [Action]
    /// What the help screen says about this screen besides its keys.
    func helpNotes(_ keymap: Keymap) -> [String]
    /// Where the hardware cursor goes (the caret, for the IME), or nil to hide it.
    func cursor(_ context: RenderContext) -> (x: Int, y: Int)?
    /// The body row a layer opened from this screen should sit beside (the selected row).
    func anchor(_ context: RenderContext) -> Int?
}

extension Screen {
    public var isLayer: Bool { false }
    public var hasUnsavedWork: Bool { false }
    public var isBusy: Bool { false }
    public mutating func appear(_ u: inout Update) {}
    public mutating func type(_ key: Key, _ u: inout Update) -> Bool { false }
    public mutating func paste(_ text: String, _ u: inout Update) -> Bool { false }
    public mutating func receive(_ result: EffectResult, _ u: inout Update) {}
    public mutating func resume(_ answer: LayerAnswer, _ u: inout Update) {}
    public mutating func observe(_ change: Change, _ u: inout Update) {}
    public mutating func tick(idle: Bool, _ u: inout Update) {}
    public mutating func end(_ u: inout Update) {}
    public mutating func arrange(_ context: RenderContext) {}
    public func title(_ context: RenderContext) -> TitleBar? { nil }
    public func status(_ context: RenderContext) -> StatusLine? { nil }
    public func cursor(_ context: RenderContext) -> (x: Int, y: Int)? { nil }
    public func anchor(_ context: RenderContext) -> Int? { nil }
    public func helpNotes(_ keymap: Keymap) -> [String] { [] }
}

/// A change every screen may need to show.
public enum Change: Sendable {
    /// A case was saved (from the form, a handling step…): its new value.
    case caseSaved(StoredCase)
    /// A case was changed behind the app (the command line, a colleague), found when it was read
    /// again or the store's directory changed: its value now. Shown like a save; a form open on it
    /// is left to find the change when it saves (its conflict says who changed what).
    case caseChanged(StoredCase)
    /// A case new to the store was created (an imported reply): its value.
    case caseAdded(StoredCase)
    /// A case was deleted (its file moved into `.banli/deleted/`).
    case caseRemoved(CaseID)
    /// The date moved on (a session left open past midnight): deadlines and counts change.
    case dayChanged
}

/// What a screen draws with, besides its own state: read-only.
public struct RenderContext: Sendable {
    public let environment: AppEnvironment
    public let cases: CaseCollection
    public let size: Size
    /// The messages shown so far, for the message log.
    public let messages: MessageLog
    /// The row of the screen below, for a layer to sit beside.
    public var anchor: Int?

    public var keymap: Keymap { environment.keymap }
    public var configuration: Configuration { cases.configuration }
    public var today: LocalDate { cases.today }
}

/// The title bar: `left` is cut first when both do not fit.
public struct TitleBar: Equatable, Sendable {
    public var left: String
    public var right: String

    public init(_ left: String, right: String = "") {
        self.left = left
        self.right = right
    }
}

/// A status line drawn by a screen or layer: a label, text after it, a muted note after that.
public struct StatusLine: Equatable, Sendable {
    public var label: String
    public var text: String
    public var note: String

    public init(label: String = "", text: String, note: String = "") {
        self.label = label
        self.text = text
        self.note = note
    }
}
