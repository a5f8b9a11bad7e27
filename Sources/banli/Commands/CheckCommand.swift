import ArgumentParser
import Model
import TUI

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "检查案件库和配置 (validate every case file and the configuration).",
        discussion: """
            用 banli 读取案件的同一套规则读取每个案件文件，并检查配置（含按键设置）。每个问题一行：
            “路径:行: 原因”；警告（手写的注释、不会被读取的文件）标明“警告”。有错误时退出状态为 1，
            只有警告时为 0。

            Reads every case file with the rules banli reads cases by, and checks the configuration
            (key bindings included). One line per problem, `path:line: reason`; warnings (hand-written
            comments, files banli does not read) say 警告. Exits 1 when there is an error; warnings
            alone exit 0, as hledger's check does.
            """)

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let resources = try Resources.locate()
        let configuration: Configuration
        do {
            configuration = try options.loadConfiguration(resources: resources)
            _ = try Keymap(configuration.keyBindings)
        } catch {
            print(UntrustedText.inert("\(error)"))
            throw ExitCode.failure
        }
        let directory = try options.storeDirectory(configuration: configuration, resources: resources)
        // Checking only reads: it creates nothing in the store, and refuses what is not one.
        var store = try CaseStore.open(directory, vocabulary: configuration.vocabulary, access: .readOnly)
        store.caseFileLimit = configuration.caseFileLimit
        let (count, problems) = try store.check()
        for problem in problems { print(UntrustedText.inert(problem.description)) }
        let errors = problems.count { $0.severity == .error }
        let summary = "检查了 \(count) 个案件文件和配置：" + (problems.isEmpty ? "没有发现问题"
            : "\(errors) 个错误，\(problems.count - errors) 个警告")
        print(summary)
        if errors > 0 { throw ExitCode.failure }
    }
}
