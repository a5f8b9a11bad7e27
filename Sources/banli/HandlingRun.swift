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
        let unique = try context.store.resolve(ids).filter { seen.insert($0).inserted }
        let stored = try unique.map { try context.store.load($0) }
        // A refusal is reported with the option or command that puts it right (`CommandLineHint`).
        let results = try handling.applying({ c throws(HandlingError) in try step(handling, c) }, to: stored.map(\.value))
        // Every case was checked before this first save; what can still fail is the disk, or another
        // program changing a file meanwhile, and the store's message then names the file.
        for (old, result) in zip(stored, results) {
            let (done, saved) = try save(result, over: old, in: context.store) { c throws(HandlingError) in try step(handling, c) }
            print(UntrustedText.inert("\(old.value.id)：\(done.entry.text)"))
            for warning in done.warnings { printError("警告：\(old.value.id)：\(warning)") }
            if let note = saved.droppedCommentsNote { printError("注意：\(saved.path)：\(note)") }
            if let note = saved.undoNote { printError("注意：\(note)") }
        }
    }

    /// How often a step is applied again to a case another program changed meanwhile.
    static let attempts = 10

    /// Saves `result` over the revision it was made from. When another program (the reply form, a
    /// second command) saved the case meanwhile, the step is applied to the case as it is now and
    /// saved again: the step is what the user asked for, so nothing of theirs is overwritten, and a
    /// busy case does not make the command fail. Refused only when the case keeps changing, or the
    /// step no longer applies (its message says why).
    private static func save(_ result: Handled, over old: StoredCase, in store: CaseStore,
                             again step: (Case) throws(HandlingError) -> Handled) throws -> (Handled, StoredCase) {
        var result = result, old = old, attempt = 1
        while true {
            do {
                return (result, try store.save(result.value, replacing: old.revision))
            } catch {
                guard case .conflict = error, attempt < attempts else { throw error }
            }
            attempt += 1
            old = try store.load(old.value.id)
            result = try step(old.value)
        }
    }
}
