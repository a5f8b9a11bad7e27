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

    init(buffer: ByteBuffer, files: [String], records: [Record]) {
        self.buffer = buffer
        self.records = records
        recordOfFile = Dictionary(zip(files, records.indices), uniquingKeysWith: { first, _ in first })
        byteCounts = buffer.byteCounts()
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

    /// Calls `body` once for every record whose text or reply contains `needle`, in buffer order,
    /// with where it first occurs. One pass over the whole buffer: after a hit the search goes on at
    /// the next record, and a hit in a record's file name or stamp is skipped.
    func forEachRecord(containing needle: Needle, _ body: (Int, SearchField) -> Void) {
        guard let first = records.first else { return }
        var position = first.text
        while let at = buffer.firstIndex(of: needle, in: position..<buffer.count) {
            let index = recordIndex(containing: at)
            let record = records[index]
            if at < record.text {
                position = record.text
                continue
            }
            body(index, at < record.reply ? .text : .reply)
            position = record.end + 1
        }
    }

    /// The last record starting at or before `offset`.
    private func recordIndex(containing offset: Int) -> Int {
        var low = 0, high = records.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if records[mid].start <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }
}
