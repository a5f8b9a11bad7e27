import Glibc

/// Bytes that never change, searched in place with `memchr` and `memcmp`: an array the buffer adopts
/// (no copy), or a read-only mapping of a file. Never changed after creation, hence safe to share
/// between threads.
final class ByteBuffer: @unchecked Sendable {
    private enum Storage {
        case array([UInt8])
        case mapping(UnsafeRawBufferPointer)
    }

    private let storage: Storage

    init(_ array: [UInt8]) {
        storage = .array(array)
    }

    /// Takes ownership of a mapping made with `mmap`; it is unmapped with the buffer.
    init(mapping: UnsafeRawBufferPointer) {
        storage = .mapping(mapping)
    }

    deinit {
        if case .mapping(let bytes) = storage {
            munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count)
        }
    }

    var count: Int {
        switch storage {
        case .array(let array): return array.count
        case .mapping(let bytes): return bytes.count
        }
    }

    func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        switch storage {
        case .array(let array): return try array.withUnsafeBytes(body)
        case .mapping(let bytes): return try body(bytes)
        }
    }

    /// How far a reader of every record goes (checking the cache, indexing it, copying it) before it
    /// gives the pages it has read back (`release`), in bytes.
    static let releaseEvery = 8 << 20

    /// Gives the pages of a mapping that lie wholly inside `range` back to the kernel
    /// (`MADV_DONTNEED`): they leave this process's resident memory and stay in the page cache, and
    /// reading them again reads them from the file, as after the kernel evicted them. Loading the
    /// text cache of 100,000 cases reads all of its 400 MiB once (checksums, `CharacterIndex`), and
    /// a search then reads only the records it verifies. Nothing for an array, whose pages are its
    /// only copy.
    func release(_ range: Range<Int>) {
        guard case .mapping(let bytes) = storage, let base = bytes.baseAddress, !range.isEmpty else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        // The mapping starts on a page: whole pages from the first that starts in the range.
        let start = (range.lowerBound + page - 1) / page * page, end = range.upperBound / page * page
        guard start < end else { return }
        madvise(UnsafeMutableRawPointer(mutating: base + start), end - start, MADV_DONTNEED)
    }

    /// How often each byte value occurs, in the whole buffer or, past 4 MiB, in 64 windows of 64 KiB
    /// spread over it: a search looks first for the query's rarest byte, which a sample tells as well,
    /// and counting all of a large text cache would read every page of it before the first search.
    func byteCounts() -> [Int] {
        var counts = [Int](repeating: 0, count: 256)
        let window = 1 << 16, windows = 64
        counts.withUnsafeMutableBufferPointer { c in
            withBytes { bytes in
                guard bytes.count > window * windows else {
                    for byte in bytes { c[Int(byte)] += 1 }
                    return
                }
                for k in 0..<windows {
                    let start = (bytes.count - window) / (windows - 1) * k
                    for byte in bytes[start..<(start + window)] { c[Int(byte)] += 1 }
                }
            }
        }
        return counts
    }

    /// Where `needle` first occurs wholly inside `range`. Looks for the needle's rarest byte with
    /// `memchr` and compares the rest only there: glibc's `memmem` steps at most the needle's length
    /// less one, so a one-character Chinese query (3 bytes) crawls through the text 2 bytes at a time,
    /// about five times slower than this on Chinese text.
    func firstIndex(of needle: Needle, in range: Range<Int>) -> Int? {
        let length = needle.bytes.count
        guard length > 0, range.count >= length else { return nil }
        let rare = needle.rareOffset, target = Int32(needle.bytes[rare])
        let lastStart = range.upperBound - length
        return withBytes { bytes in
            needle.bytes.withUnsafeBytes { pattern -> Int? in
                guard let base = bytes.baseAddress else { return nil }
                var start = range.lowerBound
                while start <= lastStart {
                    guard let found = memchr(base + start + rare, target, lastStart - start + 1) else { return nil }
                    let candidate = base.distance(to: UnsafeRawPointer(found)) - rare
                    if memcmp(base + candidate, pattern.baseAddress!, length) == 0 { return candidate }
                    start = candidate + 1
                }
                return nil
            }
        }
    }
}

/// A normalised query prepared for one buffer: its bytes and the offset of the byte that is rarest in
/// that buffer.
struct Needle {
    let bytes: [UInt8]
    let rareOffset: Int

    init(_ bytes: [UInt8], byteCounts: [Int]) {
        self.bytes = bytes
        rareOffset = bytes.indices.min { byteCounts[Int(bytes[$0])] < byteCounts[Int(bytes[$1])] } ?? 0
    }
}
