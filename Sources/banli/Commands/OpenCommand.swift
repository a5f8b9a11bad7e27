import ArgumentParser
import Model

/// `banli` with no subcommand: the terminal UI. Until it lands, the case list and a notice.
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open", abstract: "打开终端界面 (start the terminal UI; the default command).")

    @OptionGroup var options: GlobalOptions

    func run() throws {
        try reportingErrors {
            let context = try options.context()
            let list = try ListCommand.parse(["--store", context.store.directory] + (options.config.map { ["--config", $0] } ?? []))
            try list.run()
            print("")
            print("案件库：\(context.store.directory)。终端界面尚在开发中；可用命令：banli list、banli show 编号、banli new、banli --help")
        }
    }
}
