extension Case {
    /// The reviewer's comment of the latest 退回修改 (`CaseHandling.sendBack`), while the reply is
    /// back for changes: the case is in the workflow's sent-back state and no status change came
    /// after the send-back (sending the reply for review again, or any other move, ends it; so does
    /// undoing the send-back, which moves the case back to review). Read from the journal, where the
    /// send-back wrote it, so that a case file needs no field of its own for it; nil otherwise.
    public func sendBackComment(_ workflow: Workflow) -> String? { sendBack(workflow)?.comment }

    /// `sendBackComment` with the journal entry that wrote it: who sent the reply back, and when.
    public func sendBack(_ workflow: Workflow) -> (comment: String, entry: JournalEntry)? {
        guard status == workflow.sentBack,
              let latest = journal.last(where: { $0.text.contains(JournalText.status) }),
              latest.text.hasPrefix(JournalText.sendBack) else { return nil }
        var comment = latest.text.dropFirst(JournalText.sendBack.count)
        // The entry ends with the move it made (`；状态：待审核 → 办理中`), which is not the comment.
        if let move = comment.range(of: "；" + JournalText.status, options: .backwards) { comment = comment[..<move.lowerBound] }
        return (String(comment), latest)
    }

    /// The reply a second reply may start from: a copy of the latest superseded one (不满意 feedback,
    /// a reopening) as a draft — its date and document number cleared, since they belong to the
    /// document that was signed and sent, as the sign-off (already cleared on the case) does. Nil
    /// while the case has a reply of its own or none was superseded.
    public var supersededReplyCopy: Reply? {
        guard reply.isEmpty, var copy = previousReplies.last?.reply else { return nil }
        copy.date = nil
        copy.documentNumber = ""
        return copy
    }
}
