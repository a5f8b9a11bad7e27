extension CaseHandling {
    /// Records that the proposer withdrew the case （撤案） on `date` (today when nil) for `reason`.
    /// An office takes a withdrawal only while the case is being handled: a case whose reply has gone
    /// out, or that is closed or returned （a state not `open`）, has nothing left to withdraw; a case
    /// merged into another is withdrawn from the carrier after `unmerge`, and a case carrying merged
    /// cases cannot leave them without a reply. The case's status is left as it was, so undo
    /// （`banli undo`, `u`） takes the withdrawal back like any step.
    public func withdraw(_ c: Case, reason: String, date: LocalDate? = nil) throws(HandlingError) -> Handled {
        try checkWithdrawable(c)
        let reason = reason.trimmed
        guard !reason.isEmpty else { throw .withdrawalReasonRequired }
        let date = date ?? clock.today
        try checkRecordDate(date, "撤案日期", assignedOn: c.assignedOn)
        var c = c
        c.withdrawal = Withdrawal(date: date, reason: reason, recordedBy: user)
        return handled(c, ["撤案（\(date)）：\(reason)"])
    }

    /// `checkWithdrawable(_:)` on each of `cases`, naming every case refused.
    public func checkWithdrawable(_ cases: [Case]) throws(BatchRefusal) {
        var refusals: [BatchRefusal.Refusal] = []
        for c in cases {
            do { try checkWithdrawable(c) } catch { refusals.append(.init(id: c.id, error: error)) }
        }
        guard refusals.isEmpty else { throw BatchRefusal(refusals: refusals, total: cases.count) }
    }

    /// Refuses 撤案 whatever the reason and date: a case already withdrawn, merged into another, carrying
    /// merged cases, or no longer being handled. `withdraw` runs it first; a front end runs it before
    /// asking for the reason, so a step that cannot be taken asks nothing.
    public func checkWithdrawable(_ c: Case) throws(HandlingError) {
        if let w = c.withdrawal { throw .alreadyWithdrawn(date: w.date) }
        if let carrier = c.mergedInto { throw .mergedIntoOther(carrier: carrier) }
        guard c.mergedCases.isEmpty else { throw .carriesMergedCases(c.mergedCases.map(\.id)) }
        guard workflow.isOpen(c.status) else { throw .notWithdrawable(status: c.status) }
    }

    /// Merges `cases` into `carrier` （并案）: one reply, the carrier's, answers them all. Each merged
    /// case points to the carrier (`并入`) and the carrier lists them (`并案`, with the number and
    /// proposers its reply names). Refused — naming each case — for a case of another kind, the
    /// carrier itself, a chain (the carrier merged into another case, or a case that carries merged
    /// cases of its own), a case merged into another carrier, a withdrawn case, a case with reply
    /// text of its own, and any case (the carrier too) no longer open. A case already merged into
    /// this carrier is taken again: its entry is brought up to date (this mends a merge a crash cut
    /// short). The merged cases come first in the result and the carrier last: saved in that order,
    /// a crash leaves at most a case pointing to a carrier that does not list it yet, which `banli
    /// check` reports and `banli merge` again mends.
    public func merge(_ cases: [Case], into carrier: Case) throws(BatchRefusal) -> [Handled] {
        var refusals: [BatchRefusal.Refusal] = []
        func refuse(_ c: Case, _ error: HandlingError) { refusals.append(.init(id: c.id, error: error)) }
        if let into = carrier.mergedInto { refuse(carrier, .mergeChain(carrier.id, into: into)) }
        if carrier.withdrawal != nil { refuse(carrier, .withdrawnCase) }
        if !workflow.isOpen(carrier.status) {
            refuse(carrier, .mergeClosed(status: carrier.status))
        } else if let lock = workflow.replyLock(of: carrier), carrier.mergedInto == nil, carrier.withdrawal == nil {
            refuse(carrier, lock)
        }
        for c in cases {
            if c.id == carrier.id { refuse(c, .mergeIntoItself); continue }
            if c.kind != carrier.kind { refuse(c, .mergeKindsDiffer(c.kind, carrier: carrier.kind)); continue }
            if !c.mergedCases.isEmpty { refuse(c, .carriesMergedCases(c.mergedCases.map(\.id))); continue }
            if let into = c.mergedInto, into != carrier.id { refuse(c, .mergedIntoOther(carrier: into)); continue }
            if c.withdrawal != nil { refuse(c, .withdrawnCase); continue }
            if !c.reply.isEmpty { refuse(c, .mergedCaseHasReply); continue }
            if !workflow.isOpen(c.status) { refuse(c, .mergeClosed(status: c.status)) }
        }
        let total = Set(cases.map(\.id) + [carrier.id]).count
        guard refusals.isEmpty else { throw BatchRefusal(refusals: refusals, total: total) }
        var entries = carrier.mergedCases.filter { old in !cases.contains { $0.id == old.id } } + cases.map(MergedCase.init)
        entries.sort { $0.id < $1.id }
        guard entries != carrier.mergedCases || cases.contains(where: { $0.mergedInto == nil }) else {
            throw BatchRefusal(refusals: [.init(id: carrier.id, error: .unchanged(field: "并案", value: entries.map(\.id.description).joined(separator: "、")))],
                               total: total)
        }
        let merged = cases.map { c in
            var c = c
            c.mergedInto = carrier.id
            return handled(c, ["并案：并入 \(carrier.id)，由其答复"])
        }
        var updated = carrier
        updated.mergedCases = entries
        let reworded = reword(carrier, &updated)
        // An opening of the clerk's own is left as written: the step says what it leaves out.
        let missing = updated.mergedNumbers(notIn: updated.reply.opening)
        let warnings = missing.isEmpty ? [] : [HandlingWarning.openingOmitsMergedNumbers(missing)]
        return merged + [handled(updated, ["并案：\(cases.map(\.id.description).joined(separator: "、")) 并入本案，一并答复"] + reworded, warnings: warnings)]
    }

    /// Takes `c` out of the merge it is in （取消并案）: the carrier (nil when its file is gone)
    /// drops it from its list, and `c` no longer points to it, so `c` is handled on its own again.
    /// Refused when `c` is merged into nothing, and when the carrier's reply has gone out (it answered
    /// `c` too). The carrier comes first in the result: saved in that order, a crash leaves what a
    /// crash during `merge` would. A carrier that does not list `c` (such a crash) is left alone.
    public func unmerge(_ c: Case, from carrier: Case?) throws(HandlingError) -> [Handled] {
        guard let into = c.mergedInto else { throw .notMerged }
        var results: [Handled] = []
        if var carrier, carrier.id == into, carrier.mergedCases.contains(where: { $0.id == c.id }) {
            if workflow.answeredStates.contains(carrier.status) { throw .carrierAnswered(carrier.id, status: carrier.status) }
            let before = carrier
            carrier.mergedCases.removeAll { $0.id == c.id }
            let reworded = reword(before, &carrier)
            results.append(handled(carrier, ["取消并案：\(c.id) 不再并入本案"] + reworded))
        }
        var c = c
        c.mergedInto = nil
        return results + [handled(c, ["取消并案：不再并入 \(into)"])]
    }

    /// Brings the salutation and the opening's first paragraph of `after`'s reply draft into line
    /// with its merged cases, where they are still the wording the template gave `before` (a clerk's
    /// own wording is left alone). Returns the journal's words when it changed anything.
    private func reword(_ before: Case, _ after: inout Case) -> [String] {
        guard !after.reply.isEmpty else { return [] }
        let old = ReplyWording(for: before, configuration: configuration), new = ReplyWording(for: after, configuration: configuration)
        var changed: [String] = []
        if after.reply.salutation == old.salutation, old.salutation != new.salutation {
            after.reply.salutation = new.salutation
            changed.append("称呼")
        }
        var paragraphs = after.reply.opening.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if paragraphs.first == old.opening, old.opening != new.opening {
            paragraphs[0] = new.opening
            after.reply.opening = paragraphs.joined(separator: "\n")
            changed.append("开头")
        }
        return changed.isEmpty ? [] : ["答复的\(changed.joined(separator: "、"))随之更新"]
    }

    /// `checkDeletable` for each of `cases`, all refusals at once.
    public func checkDeletable(_ cases: [Case]) throws(BatchRefusal) {
        var refusals: [BatchRefusal.Refusal] = []
        for c in cases {
            do { try checkDeletable(c) } catch { refusals.append(.init(id: c.id, error: error)) }
        }
        guard refusals.isEmpty else { throw BatchRefusal(refusals: refusals, total: cases.count) }
    }

    /// Refuses to delete a case on which handling has been recorded: only a case entered by mistake
    /// （a wrong `banli new`, a mistaken import） may be deleted, one whose journal holds nothing but
    /// its creation and which holds no reply, result, sign-off, contact, feedback, earlier reply,
    /// withdrawal or merge, and is still in the initial state. The error names the first such record.
    public func checkDeletable(_ c: Case) throws(HandlingError) {
        let records: [(Bool, String)] = [
            (!c.reply.isEmpty, "答复"), (!c.outcomes.isEmpty, "办理结果"), (c.signOff != nil, "签发"),
            (!c.contacts.isEmpty, "面商记录"), (!c.feedback.isEmpty, "反馈"), (!c.previousReplies.isEmpty, "往次答复"),
            (c.withdrawal != nil, "撤案"), (c.mergedInto != nil || !c.mergedCases.isEmpty, "并案"),
            (c.status != workflow.initial, "状态“\(c.status)”"),
        ]
        if let later = c.journal.dropFirst().first { throw .handlingRecorded("日志：\(later.time.prefix(10)) \(later.user) \(later.text)") }
        if let record = records.first(where: \.0) { throw .handlingRecorded(record.1) }
    }
}
