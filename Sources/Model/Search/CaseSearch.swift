/// Where a case matched a search: a header field (number, title, topic or a proposer), the proposal
/// text, or the reply.
public enum SearchField: Sendable {
    case header, text, reply
}

/// A case that matched: its position in the list being searched and where it matched.
public struct SearchHit: Equatable, Sendable {
    public let position: Int
    public let field: SearchField

    public init(position: Int, field: SearchField) {
        self.position = position
        self.field = field
    }
}

/// The cases that contain one query, by their index in the cases searched. A search given a
/// deadline may stop before it has looked at every case: then only the cases before `searched` are
/// decided, and `isComplete` is false until a later call goes on from there.
public struct SearchHits: Sendable {
    let needle: [UInt8]
    /// Ascending.
    public private(set) var cases: [Int] = []
    /// Whether each case is one of `cases`.
    private(set) var isHit: [Bool]
    /// How many cases, from the first, have been looked at (besides `candidates`).
    fileprivate(set) var searched = 0
    /// Narrowing a shorter query's hits: those hits, all before `searched`, and how many of them
    /// have been looked at again.
    fileprivate var candidates: [Int] = []
    fileprivate var candidatesSearched = 0
    fileprivate let inHeaders: Needle
    fileprivate let inText: TextQuery?

    fileprivate init(needle: [UInt8], count: Int, inHeaders: Needle, inText: TextQuery?) {
        self.needle = needle
        isHit = Array(repeating: false, count: count)
        self.inHeaders = inHeaders
        self.inText = inText
    }

    public var count: Int { cases.count }

    /// Whether case `index` (of the cases searched) holds the query; false while not yet decided.
    public func contains(_ index: Int) -> Bool { isHit.indices.contains(index) && isHit[index] }
    public var isComplete: Bool { candidatesSearched == candidates.count && searched == isHit.count }

    fileprivate mutating func add(_ index: Int) {
        isHit[index] = true
        cases.append(index)
    }

    /// The list position of the first hit at or after `start` (at or before it when not `forward`),
    /// wrapping around. The list shows the searched cases filtered and sorted: `order` holds the case
    /// index at each position.
    public func next(from start: Int, forward: Bool, in order: [Int]) -> Int? {
        guard !cases.isEmpty, !order.isEmpty else { return nil }
        for step in 0..<order.count {
            let position = ((forward ? start + step : start - step) % order.count + order.count) % order.count
            if isHit[order[position]] { return position }
        }
        return nil
    }
}

/// Incremental substring search over a store's cases: their header fields always, their proposal
/// text and reply when a `TextIndex` is given. As a query grows, only the cases that matched its
/// beginning are searched again (a case containing “居委会” contains “居委”), and going back with
/// Backspace reuses the earlier result; in the text, only the cases holding every character of the
/// query are read. Built once for all cases, whatever the list shows; building it takes long enough
/// for a large store (with the text, about two seconds for 100,000 cases) that the terminal UI does so
/// on another thread. A case saved afterwards is given to `revise`, and searched as it is now.
/// Reading the text of 100,000 cases takes longer than a keystroke may, so a search can be given a
/// deadline, and is then done a slice at a time while the user goes on typing.
public struct CaseSearch: Sendable {
    /// Every case's header fields, one line each, searched in place like the text.
    private let headers: ByteBuffer
    private let headerCounts: [Int]
    /// Where each case's line in `headers` ends (at its newline).
    private let headerEnds: [Int]
    private let text: TextIndex?
    /// Each case's record in `text`, or -1.
    private let textRecords: [Int]
    /// Cases saved since the buffers were made, by index: searched in place of their stale lines.
    private var revised: [Int: RevisedCase] = [:]
    /// The results for the growing query, shortest first: each one's needle begins the next one's.
    private var narrowing: [SearchHits] = []

    /// Builds the text's index of adjacent character pairs (`TextIndex.indexPairs()`): on another
    /// thread, once the search is in use; a search meanwhile finds the same, reading more text.
    public func indexPairs() { text?.indexPairs() }

    public init(_ cases: [CaseSummary], text: TextIndex?) {
        var bytes: [UInt8] = [], ends: [Int] = []
        ends.reserveCapacity(cases.count)
        for c in cases {
            SearchText.appendHeader(of: c, to: &bytes)
            ends.append(bytes.count)
            bytes.append(0x0A)
        }
        headers = ByteBuffer(bytes)
        headerCounts = headers.byteCounts()
        headerEnds = ends
        self.text = text
        textRecords = cases.map { c in text?.record(of: c.id) ?? -1 }
    }

