import ArgumentParser
import Model

struct DeadlineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deadline", abstract: "手工设定答复期限 (set a reply deadline by hand, with a reason).",
        discussion: """
            新案件的期限按配置从交办日期算出；确需延期等情况用本命令设定，理由与期限一并保存。

            New cases get their deadline from the configured rules; this sets one by hand, e.g. an agreed \
            extension, and keeps the reason beside it.

            例：banli deadline 019 2026-11-30 --reason "经区人大常委会代表工委同意延期"
            """)

    @Argument(help: ArgumentHelp("案件编号", valueName: "ID"))
    var id: String

    @Argument(help: ArgumentHelp("新的答复期限", valueName: "YYYY-MM-DD"), transform: LocalDate.argument)
    var date: LocalDate

    @Option(help: "理由（必填）")
    var reason: String

    @OptionGroup var options: GlobalOptions

    func run() throws {
        try HandlingRun.run([id], options: options) { h, c throws(HandlingError) in try h.setDeadline(c, to: date, reason: reason) }
    }
}
