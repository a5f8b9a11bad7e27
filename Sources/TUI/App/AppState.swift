import Model

/// Everything the screens draw from. Changed only by `App.apply`.
public struct AppState: Sendable {
    public struct ListState: Sendable {
        public var selected = 0
        public var offset = 0
    }

    public struct DetailState: Sendable {
        public var id: CaseID
        public var text: String
        public var offset = 0
    }

    public var storeName: String
    public var summaries: [CaseSummary]
    public var configuration: Configuration
    public var today: LocalDate
    public var list = ListState()
    public var detail: DetailState?
    public var helpOffset: Int?
    /// The search being typed at the prompt, and where the selection was when it began.
    public var prompt: (query: String, origin: Int)?
    /// The last search, for n and N.
    public var lastQuery = ""
    public var message: String

    public init(storeName: String, listing: StoreListing, configuration: Configuration, today: LocalDate) {
        self.storeName = storeName
        self.summaries = listing.summaries
        self.configuration = configuration
        self.today = today
        message = listing.problems.isEmpty ? "" : "有 \(listing.problems.count) 个案件文件无法读取：\(listing.problems[0])"
    }

    public var context: Keymap.Context { helpOffset != nil ? .help : detail != nil ? .detail : .list }

    /// Whether a case matches a search: its ID, number, title, topic or any proposer contains it.
    public static func matches(_ s: CaseSummary, _ query: String) -> Bool {
        guard !query.isEmpty else { return false }
        return s.id.description.contains(query) || s.title.contains(query) || s.topic.contains(query)
            || s.leadProposer.contains(query) || s.jointSigners.contains { $0.contains(query) }
    }

    /// The first matching case from `start` (inclusive) in `direction`, wrapping around.
    public func match(_ query: String, from start: Int, forward: Bool) -> Int? {
        let count = summaries.count
        guard count > 0 else { return nil }
        for step in 0..<count {
            let i = ((forward ? start + step : start - step) % count + count) % count
            if AppState.matches(summaries[i], query) { return i }
        }
        return nil
    }

    public func deadline(of summary: CaseSummary) -> DeadlineStatus {
        DeadlineStatus(summary, today: today, workflow: configuration.workflow, warnDays: configuration.deadlines.warnDays)
    }
}
