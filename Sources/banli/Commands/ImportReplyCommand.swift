import ArgumentParser
import Model

/// `banli import-reply FILE`: reads a published reply — plain text, an HTML page saved from a
/// government site, or a Word document — into a new case (`ReplyImport`), prints its ID and what was recognised
/// (`ImportReport`). A file that is not a reply is refused in one line naming it, exit 65 (data
/// error, sysexits' EX_DATAERR), and nothing is written.
struct ImportReplyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-reply", abstract: "导入已公开的答复（纯文本、保存的网页或 Word 文档），新建一件案件 (read a published reply into a new case).",
        discussion: """
            读入答复：纯文本（UTF-8 或 GB18030）、从政府网站保存的网页（.html）或 Word 文档（.docx：按段落读，
            标题样式和大纲级别给出标题的级别，Word 自动生成的编号补回正文前；页眉页脚不读；旧版 .doc 请先另存为
            .docx）。网页的外框（返回上一级、字号、
            打印、导航、来源/发布时间/浏览次数、页尾下的网站行）不算答复，去掉。识别标题（及会议、编号）、版头、
            标题下各行、称呼、开头、各级标题（含接排）、结尾、附件、落款、日期、联系方式、抄送/抄报、页尾；不能
            识别的行放入最近的部分，并在报告中列出。版式自动识别（能照原样导出最多行的版式），--profile 指定。
            新案件的状态默认为流程中的“已答复”（--status 另选）。

            例：banli import-reply 答复.html --dry-run
            """)

    /// Exit status of a file that is not a reply: sysexits' EX_DATAERR.
    static let notAReply = ExitCode(65)

    @OptionGroup var options: GlobalOptions

    @Argument(help: ArgumentHelp("已公开的答复：纯文本、网页（.html）或 Word 文档（.docx）", valueName: "FILE"))
    var file: String

    @Option(help: ArgumentHelp("按此版式导入（默认自动识别；banli profiles 列出可用的版式）", valueName: "NAME"))
    var profile: String?

    @Option(help: ArgumentHelp("新案件的状态（默认：流程中的已答复状态）", valueName: "STATE"))
    var status: String?

    @Flag(help: "只报告识别结果，不新建案件")
    var dryRun = false

    func run() throws {
        let context = try options.context(access: dryRun ? .readOnly : .readWrite)
        let workflow = context.configuration.workflow
        var state = workflow.replied
        if let status {
            let states = workflow.states.map(\.name)
            guard let known = TypedText.match(status, in: states) else {
                throw ValidationError("未知状态“\(status)”（可选：\(states.joined(separator: "、"))）")
            }
            state = known
        }
        let importer = ReplyImport(configuration: context.configuration)
        let imported: ImportedReply
        do {
            let read = try importer.read(bytes: try IncomingText.bytes(of: file), path: file)
            imported = try importer.imported(read, profile: profile, status: state, user: context.user, clock: context.clock,
                                             source: file)
        } catch let error as ReplyImportError {
            if case .unknownProfile = error { throw error }
            printError("banli: \(error)")
            throw Self.notAReply
        }
        // The dry run names the ID the import would take, as the import itself does.
        var placed = imported
        placed.c = try context.store.placed(imported.c)
        if dryRun {
            print(UntrustedText.inert("试导入（未新建案件）：将新建 \(placed.c.id)"))
        } else {
            let stored = try context.store.create(placed.c)
            print(UntrustedText.inert("已新建案件 \(placed.c.id):\(stored.path)"))
        }
        for line in ImportReport(placed).lines { print(UntrustedText.inert(line)) }
    }
}
