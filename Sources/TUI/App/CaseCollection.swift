import Model

/// Every case in the store as the screens share it: the summaries in ID order, the title bar's
/// counts kept with them, the search over them, and the files that could not be read. Changed by a
/// saved case (`replace`) or a new day, never by drawing.
public struct CaseCollection: Sendable {
    /// Every case, in ID order.
    public private(set) var all: [CaseSummary]
    /// The case files that could not be read, with path, line and reason.
    public let problems: [DataFileError]
    public let configuration: Configuration
    public private(set) var today: LocalDate
    /// The title bar's counts over every case, kept up to date with `all`: counting a large store on
    /// every frame took most of the time of a keystroke.
    public private(set) var counts = CaseCounts()
    /// The search over every case: attached by the runner, which builds it with their text on another
    /// thread after the first frame, or else built without the text on first use.
    private var search: CaseSearch?
    /// The cases saved in this session, by index in `all`: a search prepared before a save is told
    /// of it when attached.
    private var savedCases: [Int: Case] = [:]

    public init(_ listing: StoreListing, configuration: Configuration, today: LocalDate) {
        all = listing.summaries
        problems = listing.problems
        self.configuration = configuration
        self.today = today
        recount()
    }

    private init(standingInFor other: CaseCollection) {
        all = []
        problems = []
        configuration = other.configuration
        today = other.today
    }

    /// An empty collection with the same configuration and day, holding the place of this one while
    /// an update has it.
    func movedOut() -> CaseCollection { CaseCollection(standingInFor: self) }

    /// The deadline column's status of a case today.
    public func deadline(of summary: CaseSummary) -> DeadlineStatus {
        DeadlineStatus(summary, today: today, workflow: configuration.workflow, warnDays: configuration.deadlines.warnDays)
    }

    public func isOpen(_ summary: CaseSummary) -> Bool { configuration.workflow.isOpen(summary) }

    public func summary(of id: CaseID) -> CaseSummary? { position(of: id).map { all[$0] } }

    /// Where case `id` is in `all`, which is in ID order.
    public func position(of id: CaseID) -> Int? {
        let low = place(of: id)
        return low < all.count && all[low].id == id ? low : nil
    }

