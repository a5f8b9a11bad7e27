/// Some of a block's records, ascending: a list while few, a bitmap once a list would be larger.
struct RecordSet: Sendable {
    private var list: [UInt32] = []
    private var bits: [UInt64] = []

    /// Adds `record`, which is not smaller than any already in the set; `count` is the block's size.
    @inline(__always)
    mutating func insert(_ record: UInt32, count: Int) {
        if !bits.isEmpty {
            bits[Int(record >> 6)] |= 1 << UInt64(record & 63)
        } else if list.last != record {
            list.append(record)
            // A bitmap takes count/8 bytes, a list 4 per record.
            if list.count * 32 > count {
                bits = [UInt64](repeating: 0, count: (count + 63) / 64)
                for r in list { bits[Int(r >> 6)] |= 1 << UInt64(r & 63) }
                list = []
            }
        }
    }

    /// The bytes its list or bitmap takes, with the array's header (32 bytes).
    var byteCount: Int { list.isEmpty && bits.isEmpty ? 0 : 32 + list.count * 4 + bits.count * 8 }

    /// Whether `record` is in the set.
    func contains(_ record: Int) -> Bool {
        if !bits.isEmpty { return bits[record >> 6] & (1 << UInt64(record & 63)) != 0 }
        var low = 0, high = list.count
        while low < high {
            let mid = (low + high) / 2
            if Int(list[mid]) < record { low = mid + 1 } else { high = mid }
        }
        return low < list.count && Int(list[low]) == record
    }

    /// Calls `body` with each record in all of `sets`, ascending.
    static func intersection(_ sets: [RecordSet], count: Int, _ body: (Int) -> Void) {
        guard !sets.isEmpty else { return }
        let lists = sets.filter { $0.bits.isEmpty }.sorted { $0.list.count < $1.list.count }
        let maps = sets.filter { !$0.bits.isEmpty }
        if let shortest = lists.first {
            for r in shortest.list where lists.dropFirst().allSatisfy({ $0.contains(Int(r)) }) && maps.allSatisfy({ $0.contains(Int(r)) }) {
                body(Int(r))
            }
            return
        }
        for word in 0..<maps[0].bits.count {
            var bits = maps[0].bits[word]
            for map in maps.dropFirst() { bits &= map.bits[word] }
            while bits != 0 {
                body(word * 64 + bits.trailingZeroBitCount)
                bits &= bits - 1
            }
        }
    }
}
