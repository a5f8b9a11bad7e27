/// One change to an editor's characters: at `offset`, `removed` was replaced by `inserted`. Applying
/// the changes of a step backwards, reverted, restores the exact characters before it.
struct Edit: Equatable, Sendable {
    let offset: Int
    let removed: [Character]
    let inserted: [Character]

    var reverted: Edit { Edit(offset: offset, removed: inserted, inserted: removed) }
}

/// Undo and redo steps. Consecutive edits of one kind (typing, Backspace, Del) make one step until a
/// caret move, an edit of another kind or an undo ends the run; Enter and a paste are steps of their own.
struct EditHistory: Equatable, Sendable {
    enum Kind: Equatable, Sendable { case typing, deletingBackward, deletingForward, single }

    struct Step: Equatable, Sendable {
        var edits: [Edit]
        let caretBefore: Int
        var caretAfter: Int
    }

    /// Older steps are forgotten beyond this many, so a long session's history stays small.
    static let limit = 1000

    private var done: [Step] = []
    private var undone: [Step] = []
    /// The kind of run the last step is still collecting edits for.
    private var run: Kind?
    /// Counts the steps begun, forgotten ones included.
    private(set) var stepsBegun = 0

    mutating func record(_ edit: Edit, kind: Kind, caretBefore: Int, caretAfter: Int) {
        undone.removeAll()
        if kind != .single, kind == run, var last = done.popLast() {
            last.edits.append(edit)
            last.caretAfter = caretAfter
            done.append(last)
        } else {
            stepsBegun += 1
            done.append(Step(edits: [edit], caretBefore: caretBefore, caretAfter: caretAfter))
            if done.count > Self.limit { done.removeFirst(done.count - Self.limit) }
        }
        run = kind == .single ? nil : kind
    }

    mutating func endRun() { run = nil }

    /// The step to take back, now available to `redo`.
    mutating func undo() -> Step? {
        run = nil
        guard let step = done.popLast() else { return nil }
        undone.append(step)
        return step
    }

    /// The step to apply again, now available to `undo`.
    mutating func redo() -> Step? {
        run = nil
        guard let step = undone.popLast() else { return nil }
        done.append(step)
        return step
    }
}
