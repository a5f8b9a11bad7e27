import Dispatch
import Glibc

/// Which records of a text buffer contain each character, or each pair of adjacent characters. A
/// search for one or two characters reads its answer here instead of reading the text, and a longer
/// query reads only the records that contain every one of its characters and adjacent pairs: on
/// 100,000 cases (some 400 MiB of text) a query of characters that are each common but rarely
/// adjacent (不存在的词) read nearly every record when only characters were indexed, and drew its result
/// 70–90 ms after the key. The characters and the pairs are two indexes, built one after the other
/// (`TextIndex.indexPairs()`): the pairs cost as much again as the characters, and search need not
/// wait for them. Built on every core, one block of records per task; each block's text is given back
/// to the kernel as it is read (`ByteBuffer.release`), so that building it does not keep every page
/// of a mapped text cache in memory.
final class CharacterIndex: Sendable {
    /// Records `range` of the buffer: for each key — a character (its scalar value), or a pair of
    /// adjacent characters (`first << 32 | second`) — the ones (relative to the block) that hold it.
    struct Block: Sendable {
        let range: Range<Int>
        let sets: [UInt64: RecordSet]
    }

    let blocks: [Block]
    /// Whether the keys are pairs of adjacent characters, not characters.
    let isOfPairs: Bool

    init(buffer: ByteBuffer, records: [TextIndex.Record], pairs: Bool) {
        isOfPairs = pairs
        let cores = 2 * max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        let size = max(4096, (records.count + cores - 1) / cores)
        let ranges = stride(from: 0, to: records.count, by: size).map { $0..<min($0 + size, records.count) }
        var blocks = [Block?](repeating: nil, count: ranges.count)
        blocks.withUnsafeMutableBufferPointer { out in
            nonisolated(unsafe) let out = out
            DispatchQueue.concurrentPerform(iterations: ranges.count) { k in
                out[k] = CharacterIndex.block(ranges[k], of: records, in: buffer, pairs: pairs)
            }
        }
        self.blocks = blocks.map { $0! }
    }

    /// The keys a needle is looked up by: its characters, or its pairs of adjacent characters.
    static func keys(of needle: [UInt8], pairs: Bool) -> Set<UInt64> {
        var keys: Set<UInt64> = [], previous: UInt32 = 0
        UTF8Scalars.forEach(in: needle) { scalar, follows in
            if !pairs {
                keys.insert(UInt64(scalar))
            } else if follows {
                keys.insert(UInt64(previous) << 32 | UInt64(scalar))
            }
            previous = scalar
        }
        return keys
    }

    /// The records holding every key of `needle` (text as `SearchText` folds it): each of its
    /// characters, or each of its pairs of adjacent characters; ascending; every record when the
    /// needle has no key.
    func records(containingAllOf needle: [UInt8]) -> [Int] {
        let keys = CharacterIndex.keys(of: needle, pairs: isOfPairs)
        var found: [Int] = []
        for block in blocks {
            var sets: [RecordSet] = []
            for key in keys {
                guard let set = block.sets[key] else { break }
                sets.append(set)
            }
            guard sets.count == keys.count else { continue }
            RecordSet.intersection(sets, count: block.range.count) { found.append(block.range.lowerBound + $0) }
            if keys.isEmpty { found += block.range }
        }
        return found
    }

    /// About how many bytes the index takes: each key and its set's two array references in the
    /// dictionaries, each set's list or bitmap and its array header.
    var byteCount: Int {
        blocks.reduce(0) { $0 + $1.sets.reduce(0) { $0 + 24 + $1.value.byteCount } }
    }

