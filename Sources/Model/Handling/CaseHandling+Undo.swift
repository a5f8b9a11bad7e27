extension CaseHandling {
    /// Undoes （撤销） the latest change banli saved to the case: `step`, from `CaseStore.lastChange`
    /// (when that finds none, there is nothing to undo: `HandlingError.nothingToUndo`). Gives the
    /// case as it was before the change, with the journal as it is now and one entry appended
    /// (`撤销：状态：待签收 → 办理中`): the journal is append-only and keeps the undone line. Save the
    /// result with `CaseStore.saveUndoing`. Refused when the change's line is no longer in the
    /// journal, when the change is another user's, and when the case changed after it (another
    /// user's step, or an edit outside banli: the file is no longer the version the change wrote).
    public func undo(_ current: StoredCase, _ step: UndoStep) throws(HandlingError) -> Handled {
        guard let entry = step.entry(in: current.value) else { throw .nothingToUndo }
        let journal = current.value.journal
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
        var restored = step.before
        restored.journal = journal
        return handled(restored, [StatusMove.undoPrefix + entry.text])
    }
}
