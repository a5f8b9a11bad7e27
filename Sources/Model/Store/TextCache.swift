import Foundation
import Glibc

/// `.banli/text.tsv`: every valid case's searchable text, kept beside the index and, like it, only a
/// cache: deleting it loses nothing. First line `banli-text/1`, then one line per case file, in file
/// name order: `file name, size, mtime (ns), inode, proposal text, reply`, separated by tabs, the
/// texts folded by `SearchText` (so they hold no tab or newline). A line is trusted only while its
/// file's size, mtime and inode are unchanged; a cache file that does not parse as a whole is ignored
/// and rebuilt.
enum TextCache {
    /// The format's version: raise it whenever `SearchText` or `texts(of:)` changes what they produce,
    /// since a line is otherwise trusted for as long as its file is unchanged.
    static let header = Array("banli-text/1\n".utf8)

    struct Entry {
        var file: String
        var stamp: FileSystem.Stamp
        var record: TextIndex.Record
    }

    /// The entries of a cache file, or nil when it is not a complete cache file of this format.
    static func entries(in buffer: ByteBuffer) -> [Entry]? {
        buffer.withBytes { bytes -> [Entry]? in
            guard bytes.count >= header.count, bytes.prefix(header.count).elementsEqual(header) else { return nil }
            var entries: [Entry] = []
            var start = header.count
            while start < bytes.count {
                // A file cut short has no final newline, so its last line is refused here.
                guard let end = firstIndex(of: 0x0A, in: bytes, start..<bytes.count) else { return nil }
                var fields: [String] = []
                var fieldStart = start
                for _ in 0..<4 {
                    guard let tab = firstIndex(of: 0x09, in: bytes, fieldStart..<end) else { return nil }
                    fields.append(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[fieldStart..<tab]), as: UTF8.self))
                    fieldStart = tab + 1
                }
                guard let separator = firstIndex(of: 0x09, in: bytes, fieldStart..<end),
                      firstIndex(of: 0x09, in: bytes, (separator + 1)..<end) == nil, !fields[0].isEmpty,
                      let size = Int64(fields[1]), let modified = Int64(fields[2]), let inode = UInt64(fields[3])
                else { return nil }
                entries.append(Entry(file: fields[0], stamp: FileSystem.Stamp(size: size, modifiedNanoseconds: modified, inode: inode),
                                     record: TextIndex.Record(start: start, text: fieldStart, reply: separator + 1, end: end)))
                start = end + 1
            }
            return entries
        }
    }

    private static func firstIndex(of byte: UInt8, in bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Int? {
        guard !range.isEmpty, let base = bytes.baseAddress,
              let found = memchr(base + range.lowerBound, Int32(byte), range.count) else { return nil }
        return base.distance(to: UnsafeRawPointer(found))
    }

    /// What search looks in besides the header fields: the proposal text, and the reply's own words
    /// (opening, each section's heading and text, closing) without the parts generated when printing.
    static func texts(of c: Case) -> (text: [UInt8], reply: [UInt8]) {
        var reply: [UInt8] = []
        for part in [c.reply.opening] + c.reply.sections.flatMap({ [$0.heading, $0.text] }) + [c.reply.closing] where !part.isEmpty {
            if !reply.isEmpty { reply.append(SearchText.separator) }
            SearchText.append(part, to: &reply)
        }
        return (SearchText.normalized(c.text), reply)
    }

    /// A cache file being written, line by line, with the entries it will hold.
    struct Builder {
        private(set) var bytes = TextCache.header
        private(set) var entries: [Entry] = []

        /// `capacity` is an upper bound of the size, so the bytes are never copied to grow.
        init(capacity: Int) {
            bytes.reserveCapacity(capacity)
        }

        mutating func add(file: String, stamp: FileSystem.Stamp, text: [UInt8], reply: [UInt8]) {
            let start = bytes.count
            bytes += Array("\(file)\t\(stamp.size)\t\(stamp.modifiedNanoseconds)\t\(stamp.inode)\t".utf8)
            let textStart = bytes.count
            bytes += text
            bytes.append(0x09)
            let replyStart = bytes.count
            bytes += reply
            entries.append(Entry(file: file, stamp: stamp, record: TextIndex.Record(start: start, text: textStart, reply: replyStart, end: bytes.count)))
            bytes.append(0x0A)
        }

        /// Copies a line from another cache file.
        mutating func add(_ entry: Entry, from other: ByteBuffer) {
            let r = entry.record, shift = bytes.count - r.start
            other.withBytes { bytes += UnsafeRawBufferPointer(rebasing: $0[r.start...r.end]) }
            entries.append(Entry(file: entry.file, stamp: entry.stamp,
                                 record: TextIndex.Record(start: r.start + shift, text: r.text + shift, reply: r.reply + shift, end: r.end + shift)))
        }

        var index: TextIndex { TextIndex(buffer: ByteBuffer(bytes), files: entries.map(\.file), records: entries.map(\.record)) }
    }
}

