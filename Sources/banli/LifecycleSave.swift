import Model

/// Saves the cases a step across several cases changed (`merge`, `unmerge`), in the order the step
/// gives them — the order that leaves nothing contradictory should the run stop halfway — each over
/// the revision it was read at, printing one line per case as `HandlingRun` does.
enum LifecycleSave {
    static func save(_ results: [Handled], over stored: [StoredCase], in store: CaseStore) throws {
        let revisions = Dictionary(stored.map { ($0.value.id, $0.revision) }, uniquingKeysWith: { first, _ in first })
        for result in results {
            let saved = try store.save(result.value, replacing: revisions[result.value.id])
            print(UntrustedText.inert("\(result.value.id)：\(result.entry.text)"))
            for warning in result.warnings { printError("警告：\(result.value.id)：\(warning)") }
            if let note = saved.droppedCommentsNote { printError("注意：\(saved.path)：\(note)") }
            if let note = saved.undoNote { printError("注意：\(note)") }
        }
    }
}
