/// A rebuildable cache of every valid case file's header fields, so that opening a large store reads
/// one small file and stats the rest instead of parsing thousands of YAML files. An entry is trusted
/// only while its file's size, mtime and inode are unchanged and the configured vocabulary is the
/// same; deleting the index loses nothing.
struct StoreIndex {
    struct Entry {
        var stamp: FileSystem.Stamp
        var summary: CaseSummary
    }

    static let header = "banli-index/1"
    var entries: [String: Entry] = [:]

    /// Parses the index; anything unexpected makes the whole index count as absent. Works on bytes:
    /// splitting 10,000 lines as Characters costs more than the rest of opening a store.
    init?(bytes: [UInt8], vocabularyKey: String) {
        let lines = bytes.split(separator: UInt8(ascii: "\n"))
        guard let first = lines.first, String(decoding: first, as: UTF8.self) == "\(StoreIndex.header)\t\(vocabularyKey)" else {
            return nil
        }
        entries.reserveCapacity(lines.count)
        for line in lines.dropFirst() {
            let f = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false).map(StoreIndex.unescape)
            guard f.count == 15, let size = Int64(f[1]), let mtime = Int64(f[2]), let inode = UInt64(f[3]),
                  let id = CaseID(String(f[0].dropLast(5))), let role = HandlingRole(rawValue: f[9]),
                  let assigned = LocalDate(iso: f[10]) else { return nil }
            let summary = CaseSummary(
                id: id, title: f[4], leadProposer: f[5], jointSigners: f[6].isEmpty ? [] : f[6].components(separatedBy: "\u{1F}"),
                topic: f[7], isKey: f[8] == "1", role: role, assignedOn: assigned, deadline: LocalDate(iso: f[11]),
                status: f[12], handler: f[13], outcome: String(f[14].dropFirst()), hasReply: f[14].first == "1")
            entries[f[0]] = Entry(stamp: FileSystem.Stamp(size: size, modifiedNanoseconds: mtime, inode: inode), summary: summary)
        }
    }

    init() {}

    func text(vocabularyKey: String) -> String {
        var out = "\(StoreIndex.header)\t\(vocabularyKey)\n"
        for (name, e) in entries.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            let s = e.summary
            let fields = [name, String(e.stamp.size), String(e.stamp.modifiedNanoseconds), String(e.stamp.inode),
                          s.title, s.leadProposer, s.jointSigners.joined(separator: "\u{1F}"), s.topic, s.isKey ? "1" : "0",
                          s.role.rawValue, s.assignedOn.description, s.deadline?.description ?? "", s.status, s.handler,
                          (s.hasReply ? "1" : "0") + s.outcome]
            out += fields.map(StoreIndex.escape).joined(separator: "\t") + "\n"
        }
        return out
    }

    static func escape(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 92 || $0 == 9 || $0 == 10 || $0 == 13 }) else { return s }
        var out = ""
        for ch in s {
            switch ch {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.append(ch)
            }
        }
        return out
    }

    static func unescape(_ field: ArraySlice<UInt8>) -> String {
        guard field.contains(UInt8(ascii: "\\")) else { return String(decoding: field, as: UTF8.self) }
        var out: [UInt8] = [], escaping = false
        for byte in field {
            if escaping {
                switch byte {
                case UInt8(ascii: "t"): out.append(9)
                case UInt8(ascii: "n"): out.append(10)
                case UInt8(ascii: "r"): out.append(13)
                default: out.append(byte)
                }
                escaping = false
            } else if byte == UInt8(ascii: "\\") {
                escaping = true
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
