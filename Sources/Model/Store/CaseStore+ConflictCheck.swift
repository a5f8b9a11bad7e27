/// What `banli check` says about recorded conflicts （冲突, `FieldConflict`): something to do, not
/// something wrong — the file reads well and holds both versions — so a warning, and the check
/// still passes (docs/case-file.md, 冲突).
extension CaseStore {
    static func conflictProblems(_ cases: [StoredCase]) -> [StoreProblem] {
        cases.filter { !$0.value.conflicts.isEmpty }.map { stored in
            let fields = stored.value.conflicts.map(\.field).joined(separator: "、")
            return StoreProblem(path: stored.path, line: nil,
                                reason: "有 \(stored.value.conflicts.count) 个待解决的冲突（\(fields)）：用 banli resolve \(stored.value.id) 或界面中的 R 解决",
                                severity: .warning)
        }
    }
}
