/// Where each file name stands among the index's entries, for matching the directory's files to
/// them when a store is listed. Keyed by a 64-bit FNV-1a hash of the name's UTF-8 and checked against
/// the name itself: a table keyed by the `String`s hashed and compared 20,000 strings at 10,000 cases,
/// a twentieth of `banli list`. A name whose hash another name took first is simply not found, and its
/// file is parsed again, as any file the index does not vouch for.
struct FileNamePositions {
    private let entries: [StoreIndex.Entry]
    private var positions: [UInt64: Int]

    /// The first entry of each name, as a dictionary keyed by name keeps the first.
    init(_ entries: [StoreIndex.Entry]) {
        self.entries = entries
        positions = Dictionary(minimumCapacity: entries.count)
        for (i, entry) in entries.enumerated() {
            let key = Self.hash(entry.file)
            if positions[key] == nil { positions[key] = i }
        }
    }

    /// The position of the entry for the file `name`, nil when the index has none.
    subscript(name: String) -> Int? {
        guard let at = positions[Self.hash(name)], entries[at].file == name else { return nil }
        return at
    }

    private static func hash(_ name: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in name.utf8 { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return h
    }
}
