/// One recorded handling result （办理结果）. A case keeps every one, oldest first: a 列入计划拟解决
/// result may later be followed by 解决或采纳 after follow-up （跟踪办理）.
public struct OutcomeRecord: Hashable, Sendable {
    /// One of the configured outcome scheme's labels.
    public var result: String
    public var date: LocalDate
    public var recordedBy: String
    public var note: String
    /// Set when this result was recorded by mistake and corrected （更正）: it stays in the history,
    /// marked, and the corrected result follows it. A corrected result is neither first nor current.
    public var correction: OutcomeCorrection?

    public init(result: String, date: LocalDate, recordedBy: String, note: String = "", correction: OutcomeCorrection? = nil) {
        self.result = result
        self.date = date
        self.recordedBy = recordedBy
        self.note = note
        self.correction = correction
    }
}

/// Disclosure （公开属性）: anything but 主动公开 needs a written reason.
public struct Disclosure: Hashable, Sendable {
    public var category: String
    public var reason: String

    public init(category: String, reason: String = "") {
        self.category = category
        self.reason = reason
    }

    public var needsReason: Bool { !category.hasPrefix("主动公开") }

    /// The category as a document's header prints it: 主动公开·全文 and 主动公开·摘要 say how much
    /// is published, but both are printed 主动公开.
    public var printedCategory: String {
        String(category.prefix { $0 != "·" })
    }
}

/// Sign-off （签发） by the responsible leader.
public struct SignOff: Hashable, Sendable {
    public var signer: String
    public var date: LocalDate

    public init(signer: String, date: LocalDate) {
        self.signer = signer
        self.date = date
    }
}

/// The proposer's returned feedback form. Only the satisfaction is required; some forms ask more.
public struct Feedback: Hashable, Sendable {
    public enum Satisfaction: String, CaseIterable, Sendable {
        case satisfied = "满意", basicallySatisfied = "基本满意", dissatisfied = "不满意"
    }

    public var date: LocalDate?
    public var satisfaction: Satisfaction
    /// 是否走访： was the proposer visited.
    public var visited: Bool?
    /// 工作态度： 满意 / 理解 / 不满意.
    public var attitude: String
    /// 针对性： 针对 / 基本针对 / 未针对.
    public var relevance: String
    /// 结果看法： 同意 / 理解 / 保留 / 不同意.
    public var viewOfResult: String
    public var comment: String

    /// The answers the longer forms offer; an empty field was not asked.
    public static let attitudes = ["满意", "理解", "不满意"]
    public static let relevances = ["针对", "基本针对", "未针对"]
    public static let viewsOfResult = ["同意", "理解", "保留", "不同意"]

    public init(date: LocalDate? = nil, satisfaction: Satisfaction, visited: Bool? = nil, attitude: String = "",
                relevance: String = "", viewOfResult: String = "", comment: String = "") {
        self.date = date
        self.satisfaction = satisfaction
        self.visited = visited
        self.attitude = attitude
        self.relevance = relevance
        self.viewOfResult = viewOfResult
        self.comment = comment
    }
}

/// One meeting or call with the proposer （面商/沟通）.
public struct ContactEntry: Hashable, Sendable {
    public enum Method: String, CaseIterable, Sendable {
        case visit = "走访", phone = "电话", forum = "座谈", other = "其他"
    }

    public var date: LocalDate
    public var method: Method
    public var people: String
    public var summary: String

    public init(date: LocalDate, method: Method, people: String, summary: String) {
        self.date = date
        self.method = method
        self.people = people
        self.summary = summary
    }
}

/// One line of a case's append-only journal: when, who (the OS user) and what.
public struct JournalEntry: Hashable, Sendable {
    /// ISO 8601 with offset, kept as written.
    public var time: String
    public var user: String
    public var text: String

    public init(time: String, user: String, text: String) {
        self.time = time
        self.user = user
        self.text = text
    }
}
