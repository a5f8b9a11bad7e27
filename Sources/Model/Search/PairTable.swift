/// While a block of `CharacterIndex` is built: a word for each pair of adjacent characters seen, in
/// an open-addressing table keyed by the pair (`first << 32 | second`, never 0, as a character of the
/// text is at least U+0020). A `Dictionary` costs a hash and a call per character of some 400 MiB of
/// text at 100,000 cases; this is a multiply, a shift and, nearly always, one probe of one cache line.
struct PairTable {
    /// Key and word side by side, so that a probe reads one cache line.
    private var entries: [UInt64]
    private var count = 0
    /// 64 less log2 of the capacity: the hash's top bits pick the first slot.
    private var shift: UInt64
    private let empty: UInt64

    /// A table whose words start as `empty`.
    init(empty: UInt64) {
        self.empty = empty
        shift = 64 - 12
        entries = PairTable.emptyEntries(1 << 12, empty)
    }

    /// The word at `slot` (from `slot(inserting:)`).
    subscript(slot: Int) -> UInt64 {
        get { entries[2 * slot + 1] }
        set { entries[2 * slot + 1] = newValue }
    }

    /// Where `pair` is, inserted with the word `empty` if it was not; a slot is good until the next
    /// insertion.
    @inline(__always)
    mutating func slot(inserting pair: UInt64) -> Int {
        var i = find(pair)
        if entries[2 * i] == 0 {
            if (count + 1) * 4 > entries.count {
                grow()
                i = find(pair)
            }
            entries[2 * i] = pair
            count += 1
        }
        return i
    }

    /// Where `pair` is, or the empty slot where it would go.
    @inline(__always)
    private func find(_ pair: UInt64) -> Int {
        let mask = entries.count / 2 - 1
        var i = Int(truncatingIfNeeded: (pair &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while entries[2 * i] != 0 && entries[2 * i] != pair { i = (i + 1) & mask }
        return i
    }

    /// Twice the slots, at most half of them used.
    private mutating func grow() {
        let old = entries
        entries = PairTable.emptyEntries(old.count, empty)
        shift -= 1
        for k in stride(from: 0, to: old.count, by: 2) where old[k] != 0 {
            let i = find(old[k])
            entries[2 * i] = old[k]
            entries[2 * i + 1] = old[k + 1]
        }
    }

    private static func emptyEntries(_ slots: Int, _ empty: UInt64) -> [UInt64] {
        (0..<(2 * slots)).map { $0 % 2 == 0 ? 0 : empty }
    }
}
