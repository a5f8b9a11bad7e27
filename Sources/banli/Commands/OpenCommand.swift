import ArgumentParser
import Model

/// `banli` with no subcommand: the terminal UI. Until it lands, a notice and the store's counts.
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open", abstract: "打开终端界面 (start the terminal UI; the default command).")

    @OptionGroup var options: GlobalOptions

    func run() throws {
        try reportingErrors {
            let context = try options.context()
            let listing = try context.store.list()
            print("banli 案件库：\(context.store.directory)(\(listing.summaries.count) 件）")
            print("终端界面尚在开发中。可用命令：banli list、banli show 编号、banli new、banli --help")
            for problem in listing.problems { printError("警告：\(problem)") }
        }
    }
}
