extension CaseHandling {
    /// Resolves one recorded conflict （解决冲突）: the conflict on `field` (a path as the record names
    /// it, `答复.正文.2.内容`), or the first when `field` is nil. `.mine` leaves the field as the case
    /// holds it now (`Case.openConflicts`: a change made since the merge stays); `.theirs` and `.text`
    /// set it to that text, checked as the case file's reader checks it. The record is removed; the
    /// journal says which version was taken (`解决冲突：答复.正文.2.内容（采用 lihua 的版本）`). Saved
    /// like any step, it is undone like one. A field the case no longer has (a reply section removed since the merge)
    /// can only be resolved `.mine`: the case stays as it is and the record goes. A choice that
    /// changes a reply part is an edit of the reply, refused like any while the reply is signed or
    /// sent (take the reopening step first); one that leaves the case both withdrawn and merged is
    /// refused, and so is a 状态 written other than one of the two versions (the workflow moves it).
    /// - Throws: `HandlingError.noConflicts` for a case with none, `.noConflict` when none is on
    ///   `field`, `.conflictText` when the text cannot be the field's value, `.replyLocked` (or the
    ///   case's other reply lock), `.withdrawnAndMerged`.
    public func resolve(_ c: Case, field: String? = nil, choosing choice: ConflictChoice) throws(HandlingError) -> Handled {
        guard !c.conflicts.isEmpty else { throw .noConflicts }
        let wanted = field.map { TypedText.normalized($0) }
        guard let index = wanted.map({ path in c.conflicts.firstIndex { $0.field == path } }) ?? 0 else {
            throw .noConflict(field: wanted ?? "", recorded: c.conflicts.map(\.field))
        }
        let conflict = c.conflicts[index]
        var c = c
        let shown = c.openConflicts[index]
        if choice != .mine {
            guard let target = MergeField.named(conflict.field, in: c) else { throw .conflictText(.unknownField(conflict.field)) }
            let text = if case .text(let written) = choice { written } else { conflict.theirs }
            let before = c
            do throws(MergeFieldError) { try target.set(text, in: &c, vocabulary: configuration.vocabulary) } catch { throw .conflictText(error) }
            // A status is moved by the workflow's steps, which check what each state requires: a
            // resolution only chooses between the two versions a merge found.
            if conflict.field == CaseFileKey.status, ![shown.mine, conflict.theirs].contains(c.status) {
                throw .conflictText(.invalid(field: CaseFileKey.status, why: "只能采用两个版本之一；要改为其他状态，先解决冲突，再按工作流转（m 或 banli move）"))
            }
            if target.isReplyPart, c != before { try checkReplyEditable(before) }
            if let carrier = c.mergedInto, c.withdrawal != nil, [CaseFileKey.withdrawal, CaseFileKey.mergedInto].contains(target.path) {
                throw .withdrawnAndMerged(carrier: carrier)
            }
        }
        c.conflicts.remove(at: index)
        return handled(c, ["解决冲突：\(conflict.field)（\(Self.wording(of: choice, shown))）"])
    }

    /// `采用 lihua 的版本`, `采用对方版本` when the record names nobody, `改写`.
    static func wording(of choice: ConflictChoice, _ conflict: FieldConflict) -> String {
        switch choice {
        case .mine: return conflict.mineUser.isEmpty ? "保留现有版本" : "采用 \(conflict.mineUser) 的版本"
        case .theirs: return conflict.theirsUser.isEmpty ? "采用对方版本" : "采用 \(conflict.theirsUser) 的版本"
        case .text: return "改写"
        }
    }
}
