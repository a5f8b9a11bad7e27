/// What changed between two versions of a case, for reading: the reply paragraph by paragraph — each
/// paragraph removed, added, moved, or changed with its characters marked (`TextDiff`) — and the
/// names of the other fields that changed (状态, 办理结果…).
///
/// Paragraphs are matched by their text over the whole reply (a shortest edit script, as `git diff`
/// matches lines), so a paragraph that moved to another section is found as moved, and a section
/// added in the middle does not make every later one look changed. Between two unchanged paragraphs,
/// a removed and an added paragraph are taken in order as one paragraph changed when at least half
/// of their characters are common (`TextDiff.similarity`).
public struct ReplyDiff: Hashable, Sendable {
    /// One paragraph that is not the same in both versions.
    public enum Change: Hashable, Sendable {
        case removed(ReplyParagraph)
        case added(ReplyParagraph)
        /// The same text at another place (`from` in the old version).
        case moved(ReplyParagraph, from: String)
        /// The paragraph at `place` (in the new version), character by character.
        case changed(place: String, TextDiff)

        /// Where the paragraph stands (in the new version, or the old for a removed one).
        public var place: String {
            switch self {
            case .removed(let p), .added(let p), .moved(let p, _): return p.place
            case .changed(let place, _): return place
            }
        }
    }

    /// The changed paragraphs in the new version's order (a removed one where it stood).
    public let changes: [Change]
    /// The case-file names of the fields other than the reply and the journal that differ
    /// (`CaseDifference.fields`): the journal always grows, and the reply is in `changes`.
    public let otherFields: [String]

    /// The difference from `old` to `new`.
    public init(from old: Case, to new: Case) {
        self.init(from: old.reply, to: new.reply,
                  otherFields: CaseDifference.fields(between: old, and: new).filter { $0 != CaseFileKey.reply && $0 != CaseFileKey.journal })
    }

    /// The difference between two replies; `otherFields` as the caller found them.
    public init(from old: Reply, to new: Reply, otherFields: [String] = []) {
        let a = old.paragraphs, b = new.paragraphs
        let difference = b.map(\.text).difference(from: a.map(\.text)).inferringMoves()
        var removed: [Int: Int?] = [:], inserted: [Int: Int?] = [:]
        for change in difference {
            switch change {
            case .remove(let offset, _, let to): removed[offset] = to
            case .insert(let offset, _, let from): inserted[offset] = from
            }
        }
        var changes: [Change] = []
        // Removals and insertions since the last common paragraph, waiting to be paired.
        var gone: [ReplyParagraph] = [], come: [ReplyParagraph] = []
        func flush() {
            var k = 0
            while k < gone.count || k < come.count {
                if k < gone.count, k < come.count {
                    let diff = TextDiff(from: gone[k].text, to: come[k].text)
                    if diff.similarity >= 0.5 { changes.append(.changed(place: come[k].place, diff)) } else {
                        changes += [.removed(gone[k]), .added(come[k])]
                    }
                } else if k < gone.count { changes.append(.removed(gone[k])) } else { changes.append(.added(come[k])) }
                k += 1
            }
            gone = []; come = []
        }
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, let move = removed[i] {
                // A paragraph that moved is shown where it arrives, not where it left.
                if move == nil { gone.append(a[i]) }
                i += 1
            } else if j < b.count, let move = inserted[j] {
                if let from = move { flush(); changes.append(.moved(b[j], from: a[from].place)) } else { come.append(b[j]) }
                j += 1
            } else {
                flush()
                i += 1; j += 1
            }
        }
        flush()
        self.changes = changes
        self.otherFields = otherFields
    }

    /// Nothing differs.
    public var isEmpty: Bool { changes.isEmpty && otherFields.isEmpty }
}
