import ArgumentParser
import Model

struct LedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger", abstract: "导出电子台账 (export the ledger: one row per case, CSV or TSV).",
        discussion: """
            每件一行：编号、类型、会议、标题、提出人、承办方式、日期、状态、首次和当前办理结果、公开属性、面商次数、
            签发、答复日期、满意度等。UTF-8 编码；用电子表格程序打开时可加 --bom。以 = + - @ 开头的内容前加 '，
            不会被当作公式执行。

            One row per case with its key fields, status, first and current outcome, dates and satisfaction. \
            UTF-8; --bom helps spreadsheet programs recognise it. Cells that a spreadsheet would run as a \
            formula are prefixed with '.

            例：banli ledger --format csv --bom -o 台账.csv
            """)

    @Option(help: "格式：csv 或 tsv；不写时按 -o 文件的扩展名（.csv .tsv），否则为 csv")
    var format: LedgerFormat?

    @Flag(help: "在开头写入字节顺序标记（BOM），便于电子表格程序识别 UTF-8")
    var bom = false

    @Option(name: [.short, .customLong("output")],
            help: ArgumentHelp("写入文件（原子替换，不会留下半个文件）；默认输出到标准输出。不写进案件库，已有的文件须加 --force", valueName: "FILE"))
    var output: String?

    @Flag(help: "-o 的文件已存在时替换它")
    var force = false

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let context = try options.context(access: .readOnly)
        let format = try OutputFile.format(format, for: output, default: LedgerFormat.csv)
        let target = try output.map { try OutputFile($0, store: context.store, overwrite: force) }
        let text = Ledger.text(try loadAllCases(context), meetings: context.configuration.meetingNaming, format: format, byteOrderMark: bom)
        if let target { try target.write(text) } else { print(text, terminator: "") }
    }
}
