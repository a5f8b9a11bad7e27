extension CaseHandling {
    /// Corrects （更正） the current handling result, recorded by mistake, to `result`: a reversing
    /// entry, not a follow-up. The mistaken record stays in the history marked with the correction
    /// (to what, by whom, when, why) and the corrected result follows it with the mistaken one's date
    /// and note, so it is what the statistics and the ledger count, and the mistake is never 首次.
    public func correctOutcome(_ c: Case, to result: String, reason: String) throws(HandlingError) -> Handled {
        let reason = reason.trimmed
        guard !reason.isEmpty else { throw .correctionReasonRequired }
        guard let index = c.outcomes.lastIndex(where: { $0.correction == nil }) else { throw .noOutcomeToCorrect }
        // A signed or sent reply prints its result: correcting that is correcting the reply.
        try checkReplyEditable(c)
        let result = try checkOutcome(result)
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
        guard let move = StatusMove.last(in: c.journal), move.to == c.status, let target = workflow.state(named: move.from) else {
            // A signed state is entered by signing, not by a move: a reopening step leaves it.
            try checkReplyEditable(c)
            throw .noStatusMoveToCorrect(status: c.status)
        }
        // The same rule as a plain move: only a reopening step frees a signed or sent reply.
        try checkLeavesLockedReply(from: c.status, to: target.name)
        guard move.isWholeEntry else { throw .statusMovePartOfStep(entry: move.entry) }
        var c = c
        if workflow.state(named: c.status)?.needsReason == true { c.returnReason = "" }
        let change = "更正状态：\(c.status) → \(target.name)，原因：\(reason)"
        c.status = target.name
        return handled(c, [change])
    }
}
