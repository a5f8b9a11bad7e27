/// The searchable text of a store's cases (see `CaseStore.textIndex()`): for each case file one
/// record holding its proposal text and its reply, folded by `SearchText`, all in one buffer that is
/// searched in place. Loaded once and never changed, so the terminal UI can load it on another thread.
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

    init(buffer: ByteBuffer, files: [String], records: [Record]) {
        self.buffer = buffer
        self.records = records
        recordOfFile = Dictionary(zip(files, records.indices), uniquingKeysWith: { first, _ in first })
        byteCounts = buffer.byteCounts()
        characters = CharacterIndex(buffer: buffer, records: records)
    }

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
    /// characters, the only ones that can contain it.
    func query(_ needle: [UInt8]) -> TextQuery {
        var holding = [Bool](repeating: false, count: records.count)
        for record in characters.records(containingAllOf: needle) { holding[record] = true }
        let scalars = String(decoding: needle, as: UTF8.self).unicodeScalars
        let isOneCharacter = scalars.count == 1 && scalars.first!.value >= 0x20 && scalars.first!.value != 0xFFFD
        return TextQuery(needle: self.needle(needle), holding: holding, isOneCharacter: isOneCharacter)
    }

    /// Whether the record's text or reply contains the query's needle. Only a record holding all its
    /// characters is read, and for a one-character needle none is.
    func contains(_ query: TextQuery, inRecord index: Int) -> Bool {
        guard query.holding[index] else { return false }
        return query.isOneCharacter || field(of: query.needle, inRecord: index) != nil
    }
}

/// A needle prepared for a `TextIndex`.
struct TextQuery: Sendable {
    let needle: Needle
    let holding: [Bool]
    let isOneCharacter: Bool
}
