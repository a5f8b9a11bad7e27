import Model

extension App {
    /// The keys that handle cases — outcome, status, contact, feedback, mark, due list, statistics —
    /// from the list, the detail screen or the form. Nil for any other action.
    static func applyHandling(_ action: Action, _ state: inout AppState) -> Effect? {
        let targets = state.handlingTargets
        let handlesCases: Set<Action> = [.outcome, .status, .contact, .feedback]
        if handlesCases.contains(action) && targets.isEmpty { state.message = "没有选中的案件"; return Effect.none }
        let configuration = state.configuration
        switch action {
        case .mark:
            guard state.context == .list, !state.summaries.isEmpty else { return Effect.none }
            let id = state.summaries[state.list.selected].id
            if state.marked.remove(id) == nil { state.marked.insert(id) }
            state.list.selected = min(state.summaries.count - 1, state.list.selected + 1)
            state.message = state.marked.isEmpty ? "没有标记的案件" : "已标记\(state.marked.count)件：按 o 登记结果、m 改变状态，对全部标记的案件办理"
        case .outcome:
            let haveOutcome = targets.contains { id in !(state.summary(of: id)?.outcome.isEmpty ?? true) }
            state.menu = Menu(title: haveOutcome ? "跟踪办理：改为" : title("办理结果", targets),
                              items: configuration.outcomeScheme.map {
                                  Menu.Item(label: $0.label, command: haveOutcome ? .ask(.followUpNote(outcome: $0.label)) : .handle(.outcome($0.label, note: "")))
                              })
        case .status:
            let workflow = configuration.workflow
            let statuses = Set(targets.compactMap { state.summary(of: $0)?.status })
            let allowed = statuses.reduce(into: Optional<[String]>.none) { common, status in
                let next = workflow.transitions[status] ?? []
                common = common.map { $0.filter(next.contains) } ?? next
            } ?? []
            guard !allowed.isEmpty else {
                state.message = "“\(statuses.sorted().joined(separator: "、"))”不能再转为其他状态"
                return Effect.none
            }
            state.menu = Menu(title: title("转为", targets), items: allowed.map { target in
                if target == workflow.signed { return Menu.Item(label: "\(target)（登记签发人）", command: .ask(.signer)) }
                if statuses == [workflow.review] && target == workflow.sentBack {
                    return Menu.Item(label: "\(target)（退回修改，写明意见）", command: .ask(.sendBackComment))
                }
                if workflow.state(named: target)?.needsReason == true {
                    return Menu.Item(label: "\(target)（须写明理由）", command: .ask(.reason(state: target)))
                }
                return Menu.Item(label: target, command: .handle(.move(target, reason: "")))
            })
        case .contact:
            state.menu = Menu(title: title("面商/沟通方式", targets), items: ContactEntry.Method.allCases.map {
                Menu.Item(label: $0.rawValue, command: .ask(.contactPeople($0)))
            })
        case .feedback:
            state.menu = Menu(title: title("提出人反馈", targets), items: Feedback.Satisfaction.allCases.map {
                Menu.Item(label: $0.rawValue + ($0 == .dissatisfied ? "（重新办理，再次答复）" : ""), command: .handle(.feedback($0)))
            })
        case .due: return .showDue
        case .statistics: return .showStatistics
        default: return nil
        }
        return Effect.none
    }

    private static func title(_ what: String, _ targets: [CaseID]) -> String {
        targets.count == 1 ? "\(targets[0]) \(what)" : "\(targets.count)件案件 \(what)"
    }

    /// Keys while a question is asked on the status line: Enter answers, Esc cancels, the rest edit.
    public static func answer(question key: Key, in state: inout AppState, width: Int) -> Effect {
        guard var question = state.question else { return .none }
        switch key {
        case .escape:
            state.question = nil
            state.message = "已取消"
            return .none
        case .enter:
            state.question = nil
            switch question.answered(question.editor.text.trimmed) {
            case .question(let next): state.question = next
            case .request(let request): return .handle(request)
            }
            return .none
        default:
            _ = question.editor.handle(key, width: max(2, width - TextMetrics.width(of: question.label)), height: 1)
            state.question = question
            return .none
        }
    }
}
