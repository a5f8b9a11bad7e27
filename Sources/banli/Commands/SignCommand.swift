import ArgumentParser
import Model

struct SignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign", abstract: "签发答复 (sign a reply off, recording who signed and when).",
        discussion: """
            记录签发人和今天的日期，案件转为签发状态。答复须具备配置要求的部分（默认：称呼、开头、正文、结尾、
            落款、日期和办理结果），否则拒绝并说明缺少什么。尚无面商记录时提出警告。

            Records the signer and today's date and moves the case to the signed state. The reply must \
            have the parts the configuration requires; without any 面商 on record, banli warns.

            例：banli sign 052 --signer 顾卫东
            """)

    @Argument(help: ArgumentHelp("案件编号，如 zx6-5-052；编号唯一时也可只写 052", valueName: "ID"))
    var id: String

    @Option(help: "签发人")
    var signer: String

    @OptionGroup var options: GlobalOptions

    func run() throws {
        try HandlingRun.run([id], options: options) { h, c throws(HandlingError) in try h.signOff(c, signer: signer) }
    }
}
