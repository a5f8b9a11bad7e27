import ArgumentParser
import Model

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "新建空的案件库 (create an empty store).")

    @Argument(help: ArgumentHelp("新案件库的目录，须不存在或为空", valueName: "DIR"))
    var directory: String

    @OptionGroup var options: GlobalOptions

    func run() throws {
        try reportingErrors {
            let configuration = try options.loadConfiguration(resources: try Resources.locate())
            try CaseStore.create(at: directory, vocabulary: configuration.vocabulary)
            print("已创建案件库：\(directory)")
        }
    }
}
