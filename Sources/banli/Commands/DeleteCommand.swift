import ArgumentParser
import Model

struct DeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "删除误建、误导入的案件 (delete a case entered by mistake).",
        discussion: """
            只有尚无办理记录的案件可以删除：日志中只有新建或导入那一条，没有答复、办理结果、签发、面商、反馈、撤案、并案，
            状态仍是初始状态；否则拒绝并指出已有的记录（这样的案件请用撤案或并案）。文件不会被删掉，而是移入案件库的
            .banli/deleted/（文件名为 编号.日期-时间.yaml），可用 banli restore ID 恢复。

            Only a case with no handling recorded can be deleted. Its file is moved into \
            .banli/deleted/, never unlinked; banli restore ID brings it back.

            例：banli delete 091
            """)

    @Argument(help: ArgumentHelp("案件编号", valueName: "ID"))
    var id: String

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let context = try options.context()
        let handling = CaseHandling(configuration: context.configuration, user: context.user, clock: context.clock)
        let stored = try context.store.load(context.store.resolve(id))
        do {
            try handling.checkDeletable(stored.value)
        } catch {
            throw BatchRefusal(refusals: [.init(id: stored.value.id, error: error)], total: 1)
        }
        let path = try context.store.delete(stored.value.id, replacing: stored.revision, time: context.clock.timestamp())
        print(UntrustedText.inert("\(stored.value.id)：已删除，文件移至 \(path)（恢复：banli restore \(stored.value.id)）"))
    }
}
