/// What a file banli expected to be UTF-8 text is instead: text saved as UTF-16 (Windows Notepad's
/// "Unicode") or UTF-32, or not text at all. Worked out only once reading has already failed, so the
/// message says the real cause — not "cut short", not a YAML error at some line — and a file that
/// reads costs nothing more.
public enum NonText: Hashable, Sendable, CustomStringConvertible {
    /// UTF-16, little- or big-endian: a byte-order mark, or NUL bytes nearly all on one side of the
    /// two-byte units — and, in bytes that are otherwise UTF-8, in most units (`init`).
    case utf16
    /// UTF-32, little- or big-endian: a byte-order mark, or the two high bytes of most four-byte
    /// units NUL, as they are in every character below U+10000.
    case utf32
    /// NUL bytes where text has none: in bytes that are not UTF-8, or — at least `fewestNULs` of
    /// them — as one byte in eight or more.
    case binary

    /// Fewer NULs than this in bytes that are UTF-8 are stray characters in text, not an encoding:
    /// `phrases: [a\0b]` is one NUL in a line, reported as a control character at its line, where
    /// four characters of UTF-16 (`": x\n"`) already hold four.
    static let fewestNULs = 4

    /// What `bytes` look like, or nil when they may be UTF-8 text — which includes text with a stray
    /// NUL, left to be reported as a control character at its line.
    public init?(_ bytes: [UInt8]) {
        // UTF-32LE's mark begins with UTF-16LE's, so it is asked first.
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            self = .utf32
            return
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            self = .utf16
            return
        }
        // NULs by offset modulo 4: UTF-16 puts them on one side of each pair, UTF-32 in one half of
        // each four.
        var at = [0, 0, 0, 0]
        for (offset, byte) in bytes.enumerated() where byte == 0 { at[offset & 3] += 1 }
        let nuls = at.reduce(0, +)
        guard nuls > 0 else { return nil }
        let isUTF8 = String(validating: bytes, as: UTF8.self) != nil
        // UTF-8 has no NUL in any character but NUL itself; UTF-32 has two in every character of the
        // Basic Multilingual Plane — every Chinese one — at the same two offsets of each unit, and
        // in the lowest byte hardly any (a run of NULs, as in a zero-filled tail, has them everywhere).
        let units32 = bytes.count / 4
        func isUTF32(high: (Int, Int), lowest: Int) -> Bool {
            at[high.0] * 2 > units32 && at[high.1] * 2 > units32 && at[lowest] * 2 < units32
        }
        if nuls >= Self.fewestNULs && (isUTF32(high: (2, 3), lowest: 0) || isUTF32(high: (0, 1), lowest: 3)) {
            self = .utf32
            return
        }
        // UTF-16 puts one in every ASCII character (`:`, space, line feed — even a Chinese case file
        // has them), always on the same side, and on the other only in the few characters U+xx00
        // (一, 上, 中). Bytes that are valid UTF-8 must have them in most units: plain ASCII text
        // with a few NULs is valid UTF-8 and not UTF-16 — and so is ASCII saved as UTF-16.
        let even = at[0] + at[2], odd = at[1] + at[3]
        let side = max(even, odd)
        if side >= Self.fewestNULs && min(even, odd) * 8 <= side && (!isUTF8 || side * 4 > bytes.count) {
            self = .utf16
        } else if !isUTF8 || (nuls >= Self.fewestNULs && nuls >= bytes.count / 8) {
            self = .binary
        } else {
            return nil
        }
    }

    /// The cause in Chinese, without the file (`DataFileError` names it).
    public var description: String {
        switch self {
        case .utf16: return "不是 UTF-8 文本（像是 UTF-16 编码）；请用 UTF-8 编码保存文件"
        case .utf32: return "不是 UTF-8 文本（像是 UTF-32 编码）；请用 UTF-8 编码保存文件"
        case .binary: return "是二进制文件，不是 UTF-8 文本"
        }
    }
}
