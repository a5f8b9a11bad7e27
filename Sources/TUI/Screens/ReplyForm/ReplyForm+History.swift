/// The reply form's undo and redo, as in a word processor: one history for the whole reply, so
/// Ctrl-Z takes back the last change wherever it was made (and goes there), a section added,
/// moved or deleted included. Each field's editor keeps the steps of its own text; the form keeps
/// their order, and a copy of the fields before each change of sections.
struct FormHistory: Sendable {
    enum Entry: Sendable {
        /// An undo step of the text of the field with this id.
        case text(field: Int)
        /// The fields before (on the undo side) or after (redo) a change of sections.
        case structure(Snapshot)
    }

    struct Snapshot: Sendable {
        var fields: [ReplyForm.Field]
        var focus: Int
        var restructured: Bool
    }

    /// Steps older than this are forgotten, as the editors forget theirs.
    static let limit = 2000

    var undo: [Entry] = []
    var redo: [Entry] = []

    mutating func record(_ entry: Entry) {
        undo.append(entry)
        if undo.count > Self.limit { undo.removeFirst(undo.count - Self.limit) }
        redo.removeAll()
    }

    mutating func recordText(in field: Int) { record(.text(field: field)) }
}

extension ReplyForm {
    var snapshot: FormHistory.Snapshot { FormHistory.Snapshot(fields: fields, focus: focus, restructured: restructured) }

    /// Called before sections are added, moved or deleted.
    mutating func recordStructure() { history.record(.structure(snapshot)) }

    private mutating func restore(_ snapshot: FormHistory.Snapshot) {
        fields = snapshot.fields
        focus = min(snapshot.focus, fields.count - 1)
        restructured = snapshot.restructured
    }

    /// Takes back the last change, focusing the field it was in. False when there is none.
    public mutating func undo() -> Bool { replay(from: \.undo, to: \.redo) { $0.undo() } }

    /// Makes again the last change taken back. False when there is none.
    public mutating func redo() -> Bool { replay(from: \.redo, to: \.undo) { $0.redo() } }

    /// Takes the last step of one side of the history, carries it out (a field's own undo or redo,
    /// or the fields as they were before or after a change of sections) and records it on the other.
    private mutating func replay(from source: WritableKeyPath<FormHistory, [FormHistory.Entry]>,
                                 to target: WritableKeyPath<FormHistory, [FormHistory.Entry]>,
                                 _ step: (inout TextEditor) -> Void) -> Bool {
        guard let entry = history[keyPath: source].popLast() else { return false }
        switch entry {
        case .text(let id):
            if let i = fields.firstIndex(where: { $0.id == id }) {
                focus = i
                step(&fields[i].editor)
            }
            history[keyPath: target].append(entry)
        case .structure(let other):
            history[keyPath: target].append(.structure(snapshot))
            restore(other)
        }
        return true
    }
}
