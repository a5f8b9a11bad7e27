import Model

/// Counts and rates over every case — by kind, status and outcome, 解决采纳率, on time, 面商 and
/// satisfaction, per meeting — from the list's summaries, which carry what they count.
public struct StatisticsScreen: PagedScreen {
    public var keyContext: KeyContext { .statistics }
    var pager: Pager

    init(_ cases: CaseCollection) { pager = Pager(StatisticsScreen.text(cases)) }

    static func text(_ cases: CaseCollection) -> String {
        CaseStatistics(cases.all, configuration: cases.configuration).text
    }

    public func helpNotes(_ keymap: Keymap) -> [String] {
        ["解决采纳率 = 当前结果为“解决或采纳”的件数 / 有办理结果的件数；按期答复率 = 答复日期不晚于期限的件数 / 已答复件数。",
         "面商率 = 有面商记录的已答复件数 / 已答复件数；满意率 = 满意和基本满意 / 有反馈的件数。"]
    }

    /// Counted again when a case changes or the day turns, keeping the place.
    public mutating func observe(_ change: Change, _ u: inout Update) {
        pager.replaceText(with: StatisticsScreen.text(u.cases))
    }

    func style(of line: Substring) -> Style { line.first.map { !$0.isWhitespace } == true ? .header : .normal }

    public func title(_ context: RenderContext) -> TitleBar? {
        TitleBar("统计 · \(context.environment.storeName)", right: "共\(context.cases.all.count)件")
    }
}
