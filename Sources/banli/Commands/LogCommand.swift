import ArgumentParser
import Foundation
import Model
import TUI

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "列出一件案件的全部变更，新的在前 (a case's history, newest first).",
        discussion: """
            每行一次变更：时间、谁、做了什么（案件日志），在 git 仓库中还有带来这次变更的提交。\
            不是 git 仓库时只有日志。例：banli log 090；banli log 090 --format tsv
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, tsv, json }

    @Argument(help: ArgumentHelp("案件编号，如 zx5-2-090；编号唯一时也可只写 090", valueName: "ID"))
    var id: String

    @Option(help: "输出格式：text、tsv 或 json")
    var format: Format = .text

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let context = try options.context(access: .readOnly)
        let history = try CaseHistory.read(try context.store.resolve(id), in: context.store)
        switch format {
        case .text:
            let users = history.entries.map { TextMetrics.sanitized($0.user) }
            let width = users.map { TextMetrics.width(of: $0) }.max() ?? 0
            for entry in history.entries {
                print(TextMetrics.sanitized(entry.line { TextMetrics.fit(TextMetrics.sanitized($0), to: width) }))
            }
        case .tsv:
            print(Self.fieldNames.joined(separator: "\t"))
            for entry in history.entries { print(Self.fields(entry).map { TextMetrics.sanitized($0) }.joined(separator: "\t")) }
        case .json:
            let objects = history.entries.map { Dictionary(uniqueKeysWithValues: zip(Self.fieldNames, Self.fields($0))) }
            let data = try JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            print(String(decoding: data, as: UTF8.self))
        }
    }

    /// `commit` is the full id, empty for a change not committed (or a store without git).
    static let fieldNames = ["time", "user", "what", "commit"]

    static func fields(_ entry: HistoryEntry) -> [String] { [entry.time, entry.user, entry.text, entry.commit ?? ""] }
}
