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
        case choose(HandlingChoice)
    }

    /// A menu item's, question's or confirmation's value: the cases, whether they are marks, and what
    /// comes next.
    struct Step: Sendable {
        var targets: [CaseID]
        var marked: Bool
        var next: Next
    }

    static func handles(_ action: Action) -> Bool {
        Action.handling.contains(action) || Action.lifecycle.contains(action) || action == .undoChange
    }

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
            // A result that exists is followed up （跟踪办理） or, recorded by mistake, corrected （更正）;
            // a signed or sent reply prints its result, so there only a follow-up is offered.
            if recorded == [false] {
                let signed = summaries.contains { workflow.locksReply($0.status) }
                proceed(Step(targets: targets, marked: marked, next: .choose(signed ? .outcomes(correction: false) : .outcomeStep)), &u)
                return
            }
            u.open(MenuLayer(title: title("办理结果", targets), items: configuration.outcomeScheme.map {
                item($0.label, .request(.outcome($0.label, note: "")))
            }))
        case .status:
            let statuses = Set(summaries.map(\.status))
            // A move that would free a signed reply is offered as its reopening step instead.
            let allowed = statuses.reduce(into: [String]?.none) { common, status in
                let next = (workflow.transitions[status] ?? []).filter { !workflow.leavesLockedReply(from: status, to: $0) }
                common = common.map { $0.filter(next.contains) } ?? next
            } ?? []
            let reopenings = workflow.reopenings.filter { step in statuses.allSatisfy(step.from.contains) }
            let moves = allowed.map { target in
                if target == workflow.signed { return item("\(target)（登记签发人）", .ask(.signer)) }
                if statuses == [workflow.review] && target == workflow.sentBack {
                    return item("\(target)（退回修改，写明意见）", .ask(.sendBackComment))
                }
                if workflow.state(named: target)?.needsReason == true { return item("\(target)（须写明理由）", .ask(.reason(state: target))) }
                return item(target, .request(.move(target, reason: "")))
            }
            // A move made by mistake is reversed （更正）, whatever moves the state allows.
            u.open(MenuLayer(title: title("转为", targets), items: moves
                + reopenings.map { item("\($0.name)（回到“\($0.to)”，须写明原因）", .ask(.reopenReason(step: $0.name))) }
                + [item("更正上一次状态变更（写明原因）", .ask(.statusCorrectionReason))]))
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
            // Then the date, the form's detail fields and the comment (`HandlingChoice`).
            u.open(MenuLayer(title: title("提出人反馈", targets), items: Feedback.Satisfaction.allCases.map {
                item($0.rawValue + ($0 == .dissatisfied ? "（重新办理，再次答复）" : ""), .ask(.feedbackDate(Feedback(satisfaction: $0))))
            }))
        case .undoChange: UndoFlow.start(targets: targets, &u)
        case .withdraw:
            u.run(.loadForHandling(.check(.withdraw, marked: marked), targets))
        case .merge:
            guard targets.count >= 2 else {
                u.say("并案：先按 \(u.key(.mark, in: .list)) 标记要一并答复的案件（包括承接答复的那一件），再按 \(u.key(.merge, in: .list))")
                return
            }
            u.run(.loadForHandling(.check(.merge, marked: marked), targets))
        case .deleteCase:
            guard targets.count == 1 else {
                u.say("一次只能删除一件案件：请先取消标记，再在要删除的案件上按 \(u.key(.deleteCase, in: .list))")
                return
            }
            u.run(.loadForHandling(.check(.deleteCase, marked: marked), targets))
        default: break
        }
    }

    /// Goes on when a layer the flow opened answers; false when the answer is not the flow's.
    static func resume(_ answer: LayerAnswer, _ u: inout Update) -> Bool {
        switch answer {
        case .chosen(let step as Step): proceed(step, &u)
        case .answered(let text, let step as Step):
            guard case .ask(let question) = step.next else { return true }
            if let problem = check(text, for: question, step, u) {
                u.say(problem)
                u.open(QuestionLayer(question.label, purpose: step, required: question.required, text: text))
                return true
            }
            proceed(Step(targets: step.targets, marked: step.marked, next: question.answered(text)), &u)
        case .confirmed(let step as Step):
            if case .request(let request) = step.next { u.run(.loadForHandling(request, step.targets)) }
        case .cancelled(is Step): break
        default: return UndoFlow.resume(answer, &u)
        }
        return true
    }

    /// Why a date answer will not do — not a day, or outside the days the configuration allows for
    /// every case it is for — checked as it is given, so the rest of the form is not lost; nil when
    /// it will do, or the question is not a date's.
    private static func check(_ text: String, for question: HandlingQuestion, _ step: Step, _ u: Update) -> String? {
        guard let field = question.recordDate else { return nil }
        let date: LocalDate
        do { date = try LocalDate(parsing: text) } catch { return "\(field)“\(text)”无效：\(error)" }
        let handling = CaseHandling(configuration: u.configuration, user: u.environment.user, clock: u.environment.clock)
        for summary in step.targets.compactMap({ u.cases.summary(of: $0) }) {
            do {
                try handling.checkRecordDate(date, field, assignedOn: summary.assignedOn)
            } catch {
                return step.targets.count == 1 ? "\(error)" : "\(summary.id)：\(error)"
            }
        }
        return nil
    }

    private static func proceed(_ step: Step, _ u: inout Update) {
        switch step.next {
        case .ask(let question):
            u.open(QuestionLayer(question.label, purpose: step, required: question.required,
                                 text: question.recordDate == nil ? "" : u.today.description))
        case .choose(let choice):
            let current = Set(step.targets.compactMap { u.cases.summary(of: $0)?.outcome })
            u.open(MenuLayer(title: title(choice.title, step.targets), items: choice.items(u.configuration, current: current).map {
                MenuLayer.Item($0.label, Step(targets: step.targets, marked: step.marked, next: $0.next))
            }))
        case .request(let request):
            if let question = confirmation(request, step, u.cases) {
                u.open(ConfirmationLayer(question, purpose: step))
            } else {
                u.run(.loadForHandling(request, step.targets))
            }
        }
    }

    /// What to ask before `request`, when it cannot simply be taken back: 撤案, 并案 and deleting,
    /// each naming its cases; any other step on marked cases (they need not be the row in view); and
    /// 不满意, which reopens a case.
    static func confirmation(_ request: HandlingRequest, _ step: Step, _ cases: CaseCollection) -> String? {
        switch request {
        case .withdraw(let reason):
            return "撤案 \(step.targets.named)（理由：\(reason)）：不再计答复期限，不列入待办"
        case .merge(let carrier):
            return "将 \(step.targets.filter { $0 != carrier }.named) 并入 \(carrier)，由 \(carrier) 一并答复，其答复称呼列出每件案件的领衔人"
        case .delete:
            let title = cases.summary(of: step.targets[0]).map { "《\($0.title)》" } ?? ""
            return "删除 \(step.targets[0])\(title)：文件移入 .banli/deleted/（可用 banli restore \(step.targets[0]) 恢复）"
        default: break
        }
        if step.marked {
            return "对 \(step.targets.count) 件标记的案件（\(step.targets.named)）\(request.summary)"
        }
        if case .feedback(let feedback) = request, feedback.satisfaction == .dissatisfied {
            return "登记“不满意”将重新办理 \(step.targets[0])：原答复移入往次答复，签发作废，重新计算答复期限"
        }
        if case .reopen(let name, _) = request {
            return "\(name) \(step.targets[0])：签发作废，原答复连同签发存入往次答复，新稿从原答复开始"
        }
        return nil
    }

    /// The effects of a handling step coming back: with the cases read, the step is worked out on all
    /// of them (all or none) and the changed cases saved; once saved, the status line says what was
    /// done. Returns the report when the step has finished, nil while it goes on or for any other result.
    static func receive(_ result: EffectResult, _ u: inout Update) -> HandlingReport? {
        switch result {
        case .loadedForHandling(.check(let action, let marked), let stored):
            checked(action, stored.map(\.value), marked: marked, &u)
            return nil
        case .loadedForHandling(let request, let stored):
            let handling = CaseHandling(configuration: u.configuration, user: u.environment.user, clock: u.environment.clock)
            do {
                let results = try request.apply(handling, to: stored.map(\.value))
                if case .delete = request {
                    for s in stored { u.run(.deleteCase(s.value.id, base: s.revision)) }
                    return nil
                }
                // Saved in the step's order (a merge saves the merged cases before the carrier), each
                // over the revision it was read at.
                let revisions = Dictionary(stored.map { ($0.value.id, $0.revision) }, uniquingKeysWith: { first, _ in first })
                u.run(.saveHandled(results, bases: results.compactMap { revisions[$0.value.id] }))
            } catch {
                // A refusal that points to undo names the key that does it, as the command line
                // names `banli undo`.
                let undo = u.key(.undoChange, in: .list)
                u.say(error.described { refusal in
                    if case .statusMovePartOfStep = refusal.error { return "（按 \(undo) 撤销）" }
                    return ""
                })
            }
            return nil
        case .handled(let report):
            finish(report, &u)
            return report
        case .lastChangeLoaded:
            UndoFlow.receive(result, &u)
            return nil
        case .caseDeleted(let id, let path):
            u.say("\(id)：已删除，文件移至 \(path)（可用 banli restore \(id) 恢复）")
            return nil
        default: return nil
        }
    }

    /// Goes on with 撤案, 并案 or deleting once the cases are read, or says in one message why it
    /// cannot be done — by the same `CaseHandling` rules the step runs — before asking anything. 并案
    /// offers as carriers only the cases that can carry the others.
    private static func checked(_ action: Action, _ cases: [Case], marked: Bool, _ u: inout Update) {
        let handling = CaseHandling(configuration: u.configuration, user: u.environment.user, clock: u.environment.clock)
        let targets = cases.map(\.id)
        do throws(BatchRefusal) {
            switch action {
            case .withdraw:
                try handling.checkWithdrawable(cases)
                proceed(Step(targets: targets, marked: marked, next: .ask(.withdrawReason)), &u)
            case .deleteCase:
                try handling.checkDeletable(cases)
                proceed(Step(targets: targets, marked: marked, next: .request(.delete)), &u)
            case .merge:
                var refusal: BatchRefusal?
                let carriers = cases.filter { carrier in
                    do throws(BatchRefusal) { _ = try handling.merge(cases.filter { $0.id != carrier.id }, into: carrier); return true } catch {
                        refusal = refusal ?? error
                        return false
                    }
                }
                if let refusal, carriers.isEmpty { throw refusal }
                u.open(MenuLayer(title: "并案：由哪一件承接答复", items: carriers.compactMap { c in
                    u.cases.summary(of: c.id).map {
                        MenuLayer.Item("\($0.id) \($0.proposersInBrief) \($0.title)", Step(targets: targets, marked: marked, next: .request(.merge(carrier: c.id))))
                    }
                }))
            default: break
            }
        } catch {
            u.say(error.description)
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
            + report.saved.flatMap { saved in saved.saveNotes.map { "\(saved.value.id)：\($0)" } }
        let done = report.results.count == 1 ? "\(first.value.id)：\(first.entry.text)" : "已为\(report.results.count)件案件办理：\(first.entry.text)"
        u.say(([done] + warnings).joined(separator: "；"))
    }

    private static func title(_ what: String, _ targets: [CaseID]) -> String {
        targets.count == 1 ? "\(targets[0]) \(what)" : "对 \(targets.count) 件案件：\(what)"
    }
}
