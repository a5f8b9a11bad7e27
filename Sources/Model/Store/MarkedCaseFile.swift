/// A file banli writes as one line of its own — a YAML comment beginning with a marker, then fields
/// (`# banli 撤销记录 applies=…`) — followed by a case file's bytes: an undo step, a recovery draft.
/// The one place such a file's first line is read and its case decoded, so that what it says about
/// its case names the file's own lines.
struct MarkedCaseFile {
    /// The first line after the marker (`applies=…`, `base=… time=…`), without its line feed.
    let fields: Substring
    private let bytes: [UInt8]

    /// `bytes` read, or nil when their first line does not begin with `marker`.
    init?(_ bytes: [UInt8], marker: String) {
        let firstLine = bytes.prefix { $0 != UInt8(ascii: "\n") }
        guard firstLine.starts(with: marker.utf8) else { return nil }
        self.bytes = bytes
        fields = String(decoding: firstLine.dropFirst(marker.utf8.count), as: UTF8.self)[...]
    }

    /// The bytes after the first line: the case file's.
    var body: ArraySlice<UInt8> { bytes.drop { $0 != UInt8(ascii: "\n") }.dropFirst() }

    /// A file of this form: `marker`, `fields` and a line feed, then `body`.
    static func bytes(marker: String, fields: String, body: some Collection<UInt8>) -> [UInt8] {
        Array((marker + fields + "\n").utf8) + body
    }

    /// The case after the first line. The whole file is decoded — the marker line is a YAML comment
    /// — so every line a problem names is the file's own line, counted from the marker line, as a
    /// clerk opening the file sees it (decoding the case's bytes alone reported each line one too low).
    func decode(with decoder: CaseFileDecoder, path: String) throws(DataFileError) -> Case {
        try decoder.decode(bytes, path: path)
    }
}
