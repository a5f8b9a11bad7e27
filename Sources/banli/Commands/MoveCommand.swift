import ArgumentParser
import Model

struct MoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "move", abstract: "转换案件状态 (move cases to another workflow state).",
        discussion: """
            状态和允许的转换来自配置（workflow）。转为须写理由的状态（退回/改办）要加 --reason；
            转入前须具备的内容（如已签发须有办理结果和完整的答复）不全时拒绝，并说明缺少什么。
            签发用 banli sign。一次可转换多件：先逐件检查，有一件不能转换则都不保存，并指出是哪一件。
            已签发、已答复的答复只读（配置中的 reply_locked）；要修改，目标写收回步骤（默认“撤回签发”“更正答复”，
            配置中的 reopen_reply），须加 --reason：签发作废，原答复连同签发存入往次答复，案件回到可修改的状态。

            States and allowed moves come from the configuration. A state that needs a reason （退回/改办） \
            needs --reason; a move whose state requires what the case lacks is refused, naming what is \
            missing. Sign-off is banli sign. Several cases at once are all checked first: if one is \
            refused, none is saved and the message names it. A signed or sent reply is read-only; \
            STATE may name a reopening step （撤回签发、更正答复, reopen_reply） with --reason, which \
            clears the sign-off and keeps the reply among the earlier replies.

            例：banli move 101 104 办理中
                banli move zx6-5-075 退回 --reason 不属本单位职能
                banli move 061 更正答复 --reason 第二部分数据有误
            """)

    @Argument(help: ArgumentHelp("一个或多个案件编号，最后是目标状态", valueName: "ID… STATE"))
    var arguments: [String]

    @Option(help: "理由；转为退回/改办和撤回签发、更正答复时必填")
    var reason = ""

    @OptionGroup var options: GlobalOptions

    func validate() throws {
        guard arguments.count >= 2 else { throw ValidationError("须写出案件编号和目标状态，如 banli move 101 办理中") }
    }

    func run() throws {
        let state = arguments.last!
        try HandlingRun.run(arguments.dropLast(), options: options) { h, c throws(HandlingError) in
            try h.move(c, to: state, reason: reason)
        }
    }
}
