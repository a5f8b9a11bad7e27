extension CaseHandling {
    /// Sets the disclosure （公开属性） from the configured options; anything but 主动公开 needs a reason.
    public func setDisclosure(_ c: Case, _ category: String, reason: String = "") throws(HandlingError) -> Handled {
        // The disclosure is printed at the head of the reply: a signed reply's is signed with it.
        try checkReplyEditable(c)
        let options = configuration.disclosure.options
        let category = CaseHandling.word(category, in: options)
        guard options.contains(category) else { throw .unknownDisclosure(category, allowed: options) }
        let disclosure = Disclosure(category: category, reason: reason.trimmed)
        if disclosure.needsReason && disclosure.reason.isEmpty { throw .disclosureReasonRequired(category: category) }
        guard disclosure != c.disclosure else { throw .unchanged(field: "公开属性", value: category) }
        var c = c
        let old = c.disclosure?.category ?? ""
        c.disclosure = disclosure
        return handled(c, [JournalText.change("公开属性", old, category) + (disclosure.reason.isEmpty ? "" : "（理由：\(disclosure.reason)）")])
    }

    /// Adds a 面商/沟通 entry; who took part and what was said are required, and its date must lie
    /// between 交办 and today (`recordDates`; only not after today for a case without 交办日期).
    public func addContact(_ c: Case, _ entry: ContactEntry) throws(HandlingError) -> Handled {
        try checkRecordDate(entry.date, "面商日期", assignedOn: c.assignedOn)
        var entry = entry
        entry.people = entry.people.trimmed
        entry.summary = entry.summary.trimmed
        let missing = [("人员", entry.people), ("摘要", entry.summary)].filter { $0.1.isEmpty }.map(\.0)
        guard missing.isEmpty else { throw .contactIncomplete(missing: missing) }
        var c = c
        // Kept in date order, since entries are often written up after the event.
        c.contacts.insert(entry, at: c.contacts.firstIndex { $0.date > entry.date } ?? c.contacts.endIndex)
        return handled(c, ["登记面商（\(entry.method.rawValue)，\(entry.date)）：\(entry.people)"])
    }

    /// Records the proposer's feedback on a reply that has gone out; a missing date is today's, and a
    /// date must lie between 交办 and today (`recordDates`). The form is added to the case's feedback
    /// history: an earlier one, with its date and details, stays. 不满意 needs the proposer's comment
    /// and reopens the case for a second reply: the reply moves to `previousReplies`, the sign-off is
    /// cleared for the new reply, and the deadline becomes the configured second-reply deadline.
    public func recordFeedback(_ c: Case, _ feedback: Feedback) throws(HandlingError) -> Handled {
        guard workflow.answeredStates.contains(c.status) else { throw .notAnswered(status: c.status) }
        var feedback = feedback
        feedback.attitude = CaseHandling.word(feedback.attitude, in: Feedback.attitudes)
        feedback.relevance = CaseHandling.word(feedback.relevance, in: Feedback.relevances)
        feedback.viewOfResult = CaseHandling.word(feedback.viewOfResult, in: Feedback.viewsOfResult)
        let details = [("工作态度", feedback.attitude, Feedback.attitudes), ("针对性", feedback.relevance, Feedback.relevances),
                       ("结果看法", feedback.viewOfResult, Feedback.viewsOfResult)]
        if let bad = details.first(where: { !$0.1.isEmpty && !$0.2.contains($0.1) }) {
            throw .invalidFeedback(field: bad.0, value: bad.1, allowed: bad.2)
        }
        feedback.comment = feedback.comment.trimmed
        if feedback.satisfaction == .dissatisfied && feedback.comment.isEmpty { throw .dissatisfiedCommentRequired }
        let date = feedback.date ?? clock.today
        try checkRecordDate(date, "反馈日期", assignedOn: c.assignedOn)
        // The last form is the current one: a form dated before it would become current unnoticed.
        if let latest = c.feedback.compactMap(\.date).max(), date < latest {
            throw .feedbackBeforeLatest(date: date, latest: latest)
        }
        feedback.date = date
        var c = c
        // A later form with the same answer is recorded as such, not as a change to it.
        let previous = c.currentFeedback.map(\.satisfaction).flatMap { $0 == feedback.satisfaction ? nil : $0.rawValue } ?? ""
        var changes = [JournalText.change("反馈", previous, feedback.satisfaction.rawValue) + "（\(date)）"]
        c.feedback.append(feedback)
        if feedback.satisfaction == .dissatisfied {
            changes.append(try enter(workflow.reopened, &c))
            if !c.reply.isEmpty {
                c.previousReplies.append(EarlierReply(reply: c.reply, supersededBy: feedback.satisfaction.rawValue,
                                                      reason: feedback.comment.trimmed, date: date, signOff: c.signOff))
                c.reply = Reply()
                changes.append("原答复移入往次答复，重新办理")
            }
            c.signOff = nil
            let due = configuration.deadlines.secondReplyDeadline(feedbackOn: date)
            changes.append(JournalText.change("答复期限", c.deadline?.description ?? "", due.description))
            c.deadline = due
            c.deadlineNote = "反馈不满意，二次答复期限为反馈后\(configuration.deadlines.secondReplyMonths)个月"
        }
        return handled(c, changes)
    }

    /// Sets the reply deadline by hand, e.g. an extension agreed for a difficult case; the reason is
    /// kept beside the deadline.
    public func setDeadline(_ c: Case, to date: LocalDate, reason: String) throws(HandlingError) -> Handled {
        let reason = reason.trimmed
        guard !reason.isEmpty else { throw .deadlineReasonRequired }
        if let assigned = c.assignedOn, date < assigned {
            throw .deadlineBeforeAssignment(deadline: date, assignedOn: assigned)
        }
        guard date != c.deadline else { throw .unchanged(field: "答复期限", value: date.description) }
        var c = c
        let old = c.deadline?.description ?? ""
        c.deadline = date
        c.deadlineNote = reason
        return handled(c, [JournalText.change("答复期限", old, date.description) + "（理由：\(reason)）"])
    }

    /// Refuses a 面商 or feedback date (`field` names which) outside the days the configuration
    /// allows for a case assigned on `assignedOn` (`DeadlineRules.recordDates`). Without 交办日期
    /// there is no earliest day: only a date after the allowed latest one is refused.
    public func checkRecordDate(_ date: LocalDate, _ field: String, assignedOn: LocalDate?) throws(HandlingError) {
        // The latest day does not depend on 交办 (nor does today as a stand-in move it): only the
        // earliest does, and it is checked only for a case that has one.
        let allowed = configuration.deadlines.recordDates(assignedOn: assignedOn ?? clock.today, today: clock.today)
        if date > allowed.upperBound {
            throw .recordDateTooLate(field: field, date: date, latest: allowed.upperBound, today: clock.today)
        }
        if let assignedOn, date < allowed.lowerBound {
            throw .recordDateTooEarly(field: field, date: date, earliest: allowed.lowerBound, assignedOn: assignedOn)
        }
    }
}
