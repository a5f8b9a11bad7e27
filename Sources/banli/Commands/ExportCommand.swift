import ArgumentParser
import Foundation
import Model

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "导出一件案件的答复文书 (export a case's reply as text, Markdown or HTML).",
        discussion: """
            按版式（office profile）排版：版头、标题、页眉、称呼、开头、正文（一、（一）1.（1）逐级编号）、结尾、附件、
            落款、日期、联系方式、抄送/抄报、页尾。版式依次取 --profile、答复的“版式”、案件库标记中的 profile、
            配置中的 profile；banli profiles 列出全部版式。HTML 按 GB/T 9704 排成 A4 版面，可直接在浏览器中打印。
            答复缺少版式要求的部分时不导出，并列出所缺部分；加 --draft 仍可导出，文中标明“草稿”，供审阅打印。

            The reply is laid out by an office profile: --profile, else the reply's own, the store's, \
            the configuration's. HTML is a self-contained A4 page after GB/T 9704, ready to print from a \
            browser. A reply missing a part the profile requires is refused with the parts named; \
            --draft exports it anyway, marked 草稿, for review.

            例：banli export 090 -o 090.docx（Word，格式由扩展名决定）；banli export 090 --format html -o 090.html
            """)

    @Argument(help: ArgumentHelp("案件编号，如 zx5-2-090；编号唯一时也可只写 090", valueName: "ID"))
    var id: String

    @Option(help: ArgumentHelp("格式：text、markdown、html、docx（Word）或 pdf（由 LibreOffice 转换）；docx 与 pdf 须用 -o 写入文件。"
                               + "不写时按 -o 文件的扩展名（.txt .md .html .docx .pdf），否则为 text", valueName: "FORMAT"))
    var format: ExportFormat?

    @Option(name: [.short, .customLong("output")],
            help: ArgumentHelp("写入文件（原子替换，不会留下半个文件）；默认输出到标准输出。不写进案件库，已有的文件须加 --force", valueName: "FILE"))
    var output: String?

    @Flag(help: "-o 的文件已存在时替换它")
    var force = false

    @Flag(help: "答复不完整时也导出，标明“草稿”")
    var draft = false

    @Option(help: ArgumentHelp("按此版式排版（banli profiles 列出可用的版式）", valueName: "NAME"))
    var profile: String?

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let context = try options.context(access: .readOnly)
        let format = try OutputFile.format(format, for: output, default: ExportFormat.text)
        let target = try output.map { try OutputFile($0, store: context.store, overwrite: force) }
        let stored = try context.store.load(try context.store.resolve(id))
        let profile = try context.profile(for: stored.value, chosen: profile)
        let document = ReplyDocument(for: stored.value, configuration: context.configuration, profile: profile)
        // An incomplete reply is refused naming what is missing; `CommandLineHint` adds --draft.
        guard target != nil || format.textFormat != nil else {
            throw ValidationError("\(format.rawValue) 不是文本，请用 -o 写入文件，如 -o \(stored.value.id).\(format.fileExtension)")
        }
        let bytes = try document.file(as: format, draft: draft)
        // The merge and the reply form say it too; a carrier exported straight after must not miss it.
        if let notice = stored.value.mergedOpeningNotice(opening: stored.value.reply.opening) {
            printError(UntrustedText.inert("警告：\(stored.value.id)：\(notice)"))
        }
        if let target {
            try target.write(bytes)
        } else {
            print(String(decoding: bytes, as: UTF8.self), terminator: "")
        }
    }
}
