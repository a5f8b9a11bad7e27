/// The searchable text of a store's cases (see `CaseStore.textIndex()`): for each case file one
/// record holding its proposal text and its reply, folded by `SearchText`, all in one buffer that is
/// searched in place. Loaded once and never changed, so the terminal UI can load it on another thread;
/// only its index of character pairs comes later (`indexPairs()`), and a search uses it once it is there.
public final class TextIndex: Sendable {
    /// Offsets into the buffer: where the record starts, where its proposal text and its reply start,
    /// and where it ends. Text and reply are separated by a tab, which no query contains.
    struct Record: Equatable, Sendable {
        var start: Int
        var text: Int
        var reply: Int
        var end: Int
    }

    let buffer: ByteBuffer
    /// In buffer order.
    let records: [Record]
    private let recordOfFile: [String: Int]
    private let byteCounts: [Int]
    private let characters: CharacterIndex
    /// The index of adjacent pairs, once `indexPairs()` has built it.
    private let pairs = PairIndexSlot()
    /// How long building the index of characters took (the benchmark reports it).
    public let indexBuildTime: Duration

    init(buffer: ByteBuffer, files: [String], records: [Record]) {
        self.buffer = buffer
        self.records = records
        recordOfFile = Dictionary(zip(files, records.indices), uniquingKeysWith: { first, _ in first })
        byteCounts = buffer.byteCounts()
        let start = ContinuousClock.now
        characters = CharacterIndex(buffer: buffer, records: records, pairs: false)
        indexBuildTime = ContinuousClock.now - start
    }

    /// Builds the index of adjacent character pairs, on every core, unless it is built already; until
    /// then a query of common characters rarely side by side reads every case holding them all. Called
    /// on another thread once the search is in use (`AppRunner`): searches meanwhile find the same.
    public func indexPairs() {
        guard pairs.index == nil else { return }
        let start = ContinuousClock.now
        let index = CharacterIndex(buffer: buffer, records: records, pairs: true)
        pairs.set(index, buildTime: ContinuousClock.now - start)
    }

    /// How long building the index of pairs took, nil before `indexPairs()` (the benchmark reports it).
    public var pairBuildTime: Duration? { pairs.buildTime }

    /// About how many bytes the indexes of characters and (once built) pairs take in memory (the
    /// benchmark reports it).
    public var indexByteCount: Int { characters.byteCount + (pairs.index?.byteCount ?? 0) }

    /// How many cases have text in the index.
    public var count: Int { records.count }

    func record(of id: CaseID) -> Int? { recordOfFile[id.fileName] }

    func needle(_ bytes: [UInt8]) -> Needle { Needle(bytes, byteCounts: byteCounts) }

    /// Where `needle` first occurs in the record's text or reply, nil when in neither.
    func field(of needle: Needle, inRecord index: Int) -> SearchField? {
        let record = records[index]
        return buffer.firstIndex(of: needle, in: record.text..<record.end).map { $0 < record.reply ? .text : .reply }
    }

    /// What a search for `needle` needs from the index: the records holding every one of its
    /// characters and adjacent pairs, the only ones that can contain it.
    func query(_ needle: [UInt8]) -> TextQuery {
        var holding = [Bool](repeating: false, count: records.count)
        for record in characters.records(containingAllOf: needle) { holding[record] = true }
        let pairIndex = pairs.index
        let scalars = String(decoding: needle, as: UTF8.self).unicodeScalars
        if let pairIndex, scalars.count > 1 {
            var both = [Bool](repeating: false, count: records.count)
            for record in pairIndex.records(containingAllOf: needle) where holding[record] { both[record] = true }
            holding = both
        }
        // One character, or two adjacent ones once pairs are indexed, are what the index holds: it is
        // the answer. A control is not indexed, and U+FFFD may stand for bytes that were not UTF-8.
        let isIndexed = (scalars.count == 1 || (scalars.count == 2 && pairIndex != nil))
            && scalars.allSatisfy { $0.value >= 0x20 && $0.value != 0xFFFD }
        return TextQuery(needle: self.needle(needle), holding: holding, isIndexed: isIndexed)
    }

    /// Whether the record's text or reply contains the query's needle. Only a record holding all its
    /// characters and adjacent pairs is read, and for a needle of one or two characters none is.
    func contains(_ query: TextQuery, inRecord index: Int) -> Bool {
        guard query.holding[index] else { return false }
        return query.isIndexed || field(of: query.needle, inRecord: index) != nil
    }
}

/// A needle prepared for a `TextIndex`.
struct TextQuery: Sendable {
    let needle: Needle
    let holding: [Bool]
    /// Whether `holding` is the answer (the needle is one or two characters), with nothing to read.
    let isIndexed: Bool
}
