import ArgumentParser
import Model

struct ContactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contact", abstract: "登记面商/沟通 (add a meeting or call with the proposer).",
        discussion: """
            例：banli contact 093 --method 走访 --people "张三委员；区民政局王丽" --summary "听取意见，约定再次沟通"
            """)

    @Argument(help: ArgumentHelp("案件编号", valueName: "ID"))
    var id: String

    @Option(help: "方式：走访、电话、座谈或其他")
    var method: ContactEntry.Method

    @Option(help: "参加人员")
    var people: String

    @Option(help: "摘要")
    var summary: String

    @Option(help: ArgumentHelp("日期，默认今天", valueName: "YYYY-MM-DD"), transform: LocalDate.argument)
    var date: LocalDate?

    @OptionGroup var options: GlobalOptions

    func run() throws {
        try HandlingRun.run([id], options: options) { h, c throws(HandlingError) in
            try h.addContact(c, ContactEntry(date: date ?? h.clock.today, method: method, people: people, summary: summary))
        }
    }
}
