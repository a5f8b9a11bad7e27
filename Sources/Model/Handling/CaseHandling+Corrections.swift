extension CaseHandling {
    /// Corrects （更正） the current handling result, recorded by mistake, to `result`: a reversing
    /// entry, not a follow-up. The mistaken record stays in the history marked with the correction
    /// (to what, by whom, when, why) and the corrected result follows it with the mistaken one's date
    /// and note, so it is what the statistics and the ledger count, and the mistake is never 首次.
    public func correctOutcome(_ c: Case, to result: String, reason: String) throws(HandlingError) -> Handled {
        let reason = reason.trimmed
        guard !reason.isEmpty else { throw .correctionReasonRequired }
        guard let index = c.outcomes.lastIndex(where: { $0.correction == nil }) else { throw .noOutcomeToCorrect }
        try checkOutcome(result)
        let mistaken = c.outcomes[index]
        guard result != mistaken.result else { throw .unchanged(field: "办理结果", value: result) }
        var c = c
        c.outcomes[index].correction = OutcomeCorrection(correctedTo: result, correctedBy: user, date: clock.today, reason: reason)
        c.outcomes.insert(OutcomeRecord(result: result, date: mistaken.date, recordedBy: user, note: mistaken.note), at: index + 1)
        return handled(c, ["更正办理结果：\(mistaken.result) → \(result)，原因：\(reason)"])
    }

    /// Corrects （更正） the last status move, made by mistake: the case goes back to the state it
    /// came from, with a reversing journal entry (`更正状态：办理中 → 待签收，原因：…`). Leaving the
    /// signed state or a state whose reply has gone out is refused: 撤回签发 and 更正答复 do that,
    /// keeping the signed or sent text. A move made as part of a larger step (feedback, sign-off,
    /// sending back) is refused too; undoing that step takes all of it back.
    public func correctStatus(_ c: Case, reason: String) throws(HandlingError) -> Handled {
        let reason = reason.trimmed
        guard !reason.isEmpty else { throw .correctionReasonRequired }
        if c.status == workflow.signed { throw .correctionLeavesProtectedState(state: c.status, instead: "撤回签发") }
        guard let move = StatusMove.last(in: c.journal), move.to == c.status, let target = workflow.state(named: move.from) else {
            throw .noStatusMoveToCorrect(status: c.status)
        }
        let answered = workflow.answeredStates
        if answered.contains(c.status) && !answered.contains(target.name) {
            throw .correctionLeavesProtectedState(state: c.status, instead: "更正答复")
        }
        guard move.isWholeEntry else { throw .statusMovePartOfStep(entry: move.entry) }
        var c = c
        if workflow.state(named: c.status)?.needsReason == true { c.returnReason = "" }
        let change = "更正状态：\(c.status) → \(target.name)，原因：\(reason)"
        c.status = target.name
        return handled(c, [change])
    }
}

/// A status move as the journal records it: `状态：待签收 → 办理中` (with `（理由：…）` after a
/// reason), or a correction `更正状态：办理中 → 待签收，原因：…`.
struct StatusMove: Equatable {
    var from: String
    var to: String
    /// The whole journal entry the move is in.
    var entry: String
    /// Whether the entry is the move alone, rather than one part of a larger step.
    var isWholeEntry: Bool

    /// The last move still in force: moves that were undone （`撤销：…` names their entry） are passed over.
    static func last(in journal: [JournalEntry]) -> StatusMove? {
        var undone: [String] = []
        for entry in journal.reversed() {
            if entry.text.hasPrefix(undoPrefix) {
                undone.append(String(entry.text.dropFirst(undoPrefix.count)))
                continue
            }
            if let i = undone.firstIndex(of: entry.text) {
                undone.remove(at: i)
                continue
            }
            let parts = entry.text.components(separatedBy: "；")
            if let move = parts.reversed().lazy.compactMap(parse).first {
                return StatusMove(from: move.from, to: move.to, entry: entry.text, isWholeEntry: parts.count == 1)
            }
        }
        return nil
    }

    /// The journal's words for an undo: `撤销：` and the undone entry.
    static let undoPrefix = "撤销："

    private static func parse(_ part: String) -> (from: String, to: String)? {
        guard let body = ["状态：", "更正状态："].lazy.compactMap({ part.hasPrefix($0) ? part.dropFirst($0.count) : nil }).first,
              let arrow = body.range(of: " → ") else { return nil }
        let to = body[arrow.upperBound...].prefix { $0 != "（" && $0 != "，" }
        return (String(body[..<arrow.lowerBound]), String(to))
    }
}
