import ArgumentParser
import Model

struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo", abstract: "撤销对案件的最近一次更改 (undo the latest change to a case).",
        discussion: """
            把案件恢复到 banli 最近一次更改（转换状态、办理结果、反馈、面商、签发、保存答复……）之前的样子，
            日志记为“撤销：<被撤销的那一行>”，原来那一行仍保留。只能撤销自己的更改；此后有人修改过案件
            （日志中有他人的记录，或文件在 banli 之外被改过）时拒绝。每件案件可依次撤销最近 10 次更改。

            Restores the case as it was before the latest change banli made, journalling it; the undone \
            line stays in the journal. Refused when the change is someone else's or the case changed \
            since. Up to 10 changes per case can be undone, latest first.

            例：banli undo 101
            """)

    @Argument(help: ArgumentHelp("案件编号", valueName: "ID"))
    var id: String

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let context = try options.context()
        let handling = CaseHandling(configuration: context.configuration, user: context.user, clock: context.clock)
        let caseID = try context.store.resolve(id)
        let current = try context.store.load(caseID)
        let undone: Handled, step = try context.store.lastChange(of: caseID)
        do {
            guard let step else { throw CaseHandling.noStepKept(in: current.value) }
            undone = try handling.undo(current, step)
            try context.store.saveUndoing(step, undone.value, replacing: current.revision)
        } catch let error as HandlingError {
            // Reported as any refused step is, naming the case.
            throw BatchRefusal(refusals: [.init(id: caseID, error: error)], total: 1)
        }
        print(UntrustedText.inert("\(caseID)：\(undone.entry.text)"))
    }
}
