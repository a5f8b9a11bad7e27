import ArgumentParser
import Model

struct FeedbackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feedback", abstract: "登记提出人的反馈意见 (record the proposer's feedback).",
        discussion: """
            答复送出后登记。每次登记都加入反馈记录，先前的反馈（日期、走访、工作态度等）仍保留，最后一次为当前反馈。
            日期不能晚于今天，也不能早于交办日期（可在配置 deadlines 中放宽）。
            “不满意”须用 --comment 写明意见；案件重新办理：原答复移入往次答复，状态回到办理中，
            二次答复期限按配置（second_reply_months）从反馈日期起算。

            Recorded once the reply has gone out. Each form is added to the case's feedback history; the \
            earlier ones stay. The date may not lie after today or before 交办 (configurable). 不满意 needs \
            --comment and reopens the case for a second reply: the reply is kept among earlier replies \
            and the deadline becomes the configured second-reply deadline.

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

    @Option(help: "提出人的意见；不满意时必填")
    var comment = ""

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let feedback = Feedback(date: date, satisfaction: satisfaction, visited: visited, attitude: attitude,
                                relevance: relevance, viewOfResult: view, comment: comment)
        try HandlingRun.run([id], options: options) { h, c throws(HandlingError) in try h.recordFeedback(c, feedback) }
    }
}
