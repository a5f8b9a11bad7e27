import ArgumentParser
import Model

struct WithdrawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw", abstract: "登记撤案 (record that the proposer withdrew a case).",
        discussion: """
            提出人书面撤回案件时登记撤案：日期（默认今天）、理由、登记人记入案件文件的“撤案”。撤案后案件不再办理：
            没有答复期限，不列入到期案件，统计中单列“撤案”，列表显示“已撤案”。只有办理中的案件（配置中 open 的状态）
            可以撤案；已答复、已办结、退回的案件，并入其他案件或有案件并入的案件不能撤案。登记错了用 banli undo 撤销。

            Records that the proposer withdrew the case: date (today by default), reason and who recorded \
            it. A withdrawn case has no deadline, is not due and is counted apart. Only a case in an open \
            state can be withdrawn; banli undo takes it back.

            例：banli withdraw 091 --reason 提出人书面申请撤回
            """)

    @Argument(help: ArgumentHelp("一个或多个案件编号", valueName: "ID"))
    var ids: [String]

    @Option(help: "撤案理由（必填）")
    var reason = ""

    @Option(help: ArgumentHelp("收到撤案申请的日期，默认今天", valueName: "YYYY-MM-DD"), transform: LocalDate.argument)
    var date: LocalDate?

    @OptionGroup var options: GlobalOptions

    func run() throws {
        try HandlingRun.run(ids, options: options) { h, c throws(HandlingError) in
            try h.withdraw(c, reason: reason, date: date)
        }
    }
}
