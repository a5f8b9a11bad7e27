import Model

/// Undo （撤销） of the latest change to a case from the keyboard, on any screen that `HandlesCases`:
/// the case and its latest undo step are read, the undo is worked out by `CaseHandling.undo` (the
/// same rules as `banli undo`) and, unless refused, confirmed naming the journal line it takes back
/// (`撤销“状态：待签收 → 办理中”？`), then saved; the status line says what was done, as for a
/// handling step.
enum UndoFlow {
    /// What the confirmation holds: the undo worked out, the step it takes back and the revision it
    /// was read at.
    struct Pending: Sendable {
        var undone: Handled
        var step: UndoStep
        var base: Revision
    }

    /// Reads the case and its latest change; one case at a time, since each undo is confirmed by the
    /// line it takes back.
    static func start(targets: [CaseID], _ u: inout Update) {
        guard targets.count == 1 else {
            u.say(targets.isEmpty ? "没有选中的案件" : "撤销一次只对一件案件：先取消标记（\(targets.count)件）")
            return
        }
        u.run(.loadLastChange(targets[0]))
    }

    /// The case and its latest change read: refused with the reason, or asked for confirmation.
    static func receive(_ result: EffectResult, _ u: inout Update) {
        guard case .lastChangeLoaded(let stored, let step) = result else { return }
        let handling = CaseHandling(configuration: u.configuration, user: u.environment.user, clock: u.environment.clock)
        do {
            guard let step else { throw CaseHandling.noStepKept(in: stored.value) }
            let undone = try handling.undo(stored, step)
            let line = step.entry(in: stored.value)?.text ?? undone.entry.text
            u.open(ConfirmationLayer("撤销“\(line)”？", purpose: Pending(undone: undone, step: step, base: stored.revision)))
        } catch {
            u.say("\(stored.value.id)：\(error)")
        }
    }

    /// The confirmation answered: the undo is saved (its result comes back as a handling report).
    static func resume(_ answer: LayerAnswer, _ u: inout Update) -> Bool {
        switch answer {
        case .confirmed(let pending as Pending): u.run(.undo(pending.undone, pending.step, base: pending.base))
        case .cancelled(is Pending): break
        default: return false
        }
        return true
    }
}
