import Model

extension AppRunner {
    /// Carries out `request` on the cases it targets: every case is read, the step checked on all of
    /// them (all or none), and each saved under its revision. The list, an open detail screen and an
    /// open form follow the saved versions.
    func carryOut(_ request: HandlingRequest) {
        let ids = state.handlingTargets
        let handling = CaseHandling(configuration: state.configuration, user: workspace.user, clock: workspace.clock)
        let stored: [StoredCase]
        let results: [Handled]
        do {
            stored = try ids.map { id throws(StoreError) in try workspace.store.load(id) }
            results = try handling.applying(request.step(handling), to: stored.map(\.value))
        } catch {
            state.message = "\(error)"
            return
        }
        var saved = 0
        for (before, result) in zip(stored, results) {
            do {
                let after = try workspace.store.save(result.value, replacing: before.revision)
                saved += 1
                state.update(after.value)
                if state.form?.id == after.value.id { state.form?.rebase(on: after) }
                if state.detail?.id == after.value.id {
                    state.detail = AppState.PagerState(id: after.value.id, text: CaseReport(after.value, configuration: state.configuration, today: state.today).text)
                }
            } catch {
                state.message = saved == 0 ? "\(error)" : "已办理\(saved)件，其余未办理：\(error)"
                return
            }
        }
        state.marked = []
        let warnings = Set(results.flatMap(\.warnings)).map(\.description)
        let done = results.count == 1 ? "\(results[0].value.id)：\(results[0].entry.text)" : "已为\(results.count)件案件办理：\(results[0].entry.text)"
        state.message = ([done] + warnings).joined(separator: "；")
    }

    /// The due list: every case read in full (feedback and reply dates are not in the index), and
    /// the list narrowed to the ones needing action, earliest due first.
    func showDue() {
        do {
            let loaded = try workspace.store.loadAll()
            let items = Attention.items(in: loaded.cases, on: state.today, configuration: state.configuration)
            state.show(filter: .attention(Set(items.map(\.id))), order: .deadline)
            var counts: [String: Int] = [:]
            for item in items { counts[item.kind, default: 0] += 1 }
            let summary = ["逾期", "即将到期", "退回期限", "反馈未回"].compactMap { k in counts[k].map { "\(k)\($0)件" } }
            state.message = items.isEmpty ? "今天没有需要处理的案件" : "需要处理\(Set(items.map(\.id)).count)件：" + summary.joined(separator: "、")
        } catch {
            state.message = "\(error)"
        }
    }

    /// Statistics from the list's summaries, which carry what they count.
    func showStatistics() {
        state.preview = AppState.PagerState(id: nil, text: CaseStatistics(state.all, configuration: state.configuration).text)
    }
}

private extension AttentionItem {
    /// The group the status line counts this item in.
    var kind: String {
        switch reason {
        case .overdue: return "逾期"
        case .dueSoon: return "即将到期"
        case .returnWindow: return "退回期限"
        case .feedbackMissing: return "反馈未回"
        }
    }
}
