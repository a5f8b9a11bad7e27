/// Where a case matched a search: a header field (number, title, topic or a proposer), the proposal
/// text, or the reply.
public enum SearchField: Sendable {
    case header, text, reply
}

/// A case that matched: its position in the list being searched and where it matched.
public struct SearchHit: Equatable, Sendable {
    public let position: Int
    public let field: SearchField
}

/// Every case that contains one query, by its index in the cases searched.
public struct SearchHits: Sendable {
    let needle: [UInt8]
    /// Ascending.
    let cases: [Int]
    /// Where each case matched, nil for the cases that did not.
    let fieldOfCase: [SearchField?]

    public var count: Int { cases.count }

    /// The first hit at or after list position `start` (at or before it when not `forward`),
    /// wrapping around. The list shows the searched cases filtered and sorted: `order` holds the case
    /// index at each position.
    public func next(from start: Int, forward: Bool, in order: [Int]) -> SearchHit? {
        guard !cases.isEmpty, !order.isEmpty else { return nil }
        for step in 0..<order.count {
            let position = ((forward ? start + step : start - step) % order.count + order.count) % order.count
            if let field = fieldOfCase[order[position]] { return SearchHit(position: position, field: field) }
        }
        return nil
    }
}

/// Incremental substring search over a store's cases: their header fields always, their proposal
/// text and reply when a `TextIndex` is given. As a query grows, only the cases that matched its
/// beginning are searched again (a case containing “居委会” contains “居委”), and going back with
/// Backspace reuses the earlier result. Built once for all cases, whatever the list shows; building
/// it takes long enough for a large store (about 25 ms for 10,000 cases) that the terminal UI does so
/// on another thread.
public struct CaseSearch: Sendable {
    /// Every case's header fields, one line each, searched in place like the text.
    private let headers: ByteBuffer
    private let headerCounts: [Int]
    /// Where each case's line in `headers` ends (at its newline).
    private let headerEnds: [Int]
    private let text: TextIndex?
    /// Each case's record in `text`, or -1, and the reverse.
    private let textRecords: [Int]
    private let caseOfRecord: [Int]
    /// The results for the growing query, shortest first: each one's needle begins the next one's.
    private var narrowing: [SearchHits] = []

    public init(_ cases: [CaseSummary], text: TextIndex?) {
        var bytes: [UInt8] = [], ends: [Int] = []
        ends.reserveCapacity(cases.count)
        for c in cases {
            SearchText.append(c.id.description, to: &bytes)
            for field in [c.title, c.topic, c.leadProposer] + c.jointSigners {
                bytes.append(SearchText.separator)
                SearchText.append(field, to: &bytes)
            }
            ends.append(bytes.count)
            bytes.append(0x0A)
        }
        headers = ByteBuffer(bytes)
        headerCounts = headers.byteCounts()
        headerEnds = ends
        self.text = text
        textRecords = cases.map { c in text?.record(of: c.id) ?? -1 }
        var caseOfRecord = [Int](repeating: -1, count: text?.count ?? 0)
        for (index, record) in textRecords.enumerated() where record >= 0 { caseOfRecord[record] = index }
        self.caseOfRecord = caseOfRecord
    }

    /// The cases containing `query` (as `SearchText` folds it).
    public mutating func hits(for query: String) -> SearchHits {
        let needle = SearchText.normalized(query)
        guard !needle.isEmpty else {
            narrowing = []
            return SearchHits(needle: [], cases: [], fieldOfCase: Array(repeating: nil, count: headerEnds.count))
        }
        narrowing.removeAll { !needle.starts(with: $0.needle) }
        if let last = narrowing.last, last.needle == needle { return last }
        let hits = narrowing.last.map { narrow($0, to: needle) } ?? scan(for: needle)
        narrowing.append(hits)
        return hits
    }

    /// Searches every case: one pass over the header lines, one over the text.
    private func scan(for needle: [UInt8]) -> SearchHits {
        var found = [SearchField?](repeating: nil, count: headerEnds.count)
        let header = Needle(needle, byteCounts: headerCounts)
        var position = 0
        while let at = headers.firstIndex(of: header, in: position..<headers.count) {
            let index = caseIndex(atHeaderOffset: at)
            found[index] = .header
            position = headerEnds[index] + 1
        }
        if let text {
            text.forEachRecord(containing: text.needle(needle)) { record, field in
                let index = caseOfRecord[record]
                if index >= 0 && found[index] == nil { found[index] = field }
            }
        }
        return SearchHits(needle: needle, cases: found.indices.filter { found[$0] != nil }, fieldOfCase: found)
    }

    /// Searches only the cases that matched a shorter query.
    private func narrow(_ earlier: SearchHits, to needle: [UInt8]) -> SearchHits {
        let header = Needle(needle, byteCounts: headerCounts)
        let inText = text.map { $0.needle(needle) }
        var found = [SearchField?](repeating: nil, count: headerEnds.count), cases: [Int] = []
        for index in earlier.cases {
            let lineStart = index == 0 ? 0 : headerEnds[index - 1] + 1
            var field: SearchField?
            if headers.firstIndex(of: header, in: lineStart..<headerEnds[index]) != nil {
                field = .header
            } else if let text, let inText, textRecords[index] >= 0 {
                field = text.field(of: inText, inRecord: textRecords[index])
            }
            if let field {
                found[index] = field
                cases.append(index)
            }
        }
        return SearchHits(needle: needle, cases: cases, fieldOfCase: found)
    }

    /// The case whose header line holds `offset`.
    private func caseIndex(atHeaderOffset offset: Int) -> Int {
        var low = 0, high = headerEnds.count - 1
        while low < high {
            let mid = (low + high) / 2
            if headerEnds[mid] < offset { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
