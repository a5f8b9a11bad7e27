import ArgumentParser
import Model

struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "恢复删除的案件 (bring a deleted case back).",
        discussion: """
            把 banli delete 移入 .banli/deleted/ 的案件文件移回案件库（同一案件删除过几次时取最近的一次）。案件库中已有
            同编号的案件时拒绝。

            Moves the latest deleted version of the case back into the store; refused when the store has \
            a case with that ID again.

            例：banli restore 091
            """)

    @Argument(help: ArgumentHelp("已删除的案件编号", valueName: "ID"))
    var id: String

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let context = try options.context()
        let restored = try context.store.restore(context.store.resolveDeleted(id))
        print(UntrustedText.inert("\(restored.value.id)：已恢复为 \(restored.path)"))
    }
}
