extension CaseHandling {
    /// Records the first handling result （办理结果） from the configured scheme.
    public func recordOutcome(_ c: Case, _ result: String, note: String = "") throws(HandlingError) -> Handled {
        if let current = c.currentOutcome { throw .outcomeAlreadyRecorded(current: current.result) }
        let result = try checkOutcome(result)
        let note = note.trimmed
        var c = c
        c.outcomes.append(OutcomeRecord(result: result, date: clock.today, recordedBy: user, note: note))
        return handled(c, [JournalText.change("办理结果", "", result) + (note.isEmpty ? "" : "（\(note)）")])
    }

    /// Follow-up （跟踪办理）: a later result, e.g. 列入计划拟解决 become 解决或采纳. The earlier results
    /// stay in the history; the note says why the result changed.
    public func followUp(_ c: Case, to result: String, note: String) throws(HandlingError) -> Handled {
        guard let current = c.currentOutcome else { throw .noOutcomeToFollowUp }
        let result = try checkOutcome(result)
        guard result != current.result else { throw .unchanged(field: "办理结果", value: result) }
        let note = note.trimmed
        guard !note.isEmpty else { throw .noteRequired }
        var c = c
        c.outcomes.append(OutcomeRecord(result: result, date: clock.today, recordedBy: user, note: note))
        return handled(c, ["跟踪办理，" + JournalText.change("办理结果", current.result, result) + "（\(note)）"])
    }

    /// The first result when there is none yet, otherwise a follow-up.
    public func setOutcome(_ c: Case, _ result: String, note: String = "") throws(HandlingError) -> Handled {
        c.outcomes.isEmpty ? try recordOutcome(c, result, note: note) : try followUp(c, to: result, note: note)
    }

    /// The scheme's label `result` stands for, as typed (`CaseHandling.word`).
    func checkOutcome(_ result: String) throws(HandlingError) -> String {
        let labels = configuration.outcomeScheme.map(\.label)
        let label = CaseHandling.word(result, in: labels)
        guard labels.contains(label) else { throw .unknownOutcome(result, allowed: labels) }
        return label
    }
}
