/// The message of the commit `banli sync` makes: a first line counting the cases
/// (`banli 同步：3 件案件（zx5-2-090 等）`), then one line per case with what its journal gained
/// since the last commit (`zx5-2-090 答复：…；状态：…`), so that `git log` reads as the clerks'
/// own record of the work.
struct SyncMessage {
    /// One changed case: its ID (the file name without `.yaml`) and its new journal lines, or
    /// nil when the case file was removed.
    struct Change {
        var id: String
        var newEntries: [String]?
    }

    var changes: [Change]
    /// Files changed that are not cases (`.gitattributes`, `.banli-store`…).
    var otherFiles: [String]

    /// The most characters one case's line keeps: a long reply's journal should not make a
    /// commit message of pages.
    static let lineLimit = 200

    var text: String {
        let first: String
        if changes.isEmpty {
            first = "banli 同步：" + otherFiles.joined(separator: "、")
        } else {
            let more = changes.count > 1 ? " 等" : ""
            first = "banli 同步：\(changes.count) 件案件（\(changes[0].id)\(more)）"
        }
        let lines = changes.map { change -> String in
            guard let entries = change.newEntries else { return change.id + " 已删除" }
            let line = change.id + " " + (entries.isEmpty ? "修改" : entries.joined(separator: "；"))
            return line.count > Self.lineLimit ? String(line.prefix(Self.lineLimit - 1)) + "…" : line
        }
        return ([first, ""] + lines).joined(separator: "\n") + "\n"
    }

    /// The journal entries of `now` that `before` lacks, in `now`'s order: the journal is
    /// append-only, but a merge may have put another clerk's entries among them.
    static func newEntries(before: [JournalEntry], now: [JournalEntry]) -> [String] {
        let old = Set(before)
        // One line per case: a line break in an entry would start a line git shows as another's.
        return now.filter { !old.contains($0) }.map { $0.text.split(whereSeparator: \.isNewline).joined(separator: " ") }
    }
}
