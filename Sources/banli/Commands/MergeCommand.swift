import ArgumentParser
import Model

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge", abstract: "并案：几件案件由一件一并答复 (merge cases into the one that carries the reply).",
        discussion: """
            CARRIER 是承接答复的案件，其后的案件并入它：各自记“并入: CARRIER”，CARRIER 记“并案”及它们的案号和提出人。
            CARRIER 的答复称呼和开头列出全部提出人和编号（模板占位符 {names}、{numbers}、{merged_numbers}）。并入的案件
            没有自己的答复，列表显示“已并案 → CARRIER”，统计中单列。不同类型的案件、案件并入自身、链式并案（CARRIER 已并入
            他案，或并入的案件有案件并入）、已撤案、已有答复内容、已不在办理中的案件都不能并案。对已并入 CARRIER 的案件再
            执行一次，会更新 CARRIER 所记的案号和提出人（也用于补全中断的并案）。取消用 banli unmerge。

            Merges the cases after CARRIER into it: one reply, CARRIER's, answers them all, and its \
            salutation and opening name every proposer and number. Refused for cases of another kind, \
            the carrier itself, chains, withdrawn cases, cases with reply text and cases no longer open. \
            Undone with banli unmerge.

            例：banli merge 090 091 092
            """)

    @Argument(help: ArgumentHelp("承接答复的案件，其后是并入它的案件", valueName: "CARRIER ID…"))
    var arguments: [String]

    @OptionGroup var options: GlobalOptions

    func validate() throws {
        guard arguments.count >= 2 else { throw ValidationError("须写出承接答复的案件和并入它的案件，如 banli merge 090 091") }
    }

    func run() throws {
        let context = try options.context()
        let handling = CaseHandling(configuration: context.configuration, user: context.user, clock: context.clock)
        let ids = try context.store.resolve(arguments)
        var seen = Set<CaseID>()
        let stored = try ids.filter { seen.insert($0).inserted }.map { try context.store.load($0) }
        let carrier = stored[0]
        // `merge 090 090` leaves the carrier alone: it is refused as merged into itself.
        let merged = stored.count == 1 ? [carrier] : Array(stored.dropFirst())
        let results = try handling.merge(merged.map(\.value), into: carrier.value)
        try LifecycleSave.save(results, over: stored, in: context.store)
    }
}
