/// A status move as the journal records it: `状态：待签收 → 办理中` (with `（理由：…）` after a
/// reason), or a correction `更正状态：办理中 → 待签收，原因：…`.
struct StatusMove: Equatable {
    var from: String
    var to: String
    /// The whole journal entry the move is in.
    var entry: String
    /// Whether the entry is the move alone, rather than one part of a larger step.
    var isWholeEntry: Bool

    /// The last move still in force: moves that were undone （`撤销：…` names their entry） are passed over.
    static func last(in journal: [JournalEntry]) -> StatusMove? {
        var undone: [String] = []
        for entry in journal.reversed() {
            if entry.text.hasPrefix(undoPrefix) {
                undone.append(String(entry.text.dropFirst(undoPrefix.count)))
                continue
            }
            if let i = undone.firstIndex(of: entry.text) {
                undone.remove(at: i)
                continue
            }
            let parts = entry.text.components(separatedBy: "；")
            if let move = parts.reversed().lazy.compactMap(parse).first {
                return StatusMove(from: move.from, to: move.to, entry: entry.text, isWholeEntry: parts.count == 1)
            }
        }
        return nil
    }

    /// The journal's words for an undo: `撤销：` and the undone entry.
    static let undoPrefix = "撤销："

    private static func parse(_ part: String) -> (from: String, to: String)? {
        guard let body = ["状态：", "更正状态："].lazy.compactMap({ part.hasPrefix($0) ? part.dropFirst($0.count) : nil }).first,
              let arrow = body.range(of: " → ") else { return nil }
        let to = body[arrow.upperBound...].prefix { $0 != "（" && $0 != "，" }
        return (String(body[..<arrow.lowerBound]), String(to))
    }
}
