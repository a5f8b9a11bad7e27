import ArgumentParser
import Model

struct OutcomeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outcome", abstract: "登记办理结果或跟踪办理 (record the handling outcome, or follow one up).",
        discussion: """
            结果取自配置的办理结果（默认：解决或采纳、列入计划拟解决、留作参考），记录日期和登记人。
            已有结果的案件再登记即为跟踪办理（如列入计划拟解决 → 解决或采纳），须用 --note 写明说明；
            首次结果和当前结果都保留。一次可登记多件，有一件不能登记则都不保存。

            The result comes from the configured scheme and is recorded with the date and user. A case \
            that has a result is followed up: the new result needs --note, and the first result is kept. \
            Several cases at once are all checked first; if one is refused, none is saved.

            例：banli outcome 008 023 解决或采纳
                banli outcome zx6-4-015 解决或采纳 --note "回头看：6家长者食堂已运营"
            """)

    @Argument(help: ArgumentHelp("一个或多个案件编号，最后是办理结果", valueName: "ID… RESULT"))
    var arguments: [String]

    @Option(help: "说明；跟踪办理时必填")
    var note = ""

    @OptionGroup var options: GlobalOptions

    func validate() throws {
        guard arguments.count >= 2 else { throw ValidationError("须写出案件编号和办理结果，如 banli outcome 090 解决或采纳") }
    }

    func run() throws {
        let result = arguments.last!
        try HandlingRun.run(arguments.dropLast(), options: options) { h, c throws(HandlingError) in
            try h.setOutcome(c, result, note: note)
        }
    }
}