extension CaseStore {
    var textCachePath: String { metadataDirectory + "/text.tsv" }

    /// The searchable text of every valid case, from the text cache where it is still valid and by
    /// reading the file where it is not (on all cores). The cache is rewritten when anything changed
    /// and the store is writable. Files are read in batches, so that building the cache for a large
    /// store holds little more than the cache itself.
    public func textIndex() throws(StoreError) -> TextIndex {
        let names = try caseFileNames().sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let old = try? FileSystem.map(textCachePath)
        let cached = old.flatMap(TextCache.entries(in:))
        let cachedByFile = Dictionary((cached ?? []).map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
        var kept: [String: TextCache.Entry] = [:]
        var toRead: [(name: String, stamp: FileSystem.Stamp)] = []
        for name in names {
            guard let stamp = FileSystem.stamp(directory + "/" + name) else { continue }
            if let entry = cachedByFile[name], entry.stamp == stamp {
                kept[name] = entry
            } else {
                toRead.append((name, stamp))
            }
        }
        // A case file holds its text and more, so the files' sizes bound the new lines' size.
        var fresh = TextCache.Builder(capacity: TextCache.header.count + toRead.reduce(0) { $0 + Int($1.stamp.size) + 64 })
        let batch = 512
        for first in stride(from: 0, to: toRead.count, by: batch) {
            let items = toRead[first..<min(first + batch, toRead.count)]
            for (item, texts) in zip(items, searchableTexts(of: items.map(\.name))) {
                if let texts { fresh.add(file: item.name, stamp: item.stamp, text: texts.text, reply: texts.reply) }
            }
        }
        if let old, let cached, fresh.entries.isEmpty, kept.count == cached.count {
            return TextIndex(buffer: old, files: cached.map(\.file), records: cached.map(\.record))
        }
        let merged: TextCache.Builder
        if let old, !kept.isEmpty {
            let freshBytes = ByteBuffer(fresh.bytes)
            let freshByFile = Dictionary(fresh.entries.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
            var builder = TextCache.Builder(capacity: old.count + freshBytes.count)
            for name in names {
                if let entry = kept[name] {
                    builder.add(entry, from: old)
                } else if let entry = freshByFile[name] {
                    builder.add(entry, from: freshBytes)
                }
            }
            merged = builder
        } else {
            merged = fresh
        }
        // The cache is only a cache: a read-only store goes without it.
        try? FileSystem.makeDirectory(metadataDirectory)
        try? FileSystem.writeAtomically(merged.bytes, to: textCachePath)
        return merged.index
    }

    /// Each file's searchable text, nil for a file that cannot be read as a valid case (`list()`
    /// reports those).
    private func searchableTexts(of names: [String]) -> [(text: [UInt8], reply: [UInt8])?] {
        var results = [(text: [UInt8], reply: [UInt8])?](repeating: nil, count: names.count)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let out = buffer
            DispatchQueue.concurrentPerform(iterations: names.count) { i in
                out[i] = (try? readCase(named: names[i])).map { TextCache.texts(of: $0.value) }
            }
        }
        return results
    }
}
