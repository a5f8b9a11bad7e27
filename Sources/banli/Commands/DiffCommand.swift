import ArgumentParser
import Foundation
import Model
import TUI

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff", abstract: "比较一件案件的两个版本的答复，逐段、逐字 (compare two versions of a case's reply).",
        discussion: """
            不写版本：最近一次提交（HEAD）与工作文件比较；一个版本：该版本与工作文件；两个版本：二者之间。\
            版本按 git 的写法：提交号（可写前几位）、HEAD、HEAD~2……。改动的段落以 - 和 + 两行列出，\
            其中改动的字在终端中以颜色标出，输出到管道或文件时写作 [-删去的字-]{+加上的字+}。例：banli diff 090 HEAD~2
            """)

    @Argument(help: ArgumentHelp("案件编号，如 zx5-2-090；编号唯一时也可只写 090", valueName: "ID"))
    var id: String

    @Argument(help: ArgumentHelp("版本（git 的写法）：第一个是旧版本，第二个是新版本（不写即工作文件）", valueName: "REV"))
    var revisions: [String] = []

    @OptionGroup var options: GlobalOptions

    func run() throws {
        guard revisions.count <= 2 else { throw ValidationError("最多比较两个版本（写了 \(revisions.count) 个）") }
        let context = try options.context(access: .readOnly)
        let caseID = try context.store.resolve(id)
        guard let store = try CaseRevisions.open(context.store) else { throw HistoryError.onlyOneVersion(store: context.store.directory) }
        let old = try store.version(of: caseID, at: revisions.first ?? "HEAD")
        let new = try revisions.count == 2 ? store.version(of: caseID, at: revisions[1]) : store.current(caseID)
        let diff = ReplyDiff(from: old, to: new)
        // As the terminal UI: colour unless NO_COLOR is set to something (https://no-color.org).
        let colour = isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
        print("\(caseID)  \(revisions.first ?? "HEAD") → \(revisions.count == 2 ? revisions[1] : "工作文件")")
        for line in diff.lines { print(colour ? Self.coloured(line) : Self.marked(line)) }
    }

    /// A line for a pipe: changed characters between `[-` `-]` and `{+` `+}`, as `git diff --word-diff`.
    static func marked(_ line: ReplyDiffLine) -> String {
        line.prefix + line.runs.map { run in
            let text = TextMetrics.sanitized(run.text)
            switch run.kind {
            case .same: return text
            case .deleted: return "[-" + text + "-]"
            case .inserted: return "{+" + text + "+}"
            }
        }.joined()
    }

    /// A line for a terminal: a place in bold, `-` red and `+` green, changed characters in reverse video.
    static func coloured(_ line: ReplyDiffLine) -> String {
        let reset = "\u{1B}[0m"
        let colour: String
        switch line.kind {
        case .place: colour = "\u{1B}[1m"
        case .removed: colour = "\u{1B}[31m"
        case .added: colour = "\u{1B}[32m"
        case .moved: colour = ""
        }
        return colour + line.prefix + line.runs.map { run in
            run.kind == .same ? TextMetrics.sanitized(run.text) : "\u{1B}[7m" + TextMetrics.sanitized(run.text) + reset + colour
        }.joined() + reset
    }
}
