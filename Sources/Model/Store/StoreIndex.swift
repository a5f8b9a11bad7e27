import Foundation
import Glibc

/// A rebuildable cache of every valid case file's header fields, so that opening a large store reads
/// one file and stats the rest instead of parsing every YAML file. An entry is trusted only while its
/// file's stamp (size, mtime, ctime, inode) is unchanged, its row's checksum matches and the
/// configured vocabulary is the same; deleting the index loses nothing.
///
/// `.banli/index.tsv`: first line `banli-index/6`, a tab and the vocabulary key; then one line per
/// case file, in case ID order (the order the list shows, so opening a store sorts nothing): file name,
/// size, mtime (ns), ctime (ns), inode, then the summary's fields (an empty 交办日期 for a case
/// without one; the printed number, then 撤案 or `并入 <ID>`, then the number of recorded conflicts
/// last), tab-separated, text escaped (`\\`, `\t`, `\n`, `\r`) and joint signers separated by U+001F; last the row's checksum (`CacheLines`
/// says what it guards against). A row whose checksum fails is dropped and its file parsed again.
struct StoreIndex {
    struct Entry {
        var file: String
        var stamp: FileSystem.Stamp
        var summary: CaseSummary
    }

    /// The format's version: raise it whenever the fields change.
    static let header = "banli-index/6"
    /// Fields before the checksum.
    private static let fieldCount = 23
    /// In case ID order.
    var entries: [Entry]
    /// How many rows failed their checksum: they are not among `entries`.
    private(set) var damagedRows = 0

    init(entries: [Entry]) {
        self.entries = entries
    }

    /// Parses the index; anything unexpected (a line that does not parse, lines out of order) makes
    /// the whole index count as absent, and it is rebuilt; a well-formed row whose checksum fails is
    /// left out (`damagedRows`). Works on bytes without splitting them into arrays of lines and
    /// fields: for 100,000 cases that alone cost more than the rest of opening.
    init?(bytes: [UInt8], vocabularyKey: String) {
        guard let parsed = bytes.withUnsafeBytes({ StoreIndex.parse($0, vocabularyKey: vocabularyKey) }) else { return nil }
        (entries, damagedRows) = parsed
    }

    private static func parse(_ bytes: UnsafeRawBufferPointer, vocabularyKey: String) -> (entries: [Entry], damaged: Int)? {
        let first = Array("\(header)\t\(vocabularyKey)\n".utf8)
        guard bytes.count >= first.count, bytes.prefix(first.count).elementsEqual(first) else { return nil }
        // The lines are parsed in one part per core.
        let parts = CacheLines.mapParts(bytes, from: first.count) { lines($0, $1) }
        var entries: [Entry] = [], damaged = 0
        entries.reserveCapacity(parts.reduce(0) { $0 + ($1?.entries.count ?? 0) })
        for part in parts {
            guard let part else { return nil }
            if let last = entries.last, let next = part.entries.first, !(last.summary.id < next.summary.id) { return nil }
            entries += part.entries
            damaged += part.damaged
        }
        return (entries, damaged)
    }

