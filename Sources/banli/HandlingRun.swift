import Model

/// What every workflow command does around its one handling step: resolve and load the named cases,
/// apply the step to all of them (if any refuses, none is saved and the message names it), save each
/// over the revision it was read at, and print one line per case saying what happened.
enum HandlingRun {
    static func run(_ ids: [String], options: GlobalOptions,
                    _ step: (CaseHandling, Case) throws(HandlingError) -> Handled) throws {
        let context = try options.context()
        let handling = CaseHandling(configuration: context.configuration, user: context.user, clock: context.clock)
        var seen = Set<CaseID>()
        let unique = try ids.map { try context.store.resolve($0) }.filter { seen.insert($0).inserted }
        let stored = try unique.map { try context.store.load($0) }
        let results = try handling.applying({ c throws(HandlingError) in try step(handling, c) }, to: stored.map(\.value))
        // Every case was checked before this first save; what can still fail is the disk, or another
        // program changing a file meanwhile, and the store's message then names the file.
        for (old, result) in zip(stored, results) {
            try context.store.save(result.value, replacing: old.revision)
            print(UntrustedText.inert("\(old.value.id)：\(result.entry.text)"))
            for warning in result.warnings { printError("警告：\(old.value.id)：\(warning)") }
        }
    }
}
