extension CaseHandling {
    /// Undoes （撤销） the latest change banli saved to the case: `step`, from `CaseStore.lastChange`
    /// (when that finds none, the refusal is `noStepKept(in:)`). Gives the
    /// case as it was before the change, with the journal as it is now and one entry appended
    /// (`撤销：状态：待签收 → 办理中`): the journal is append-only and keeps the undone line. Save the
    /// result with `CaseStore.saveUndoing`. Refused when the change's line is no longer in the
    /// journal, when the change is another user's, and when the case changed after it (another
    /// user's step, or an edit outside banli: the file is no longer the version the change wrote).
    /// When the latest change has no step (none was kept, or the one kept is for an earlier version
    /// and the journal has grown since: a save that could not write its step), the refusal names
    /// that change and who made it, per the journal, rather than blaming the author of an older step.
    /// A merge or its undoing （并案、取消并案） changed other cases too, so it is refused here in favour
    /// of the step that takes both sides back. The one wording for `banli undo` and the terminal UI's undo.
    public func undo(_ current: StoredCase, _ step: UndoStep) throws(HandlingError) -> Handled {
        let journal = current.value.journal
        guard let entry = step.entry(in: current.value) else { throw Self.noStepKept(in: current.value) }
        if current.revision != step.applies, let latest = journal.last,
           journal.count > step.before.journal.count + 1, latest.user != entry.user || latest.time != entry.time {
            throw .latestChangeWithoutStep(user: latest.user, change: latest.text)
        }
        guard entry.user == user else {
            if journal.contains(where: { $0.user == user }) { throw .changedSinceByOther(user: entry.user, change: entry.text) }
            throw .undoOthersChange(user: entry.user, change: entry.text)
        }
        guard current.revision == step.applies else {
            if let other = journal[(step.before.journal.count + 1)...].first(where: { $0.user != user }) {
                throw .changedSinceByOther(user: other.user, change: other.text)
            }
            throw .changedOutsideBanli
        }
        // A merge changed other files as well: undoing one side alone would leave the two disagreeing.
        if step.before.mergedInto != current.value.mergedInto || step.before.mergedCases.map(\.id) != current.value.mergedCases.map(\.id) {
            throw .mergeNotUndone(change: entry.text)
        }
        var restored = step.before
        restored.journal = journal
        return handled(restored, [StatusMove.undoPrefix + entry.text])
    }

    /// Why an undo of `current` is refused when the store keeps no step for it: the latest change in
    /// the journal and who made it (`HandlingError.latestChangeWithoutStep`); nothing to undo for a
    /// case with an empty journal, or whose latest entry is itself an undo (the steps before it are
    /// all used up).
    public static func noStepKept(in current: Case) -> HandlingError {
        guard let latest = current.journal.last, !latest.text.hasPrefix(StatusMove.undoPrefix) else { return .nothingToUndo }
        return .latestChangeWithoutStep(user: latest.user, change: latest.text)
    }
}
