import Model

/// Everything the screens draw from. Changed only by `App.apply`.
public struct AppState: Sendable {
    public struct ListState: Sendable {
        public var selected = 0
        public var offset = 0
    }

    /// A text scrolled like a pager: a case in full, or a reply laid out as its document.
    public struct PagerState: Sendable {
        public var id: CaseID
        /// The text, sanitised once.
        public let text: String
        public var offset = 0
        /// `text` wrapped for the current width, kept until the width changes: every frame draws
        /// from it, and a keystroke must not re-wrap a long case.
        public private(set) var lines: [Substring] = []
        private var wrappedWidth = -1

        public init(id: CaseID, text: String) {
            self.id = id
            self.text = TextMetrics.sanitized(text, keepNewlines: true)
        }

        mutating func wrap(to width: Int) {
            guard width != wrappedWidth else { return }
            lines = TextMetrics.wrap(text, width: max(1, width - 1))
            wrappedWidth = width
        }
    }

    public var storeName: String
    /// Every case in the store, and the ones the list shows (filtered and sorted).
    public private(set) var all: [CaseSummary]
    public private(set) var summaries: [CaseSummary] { didSet { haystacks = summaries.map(AppState.haystack) } }
    public private(set) var filter: CaseFilter = .all
    public private(set) var order: CaseOrder = .number
    /// A menu or question shown over the screen.
    public var menu: Menu?
    /// Each case's searchable fields as UTF-8, built once: searching 10,000 cases per keystroke
    /// must stay well inside a frame.
    private var haystacks: [[UInt8]] = []
    public var configuration: Configuration
    public var today: LocalDate
    public var list = ListState()
    public var detail: PagerState?
    /// The reply being drafted, and its rows for the current width (`Screen.clamp` keeps them).
    public var form: ReplyForm?
    var formLayout: ReplyFormLayout?
    /// A draft found in the recovery file when the form opened, until the user restores or discards it.
    public var recovered: RecoveredDraft?
    /// The form's reply laid out as the document.
    public var preview: PagerState?
    public var helpOffset: Int?
    /// The search being typed at the prompt, and where the selection was when it began.
    public var prompt: (query: String, origin: Int)?
    /// The last search, for n and N.
    public var lastQuery = ""
    public var message: String

    public init(storeName: String, listing: StoreListing, configuration: Configuration, today: LocalDate) {
        self.storeName = storeName
        self.all = listing.summaries
        self.summaries = listing.summaries
        haystacks = summaries.map(AppState.haystack)
        self.configuration = configuration
        self.today = today
        message = listing.problems.isEmpty ? "" : "有 \(listing.problems.count) 个案件文件无法读取：\(listing.problems[0])"
    }

    /// Shows the cases that pass `filter` in `order`, keeping the selected case selected if it is
    /// still shown.
    public mutating func show(filter: CaseFilter, order: CaseOrder) {
        let current = summaries.isEmpty ? nil : summaries[list.selected].id
        self.filter = filter
        self.order = order
        let states = configuration.workflow.states.map(\.name)
        summaries = all.filter { filter.accepts($0, in: self) }.sorted { order.precedes($0, $1, states: states) }
        list.selected = current.flatMap { id in summaries.firstIndex { $0.id == id } } ?? 0
        message = "\(filter.label)，\(order.label)：\(summaries.count)件"
    }

    public var context: Keymap.Context { helpOffset != nil ? .help : screen }

    /// The screen under any help: what Esc from help returns to.
    public var screen: Keymap.Context {
        preview != nil ? .preview : form != nil ? .form : detail != nil ? .detail : .list
    }

    /// Puts a case's new header fields into the list after a save, keeping the selection.
    public mutating func update(_ summary: CaseSummary) {
        guard let i = all.firstIndex(where: { $0.id == summary.id }) else { return }
        all[i] = summary
        let message = self.message
        show(filter: filter, order: order)
        self.message = message
    }

    /// What a search looks in: the ID (and so the number), title, topic and every proposer.
    static func haystack(_ s: CaseSummary) -> [UInt8] {
        Array(([s.id.description, s.title, s.topic, s.leadProposer] + s.jointSigners).joined(separator: "\u{1F}").utf8)
    }

    /// Whether the case at `index` contains `query` (as UTF-8 bytes, so no normalisation per test).
    func matches(_ index: Int, _ query: [UInt8]) -> Bool {
        let hay = haystacks[index]
        guard let first = query.first, hay.count >= query.count else { return false }
        var i = 0
        while i <= hay.count - query.count {
            if hay[i] == first && hay[i..<(i + query.count)].elementsEqual(query) { return true }
            i += 1
        }
        return false
    }

    /// The first matching case from `start` (inclusive) in `direction`, wrapping around.
    public func match(_ query: String, from start: Int, forward: Bool) -> Int? {
        let count = summaries.count
        let needle = Array(query.utf8)
        guard count > 0, !needle.isEmpty else { return nil }
        for step in 0..<count {
            let i = ((forward ? start + step : start - step) % count + count) % count
            if matches(i, needle) { return i }
        }
        return nil
    }

    public func deadline(of summary: CaseSummary) -> DeadlineStatus {
        DeadlineStatus(summary, today: today, workflow: configuration.workflow, warnDays: configuration.deadlines.warnDays)
    }
}
