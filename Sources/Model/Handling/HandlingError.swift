/// Why a handling step was refused. Each description is one line in Chinese that says what is
/// missing or wrong, so a clerk can put it right without looking anything up.
public enum HandlingError: Error, Hashable, Sendable, CustomStringConvertible {
    case unknownState(String, allowed: [String])
    case transitionNotAllowed(from: String, to: String, allowed: [String])
    /// The state needs a written reason （退回/改办）.
    case reasonRequired(state: String)
    /// The case lacks what the state requires: reply parts, 办理结果、签发人.
    case missing(state: String, parts: [String])
    /// The signed state is entered by signing off, which records who signed.
    case signOffRequired(state: String)
    case signerRequired
    case notInReview(status: String, review: String)
    case commentRequired
    case unknownOutcome(String, allowed: [String])
    /// A first result exists; changing it is a follow-up, with a note saying why.
    case outcomeAlreadyRecorded(current: String)
    case noOutcomeToFollowUp
    case noteRequired
    case unknownDisclosure(String, allowed: [String])
    case disclosureReasonRequired(category: String)
    case contactIncomplete(missing: [String])
    case notAnswered(status: String)
    case invalidFeedback(field: String, value: String, allowed: [String])
    case deadlineReasonRequired
    case deadlineBeforeAssignment(deadline: LocalDate, assignedOn: LocalDate)
    /// The step would change nothing: the field already has the value.
    case unchanged(field: String, value: String)
    /// The reply has been signed or sent （a `reply_locked` state）: it is read-only until a
    /// reopening step （`reopenings`, 撤回签发/更正答复） takes it back.
    case replyLocked(status: String, signOff: SignOff?, signed: Bool, reopenings: [String])
    /// A plain move would leave a signed or sent reply editable with its sign-off; the reopening
    /// step does it and keeps what was signed.
    case reopeningRequired(from: String, to: String, reopenings: [String])
    /// The reopening step does not start from the case's state.
    case reopeningNotAllowed(step: String, status: String, from: [String])
    /// 撤回签发 and 更正答复 need a written reason.
    case reopeningReasonRequired(step: String)
    /// A 面商 or feedback dated after the latest day the configuration allows (today, by default).
    case recordDateTooLate(field: String, date: LocalDate, latest: LocalDate, today: LocalDate)
    /// A 面商 or feedback dated before the earliest day the configuration allows (交办, by default).
    case recordDateTooEarly(field: String, date: LocalDate, earliest: LocalDate, assignedOn: LocalDate)
    /// A feedback form dated before the case's latest one: the last form recorded is the current one.
    case feedbackBeforeLatest(date: LocalDate, latest: LocalDate)
    /// 不满意 reopens the case: what the proposer objects to must be written down.
    case dissatisfiedCommentRequired
    /// A correction （更正） says why the record was wrong.
    case correctionReasonRequired
    case noOutcomeToCorrect
    /// The journal holds no status move that is still in force to reverse.
    case noStatusMoveToCorrect(status: String)
    /// The last status move was part of a larger step (feedback, sign-off, sending back) that a bare
    /// reversal would leave half undone. The description says to undo the step; how (a key, a
    /// command) is the front end's to say.
    case statusMovePartOfStep(entry: String)
    /// Undo （撤销）: there is no change banli recorded for the case.
    case nothingToUndo
    /// The latest change is someone else's and this user made none before it.
    case undoOthersChange(user: String, change: String)
    /// This user's change was followed by another user's.
    case changedSinceByOther(user: String, change: String)
    /// The case file was changed outside banli after the change.
    case changedOutsideBanli
    /// The latest change in the journal (by `user`) has no undo step: none was kept, or its save could
    /// not write one (`CaseStore.recordUndoStep`, `.banli/undo` not writable).
    case latestChangeWithoutStep(user: String, change: String)
    /// 撤案 needs the proposer's reason.
    case withdrawalReasonRequired
    case alreadyWithdrawn(date: LocalDate)
    /// Only a case still being handled （an open state） can be withdrawn.
    case notWithdrawable(status: String)
    /// The step would leave merged cases without the reply that answers them.
    case carriesMergedCases([CaseID])
    /// The case is merged into `carrier` （并入）, which answers it.
    case mergedIntoOther(carrier: CaseID)
    case withdrawnCase
    case mergeIntoItself
    case mergeKindsDiffer(CaseKind, carrier: CaseKind)
    /// The carrier is itself merged into another case: merges do not chain.
    case mergeChain(CaseID, into: CaseID)
    /// A merged case has no reply of its own: the carrier's answers it.
    case mergedCaseHasReply
    case mergeClosed(status: String)
    case notMerged
    case carrierAnswered(CaseID, status: String)
    /// Deleting is for cases entered by mistake: handling is recorded on this one.
    case handlingRecorded(String)
    /// Undo would take back one side of a merge: `unmerge` (or `merge`) takes back both.
    case mergeNotUndone(change: String)
    /// 解决冲突: the case has no recorded conflict （冲突）.
    case noConflicts
    /// No conflict is recorded on `field`; `recorded` are the fields that have one.
    case noConflict(field: String, recorded: [String])
    /// The text chosen to resolve a conflict cannot be the field's value.
    case conflictText(MergeFieldError)
    /// Resolving would leave the case both withdrawn （撤案） and merged into `carrier` （并入）.
    case withdrawnAndMerged(carrier: CaseID)