    /// The entries of the lines in `range`, which ends at the end of a line, and how many rows failed
    /// their checksum; nil if any is not an entry or they are out of order.
    private static func lines(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> (entries: [Entry], damaged: Int)? {
        var entries: [Entry] = [], damaged = 0
        entries.reserveCapacity(range.count / 160)
        var fields = [Range<Int>](repeating: 0..<0, count: fieldCount)
        var start = range.lowerBound
        while start < range.upperBound {
            // A file cut short has no final newline, so its last line is refused here.
            guard let end = CacheLines.firstIndex(of: 0x0A, in: bytes, start..<range.upperBound),
                  let (content, intact) = CacheLines.checked(bytes, line: start..<end) else { return nil }
            var fieldStart = start, n = 0
            for i in content where bytes[i] == 0x09 {
                guard n < fieldCount - 1 else { return nil }
                fields[n] = fieldStart..<i
                n += 1
                fieldStart = i + 1
            }
            guard n == fieldCount - 1 else { return nil }
            fields[n] = fieldStart..<content.upperBound
            guard let entry = entry(bytes, fields) else { return nil }
            if !intact {
                damaged += 1
            } else {
                if let last = entries.last, !(last.summary.id < entry.summary.id) { return nil }
                entries.append(entry)
            }
            start = end + 1
        }
        return (entries, damaged)
    }

    private static func entry(_ bytes: UnsafeRawBufferPointer, _ f: [Range<Int>]) -> Entry? {
        func text(_ i: Int) -> String { unescape(UnsafeRawBufferPointer(rebasing: bytes[f[i]])) }
        func flag(_ i: Int) -> Bool? {
            f[i].count == 1 && (bytes[f[i].lowerBound] == 0x30 || bytes[f[i].lowerBound] == 0x31) ? bytes[f[i].lowerBound] == 0x31 : nil
        }
        /// A date, or .some(nil) for an empty field; nil when the field is not a date.
        func date(_ i: Int) -> LocalDate?? {
            if f[i].isEmpty { return .some(nil) }
            guard let date = LocalDate(isoBytes: UnsafeRawBufferPointer(rebasing: bytes[f[i]])) else { return nil }
            return date
        }
        let file = text(0)
        guard let id = caseID(fileName: UnsafeRawBufferPointer(rebasing: bytes[f[0]])) ?? (file.hasSuffix(".yaml") ? CaseID(String(file.dropLast(5))) : nil),
              let size = integer(bytes, f[1]), let mtime = integer(bytes, f[2]), let ctime = integer(bytes, f[3]),
              let inode = integer(bytes, f[4]), inode >= 0,
              let isKey = flag(9), let role = HandlingRole(rawValue: text(10)),
              let assigned = date(11), let deadline = date(12), let hasReply = flag(15), let repliedOn = date(17),
              let hasContacts = flag(18), let conflictCount = integer(bytes, f[22]), conflictCount >= 0 else { return nil }
        let satisfaction = f[19].isEmpty ? nil : Feedback.Satisfaction(rawValue: text(19))
        guard f[19].isEmpty || satisfaction != nil else { return nil }
        let disposition = f[21].isEmpty ? nil : Disposition(indexField: text(21))
        guard f[21].isEmpty || disposition != nil else { return nil }
        var summary = CaseSummary(
            id: id, printedNumber: text(20), title: text(5), leadProposer: text(6),
            jointSigners: f[7].isEmpty ? [] : names(bytes, f[7]),
            topic: text(8), isKey: isKey, role: role, assignedOn: assigned, deadline: deadline, status: text(13),
            handler: text(14), outcome: text(16), hasReply: hasReply, repliedOn: repliedOn, hasContacts: hasContacts,
            satisfaction: satisfaction)
        summary.disposition = disposition
        summary.conflictCount = Int(conflictCount)
        let stamp = FileSystem.Stamp(size: size, modifiedNanoseconds: mtime, changedNanoseconds: ctime, inode: UInt64(inode))
        return Entry(file: file, stamp: stamp, summary: summary)
    }

    /// The joint signers in the field `range`, separated by U+001F. Split on the byte, each name then
    /// unescaped: the same names as splitting the unescaped text (no escape makes or hides a U+001F,
    /// and a control character is a grapheme of its own), without a pass over its graphemes.
    private static func names(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> [String] {
        var names: [String] = [], start = range.lowerBound
        for i in range where bytes[i] == 0x1F {
            names.append(unescape(UnsafeRawBufferPointer(rebasing: bytes[start..<i])))
            start = i + 1
        }
        names.append(unescape(UnsafeRawBufferPointer(rebasing: bytes[start..<range.upperBound])))
        return names
    }

    /// Two runs of entries, each in case ID order, as one.
    static func merge(_ a: [Entry], _ b: [Entry]) -> [Entry] {
        var merged: [Entry] = [], i = 0, j = 0
        merged.reserveCapacity(a.count + b.count)
        while i < a.count && j < b.count {
            if b[j].summary.id < a[i].summary.id {
                merged.append(b[j])
                j += 1
            } else {
                merged.append(a[i])
                i += 1
            }
        }
        return merged + a[i...] + b[j...]
    }

    func bytes(vocabularyKey: String) -> [UInt8] {
        var out = Array("\(StoreIndex.header)\t\(vocabularyKey)\n".utf8)
        out.reserveCapacity(entries.count * 200)
        for e in entries {
            let s = e.summary, start = out.count
            let fields = [e.file, String(e.stamp.size), String(e.stamp.modifiedNanoseconds), String(e.stamp.changedNanoseconds),
                          String(e.stamp.inode),
                          s.title, s.leadProposer, s.jointSigners.joined(separator: "\u{1F}"), s.topic, s.isKey ? "1" : "0",
                          s.role.rawValue, s.assignedOn?.description ?? "", s.deadline?.description ?? "", s.status, s.handler,
                          s.hasReply ? "1" : "0", s.outcome, s.repliedOn?.description ?? "", s.hasContacts ? "1" : "0",
                          s.satisfaction?.rawValue ?? "", s.printedNumber, s.disposition?.indexField ?? "", String(s.conflictCount)]
            for (i, field) in fields.enumerated() {
                if i > 0 { out.append(0x09) }
                StoreIndex.escape(field, into: &out)
            }
            CacheLines.appendChecksum(to: &out, rowStart: start)
            out.append(0x0A)
        }
        return out
    }

    static func escape(_ s: String, into out: inout [UInt8]) {
        for byte in s.utf8 {
            switch byte {
            case 0x5C: out += [0x5C, 0x5C]
            case 0x09: out += [0x5C, UInt8(ascii: "t")]
            case 0x0A: out += [0x5C, UInt8(ascii: "n")]
            case 0x0D: out += [0x5C, UInt8(ascii: "r")]
            default: out.append(byte)
            }
        }
    }

    static func unescape(_ field: UnsafeRawBufferPointer) -> String {
        guard field.contains(0x5C) else { return String(decoding: field, as: UTF8.self) }
        var out: [UInt8] = [], escaping = false
        for byte in field {
            if escaping {
                switch byte {
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                default: out.append(byte)
                }
                escaping = false
            } else if byte == 0x5C {
                escaping = true
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The ID a file name such as `zx6-1-090.yaml` stands for, read from its bytes without the string
    /// operations of `CaseID(_:)`, which took a tenth of opening a large store. Takes only the plain
    /// form banli writes (`zx0-0-52.yaml` for an unknown meeting); anything else is left to `CaseID(_:)`.
    private static func caseID(fileName b: UnsafeRawBufferPointer) -> CaseID? {
        let kind: CaseKind
        guard b.count > 11, b[b.count - 5] == UInt8(ascii: ".") else { return nil }
        switch (b[0], b[1]) {
        case (UInt8(ascii: "z"), UInt8(ascii: "x")): kind = .proposal
        case (UInt8(ascii: "r"), UInt8(ascii: "d")): kind = .suggestion
        default: return nil
        }
        var i = 2
        func number() -> Int? {
            var n = 0, digits = 0
            while i < b.count, (0x30...0x39).contains(b[i]), digits < 4 {
                n = n * 10 + Int(b[i] - 0x30)
                digits += 1
                i += 1
            }
            guard digits > 0, i < b.count, b[i] == UInt8(ascii: "-") else { return nil }
            i += 1
            return n
        }
        // Term and session are both known (from 1) or both 0, the unknown meeting.
        guard let term = number(), let session = number(), (term > 0) == (session > 0) else { return nil }
        let number = String(decoding: UnsafeRawBufferPointer(rebasing: b[i..<(b.count - 5)]), as: UTF8.self)
        guard b[(b.count - 5)...].elementsEqual(".yaml".utf8), CaseID.isValidNumber(number) else { return nil }
        return CaseID(kind: kind, meeting: Meeting(term: term, session: session), number: number)
    }

    /// A decimal integer, optionally negative; nil for anything else.
    private static func integer(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Int64? {
        var i = range.lowerBound, negative = false
        if i < range.upperBound && bytes[i] == UInt8(ascii: "-") { negative = true; i += 1 }
        guard i < range.upperBound else { return nil }
        var n: Int64 = 0
        while i < range.upperBound {
            guard (0x30...0x39).contains(bytes[i]) else { return nil }
            let (times10, overflow) = n.multipliedReportingOverflow(by: 10)
            guard !overflow, times10 <= Int64.max - Int64(bytes[i] - 0x30) else { return nil }
            n = times10 + Int64(bytes[i] - 0x30)
            i += 1
        }
        return negative ? -n : n
    }
}
