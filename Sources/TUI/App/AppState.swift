import Model

/// Everything the screens draw from. Changed only by `App.apply`.
public struct AppState: Sendable {
    public struct ListState: Sendable {
        public var selected = 0
        public var offset = 0
    }

    /// A text scrolled like a pager: a case in full, or a reply laid out as its document.
    public struct PagerState: Sendable {
        /// The case shown, if the text is about one case.
        public var id: CaseID?
        /// The text, sanitised once.
        public let text: String
        public var offset = 0
        /// `text` wrapped for the current width, kept until the width changes: every frame draws
        /// from it, and a keystroke must not re-wrap a long case.
        public private(set) var lines: [Substring] = []
        private var wrappedWidth = -1

        public init(id: CaseID?, text: String) {
            self.id = id
            self.text = TextMetrics.sanitized(text, keepNewlines: true)
        }

        mutating func wrap(to width: Int) {
            guard width != wrappedWidth else { return }
            lines = TextMetrics.wrap(text, width: max(1, width - 1))
            wrappedWidth = width
        }
    }

    /// The search being typed at the prompt.
    public struct SearchPrompt: Sendable {
        public var query = ""
        /// Where the selection was when the search began; Esc returns there.
        public let origin: Int
        /// The match the selection follows, nil while nothing matches.
        public var hit: SearchHit?
        /// The search for `query` has not yet looked at every case; `hit` is still the shorter query's.
        public var isSearching = false

        /// Said after the query: why the selected case matched when its row does not show it, that
        /// nothing did, or that the search is still going.
        public var note: String {
            if query.isEmpty { return "" }
            if isSearching { return "（搜索中……）" }
            return hit.map(\.field.note) ?? "（没有找到）"
        }
    }

    public var storeName: String
    /// Every case in the store, and the ones the list shows (filtered and sorted).
    public private(set) var all: [CaseSummary]
    public var summaries: ShownCases { ShownCases(all: all, shown: shown) }
    /// Where each shown case is in `all`.
    private var shown: [Int]
    public private(set) var filter: CaseFilter = .all
    public private(set) var order: CaseOrder = .number
    /// A menu or question shown over the screen.
    public var menu: Menu?
    /// The search over every case: given by `AppRunner`, which builds it with their text on another
    /// thread after the first frame, or else built without the text on first use.
    private var search: CaseSearch?
    /// The cases saved in this session, by index in `all`: a search prepared before a save is told
    /// of it when attached.
    private var savedCases: [Int: Case] = [:]
    public var configuration: Configuration { didSet { counts = CaseCounts(all, in: self) } }
    public var today: LocalDate { didSet { counts = CaseCounts(all, in: self) } }
    /// The title bar's counts over every case, kept up to date with `all`: counting a large store on
    /// every frame took most of the time of a keystroke.
    public private(set) var counts = CaseCounts()
    public var list = ListState()
    public var detail: PagerState?
    /// The reply being drafted, and its rows for the current width (`Screen.clamp` keeps them).
    public var form: ReplyForm?
    var formLayout: ReplyFormLayout?
    /// Cases marked in the list: outcome and status keys act on all of them.
    public var marked: Set<CaseID> = []
    /// A question asked on the status line (a reason, a comment, a name).
    public var question: Question?
    /// A draft found in the recovery file when the form opened, until the user restores or discards it.
    public var recovered: RecoveredDraft?
    /// The form's reply laid out as the document.
    public var preview: PagerState?
    public var helpOffset: Int?
    public var prompt: SearchPrompt?
    /// The last search, for n and N.
    public var lastQuery = ""
    public var message: String

    public init(storeName: String, listing: StoreListing, configuration: Configuration, today: LocalDate) {
        self.storeName = storeName
        self.all = listing.summaries
        shown = Array(listing.summaries.indices)
        self.configuration = configuration
        self.today = today
        message = listing.problems.isEmpty ? "" : "有 \(listing.problems.count) 个案件文件无法读取：\(listing.problems[0])"
        counts = CaseCounts(all, in: self)
    }

    /// Shows the cases that pass `filter` in `order`, keeping the selected case selected if it is
    /// still shown.
    public mutating func show(filter: CaseFilter, order: CaseOrder) {
        let current = summaries.isEmpty ? nil : summaries[list.selected].id
        self.filter = filter
        self.order = order
        let states = configuration.workflow.states.map(\.name)
        shown = all.indices.filter { filter.accepts(all[$0], in: self) }.sorted { order.precedes(all[$0], all[$1], states: states) }
        list.selected = current.flatMap { id in summaries.firstIndex { $0.id == id } } ?? 0
        message = "\(filter.label)，\(order.label)：\(summaries.count)件"
    }

    public var context: Keymap.Context { helpOffset != nil ? .help : screen }

    /// The screen under any help: what Esc from help returns to.
    public var screen: Keymap.Context {
        preview != nil ? .preview : form != nil ? .form : detail != nil ? .detail : .list
    }

