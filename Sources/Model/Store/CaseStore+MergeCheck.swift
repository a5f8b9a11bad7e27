/// What `banli check` says about 并案 between case files that each read well: the two sides of a
/// merge are written one file after the other (`CaseHandling.merge`), so a crash or a hand edit can
/// leave a merged case whose carrier does not list it, or the other way round. Every reader takes
/// the merged case's own `并入` as what counts (its status, the statistics); these warnings name the
/// command that makes both sides agree again.
extension CaseStore {
    static func mergeProblems(_ cases: [StoredCase]) -> [StoreProblem] {
        let byID = Dictionary(cases.map { ($0.value.id, $0) }, uniquingKeysWith: { first, _ in first })
        var problems: [StoreProblem] = []
        func warn(_ stored: StoredCase, _ reason: String) {
            problems.append(StoreProblem(path: stored.path, line: nil, reason: reason, severity: .warning))
        }
        for stored in cases {
            let c = stored.value
            if let into = c.mergedInto, c.withdrawal != nil {
                // Each step refuses this; a merge of two copies or a hand edit can still write it.
                warn(stored, "既已撤案又并入 \(into)，两者只能有一个（用 banli resolve 解决冲突，或编辑案件文件删去其一）")
            }
            if let into = c.mergedInto {
                if let carrier = byID[into] {
                    if !carrier.value.mergedCases.contains(where: { $0.id == c.id }) {
                        warn(stored, "并入 \(into)，但 \(into) 的“并案”中没有本案（补全：banli merge \(into) \(c.id)；或取消：banli unmerge \(c.id)）")
                    }
                } else {
                    warn(stored, "并入 \(into)，但案件库中没有 \(into)（取消并案：banli unmerge \(c.id)）")
                }
            }
            for entry in c.mergedCases {
                guard let merged = byID[entry.id] else {
                    warn(stored, "“并案”中的 \(entry.id) 不在案件库中（请从“并案”中删去这一项）")
                    continue
                }
                if merged.value.mergedInto != c.id {
                    warn(stored, "“并案”中列有 \(entry.id)，但它没有并入本案（补全：banli merge \(c.id) \(entry.id)）")
                } else if entry != MergedCase(merged.value) {
                    warn(stored, "“并案”中 \(entry.id) 的案号或提出人与该案件不同，答复会按本案所记的称呼（更新：banli merge \(c.id) \(entry.id)）")
                }
            }
        }
        return problems
    }
}