    /// How many cases it searches: those it was built for.
    public var count: Int { headerEnds.count }

    /// From now on searches the case at `index` as `c`: its header fields, and its text and reply
    /// when this search has the text.
    public mutating func revise(_ c: Case, at index: Int) {
        guard headerEnds.indices.contains(index) else { return }
        revised[index] = RevisedCase(c, withText: text != nil)
        narrowing = []
    }

    /// The cases containing `query` (as `SearchText` folds it); with a `deadline`, those found by
    /// then, the search going on where it stopped when asked again for the same query (or a longer one).
    public mutating func hits(for query: String, until deadline: ContinuousClock.Instant? = nil) -> SearchHits {
        let needle = SearchText.normalized(query)
        narrowing.removeAll { !needle.starts(with: $0.needle) }
        var hits: SearchHits
        if let last = narrowing.last, last.needle == needle {
            hits = narrowing.removeLast()
        } else {
            hits = SearchHits(needle: needle, count: headerEnds.count, inHeaders: Needle(needle, byteCounts: headerCounts),
                              inText: text.map { $0.query(needle) })
            if needle.isEmpty {
                hits.searched = headerEnds.count
            } else if let earlier = narrowing.last {
                // A case containing the longer query contains the shorter one.
                hits.candidates = earlier.cases
                hits.searched = earlier.searched
            }
        }
        // A slice at a time, in case order: the shorter query's hits first, then the cases it had
        // not yet looked at.
        while !hits.isComplete {
            if hits.candidatesSearched < hits.candidates.count {
                let end = min(hits.candidates.count, hits.candidatesSearched + 256)
                for index in hits.candidates[hits.candidatesSearched..<end] where matches(index, hits) { hits.add(index) }
                hits.candidatesSearched = end
            } else {
                let end = min(headerEnds.count, hits.searched + 256)
                for index in hits.searched..<end where matches(index, hits) { hits.add(index) }
                hits.searched = end
            }
            if let deadline, ContinuousClock.now >= deadline { break }
        }
        if !needle.isEmpty { narrowing.append(hits) }
        return hits
    }

    /// Where the case at `index`, one of `hits`, contains their query; nil when it does not.
    public func field(ofCase index: Int, in hits: SearchHits) -> SearchField? {
        guard hits.isHit.indices.contains(index), hits.isHit[index] else { return nil }
        if let revision = revised[index] { return revision.field(of: hits.needle) }
        if headers.firstIndex(of: hits.inHeaders, in: headerLine(index)) != nil { return .header }
        guard let text, let query = hits.inText, textRecords[index] >= 0 else { return nil }
        return text.field(of: query.needle, inRecord: textRecords[index])
    }

    private func matches(_ index: Int, _ hits: SearchHits) -> Bool {
        // Looked up for every case searched: the dictionary is mostly empty, and hashing is not free.
        if !revised.isEmpty, let revision = revised[index] { return revision.field(of: hits.needle) != nil }
        if headers.firstIndex(of: hits.inHeaders, in: headerLine(index)) != nil { return true }
        guard let text, let query = hits.inText, textRecords[index] >= 0 else { return false }
        return text.contains(query, inRecord: textRecords[index])
    }

    private func headerLine(_ index: Int) -> Range<Int> {
        (index == 0 ? 0 : headerEnds[index - 1] + 1)..<headerEnds[index]
    }
}

/// A case saved after the search was built, as search sees it: header line, text and reply in one
/// buffer, separated by tabs, which no query contains.
private struct RevisedCase: Sendable {
    let bytes: ByteBuffer
    let text: Int
    let reply: Int
    let counts: [Int]

    init(_ c: Case, withText: Bool) {
        var bytes: [UInt8] = []
        SearchText.appendHeader(of: c.summary, to: &bytes)
        bytes.append(0x09)
        text = bytes.count
        let texts = withText ? TextCache.texts(of: c) : (text: [], reply: [])
        bytes += texts.text
        bytes.append(0x09)
        reply = bytes.count
        bytes += texts.reply
        self.bytes = ByteBuffer(bytes)
        counts = self.bytes.byteCounts()
    }

    func field(of needle: [UInt8]) -> SearchField? {
        bytes.firstIndex(of: Needle(needle, byteCounts: counts), in: 0..<bytes.count).map {
            $0 < text ? .header : $0 < reply ? .text : .reply
        }
    }
}
