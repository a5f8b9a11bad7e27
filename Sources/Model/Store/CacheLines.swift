import Dispatch
import Glibc

/// The line format the store's two caches (`StoreIndex`, `TextCache`) share: one row per case file,
/// ending in a tab and a checksum, 16 lowercase hex digits of the `XXHash64` of everything before that
/// tab on the line — the file name, the file's stamp and the cached content. A row is trusted only
/// while its checksum matches: a row damaged by accident (a bad block, a stray edit), edited by hand
/// or forged (a well-formed row holding the file's real stamp with a false title or status) fails its
/// check, and that row alone is rebuilt from its case file; the other rows are still trusted.
/// The checksum is not a defence against a forger who means it: it has no key, anyone can compute it,
/// and anyone able to write `.banli/` can write the case files themselves.
enum CacheLines {
    /// How many bytes the checksum field adds to a row: a tab and 16 hex digits.
    static let checksumFieldLength = 17

    /// Appends the checksum field of the row `out[start...]` (which holds no newline).
    static func appendChecksum(to out: inout [UInt8], rowStart start: Int) {
        let sum = out[start...].withUnsafeBytes { XXHash64.hash($0) }
        out.append(0x09)
        for shift in stride(from: 60, through: 0, by: -4) {
            out.append(hexDigits[Int(truncatingIfNeeded: sum >> UInt64(shift)) & 0xF])
        }
    }

    /// The content of the row `line` (its bytes before the newline) without its checksum field, and
    /// whether the checksum matches it; nil when the row does not end in a checksum field.
    static func checked(_ bytes: UnsafeRawBufferPointer, line: Range<Int>) -> (content: Range<Int>, intact: Bool)? {
        guard line.count > checksumFieldLength, bytes[line.upperBound - checksumFieldLength] == 0x09 else { return nil }
        let content = line.lowerBound..<(line.upperBound - checksumFieldLength)
        var sum: UInt64 = 0
        for i in (content.upperBound + 1)..<line.upperBound {
            let byte = bytes[i]
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: return nil
            }
            sum = sum << 4 | UInt64(digit)
        }
        return (content, XXHash64.hash(UnsafeRawBufferPointer(rebasing: bytes[content])) == sum)
    }

    /// `body` on each of about one part per core of `bytes[start...]`, each part a run of whole lines
    /// (the last may lack its newline), run concurrently; the results in the parts' order.
    static func mapParts<T>(_ bytes: UnsafeRawBufferPointer, from start: Int,
                            _ body: @Sendable (UnsafeRawBufferPointer, Range<Int>) -> T) -> [T] {
        let cores = max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        var bounds = [start]
        for k in 1..<cores {
            let target = max(bounds.last!, start + (bytes.count - start) * k / cores)
            guard let end = firstIndex(of: 0x0A, in: bytes, target..<bytes.count) else { break }
            bounds.append(end + 1)
        }
        bounds.append(bytes.count)
        var parts = [T?](repeating: nil, count: bounds.count - 1)
        parts.withUnsafeMutableBufferPointer { buffer in
            // Each part reads only its own lines of the bytes and writes only its own slot.
            nonisolated(unsafe) let out = buffer, input = bytes
            let ends = bounds
            DispatchQueue.concurrentPerform(iterations: out.count) { k in
                out[k] = body(input, ends[k]..<ends[k + 1])
            }
        }
        return parts.map { $0! }
    }

    /// Where `byte` first occurs in `range` of `bytes`.
    static func firstIndex(of byte: UInt8, in bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Int? {
        guard !range.isEmpty, let base = bytes.baseAddress,
              let found = memchr(base + range.lowerBound, Int32(byte), range.count) else { return nil }
        return base.distance(to: UnsafeRawPointer(found))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
