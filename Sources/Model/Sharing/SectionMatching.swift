/// Which reply section of one side of a merge is which of the common ancestor's: what lets a merge
/// tell a section deleted or inserted in the middle from every later section changed.
///
/// Sections whose headings stand unchanged and in the same order are matched first (the longest
/// common subsequence of the headings, `CollectionDifference`); between two matched sections, the
/// ones left on both sides are matched by position (a heading rewritten in place). A section of the
/// ancestor left unmatched was deleted by that side; a section of the side left unmatched was added
/// by it, after the ancestor's section it follows.
struct SectionMatching {
    /// For each of the ancestor's sections, its index in the side, or nil when the side deleted it.
    let sideIndex: [Int?]
    /// The sections the side added, by the index of the ancestor's section they follow (-1: before the first).
    let added: [Int: [ReplySection]]

    init(base: [ReplySection], side: [ReplySection]) {
        var removed = Set<Int>(), inserted = Set<Int>()
        for change in side.map(\.heading).difference(from: base.map(\.heading)) {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        let anchors = Array(zip(base.indices.filter { !removed.contains($0) }, side.indices.filter { !inserted.contains($0) }))
        var index = [Int?](repeating: nil, count: base.count)
        var previous = (base: -1, side: -1)
        for (b, s) in anchors + [(base.count, side.count)] {
            for (x, y) in zip(previous.base + 1..<b, previous.side + 1..<s) { index[x] = y }
            if b < base.count { index[b] = s }
            previous = (b, s)
        }
        var baseOf: [Int: Int] = [:]
        for (b, s) in index.enumerated() { if let s { baseOf[s] = b } }
        var added: [Int: [ReplySection]] = [:], follows = -1
        for (s, section) in side.enumerated() {
            if let b = baseOf[s] { follows = b } else { added[follows, default: []].append(section) }
        }
        sideIndex = index
        self.added = added
    }
}
