import ArgumentParser
import Model
import TUI

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "显示一件案件的全部内容 (print one case in full).")

    @Argument(help: ArgumentHelp("案件编号，如 zx5-2-090；编号唯一时也可只写 090", valueName: "ID"))
    var id: String

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let context = try options.context(access: .readOnly)
        let stored = try context.store.load(try context.store.resolve(id))
        let text = CaseReport(stored.value, configuration: context.configuration, today: context.clock.today).text
        print(TextMetrics.sanitized(text, keepNewlines: true), terminator: "")
    }
}
