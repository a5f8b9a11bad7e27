import Dispatch
import Glibc

/// Which records of a text buffer contain each character. A search for one character reads its
/// answer here instead of reading the text, and a longer query reads only the records that contain
/// every one of its characters: on 100,000 cases (some 400 MiB of text) a first keystroke that
/// scanned all of it took up to 90 ms. Built on every core, one block of records per task.
final class CharacterIndex: Sendable {
    /// Records `range` of the buffer: for each character, the ones (relative to the block) that hold it.
    struct Block: Sendable {
        let range: Range<Int>
        let sets: [UInt32: RecordSet]
    }

    let blocks: [Block]

    init(buffer: ByteBuffer, records: [TextIndex.Record]) {
        let cores = 2 * max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        let size = max(4096, (records.count + cores - 1) / cores)
        let ranges = stride(from: 0, to: records.count, by: size).map { $0..<min($0 + size, records.count) }
        var blocks = [Block?](repeating: nil, count: ranges.count)
        blocks.withUnsafeMutableBufferPointer { out in
            nonisolated(unsafe) let out = out
            DispatchQueue.concurrentPerform(iterations: ranges.count) { k in
                out[k] = CharacterIndex.block(ranges[k], of: records, in: buffer)
            }
        }
        self.blocks = blocks.map { $0! }
    }

    /// The records holding every character of `needle` (text as `SearchText` folds it), ascending;
    /// every record when the needle has no characters.
    func records(containingAllOf needle: [UInt8]) -> [Int] {
        var characters: Set<UInt32> = []
        UTF8Scalars.forEach(in: needle) { characters.insert($0) }
        var found: [Int] = []
        for block in blocks {
            var sets: [RecordSet] = []
            for character in characters {
                guard let set = block.sets[character] else { break }
                sets.append(set)
            }
            guard sets.count == characters.count else { continue }
            RecordSet.intersection(sets, count: block.range.count) { found.append(block.range.lowerBound + $0) }
            if characters.isEmpty { found += block.range }
        }
        return found
    }

    private static func block(_ range: Range<Int>, of records: [TextIndex.Record], in buffer: ByteBuffer) -> Block {
        // For each character, its set's slot (low half; all ones: none yet) and the last record it was
        // seen in (high half), in one word: a record holds each of its characters about three times,
        // and a character seen again in the same record costs one load. Characters below U+30000
        // (all of Chinese) find their word in a table, the rest in a dictionary.
        var table = [UInt64](repeating: .max, count: 0x30000)
        var other: [UInt32: UInt64] = [:]
        var characters: [UInt32] = [], sets: [RecordSet] = []
        buffer.withBytes { bytes in
            table.withUnsafeMutableBufferPointer { table in
                for (offset, record) in records[range].enumerated() {
                    let local = UInt32(offset)
                    UTF8Scalars.forEach(in: bytes, record.text..<record.end) { scalar in
                        let word = scalar < 0x30000 ? table[Int(scalar)] : other[scalar, default: .max]
                        guard UInt32(truncatingIfNeeded: word >> 32) != local else { return }
                        var slot = UInt32(truncatingIfNeeded: word)
                        if slot == .max {
                            slot = UInt32(sets.count)
                            characters.append(scalar)
                            sets.append(RecordSet())
                        }
                        let seen = UInt64(local) << 32 | UInt64(slot)
                        if scalar < 0x30000 { table[Int(scalar)] = seen } else { other[scalar] = seen }
                        sets[Int(slot)].insert(local, count: range.count)
                    }
                }
            }
        }
        return Block(range: range, sets: Dictionary(uniqueKeysWithValues: zip(characters, sets)))
    }
}

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

/// The characters of UTF-8 text that may be damaged: a byte that does not begin a well-formed
/// sequence is skipped, so a well-formed character after it is still read as itself.
enum UTF8Scalars {
    static func forEach(in bytes: [UInt8], _ body: (UInt32) -> Void) {
        bytes.withUnsafeBytes { forEach(in: $0, 0..<bytes.count, body) }
    }

    @inline(__always)
    static func forEach(in bytes: UnsafeRawBufferPointer, _ range: Range<Int>, _ body: (UInt32) -> Void) {
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let lead = bytes[i]
            let length = lead < 0x80 ? 1 : lead < 0xC2 ? 0 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : lead < 0xF5 ? 4 : 0
            guard length > 0, i + length <= end else {
                i += 1
                continue
            }
            var scalar = UInt32(lead) & (length == 1 ? 0x7F : 0x7F >> UInt32(length))
            var wellFormed = true
            for k in 1..<max(1, length) {
                let byte = bytes[i + k]
                if byte & 0xC0 != 0x80 { wellFormed = false; break }
                scalar = scalar << 6 | UInt32(byte & 0x3F)
            }
            guard wellFormed else {
                i += 1
                continue
            }
            // Controls (the tab between text and reply, the paragraph separator) are never typed.
            if scalar >= 0x20 { body(scalar) }
            i += length
        }
    }
}
