import Model

/// A search's place in the list: the position of the case found, where it matched, and which hit it
/// is of how many the list shows (`第3/12个`).
struct ListSearch: Sendable {
    let position: Int
    let field: SearchField
    /// From 1.
    let rank: Int
    let count: Int

    /// The first case holding `query` from `start` (inclusive) in `direction` among the cases at
    /// `shown`, wrapping around; nil when none does. `hits` must be complete. `inOrder`: `shown` is
    /// every case in order (`shown[i] == i`), so the hits give the count and rank without a pass over it.
    init?(_ hits: SearchHits, from start: Int, forward: Bool, shown: [Int], inOrder: Bool, cases: CaseCollection) {
        guard let position = hits.next(from: start, forward: forward, in: shown),
              let field = cases.field(ofCase: shown[position], in: hits) else { return nil }
        self.position = position
        self.field = field
        if inOrder {
            // The hits are in ascending order: the rank is where the position falls among them.
            var low = 0, high = hits.cases.count
            while low < high {
                let mid = (low + high) / 2
                if hits.cases[mid] <= position { low = mid + 1 } else { high = mid }
            }
            rank = low
            count = hits.count
            return
        }
        // A filtered or sorted list is counted in one pass (under a millisecond at 100,000 cases).
        var rank = 0, count = 0
        for (i, index) in shown.enumerated() where hits.contains(index) {
            count += 1
            if i <= position { rank += 1 }
        }
        self.rank = rank
        self.count = count
    }

    /// `搜索：消防（正文） 第1/3个`; `wrapped` says the search went past the end (or start) to get here.
    func message(_ query: String, wrapped: Bool, forward: Bool) -> String {
        let turn = wrapped ? (forward ? "已到末尾，从头继续：" : "已到开头，从末尾继续：") : ""
        return "\(turn)搜索：\(query)\(field.note) 第\(rank)/\(count)个"
    }
}

extension SearchField {
    /// Names where a case matched when its row does not show it.
    var note: String {
        switch self {
        case .header: return ""
        case .text: return "（正文）"
        case .reply: return "（答复）"
        }
    }
}
