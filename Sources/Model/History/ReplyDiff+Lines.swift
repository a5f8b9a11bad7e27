/// One line of a reply diff as `banli diff` prints it and the history screen shows it, before either
/// chooses how a mark looks (colours in a terminal, `[-删-]{+增+}` in a pipe, a style on screen).
public struct ReplyDiffLine: Hashable, Sendable {
    /// What the line shows.
    public enum Kind: Hashable, Sendable {
        /// Where the next lines stand (`第二部分`), or the other fields that changed.
        case place
        /// A paragraph as it was (`- `): its deleted characters are the runs marked `.deleted`.
        case removed
        /// A paragraph as it is (`+ `): its inserted characters are the runs marked `.inserted`.
        case added
        /// A paragraph that moved unchanged (`  `).
        case moved
    }

    public var kind: Kind
    /// The line's text after its prefix; a place's is one unchanged run.
    public var runs: [TextDiff.Run]

    public init(_ kind: Kind, _ runs: [TextDiff.Run]) {
        self.kind = kind
        self.runs = runs
    }

    /// What starts the line: `- `, `+ `, two spaces, or nothing for a place.
    public var prefix: String {
        switch kind {
        case .place: return ""
        case .removed: return "- "
        case .added: return "+ "
        case .moved: return "  "
        }
    }
}

extension ReplyDiff {
    /// The diff as lines: the other fields first (`其他变化：状态、办理结果`), then under each place its
    /// changed paragraphs, a changed one as its old line and its new line with the changed characters
    /// marked; `答复没有变化` when the reply is the same.
    public var lines: [ReplyDiffLine] {
        var out: [ReplyDiffLine] = []
        if !otherFields.isEmpty { out.append(ReplyDiffLine(.place, [.init(.same, "其他变化：" + otherFields.joined(separator: "、"))])) }
        if changes.isEmpty { out.append(ReplyDiffLine(.place, [.init(.same, "答复没有变化")])) }
        var place: String?
        for change in changes {
            let heading: String
            if case .moved(_, let from) = change { heading = "\(change.place)（由\(from)移来）" } else { heading = change.place }
            if heading != place { out.append(ReplyDiffLine(.place, [.init(.same, heading)])) }
            place = heading
            switch change {
            case .removed(let p): out.append(ReplyDiffLine(.removed, [.init(.same, p.text)]))
            case .added(let p): out.append(ReplyDiffLine(.added, [.init(.same, p.text)]))
            case .moved(let p, _): out.append(ReplyDiffLine(.moved, [.init(.same, p.text)]))
            case .changed(_, let diff):
                out.append(ReplyDiffLine(.removed, diff.runs.filter { $0.kind != .inserted }))
                out.append(ReplyDiffLine(.added, diff.runs.filter { $0.kind != .deleted }))
            }
        }
        return out
    }
}
