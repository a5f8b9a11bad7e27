import ArgumentParser
import Model
import TUI

struct DueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "due", abstract: "列出需要处理的案件 (list what needs attention now).",
        discussion: """
            已逾期、即将到期（配置 warn_days 天内）、尚未签收且退回/改办申请期限将到（return_request_days）、
            答复后仍未收到反馈（feedback_days）的案件，按到期日排列。

            Overdue replies, replies due within the warning window, cases awaiting 签收 whose 退回/改办 \
            window is closing, and replies whose feedback has not come back, earliest first.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, tsv }

    @Option(help: ArgumentHelp("提前几天提醒，默认取配置 warn_days", valueName: "N"))
    var days: Int?

    @Option(help: ArgumentHelp("按哪一天计算，默认今天", valueName: "YYYY-MM-DD"), transform: LocalDate.argument)
    var date: LocalDate?

    @Option(help: "输出格式：table 或 tsv")
    var format: Format = .table

    @OptionGroup var options: GlobalOptions

    func validate() throws {
        if let days, days < 0 { throw ValidationError("--days 不能为负数") }
    }

    func run() throws {
        let context = try options.context(access: .readOnly)
        let items = Attention.items(in: try loadAllCases(context), on: date ?? context.clock.today,
                                    configuration: context.configuration, warnDays: days)
        let rows = items.map { [$0.id.description, $0.dueOn.description, $0.label, $0.status, $0.title] }
        switch format {
        case .tsv:
            print(["id", "due", "attention", "status", "title"].joined(separator: "\t"))
            for row in rows { print(row.map { UntrustedText.inert($0) }.joined(separator: "\t")) }
        case .table:
            guard !rows.isEmpty else { print("没有需要处理的案件"); return }
            var table = TextTable(columns: [.init("编号"), .init("到期日"), .init("提醒"), .init("状态"), .init("标题", shrinks: true)])
            for row in rows { table.add(row) }
            for line in table.render(maxWidth: outputTerminalWidth()) { print(line) }
        }
    }
}
