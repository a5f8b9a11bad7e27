import Foundation
import Glibc

/// `.banli/text.tsv`: every valid case's searchable text, kept beside the index and, like it, only a
/// cache: deleting it loses nothing. First line `banli-text/3`, then one line per case file:
/// `file name, size, mtime (ns), ctime (ns), inode, proposal text, reply, checksum`, separated by
/// tabs, the texts folded by `SearchText` (so they hold no tab or newline), the checksum as
/// `CacheLines` describes. A line is trusted only while its file's stamp is unchanged and its checksum
/// matches; a line whose checksum fails is dropped and its file read again, and a cache file that does
/// not parse as a whole is ignored and rebuilt.
///
/// Every line's checksum is verified when the cache is loaded, on all cores, not when a line is
/// used: the load reads every line anyway (to build the `CharacterIndex`), and `XXHash64` hashes the
/// lines at some 5 GB/s a core (the 40 MiB cache of 10,000 cases in 7 ms), so the 400 MiB of
/// 100,000 cases add some 40 ms on two cores to a load that happens after the first frame. The pages
/// read are given back to the kernel every few MiB (`ByteBuffer.release`), so that the 400 MiB are not
/// all in the process's memory at once, before a search or after.
enum TextCache {
    /// The format's version: raise it whenever `SearchText` or `texts(of:)` changes what they produce,
    /// since a line is otherwise trusted for as long as its file is unchanged.
    static let header = Array("banli-text/3\n".utf8)

    struct Entry {
        var file: String
        var stamp: FileSystem.Stamp
        var record: TextIndex.Record
    }

    /// The entries of a cache file whose checksums match and how many lines failed theirs, or nil
    /// when it is not a complete cache file of this format. Parsed in one part per core.
    static func entries(in buffer: ByteBuffer) -> (entries: [Entry], damaged: Int)? {
        buffer.withBytes { bytes -> (entries: [Entry], damaged: Int)? in
            guard bytes.count >= header.count, bytes.prefix(header.count).elementsEqual(header) else { return nil }
            var entries: [Entry] = [], damaged = 0
            for part in CacheLines.mapParts(bytes, from: header.count, { lines($0, $1, release: buffer.release) }) {
                guard let part else { return nil }
                entries += part.entries
                damaged += part.damaged
            }
            return (entries, damaged)
        }
    }

    /// The entries of the lines in `range`, which ends at the end of a line, and how many failed
    /// their checksum; nil if any is not a line of this format. What has been checked is given to
    /// `release` every few MiB: checking reads every line, and a search only the few it verifies.
    private static func lines(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>,
                              release: (Range<Int>) -> Void) -> (entries: [Entry], damaged: Int)? {
        var entries: [Entry] = [], damaged = 0
        var start = range.lowerBound, released = range.lowerBound
        defer { release(released..<start) }
        while start < range.upperBound {
            if start - released >= ByteBuffer.releaseEvery {
                release(released..<start)
                released = start
            }
            // A file cut short has no final newline, so its last line is refused here.
            guard let newline = CacheLines.firstIndex(of: 0x0A, in: bytes, start..<range.upperBound),
                  let (content, intact) = CacheLines.checked(bytes, line: start..<newline) else { return nil }
            let end = content.upperBound
            var fields: [Range<Int>] = []
            var fieldStart = start
            for _ in 0..<5 {
                guard let tab = CacheLines.firstIndex(of: 0x09, in: bytes, fieldStart..<end) else { return nil }
                fields.append(fieldStart..<tab)
                fieldStart = tab + 1
            }
            func text(_ i: Int) -> String { String(decoding: UnsafeRawBufferPointer(rebasing: bytes[fields[i]]), as: UTF8.self) }
            guard let separator = CacheLines.firstIndex(of: 0x09, in: bytes, fieldStart..<end),
                  CacheLines.firstIndex(of: 0x09, in: bytes, (separator + 1)..<end) == nil, !fields[0].isEmpty,
                  let size = Int64(text(1)), let modified = Int64(text(2)), let changed = Int64(text(3)), let inode = UInt64(text(4))
            else { return nil }
            if intact {
                let stamp = FileSystem.Stamp(size: size, modifiedNanoseconds: modified, changedNanoseconds: changed, inode: inode)
                entries.append(Entry(file: text(0), stamp: stamp,
                                     record: TextIndex.Record(start: start, text: fieldStart, reply: separator + 1, end: end)))
            } else {
                damaged += 1
            }
            start = newline + 1
        }
        return (entries, damaged)
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
        /// How much of the cache file lines are copied from (`add(_:from:)`) has been given back.
        private var released = 0
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
            // 0666 less the umask, as the store's other shared files (`FilePermissions.shared`).
            let descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            file = descriptor >= 0 ? (descriptor, path) : nil
        }

        private var count: Int { written + bytes.count }

        mutating func add(file name: String, stamp: FileSystem.Stamp, text: [UInt8], reply: [UInt8]) {
            let start = count
            bytes += Array("\(name)\t\(stamp.size)\t\(stamp.modifiedNanoseconds)\t\(stamp.changedNanoseconds)\t\(stamp.inode)\t".utf8)
            let textStart = count
            bytes += text
            bytes.append(0x09)
            let replyStart = count
            bytes += reply
            entries.append(Entry(file: name, stamp: stamp, record: TextIndex.Record(start: start, text: textStart, reply: replyStart, end: count)))
            // The line is still all in `bytes`: the buffer is flushed only after a whole line.
            CacheLines.appendChecksum(to: &bytes, rowStart: start - written)
            bytes.append(0x0A)
            flushIfFull()
        }

        /// Copies a line from another cache file, its checksum and newline with it.
        mutating func add(_ entry: Entry, from other: ByteBuffer) {
            let r = entry.record, shift = count - r.start
            other.withBytes { bytes += UnsafeRawBufferPointer(rebasing: $0[r.start...(r.end + CacheLines.checksumFieldLength)]) }
            // Lines are copied in their order in the other file: what lies before this one is done.
            if r.start - released >= ByteBuffer.releaseEvery {
                other.release(released..<r.start)
                released = r.start
            }
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
        let cacheWritten = FileSystem.stamp(textCachePath)?.modifiedNanoseconds ?? .min
        let old = try? FileSystem.map(textCachePath, limit: .textCache)
        let loaded = old.flatMap(TextCache.entries(in:))
        let cached = loaded?.entries
        let cachedByFile = Dictionary((cached ?? []).map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
        var kept: [TextCache.Entry] = []
        var toRead: [(name: String, stamp: FileSystem.Stamp)] = []
        for (name, stamp) in zip(files.names, files.stamps) {
            guard let stamp else { continue }
            if let entry = cachedByFile[name], entry.stamp == stamp, stamp.isSettled(before: cacheWritten) {
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
        if builder == nil, let old, let cached, kept.count == cached.count, loaded?.damaged == 0 {
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
