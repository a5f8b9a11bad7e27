import ArgumentParser
import Model

struct ResolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve", abstract: "解决合并时记录的冲突 (resolve a conflict a merge recorded).",
        discussion: """
            同步（git 合并）时两人把同一字段改得不同，banli 保留本方的版本，把对方的版本记入案件的“冲突”。
            不加选项时列出案件的冲突：字段、本方和对方的版本及作者。--mine 保留本方版本，--theirs 采用对方版本，
            --text 写入由两者改成的文字（按案件文件的写法检查，如日期写作 2018-11-01）。不写字段时解决第一个冲突。
            解决后冲突记录删除，日志记为“解决冲突：字段（采用 某人 的版本）”，可用 banli undo 撤销。

            Without a choice, lists the case's conflicts. --mine keeps the version the case holds, \
            --theirs takes the other copy's, --text writes one made from both; FIELD (as listed, e.g. \
            答复.正文.2.内容) defaults to the first conflict. Journalled, and undone with banli undo.

            例：banli resolve 090 答复.正文.2.内容 --theirs
            """)

    @Argument(help: ArgumentHelp("案件编号", valueName: "ID"))
    var id: String

    @Argument(help: ArgumentHelp("冲突的字段，如 标题、答复.正文.2.内容；默认第一个", valueName: "FIELD"))
    var field: String?

    @Flag(help: "保留本方版本")
    var mine = false

    @Flag(help: "采用对方版本")
    var theirs = false

    @Option(help: ArgumentHelp("写入由两个版本改成的文字", valueName: "TEXT"))
    var text: String?

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let choices: [ConflictChoice] = (mine ? [.mine] : []) + (theirs ? [.theirs] : []) + (text.map { [.text($0)] } ?? [])
        guard choices.count <= 1 else { throw ValidationError("--mine、--theirs、--text 只能选一个") }
        guard let choice = choices.first else { return try list() }
        try HandlingRun.run([id], options: options) { h, c throws(HandlingError) in
            try h.resolve(c, field: field, choosing: choice)
        }
    }

    /// Prints each conflict: the field, then each side's version under who wrote it.
    private func list() throws {
        let context = try options.context(access: .readOnly)
        let c = try context.store.load(try context.store.resolve(id)).value
        guard !c.conflicts.isEmpty else { return print(UntrustedText.inert("\(c.id)：没有待解决的冲突")) }
        for conflict in c.openConflicts {
            print(UntrustedText.inert("\(conflict.field)（\(conflict.time)）"))
            for (side, user, version) in [("本方", conflict.mineUser, conflict.mine), ("对方", conflict.theirsUser, conflict.theirs)] {
                print(UntrustedText.inert("  \(side)\(user.isEmpty ? "" : "（\(user)）")："))
                for line in version.split(separator: "\n", omittingEmptySubsequences: false) { print(UntrustedText.inert("    " + line)) }
            }
        }
    }
}
