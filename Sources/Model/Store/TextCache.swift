import Foundation
import Glibc

/// `.banli/text.tsv`: every valid case's searchable text, kept beside the index and, like it, only a
/// cache: deleting it loses nothing. First line `banli-text/2`, then one line per case file:
/// `file name, size, mtime (ns), inode, proposal text, reply`, separated by tabs, the
/// texts folded by `SearchText` (so they hold no tab or newline). A line is trusted only while its
/// file's size, mtime and inode are unchanged; a cache file that does not parse as a whole is ignored
/// and rebuilt.
enum TextCache {
    /// The format's version: raise it whenever `SearchText` or `texts(of:)` changes what they produce,
    /// since a line is otherwise trusted for as long as its file is unchanged.
    static let header = Array("banli-text/2\n".utf8)

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

    /// A cache file being written, line by line, with the entries it will hold: into a temporary
    /// file beside the cache, a megabyte at a time, so that building or updating the cache of a large
    /// store never holds all of it in memory (for 100,000 cases it is some 400 MiB); or, where no file
    /// can be created (a read-only store), in memory.
    struct Builder {
        private var bytes = TextCache.header
        /// How many bytes are already in the file.
        private var written = 0
        private let file: (descriptor: Int32, path: String)?
        private(set) var entries: [Entry] = []
        private static let flushSize = 1 << 20

        /// A builder writing into `directory`, or in memory when it is nil.
        init(directory: String?) {
            guard let directory else {
                file = nil
                return
            }
            let path = directory + "/.text.tsv.tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
            let descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            file = descriptor >= 0 ? (descriptor, path) : nil
        }

        private var count: Int { written + bytes.count }

        mutating func add(file name: String, stamp: FileSystem.Stamp, text: [UInt8], reply: [UInt8]) {
            let start = count
            bytes += Array("\(name)\t\(stamp.size)\t\(stamp.modifiedNanoseconds)\t\(stamp.inode)\t".utf8)
            let textStart = count
            bytes += text
            bytes.append(0x09)
            let replyStart = count
            bytes += reply
            entries.append(Entry(file: name, stamp: stamp, record: TextIndex.Record(start: start, text: textStart, reply: replyStart, end: count)))
            bytes.append(0x0A)
            flushIfFull()
        }

        /// Copies a line from another cache file.
        mutating func add(_ entry: Entry, from other: ByteBuffer) {
            let r = entry.record, shift = count - r.start
            other.withBytes { bytes += UnsafeRawBufferPointer(rebasing: $0[r.start...r.end]) }
            entries.append(Entry(file: entry.file, stamp: entry.stamp,
                                 record: TextIndex.Record(start: r.start + shift, text: r.text + shift, reply: r.reply + shift, end: r.end + shift)))
            flushIfFull()
        }

        private mutating func flushIfFull() {
            guard let file, bytes.count >= Builder.flushSize, Builder.write(bytes, to: file.descriptor, at: written) else { return }
            written += bytes.count
            bytes.removeAll(keepingCapacity: true)
        }

        /// Puts the cache file in place at `path` and gives its index. Where it cannot be put there,
        /// the index is searched all the same: from the temporary file, removed, or from memory.
        consuming func finish(at path: String) -> TextIndex {
            let files = entries.map(\.file), records = entries.map(\.record)
            guard let file else { return TextIndex(buffer: ByteBuffer(bytes), files: files, records: records) }
            defer { close(file.descriptor) }
            let buffer: ByteBuffer
            if Builder.write(bytes, to: file.descriptor, at: written), let mapped = Builder.map(file.descriptor, count: count) {
                // A cache need not survive a crash (a damaged one is rebuilt), so it is not synced.
                if rename(file.path, path) == 0 { return TextIndex(buffer: mapped, files: files, records: records) }
                buffer = mapped
            } else {
                // The disk is full, say: what reached the file and the rest are searched from memory.
                buffer = ByteBuffer((Builder.map(file.descriptor, count: written)?.withBytes { Array($0) } ?? []) + bytes)
            }
            unlink(file.path)
            return TextIndex(buffer: buffer, files: files, records: records)
        }

        /// Writes all of `bytes` at `offset`; false when the file could not take them.
        private static func write(_ bytes: [UInt8], to descriptor: Int32, at offset: Int) -> Bool {
            var done = 0
            while done < bytes.count {
                let n = bytes[done...].withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, off_t(offset + done)) }
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { return false }
                done += n
            }
            return true
        }

        /// The first `count` bytes of the file, mapped read-only.
        private static func map(_ descriptor: Int32, count: Int) -> ByteBuffer? {
            guard count > 0 else { return ByteBuffer([]) }
            guard let base = mmap(nil, count, PROT_READ, MAP_PRIVATE, descriptor, 0), base != MAP_FAILED else { return nil }
            return ByteBuffer(mapping: UnsafeRawBufferPointer(start: base, count: count))
        }
    }
}

extension CaseStore {
    var textCachePath: String { metadataDirectory + "/text.tsv" }

    /// The searchable text of every valid case, from the text cache where it is still valid and by
    /// reading the file where it is not (on all cores). The cache is rewritten when anything changed
    /// and the store is writable. Files are read in batches and the new cache is written as it is
    /// made, so that building or updating the cache of a large store holds little of it in memory.
    /// For a store opened `.readWrite` (the terminal UI): the cache is built where it is kept.
    public func textIndex() throws(StoreError) -> TextIndex {
        let files = try CaseFiles(directory: directory)
        let old = try? FileSystem.map(textCachePath, limit: .textCache)
        let cached = old.flatMap(TextCache.entries(in:))
        let cachedByFile = Dictionary((cached ?? []).map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
        var kept: [TextCache.Entry] = []
        var toRead: [(name: String, stamp: FileSystem.Stamp)] = []
        for (name, stamp) in zip(files.names, files.stamps) {
            guard let stamp else { continue }
            if let entry = cachedByFile[name], entry.stamp == stamp {
                kept.append(entry)
            } else {
                toRead.append((name, stamp))
            }
        }
        // Unchanged lines are copied in their order in the old cache, which reads it front to back;
        // the lines of the files read follow, in file name order (the order of a new cache). The new
        // cache is started only once a file read has text: a file that is not a valid case (`list()`
        // reports those) must not make every load rewrite the cache.
        var builder: TextCache.Builder?
        func started() -> TextCache.Builder {
            // Where `.banli` cannot be made or leads out of the store, the cache is built in memory.
            var builder = TextCache.Builder(directory: (try? makeOwnDirectory(metadataDirectory)) != nil ? metadataDirectory : nil)
            if let old {
                for entry in kept.sorted(by: { $0.record.start < $1.record.start }) { builder.add(entry, from: old) }
            }
            return builder
        }
        toRead.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        let batch = 512
        for first in stride(from: 0, to: toRead.count, by: batch) {
            let items = toRead[first..<min(first + batch, toRead.count)]
            for (item, texts) in zip(items, searchableTexts(of: items.map(\.name))) {
                guard let texts else { continue }
                if builder == nil { builder = started() }
                builder!.add(file: item.name, stamp: item.stamp, text: texts.text, reply: texts.reply)
            }
        }
        if builder == nil, let old, let cached, kept.count == cached.count {
            return TextIndex(buffer: old, files: cached.map(\.file), records: cached.map(\.record))
        }
        return (builder ?? started()).finish(at: textCachePath)
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
