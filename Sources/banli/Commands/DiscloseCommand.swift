import ArgumentParser
import Model

struct DiscloseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disclose", abstract: "设置公开属性 (set how the reply is published).",
        discussion: """
            可选值来自配置（默认：主动公开·全文、主动公开·摘要、依申请公开、不予公开）；主动公开以外的须写明理由。

            Options come from the configuration; anything but 主动公开 needs --reason.

            例：banli disclose 099 不予公开 --reason 涉及个人隐私
            """)

    @Argument(help: ArgumentHelp("案件编号", valueName: "ID"))
    var id: String

    @Argument(help: ArgumentHelp("公开属性", valueName: "CATEGORY"))
    var category: String

    @Option(help: "理由；主动公开以外必填")
    var reason = ""

    @OptionGroup var options: GlobalOptions

    func run() throws {
        try HandlingRun.run([id], options: options) { h, c throws(HandlingError) in try h.setDisclosure(c, category, reason: reason) }
    }
}
