import Model

/// The keys that handle cases — outcome, status, contact, feedback — on any screen that
/// `HandlesCases`: the menu each opens, the questions that follow, the confirmation for what cannot be
/// taken back, the step itself (worked out here from the cases as the runner read them, by the
/// same `CaseHandling` rules as the command line), and the message when it is done.
enum HandlingFlow {
    /// What a menu item or an answer leads to.
    enum Next: Hashable, Sendable {
        case request(HandlingRequest)
        case ask(HandlingQuestion)
    }

    /// A menu item's, question's or confirmation's value: the cases, whether they are marks, and what
    /// comes next.
    struct Step: Sendable {
        var targets: [CaseID]
        var marked: Bool
        var next: Next
    }

    static func handles(_ action: Action) -> Bool { Action.handling.contains(action) }

    /// Opens the menu for `action` on `targets`, or says why there is nothing to choose.
    static func start(_ action: Action, targets: [CaseID], marked: Bool, _ u: inout Update) {
        guard !targets.isEmpty else { u.say("没有选中的案件"); return }
        let summaries = targets.compactMap { u.cases.summary(of: $0) }
        let configuration = u.configuration, workflow = configuration.workflow
        func item(_ label: String, _ next: Next) -> MenuLayer.Item { MenuLayer.Item(label, Step(targets: targets, marked: marked, next: next)) }
        switch action {
        case .outcome:
            let recorded = Set(summaries.map { $0.outcome.isEmpty })
            guard recorded.count == 1 else {
                u.say("标记的案件有的已有办理结果、有的还没有：登记结果和跟踪办理请分开进行")
                return
            }
            let followUp = recorded == [false]
            // A follow-up to the result a case already has would change nothing.
            let current = Set(summaries.map(\.outcome))
            let offered = configuration.outcomeScheme.filter { !(followUp && current == [$0.label]) }
            u.open(MenuLayer(title: title(followUp ? "跟踪办理：结果改为" : "办理结果", targets), items: offered.map {
                item($0.label, followUp ? .ask(.followUpNote(outcome: $0.label)) : .request(.outcome($0.label, note: "")))
            }))
        case .status:
            let statuses = Set(summaries.map(\.status))
            let allowed = statuses.reduce(into: [String]?.none) { common, status in
                let next = workflow.transitions[status] ?? []
                common = common.map { $0.filter(next.contains) } ?? next
            } ?? []
            guard !allowed.isEmpty else {
                u.say(statuses.count == 1 ? "“\(statuses.first!)”的案件不能再转为其他状态"
                      : "标记的案件状态不同（\(statuses.sorted().joined(separator: "、"))），没有都能转入的状态")
                return
            }
            u.open(MenuLayer(title: title("转为", targets), items: allowed.map { target in
                if target == workflow.signed { return item("\(target)（登记签发人）", .ask(.signer)) }
                if statuses == [workflow.review] && target == workflow.sentBack {
                    return item("\(target)（退回修改，写明意见）", .ask(.sendBackComment))
                }
                if workflow.state(named: target)?.needsReason == true { return item("\(target)（须写明理由）", .ask(.reason(state: target))) }
                return item(target, .request(.move(target, reason: "")))
            }))
        case .contact:
            u.open(MenuLayer(title: title("面商/沟通方式", targets), items: ContactEntry.Method.allCases.map {
                item($0.rawValue, .ask(.contactPeople($0)))
            }))
        case .feedback:
            if let open = summaries.first(where: { !workflow.answeredStates.contains($0.status) }) {
                let which = targets.count == 1 ? "" : "标记的案件中 \(open.id) "
                u.say("\(which)尚未答复（当前状态为“\(open.status)”），答复后才能登记提出人的反馈")
                return
            }
            u.open(MenuLayer(title: title("提出人反馈", targets), items: Feedback.Satisfaction.allCases.map {
                item($0.rawValue + ($0 == .dissatisfied ? "（重新办理，再次答复）" : ""), .request(.feedback($0)))
            }))
        default: break
        }
    }

    /// Goes on when a layer the flow opened answers; false when the answer is not the flow's.
    static func resume(_ answer: LayerAnswer, _ u: inout Update) -> Bool {
        switch answer {
        case .chosen(let step as Step): proceed(step, &u)
        case .answered(let text, let step as Step):
            guard case .ask(let question) = step.next else { return true }
            proceed(Step(targets: step.targets, marked: step.marked, next: question.answered(text)), &u)
        case .confirmed(let step as Step):
            if case .request(let request) = step.next { u.run(.loadForHandling(request, step.targets)) }
        case .cancelled(is Step): break
        default: return false
        }
        return true
    }

    private static func proceed(_ step: Step, _ u: inout Update) {
        switch step.next {
        case .ask(let question):
            u.open(QuestionLayer(question.label, purpose: step, required: question.required))
        case .request(let request):
            if let question = confirmation(request, step) {
                u.open(ConfirmationLayer(question, purpose: step))
            } else {
                u.run(.loadForHandling(request, step.targets))
            }
        }
    }

    /// What to ask before `request`, when it cannot simply be taken back: any step on marked cases
    /// (they need not be the row in view), and 不满意, which reopens a case.
    static func confirmation(_ request: HandlingRequest, _ step: Step) -> String? {
        if step.marked {
            return "对 \(step.targets.count) 件标记的案件（\(step.targets.named)）\(request.summary)"
        }
        if case .feedback(.dissatisfied) = request {
            return "登记“不满意”将重新办理 \(step.targets[0])：原答复移入往次答复，签发作废，重新计算答复期限"
        }
        return nil
    }

    /// The effects of a handling step coming back: with the cases read, the step is worked out on all
    /// of them (all or none) and the changed cases saved; once saved, the status line says what was
    /// done. Returns the report when the step has finished, nil while it goes on or for any other result.
    static func receive(_ result: EffectResult, _ u: inout Update) -> HandlingReport? {
        switch result {
        case .loadedForHandling(let request, let stored):
            let handling = CaseHandling(configuration: u.configuration, user: u.environment.user, clock: u.environment.clock)
            do {
                let results = try handling.applying(request.step(handling), to: stored.map(\.value))
                u.run(.saveHandled(results, bases: stored.map(\.revision)))
            } catch {
                u.say("\(error)")
            }
            return nil
        case .handled(let report):
            finish(report, &u)
            return report
        default: return nil
        }
    }

    /// The status line once a step is done (or why it stopped).
    private static func finish(_ report: HandlingReport, _ u: inout Update) {
        if let failure = report.failure {
            u.say(report.saved.isEmpty ? "\(failure)" : "已办理\(report.saved.count)件，其余未办理：\(failure)")
            return
        }
        guard let first = report.results.first else { return }
        let warnings = Set(report.results.flatMap(\.warnings)).map(\.description).sorted()
            + report.saved.compactMap { saved in saved.droppedCommentsNote.map { "\(saved.value.id)：\($0)" } }
        let done = report.results.count == 1 ? "\(first.value.id)：\(first.entry.text)" : "已为\(report.results.count)件案件办理：\(first.entry.text)"
        u.say(([done] + warnings).joined(separator: "；"))
    }

    private static func title(_ what: String, _ targets: [CaseID]) -> String {
        targets.count == 1 ? "\(targets[0]) \(what)" : "对 \(targets.count) 件案件：\(what)"
    }
}