    /// The cases a handling key acts on: the open case in the form or detail screen, else the marked
    /// cases, else the selected one.
    public var handlingTargets: [CaseID] {
        if let form { return [form.id] }
        if let id = detail?.id { return [id] }
        if !marked.isEmpty { return marked.sorted() }
        return summaries.isEmpty ? [] : [summaries[list.selected].id]
    }

    public func summary(of id: CaseID) -> CaseSummary? { position(of: id).map { all[$0] } }

    /// Where case `id` is in `all`, which is in ID order.
    private func position(of id: CaseID) -> Int? {
        var low = 0, high = all.count
        while low < high {
            let mid = (low + high) / 2
            if all[mid].id < id { low = mid + 1 } else { high = mid }
        }
        return low < all.count && all[low].id == id ? low : nil
    }

    /// Puts a saved case into the list and the search, keeping the selection. The list is filtered
    /// and sorted again only when the case's place in it may have changed.
    public mutating func update(_ saved: Case) {
        let summary = saved.summary
        guard let i = position(of: summary.id) else { return }
        let old = all[i]
        all[i] = summary
        counts.add(old, in: self, -1)
        counts.add(summary, in: self, 1)
        savedCases[i] = saved
        search?.revise(saved, at: i)
        let states = configuration.workflow.states.map(\.name)
        let wasShown = filter.accepts(old, in: self), isShown = filter.accepts(summary, in: self)
        if !wasShown && !isShown { return }
        if wasShown && isShown && !order.precedes(old, summary, states: states) && !order.precedes(summary, old, states: states) {
            return
        }
        let message = self.message
        show(filter: filter, order: order)
        self.message = message
    }

    /// Makes `search`, built for `all` as it was when it began, the one used from now on, with the
    /// cases saved since.
    public mutating func attach(_ search: CaseSearch) {
        var search = search
        for (index, saved) in savedCases { search.revise(saved, at: index) }
        self.search = search
    }

    /// The first case from `start` (inclusive) in `direction` that contains `query` in its number,
    /// title, topic, proposers or, once loaded, its text; wrapping around the list.
    public mutating func match(_ query: String, from start: Int, forward: Bool) -> SearchHit? {
        firstHit(query, from: start, forward: forward, until: nil).hit
    }

    /// How long one keystroke's share of a search may take: the rest is done while the user pauses.
    var searchSlice = Duration.milliseconds(8)

    /// Goes on with the search typed at the prompt for one slice, moving the selection to its first
    /// hit from where the search began once it has looked at every case.
    public mutating func continuePromptSearch() {
        guard var prompt else { return }
        let found = firstHit(prompt.query, from: prompt.origin, forward: true, until: .now + searchSlice)
        prompt.isSearching = !found.isComplete
        if found.isComplete {
            prompt.hit = found.hit
            list.selected = found.hit?.position ?? prompt.origin
        }
        self.prompt = prompt
    }

    private mutating func firstHit(_ query: String, from start: Int, forward: Bool,
                                   until deadline: ContinuousClock.Instant?) -> (isComplete: Bool, hit: SearchHit?) {
        guard !summaries.isEmpty else { return (true, nil) }
        if search == nil { attach(CaseSearch(all, text: nil)) }
        let hits = search!.hits(for: query, until: deadline)
        guard hits.isComplete else { return (false, nil) }
        guard let position = hits.next(from: start, forward: forward, in: shown),
              let field = search!.field(ofCase: shown[position], in: hits) else { return (true, nil) }
        return (true, SearchHit(position: position, field: field))
    }

    public func deadline(of summary: CaseSummary) -> DeadlineStatus {
        DeadlineStatus(summary, today: today, workflow: configuration.workflow, warnDays: configuration.deadlines.warnDays)
    }
}

/// How many cases are open, overdue and due soon, for the title bar.
public struct CaseCounts: Sendable {
    public var open = 0, overdue = 0, dueSoon = 0

    init() {}

    init(_ cases: [CaseSummary], in state: AppState) {
        for c in cases { add(c, in: state, 1) }
    }

    /// Counts a case in (`sign` 1) or out (-1): a save changes one case, and recounting all of a large
    /// store took most of the time of saving.
    mutating func add(_ c: CaseSummary, in state: AppState, _ sign: Int) {
        guard state.configuration.workflow.isOpen(c.status) else { return }
        open += sign
        switch state.deadline(of: c) {
        case .overdue: overdue += sign
        case .dueSoon: dueSoon += sign
        default: break
        }
    }
}

extension SearchField {
    /// Names where a case matched when its row does not show it.
    var note: String {
        switch self {
        case .header: return ""
        case .text: return "（正文）"
        case .reply: return "（答复）"
        }
    }
}

/// The cases the list shows, in its order: `all` seen through the positions `shown`. Not a second
/// array of them, which a save would have had to copy whole (100,000 summaries) on first change.
public struct ShownCases: RandomAccessCollection, Sendable {
    let all: [CaseSummary]
    let shown: [Int]

    public var startIndex: Int { 0 }
    public var endIndex: Int { shown.count }
    public subscript(position: Int) -> CaseSummary { all[shown[position]] }
}
