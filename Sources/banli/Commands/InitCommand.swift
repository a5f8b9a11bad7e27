import ArgumentParser
import Model

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "新建案件库，或把已有案件文件的目录标记为案件库 (create a store, or mark a directory of case files as one).",
        discussion: """
            在目录中写入标记文件 .banli-store；其他命令只打开有此标记的目录。目录不存在时创建，为空时成为空的案件库；
            已有案件文件（*.yaml）时加上标记，文件不动。

            Writes the marker .banli-store, without which no other command opens the directory. A missing \
            directory is created; one that already holds case files (*.yaml) is marked, its files untouched.
            """)

    @Argument(help: ArgumentHelp("案件库目录：新目录、空目录或已有案件文件的目录", valueName: "DIR"))
    var directory: String

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let message: String
        switch try CaseStore.initialize(directory) {
        case .created: message = "已创建案件库：\(directory)"
        case .marked(let count): message = "已将 \(directory) 标记为案件库（其中已有 \(count) 个案件文件）"
        case .alreadyAStore: message = "\(directory) 已是案件库，未作改动"
        }
        print(UntrustedText.inert(message))
    }
}
