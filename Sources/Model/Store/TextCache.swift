import Foundation
import Glibc

/// `.banli/text.tsv`: every valid case's searchable text, kept beside the index and, like it, only a
/// cache: deleting it loses nothing. First line `banli-text/1`, then one line per case file:
/// `file name, size, mtime (ns), inode, proposal text, reply`, separated by tabs, the texts folded by
/// `SearchText` (so they hold no tab or newline). A line is trusted only while its file's size, mtime
/// and inode are unchanged; a cache file that does not parse as a whole is ignored and rebuilt.
enum TextCache {
    static let header = Array("banli-text/1\n".utf8)

    struct Entry {
        var file: String
        var stamp: FileSystem.Stamp
        var record: TextIndex.Record
    }

    /// The entries of a cache file, or nil when it is not a complete cache file of this format.
    static func entries(in buffer: ByteBuffer) -> [Entry]? {
        let bytes = buffer.bytes
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
                  firstIndex(of: 0x09, in: bytes, (separator + 1)..<end) == nil,
                  !fields[0].isEmpty, let size = Int64(fields[1]), let modified = Int64(fields[2]), let inode = UInt64(fields[3])
            else { return nil }
            entries.append(Entry(file: fields[0], stamp: FileSystem.Stamp(size: size, modifiedNanoseconds: modified, inode: inode),
                                 record: TextIndex.Record(start: start, text: fieldStart, reply: separator + 1, end: end)))
            start = end + 1
        }
        return entries
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

    /// A new cache file, line by line, with the entries it will hold.
    struct Builder {
        private(set) var bytes = TextCache.header
        private(set) var entries: [Entry] = []

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

        /// Copies an unchanged line from the old cache file.
        mutating func add(_ entry: Entry, from old: ByteBuffer) {
            let shift = bytes.count - entry.record.start
            bytes += UnsafeRawBufferPointer(rebasing: old.bytes[entry.record.start...entry.record.end])
            let r = entry.record
            entries.append(Entry(file: entry.file, stamp: entry.stamp,
                                 record: TextIndex.Record(start: r.start + shift, text: r.text + shift, reply: r.reply + shift, end: r.end + shift)))
        }
    }
}

extension CaseStore {
    var textCachePath: String { metadataDirectory + "/text.tsv" }

    /// The searchable text of every valid case, from the text cache where it is still valid and by
    /// reading the file where it is not (on all cores). The cache is rewritten when anything changed
    /// and the store is writable; the index then searches the mapped file rather than a copy.
    public func textIndex() throws(StoreError) -> TextIndex {
        let names = try caseFileNames().sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let old = try? FileSystem.map(textCachePath)
        let cached = old.flatMap(TextCache.entries(in:))
        let cachedByFile = Dictionary((cached ?? []).map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
        var kept: [TextCache.Entry?] = []
        var toRead: [(name: String, stamp: FileSystem.Stamp)] = []
        for name in names {
            guard let stamp = FileSystem.stamp(directory + "/" + name) else { kept.append(nil); continue }
            if let entry = cachedByFile[name], entry.stamp == stamp {
                kept.append(entry)
            } else {
                kept.append(nil)
                toRead.append((name, stamp))
            }
        }
        let read = searchableTexts(of: toRead.map(\.name))
        let keptCount = kept.count { $0 != nil }
        if let old, let cached, keptCount == cached.count, !read.contains(where: { $0 != nil }) {
            return TextIndex(buffer: old, files: cached.map(\.file), records: cached.map(\.record))
        }
        var builder = TextCache.Builder()
        var readByName: [String: (stamp: FileSystem.Stamp, texts: (text: [UInt8], reply: [UInt8]))] = [:]
        for (item, texts) in zip(toRead, read) {
            if let texts { readByName[item.name] = (item.stamp, texts) }
        }
        for (name, entry) in zip(names, kept) {
            if let entry, let old {
                builder.add(entry, from: old)
            } else if let new = readByName[name] {
                builder.add(file: name, stamp: new.stamp, text: new.texts.text, reply: new.texts.reply)
            }
        }
        // The cache is only a cache: a read-only store searches the copy in memory instead.
        try? FileSystem.makeDirectory(metadataDirectory)
        if (try? FileSystem.writeAtomically(builder.bytes, to: textCachePath)) != nil,
           let written = try? FileSystem.map(textCachePath), let entries = TextCache.entries(in: written) {
            return TextIndex(buffer: written, files: entries.map(\.file), records: entries.map(\.record))
        }
        return TextIndex(buffer: ByteBuffer(copying: builder.bytes), files: builder.entries.map(\.file),
                         records: builder.entries.map(\.record))
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
