import ArgumentParser
import Model

struct FeedbackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feedback", abstract: "登记提出人的反馈意见 (record the proposer's feedback).",
        discussion: """
            答复送出后登记。“不满意”时案件重新办理：原答复移入往次答复，状态回到办理中，
            二次答复期限按配置（second_reply_months）从反馈日期起算。

            Recorded once the reply has gone out. 不满意 reopens the case for a second reply: the reply \
            is kept among earlier replies and the deadline becomes the configured second-reply deadline.

            例：banli feedback 044 基本满意 --visited --attitude 满意 --relevance 针对 --view 理解
            """)

    @Argument(help: ArgumentHelp("案件编号", valueName: "ID"))
    var id: String

    @Argument(help: ArgumentHelp("满意度：满意、基本满意或不满意", valueName: "SATISFACTION"))
    var satisfaction: Feedback.Satisfaction

    @Option(help: ArgumentHelp("反馈日期，默认今天", valueName: "YYYY-MM-DD"), transform: LocalDate.argument)
    var date: LocalDate?

    @Flag(inversion: .prefixedNo, help: "是否走访了提出人")
    var visited: Bool?

    @Option(help: ArgumentHelp("工作态度：满意、理解或不满意", valueName: "ANSWER"))
    var attitude = ""

    @Option(help: ArgumentHelp("针对性：针对、基本针对或未针对", valueName: "ANSWER"))
    var relevance = ""

    @Option(help: ArgumentHelp("对结果的看法：同意、理解、保留或不同意", valueName: "ANSWER"))
    var view = ""

    @Option(help: "其他意见")
    var comment = ""

    @OptionGroup var options: GlobalOptions

    func run() throws {
        try reportingErrors {
            let feedback = Feedback(date: date, satisfaction: satisfaction, visited: visited, attitude: attitude,
                                    relevance: relevance, viewOfResult: view, comment: comment)
            try HandlingRun.run([id], options: options) { h, c throws(HandlingError) in try h.recordFeedback(c, feedback) }
        }
    }
}
