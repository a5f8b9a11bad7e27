/// A paragraph's change, character by character: runs of unchanged, deleted and inserted text.
///
/// Chinese has no spaces to split words at, so the unit is the character (`Character`, one grapheme
/// cluster): a character beyond the BMP (𪚥) or a letter with combining marks is one unit, never
/// split into scalars. The runs come from the standard library's `CollectionDifference` (a shortest
/// edit script, Myers' algorithm), no library of banli's own.
public struct TextDiff: Hashable, Sendable {
    /// One stretch of text and what happened to it.
    public struct Run: Hashable, Sendable {
        /// In both texts, only in the old one, only in the new one.
        public enum Kind: Hashable, Sendable { case same, deleted, inserted }
        public var kind: Kind
        public var text: String

        public init(_ kind: Kind, _ text: String) {
            self.kind = kind
            self.text = text
        }
    }

    /// The runs in reading order; at one place a deletion comes before the insertion that replaces it.
    public let runs: [Run]

    /// The change from `old` to `new`.
    public init(from old: String, to new: String) {
        let a = Array(old), b = Array(new)
        let difference = b.difference(from: a)
        var removed = Set<Int>(), inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var runs: [Run] = []
        func add(_ kind: Run.Kind, _ c: Character) {
            if runs.last?.kind == kind { runs[runs.count - 1].text.append(c) } else { runs.append(Run(kind, String(c))) }
        }
        // Walk both texts together: what is neither removed from `a` nor inserted into `b` is common, in order.
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, removed.contains(i) { add(.deleted, a[i]); i += 1 } else if j < b.count, inserted.contains(j) {
                add(.inserted, b[j]); j += 1
            } else {
                add(.same, b[j]); i += 1; j += 1
            }
        }
        self.runs = runs
    }

    /// The text before the change.
    public var old: String { runs.filter { $0.kind != .inserted }.map(\.text).joined() }
    /// The text after the change.
    public var new: String { runs.filter { $0.kind != .deleted }.map(\.text).joined() }

    /// How alike the two texts are, from 0 (nothing in common) to 1 (the same): twice the unchanged
    /// characters over both lengths. Two paragraphs at one place are one paragraph changed, rather than
    /// one removed and another added, when at least half of them is common.
    public var similarity: Double {
        let same = runs.filter { $0.kind == .same }.reduce(0) { $0 + $1.text.count }
        let total = old.count + new.count
        return total == 0 ? 1 : Double(2 * same) / Double(total)
    }

    /// The change written for a pipe, as `git diff --word-diff` writes it: `[-删-]{+增+}`.
    public var marked: String {
        runs.map { run in
            switch run.kind {
            case .same: return run.text
            case .deleted: return "[-" + run.text + "-]"
            case .inserted: return "{+" + run.text + "+}"
            }
        }.joined()
    }
}
