/// The most bytes banli reads from one file of a kind. Every read is capped, so that a file grown
/// by mistake or by malice (a case file of gigabytes, a link to `/dev/zero`) is refused with a
/// message instead of filling memory; reading stops at the cap, never reading the rest to find out
/// how large it is.
public struct ReadLimit: Sendable, Hashable {
    /// The cap, in bytes.
    public var bytes: Int
    /// The configuration key that sets the cap, named in the refusal; nil for a fixed cap.
    public var setting: String?

    public init(bytes: Int, setting: String? = nil) {
        self.bytes = bytes
        self.setting = setting
    }

    /// The configuration key for the cap on one case file, in MiB.
    public static let caseFileSetting = "case_file_max_mib"
    /// The default cap on one case file: generous, as a case of a hundred pages is some 200 KiB.
    public static let defaultCaseFileMebibytes = 16

    /// The cap on one case file (and on a draft or undo step, which hold one), `mebibytes` MiB.
    public static func caseFile(mebibytes: Int) -> ReadLimit {
        ReadLimit(bytes: mebibytes << 20, setting: caseFileSetting)
    }

    /// A case file's cap plus room for the comment line a draft, an undo step or a conflict copy
    /// begins with.
    public func withHeaderLine() -> ReadLimit { ReadLimit(bytes: bytes + 4096, setting: setting) }

    /// A recovery draft: its header line, the draft, and the case it was begun from (`DraftBase`).
    public func withDraftBase() -> ReadLimit { ReadLimit(bytes: 2 * bytes + 4096, setting: setting) }

    /// `.banli/index.tsv`: some 300 bytes a case, so 1 GiB is room for millions of cases.
    static let index = ReadLimit(bytes: 1 << 30)
    /// `.banli/text.tsv`, mapped rather than read: some 4 KiB a case.
    static let textCache = ReadLimit(bytes: 1 << 36)
    /// A document banli had made for it (a PDF from LibreOffice): generous, never endless.
    static let document = ReadLimit(bytes: 1 << 30)
    /// Small files banli writes itself: the store marker, an editing mark, `/proc/PID/stat`.
    static let smallFile = ReadLimit(bytes: 64 << 10)
    /// One configuration file: the shipped one is some 10 KiB.
    public static let configuration = ReadLimit(bytes: 8 << 20)
    /// A text file named on the command line (`--text-file`): at most what one case file holds.
    public static let incomingText = ReadLimit(bytes: defaultCaseFileMebibytes << 20)

    /// Why a file of `size` bytes is refused: `大小为 17 MiB，超过上限 16 MiB（配置项 case_file_max_mib）`.
    public func refusal(size: Int64) -> String {
        let how = setting.map { "（配置项 \($0)）" } ?? ""
        return "大小为 \(ReadLimit.text(size))，超过上限 \(ReadLimit.text(Int64(bytes)))\(how)"
    }

    /// A size in bytes as a clerk reads it: `300 字节`, `12 KiB`, `16 MiB`, `1.5 GiB`.
    static func text(_ size: Int64) -> String {
        let units = ["字节", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(size), unit = 0
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        if unit == 0 { return "\(size) 字节" }
        let rounded = (value * 10).rounded() / 10
        return (rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)) + " " + units[unit]
    }
}