    /// Where case `id` is or would go in `all`, which is in ID order: the first place whose ID is not before it.
    private func place(of id: CaseID) -> Int {
        var low = 0, high = all.count
        while low < high {
            let mid = (low + high) / 2
            if all[mid].id < id { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Puts a saved case in place of its old summary, in the counts and in the search. Returns the
    /// old summary (nil for a case not in the store when it was opened).
    @discardableResult
    public mutating func replace(with saved: Case) -> CaseSummary? {
        let summary = saved.summary
        guard let i = position(of: summary.id) else { return nil }
        let old = all[i]
        all[i] = summary
        counts.add(old, deadline(of: old), isOpen: isOpen(old), -1)
        counts.add(summary, deadline(of: summary), isOpen: isOpen(summary), 1)
        savedCases[i] = saved
        search?.revise(saved, at: i)
        return old
    }

    /// Puts a case new to the store in its place in ID order, in the counts. The search, which knows
    /// cases by their place, is made again for the cases as they are now: with their text once the
    /// runner has loaded it again, header fields only if asked for before.
    public mutating func add(_ created: Case) {
        let summary = created.summary
        let i = place(of: summary.id)
        all.insert(summary, at: i)
        counts.add(summary, deadline(of: summary), isOpen: isOpen(summary), 1)
        savedCases = Dictionary(uniqueKeysWithValues: savedCases.map { ($0.key >= i ? $0.key + 1 : $0.key, $0.value) })
        search = nil
    }

    /// Takes a deleted case out, and out of the counts and the search.
    public mutating func remove(_ id: CaseID) {
        guard let i = position(of: id) else { return }
        let summary = all.remove(at: i)
        counts.add(summary, deadline(of: summary), isOpen: isOpen(summary), -1)
        savedCases = Dictionary(uniqueKeysWithValues: savedCases.compactMap { $0.key == i ? nil : ($0.key > i ? $0.key - 1 : $0.key, $0.value) })
        search = nil
    }

    /// Moves to a new day: deadlines and the counts follow.
    public mutating func changeDay(to day: LocalDate) {
        today = day
        recount()
    }

    private mutating func recount() {
        counts = CaseCounts()
        for c in all { counts.add(c, deadline(of: c), isOpen: isOpen(c), 1) }
    }

    /// The widest deadline label of any case, in cells, from the counts (`CaseCounts.widestDeadline`).
    public var widestDeadline: Int { counts.widestDeadline }

    /// The width of the ID column, from the counts (`CaseCounts.widestID`).
    public var widestID: Int { counts.widestID }

    // MARK: Search

    /// The search with every case's text is being prepared on another thread; a search asked for
    /// meanwhile waits for it (`Effect.awaitSearch`) rather than searching without the text.
    public internal(set) var isSearchLoading = false

    /// Makes `search`, built for `all` as it was when it began, the one used from now on, with the
    /// cases saved since.
    public mutating func attach(_ search: CaseSearch) {
        // A search begun before a case was added knows too few cases: the runner begins another.
        guard search.count == all.count else { return }
        var search = search
        for (index, saved) in savedCases { search.revise(saved, at: index) }
        self.search = search
    }

    /// The cases holding `query`, searched until `deadline` (nil: to the end); a search with a
    /// deadline may come back incomplete, to go on from where it stopped on the next call.
    public mutating func hits(for query: String, until deadline: ContinuousClock.Instant?) -> SearchHits {
        if search == nil { attach(CaseSearch(all, text: nil)) }
        return search!.hits(for: query, until: deadline)
    }

    /// Where case `index` (in `all`) matched `hits`.
    public func field(ofCase index: Int, in hits: SearchHits) -> SearchField? {
        search?.field(ofCase: index, in: hits)
    }
}

/// How many cases are open, overdue and due soon, for the title bar, the most days of each kind of
/// deadline, for the width of the list's deadline column, and the longest case ID, for its ID column.
public struct CaseCounts: Equatable, Sendable {
    public var open = 0, overdue = 0, dueSoon = 0
    /// Cases holding a recorded merge conflict （冲突）, open or not, for a shared store's title bar.
    public var conflicted = 0
    /// The most days overdue, left while due soon and left while on track of any case counted in;
    /// -1 while none is. A case counted out leaves them: the column only widens in a session.
    private var mostOverdue = -1, mostDueSoon = -1, mostOnTrack = -1
    /// The longest ID of any case counted in, in characters (ASCII: as many cells); like the most
    /// days, it only grows in a session.
    private var longestID = 0

    /// Counts a case in (`sign` 1) or out (-1): a save changes one case, and recounting all of a large
    /// store took most of the time of saving.
    mutating func add(_ c: CaseSummary, _ deadline: DeadlineStatus, isOpen: Bool, _ sign: Int) {
        longestID = max(longestID, c.id.length)
        if c.conflictCount > 0 { conflicted += sign }
        guard isOpen else { return }
        open += sign
        switch deadline {
        case .overdue(let days):
            overdue += sign
            mostOverdue = max(mostOverdue, days)
        case .dueSoon(let days):
            dueSoon += sign
            mostDueSoon = max(mostDueSoon, days)
        case .onTrack(let days): mostOnTrack = max(mostOnTrack, days)
        case .none: break
        }
    }

    /// The widest deadline label of a case counted in, in cells (`！逾期3084天` is 12), and never
    /// narrower than the 10 the column always had. A label grows with its days, so the most days of
    /// each kind give the widest; `！今天到期` is the one that does not.
    public var widestDeadline: Int {
        var longest: [DeadlineStatus] = []
        if mostOverdue >= 0 { longest.append(.overdue(days: mostOverdue)) }
        if mostDueSoon >= 0 { longest += [.dueSoon(daysLeft: 0), .dueSoon(daysLeft: mostDueSoon)] }
        if mostOnTrack >= 0 { longest.append(.onTrack(daysLeft: mostOnTrack)) }
        return longest.reduce(10) { max($0, TextMetrics.width(of: $1.label)) }
    }

    /// The width of an ID column: the longest ID counted in and a cell for the list's `+` mark, and
    /// never narrower than the 10 the column always had (`zx6-5-090`; `zx6-5-B2017-9` needs 14).
    public var widestID: Int { max(10, longestID + 1) }
}