    public var description: String {
        switch self {
        case .unknownState(let name, let allowed): return "未知状态“\(name)”（可选：\(allowed.joined(separator: "、"))）"
        case .transitionNotAllowed(let from, let to, let allowed):
            let options = allowed.isEmpty ? "“\(from)”不能再转为其他状态" : "“\(from)”只能转为：\(allowed.joined(separator: "、"))"
            return "不能从“\(from)”转为“\(to)”（\(options)）"
        case .reasonRequired(let state): return "转为“\(state)”须写明理由"
        case .missing(let state, let parts): return "不能转为“\(state)”：缺少 \(parts.joined(separator: "、"))"
        case .signOffRequired(let state): return "转为“\(state)”须经签发，登记签发人"
        case .signerRequired: return "签发须写明签发人"
        case .notInReview(let status, let review): return "只有“\(review)”的答复可以退回修改（当前状态为“\(status)”）"
        case .commentRequired: return "退回修改须写明修改意见"
        case .unknownOutcome(let result, let allowed): return "未知办理结果“\(result)”（可选：\(allowed.joined(separator: "、"))）"
        case .outcomeAlreadyRecorded(let current): return "已有办理结果“\(current)”，更改须作为跟踪办理并写明说明"
        case .noOutcomeToFollowUp: return "尚无办理结果，不能跟踪办理"
        case .noteRequired: return "跟踪办理须写明说明"
        case .unknownDisclosure(let category, let allowed): return "未知公开属性“\(category)”（可选：\(allowed.joined(separator: "、"))）"
        case .disclosureReasonRequired(let category): return "公开属性为“\(category)”时须写明理由"
        case .contactIncomplete(let missing): return "面商记录缺少 \(missing.joined(separator: "、"))"
        case .notAnswered(let status): return "案件尚未答复（当前状态为“\(status)”），不能登记反馈"
        case .invalidFeedback(let field, let value, let allowed):
            return "反馈的\(field)“\(value)”无效（可选：\(allowed.joined(separator: "、"))）"
        case .deadlineReasonRequired: return "修改答复期限须写明理由"
        case .deadlineBeforeAssignment(let deadline, let assignedOn): return "答复期限 \(deadline) 早于交办日期 \(assignedOn)"
        case .unchanged(let field, let value): return "\(field)已是“\(value)”，未作更改"
        case .replyLocked(let status, let signOff, let signed, let reopenings):
            // The signed state names the signing itself; a later state says it was signed.
            let signature = signOff.map { "（\($0.signer) \($0.date)\(signed ? "" : " 签发")）" } ?? ""
            let how = reopenings.isEmpty ? "" : "。要修改请先\(reopenings.joined(separator: "或"))"
            return "\(status)\(signature)，答复只读\(how)"
        case .reopeningRequired(let from, let to, let reopenings):
            let how = reopenings.isEmpty ? "" : "，须经“\(reopenings.joined(separator: "”或“"))”并写明原因"
            return "不能从“\(from)”直接转为“\(to)”：答复已签发，只读\(how)"
        case .reopeningNotAllowed(let step, let status, let from):
            return "只有“\(from.joined(separator: "”“"))”的案件可以\(step)（当前状态为“\(status)”）"
        case .reopeningReasonRequired(let step): return "\(step)须写明原因"
        case .recordDateTooLate(let field, let date, let latest, let today):
            return "\(field) \(date) 晚于" + (latest == today ? "今天 \(today)" : " \(latest)（今天起\(today.days(until: latest))天内）")
        case .recordDateTooEarly(let field, let date, let earliest, let assignedOn):
            return "\(field) \(date) 早于" + (earliest == assignedOn ? "交办日期 \(assignedOn)" : " \(earliest)（交办日期 \(assignedOn) 前\(earliest.days(until: assignedOn))天）")
        case .feedbackBeforeLatest(let date, let latest):
            return "反馈日期 \(date) 早于已登记的反馈（\(latest)）：后收到的反馈表才是当前的，请核对日期"
        case .dissatisfiedCommentRequired: return "登记“不满意”须写明提出人的意见"
        case .correctionReasonRequired: return "更正须写明原因"
        case .noOutcomeToCorrect: return "尚无办理结果，无可更正"
        case .noStatusMoveToCorrect(let status): return "日志中没有转为当前状态“\(status)”的状态变更，无可更正"
        case .statusMovePartOfStep(let entry): return "上一次状态变更是“\(entry)”的一部分，不能单独更正；可撤销这一步"
        case .nothingToUndo: return "没有可撤销的更改"
        case .undoOthersChange(let user, let change): return "最近一次更改“\(change)”是 \(user) 作出的，只能撤销自己的更改"
        case .changedSinceByOther(let user, let change): return "此后 \(user) 已修改本案件（\(change)），不能撤销"
        case .changedOutsideBanli: return "此后案件文件已在 banli 之外被修改，不能撤销"
        case .latestChangeWithoutStep(let user, let change): return "最近一次更改“\(change)”（\(user) 作出）没有撤销记录，不能撤销"
        case .withdrawalReasonRequired: return "撤案须写明理由"
        case .alreadyWithdrawn(let date): return "已于 \(date) 撤案"
        case .notWithdrawable(let status): return "案件为“\(status)”，已不在办理中，不能撤案"
        case .carriesMergedCases(let ids): return "本案有并入的案件（\(ids.map(\.description).joined(separator: "、"))），须先取消并案"
        case .mergedIntoOther(let carrier): return "已并入 \(carrier)，须先取消并案"
        case .withdrawnCase: return "已撤案"
        case .mergeIntoItself: return "不能并入自身"
        case .mergeKindsDiffer(let kind, let carrier): return "是\(kind.documentName)，不能并入\(carrier.documentName)"
        case .mergeChain(let id, let into): return "\(id) 已并入 \(into)，不能再承接并案"
        case .mergedCaseHasReply: return "已有自己的答复，不能并入其他案件（并案的案件由承接的案件一并答复）"
        case .mergeClosed(let status): return "案件为“\(status)”，已不在办理中，不能并案"
        case .notMerged: return "没有并入其他案件"
        case .carrierAnswered(let carrier, let status): return "\(carrier) 已“\(status)”，其答复已一并答复本案，不能取消并案"
        case .mergeNotUndone(let change): return "最近一次更改“\(change)”也改了其他案件，不能单独撤销；请取消并案或重新并案"
        case .handlingRecorded(let what): return "已有办理记录（\(what)），不能删除；只有误建、误导入的案件可以删除"
        case .noConflicts: return "没有待解决的冲突"
        case .noConflict(let field, let recorded): return "没有“\(field)”的冲突（待解决：\(recorded.joined(separator: "、"))）"
        case .conflictText(let error): return "不能解决冲突：\(error)"
        case .withdrawnAndMerged(let carrier):
            return "不能解决冲突：案件不能既撤案又并入 \(carrier)（先把“撤案”或“并入”的另一项冲突解决为空的一方）"
        }
    }
}

/// Something worth saying about a step that was nevertheless taken.
public enum HandlingWarning: Hashable, Sendable, CustomStringConvertible {
    /// Signed with no 面商/沟通 on record: replies are expected to follow a meeting with the proposer.
    case noContactOnRecord
    /// A carrier's opening of the clerk's own, not reworded by the merge, leaves out these merged
    /// cases' numbers (`Case.mergedNumbers(notIn:)`).
    case openingOmitsMergedNumbers([String])

    public var description: String {
        switch self {
        case .noContactOnRecord: return "尚无面商记录：答复签发前通常应与提出人面商或沟通"
        case .openingOmitsMergedNumbers(let numbers):
            return "答复开头未提及并入的\(numbers.joined(separator: "、"))（开头为自拟文字，未自动改写），请补写"
        }
    }
}
