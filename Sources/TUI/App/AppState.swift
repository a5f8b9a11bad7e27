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
    public var message: String

    public init(storeName: String, listing: StoreListing, configuration: Configuration, today: LocalDate) {
        self.storeName = storeName
        self.summaries = listing.summaries
        self.configuration = configuration
        self.today = today
        message = listing.problems.isEmpty ? "" : "有 \(listing.problems.count) 个案件文件无法读取：\(listing.problems[0])"
    }

    public var context: Keymap.Context { helpOffset != nil ? .help : detail != nil ? .detail : .list }

    public func deadline(of summary: CaseSummary) -> DeadlineStatus {
        DeadlineStatus(summary, today: today, workflow: configuration.workflow, warnDays: configuration.deadlines.warnDays)
    }
}
