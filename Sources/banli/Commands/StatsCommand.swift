import ArgumentParser
import Model

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "办理情况统计 (statistics: counts and rates, overall and per meeting).",
        discussion: """
            按类型、状态、办理结果、满意度计数，并给出解决采纳率、按期答复率、面商率、满意率，全部和按会议分列。
            每个比率都写明分子和分母的含义。--format json 输出 JSON（键按字母排序）。

            Counts by kind, status, outcome and satisfaction, with the 解决采纳率 and the on-time, 面商 and \
            satisfaction rates, overall and per meeting; each rate says what it divides. --format json \
            prints JSON with sorted keys.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: "输出格式：text 或 json")
    var format: Format = .text

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let context = try options.context(access: .readOnly)
        // Every figure comes from the summaries in the store's index: no case file is parsed.
        let listing = try ListingProgress.list(context.store)
        for problem in listing.problems { printError("警告：\(problem)") }
        let statistics = CaseStatistics(listing.summaries, configuration: context.configuration)
        print(format == .json ? statistics.json : statistics.text, terminator: "")
    }
}

/// Every case in the store in full; a file that cannot be read is a warning, as in `banli list`.
func loadAllCases(_ context: AppContext) throws -> [Case] {
    let all = try context.store.loadAll()
    for problem in all.problems { printError("警告：\(problem)") }
    return all.cases
}
