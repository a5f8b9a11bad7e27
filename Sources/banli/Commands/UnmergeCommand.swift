import ArgumentParser
import Model

struct UnmergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unmerge", abstract: "取消并案 (take a case out of the merge it is in).",
        discussion: """
            ID 不再并入承接答复的案件：承接案件的“并案”中删去它，它的“并入”删去，此后单独办理、单独答复。承接案件已答复
            （已答复、已办结）时拒绝：那份答复已一并答复了它。承接案件的文件已不在、或其“并案”中没有 ID（中断的并案）时，
            只改 ID 本身。

            Takes the case out of its merge: the carrier no longer lists it and it is handled on its own. \
            Refused once the carrier's reply has gone out.

            例：banli unmerge 091
            """)

    @Argument(help: ArgumentHelp("并入其他案件的案件编号", valueName: "ID"))
    var id: String

    @OptionGroup var options: GlobalOptions

    func run() throws {
        let context = try options.context()
        let handling = CaseHandling(configuration: context.configuration, user: context.user, clock: context.clock)
        let merged = try context.store.load(context.store.resolve(id))
        let carrier = try merged.value.mergedInto.flatMap { id in FileSystem.exists(context.store.path(of: id)) ? try context.store.load(id) : nil }
        let results: [Handled]
        do {
            results = try handling.unmerge(merged.value, from: carrier?.value)
        } catch {
            throw BatchRefusal(refusals: [.init(id: merged.value.id, error: error)], total: 1)
        }
        try LifecycleSave.save(results, over: [merged] + (carrier.map { [$0] } ?? []), in: context.store)
    }
}
