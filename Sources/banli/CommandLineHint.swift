import Model

/// What to type to put a refused step right, for the errors whose way out is an option or another
/// command: `（--reason 原因）` after `更正答复须写明原因`, `（用 banli undo zx6-5-101）` after a status
/// move that only undo takes back.
///
/// The model's descriptions are shared with the terminal UI, which asks for a reason or a comment
/// itself and has keys rather than commands, so they name what is missing, not how to give it; the
/// command line adds how, here, keyed by the error's case. The options named are the ones every
/// command that can meet the error spells the same way (`--reason`, `--comment`, `--note`,
/// `--signer`).
enum CommandLineHint {
    /// The hint to add after `error`'s own description for the case `id`; nil when the description
    /// says all there is (the fix is in the case, not on the command line).
    static func hint(for error: HandlingError, case id: CaseID) -> String? {
        switch error {
        // The reason is called as the description calls it: 理由 for a move, 原因 for a correction.
        case .reasonRequired, .deadlineReasonRequired, .disclosureReasonRequired: return "（--reason 理由）"
        case .reopeningReasonRequired, .correctionReasonRequired: return "（--reason 原因）"
        case .dissatisfiedCommentRequired, .commentRequired: return "（--comment 意见）"
        case .noteRequired, .outcomeAlreadyRecorded: return "（--note 说明）"
        case .signerRequired: return "（--signer 姓名）"
        case .signOffRequired: return "（用 banli sign \(id) --signer 姓名）"
        case .replyLocked(_, _, _, let steps), .reopeningRequired(_, _, let steps):
            return steps.first.map { "（用 banli move \(id) \($0) --reason 原因）" }
        case .statusMovePartOfStep: return "（用 banli undo \(id)）"
        case .withdrawalReasonRequired: return "（--reason 理由）"
        case .mergedIntoOther, .carriesMergedCases, .mergeNotUndone: return "（用 banli unmerge 取消并案）"
        case .handlingRecorded: return "（用 banli withdraw 或 banli merge）"
        default: return nil
        }
    }

    /// What to type after an output path was refused (`OutputFile`): the file name after `-o`, or
    /// `--force`; nil when the description says it (a missing directory, a path in a store).
    static func hint(for refusal: OutputFile.Refusal) -> String? {
        switch refusal {
        case .isADirectory: return "（请在 -o 后写出文件名）"
        case .exists: return "（确要替换请加 --force）"
        case .notRegular: return "（--force 只覆盖普通文件）"
        case .insideStore, .noDirectory: return nil
        }
    }

    /// `error` as the command line reports it: a refused step with the hint for each case refused;
    /// an export of an incomplete reply with the flag that exports it anyway; a refused output path
    /// with the option that names another or replaces it; any other error as it describes itself.
    static func described(_ error: Error) -> String {
        switch error {
        case let refusal as BatchRefusal: return refusal.described { hint(for: $0.error, case: $0.id) ?? "" }
        case let refusal as OutputFile.Refusal: return "\(refusal)" + (hint(for: refusal) ?? "")
        case let incomplete as ReplyDocument.Incomplete: return "\(incomplete)（加 --draft 可导出草稿）"
        case ReplyDocument.ExportFailure.incomplete(let incomplete): return described(incomplete)
        default: return "\(error)"
        }
    }
}
