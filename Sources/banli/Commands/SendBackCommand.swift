import ArgumentParser
import Model

struct SendBackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send-back", abstract: "审核退回修改 (send a reply under review back with a comment).",
        discussion: """
            只适用于审核中的答复；修改意见记入日志，案件回到配置的修改状态（默认办理中）。

            Only for a reply under review; the comment goes into the journal and the case returns to the \
            configured state for changes.

            例：banli send-back 036 --comment "第二部分请补充数据"
            """)

    @Argument(help: ArgumentHelp("案件编号", valueName: "ID"))
    var id: String

    @Option(help: "修改意见")
    var comment: String

    @OptionGroup var options: GlobalOptions

    func run() throws {
        try HandlingRun.run([id], options: options) { h, c throws(HandlingError) in try h.sendBack(c, comment: comment) }
    }
}
