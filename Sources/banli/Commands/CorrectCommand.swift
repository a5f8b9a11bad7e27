import ArgumentParser
import Model

struct CorrectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "correct", abstract: "更正登记错误的办理结果或状态变更 (correct a mistaken outcome or status move).",
        discussion: """
            更正不是跟踪办理：结果本来就登记错了。错误的记录留在案件文件中，标明由谁、何时、因何更正为什么结果；
            统计和台账按更正后的结果计算，错误的结果不算“首次”。
            更正状态把上一次状态变更退回原状态，日志记为“更正状态：办理中 → 待签收，原因：…”。
            已签发、已答复的案件不能以更正退回，请用撤回签发或更正答复。

            A correction is not a follow-up: the result was recorded wrongly. The mistaken record stays in \
            the file, marked with who corrected it, when, why and to what; statistics and the ledger count \
            the corrected result. Correcting the status reverses the last status move with a reversing \
            journal entry; a signed or sent reply is withdrawn with 撤回签发/更正答复 instead.

            例：banli correct 044 办理结果 解决或采纳 --reason "误选为留作参考"
                banli correct 101 状态 --reason "误签收，应为他单位办理"
            """)

    /// What is corrected.
    enum Field: String, CaseIterable, ExpressibleByArgument {
        case outcome = "办理结果", status = "状态"
    }

    @Argument(help: ArgumentHelp("案件编号", valueName: "ID"))
    var id: String

    @Argument(help: ArgumentHelp("更正什么：办理结果 或 状态", valueName: "办理结果|状态"))
    var field: Field

    @Argument(help: ArgumentHelp("更正后的办理结果（更正状态时不写：退回上一次变更前的状态）", valueName: "RESULT"))
    var result: String?

    @Option(help: "更正的原因（必填）")
    var reason: String

    @OptionGroup var options: GlobalOptions

    func validate() throws {
        switch (field, result) {
        case (.outcome, nil): throw ValidationError("须写出更正后的办理结果，如 banli correct 044 办理结果 解决或采纳 --reason 原因")
        case (.status, .some(let state)):
            throw ValidationError("更正状态不写目标状态（“\(state)”）：案件退回上一次变更前的状态")
        default: break
        }
    }

    func run() throws {
        try HandlingRun.run([id], options: options) { h, c throws(HandlingError) in
            switch field {
            case .outcome: return try h.correctOutcome(c, to: result ?? "", reason: reason)
            case .status: return try h.correctStatus(c, reason: reason)
            }
        }
    }
}