    private static func block(_ range: Range<Int>, of records: [TextIndex.Record], in buffer: ByteBuffer, pairs: Bool) -> Block {
        var builder = BlockBuilder(count: range.count, pairs: pairs)
        var released = range.isEmpty ? 0 : records[range.lowerBound].start
        buffer.withBytes { bytes in
            for (offset, record) in records[range].enumerated() {
                builder.add(bytes, record.text..<record.end, as: UInt32(offset))
                if record.end - released >= ByteBuffer.releaseEvery {
                    buffer.release(released..<record.end)
                    released = record.end
                }
            }
        }
        if !range.isEmpty { buffer.release(released..<records[range.upperBound - 1].end) }
        return Block(range: range, sets: Dictionary(uniqueKeysWithValues: zip(builder.keys, builder.sets)))
    }
}

/// A block of `CharacterIndex` being built, a record at a time. Its state is a value's, not a
/// closure's captures, which Swift checks for exclusive access at run time on every access.
private struct BlockBuilder {
    /// How many records the block has.
    let count: Int
    /// Whether the keys are pairs of adjacent characters, not characters.
    let ofPairs: Bool
    // For each key, its set's slot (low half; all ones: none yet) and the last record it was seen in
    // (high half), in one word: a record holds each of its characters about three times, and a key
    // seen again in the same record costs one load. Characters below U+30000 (all of Chinese) find
    // their word in a table, the rest in a dictionary, pairs in a `PairTable`.
    private var table: [UInt64]
    private var other: [UInt32: UInt64] = [:]
    private var pairs = PairTable(empty: .max)
    /// Each key, and the records holding it, by slot.
    private(set) var keys: [UInt64] = [], sets: [RecordSet] = []
    /// The slots of the keys a record holds, gathered while it is read and added to their sets after
    /// it: one pass over the sets' array per record instead of a checked access per key.
    private var fresh: [UInt32] = []

    init(count: Int, pairs: Bool) {
        self.count = count
        ofPairs = pairs
        table = pairs ? [] : [UInt64](repeating: .max, count: 0x30000)
        fresh.reserveCapacity(4096)
    }

    /// Adds the characters, or the adjacent pairs, of `range` of `bytes` as record `local` (of the block).
    mutating func add(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>, as local: UInt32) {
        var previous: UInt32 = 0
        UTF8Scalars.forEach(in: bytes, range) { scalar, follows in
            // Most keys were seen already in the record: read, and write only when they were not
            // (a write checks the array's uniqueness: 5 % of building).
            if ofPairs {
                defer { previous = scalar }
                guard follows else { return }
                let pair = UInt64(previous) << 32 | UInt64(scalar)
                let slot = pairs.slot(inserting: pair)
                let word = pairs[slot]
                if !BlockBuilder.seen(word, in: local) { pairs[slot] = note(word, pair, local) }
            } else if scalar < 0x30000 {
                let word = table[Int(scalar)]
                if !BlockBuilder.seen(word, in: local) { table[Int(scalar)] = note(word, UInt64(scalar), local) }
            } else {
                other[scalar] = note(other[scalar, default: .max], UInt64(scalar), local)
            }
        }
        let count = self.count
        sets.withUnsafeMutableBufferPointer { sets in
            for slot in fresh { sets[Int(slot)].insert(local, count: count) }
        }
        fresh.removeAll(keepingCapacity: true)
    }

    /// Whether a key's word says it was seen in record `local` already.
    @inline(__always)
    private static func seen(_ word: UInt64, in local: UInt32) -> Bool {
        UInt32(truncatingIfNeeded: word >> 32) == local
    }

    /// The word of `key` once seen in record `local`, noting the key as one the record holds the first
    /// time it is seen there.
    @inline(__always)
    private mutating func note(_ word: UInt64, _ key: UInt64, _ local: UInt32) -> UInt64 {
        guard !BlockBuilder.seen(word, in: local) else { return word }
        var slot = UInt32(truncatingIfNeeded: word)
        if slot == .max {
            slot = UInt32(sets.count)
            keys.append(key)
            sets.append(RecordSet())
        }
        fresh.append(slot)
        return UInt64(local) << 32 | UInt64(slot)
    }
}
