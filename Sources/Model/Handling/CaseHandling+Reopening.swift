extension CaseHandling {
    /// Takes a signed or sent reply back for changes by a configured reopening step （撤回签发、
    /// 更正答复, `Workflow.reopenings`）: the case moves to the step's state, the sign-off is cleared,
    /// and the reply as it was signed or sent is kept among the earlier replies with the step, the
    /// reason, today's date and its sign-off. The new draft starts from the same text, so what was
    /// signed is never rewritten in place.
    public func reopenReply(_ c: Case, step name: String, reason: String) throws(HandlingError) -> Handled {
        guard let step = workflow.reopening(named: name) else {
            throw .unknownState(name, allowed: workflow.states.map(\.name) + workflow.reopenings.map(\.name))
        }
        guard step.from.contains(c.status) else { throw .reopeningNotAllowed(step: name, status: c.status, from: step.from) }
        let reason = reason.trimmed
        guard !reason.isEmpty else { throw .reopeningReasonRequired(step: name) }
        var c = c
        var changes = ["\(name)：\(reason)", JournalText.change("状态", c.status, step.to)]
        c.previousReplies.append(EarlierReply(reply: c.reply, supersededBy: name, reason: reason, date: clock.today, signOff: c.signOff))
        changes.append("原答复" + (c.signOff.map { "（签发 \($0.signer) \($0.date)）" } ?? "") + "存入往次答复")
        c.signOff = nil
        c.status = step.to
        return handled(c, changes)
    }

    /// Refuses a change to the reply or its disclosure while the case's state locks it
    /// （`reply_locked`）: the message names the sign-off and the step that unlocks it.
    public func checkReplyEditable(_ c: Case) throws(HandlingError) {
        if let lock = workflow.replyLock(of: c) { throw lock }
    }

    /// Refuses a plain move that would leave a signed or sent reply editable with its sign-off on it.
    func checkLeavesLockedReply(from status: String, to state: String) throws(HandlingError) {
        guard workflow.leavesLockedReply(from: status, to: state) else { return }
        throw .reopeningRequired(from: status, to: state, reopenings: workflow.reopenings(from: status).map(\.name))
    }
}
