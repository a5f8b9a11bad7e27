/// What a file banli expected to be UTF-8 text is instead: text saved as UTF-16 (Windows Notepad's
/// "Unicode") or not text at all. Worked out only once reading has already failed, so the message
/// says the real cause — not "cut short", not a YAML error at some line — and a file that reads
/// costs nothing more.
public enum NonText: Hashable, Sendable, CustomStringConvertible {
    /// UTF-16, little- or big-endian: a byte-order mark, or NUL bytes nearly all at even or nearly all
    /// at odd offsets.
    case utf16
    /// NUL bytes where text has none: in bytes that are not UTF-8, or as one byte in eight or more.
    case binary

    /// What `bytes` look like, or nil when they may be UTF-8 text — which includes text with a stray
    /// NUL, left to be reported as a control character at its line.
    public init?(_ bytes: [UInt8]) {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            self = .utf16
            return
        }
        var even = 0, odd = 0
        for (offset, byte) in bytes.enumerated() where byte == 0 {
            if offset & 1 == 0 { even += 1 } else { odd += 1 }
        }
        guard even + odd > 0 else { return nil }
        // UTF-8 has no NUL in any character but NUL itself; UTF-16 puts one in every ASCII character
        // (`:`, space, line feed — even a Chinese case file has them), always on the same side, and
        // on the other only in the few characters U+xx00 (一, 上, 中).
        let isUTF8 = String(validating: bytes, as: UTF8.self) != nil
        let common = bytes.count / 8
        if min(even, odd) * 8 <= max(even, odd) && (!isUTF8 || max(even, odd) >= common) {
            self = .utf16
        } else if !isUTF8 || even + odd >= common {
            self = .binary
        } else {
            return nil
        }
    }

    /// The cause in Chinese, without the file (`DataFileError` names it).
    public var description: String {
        switch self {
        case .utf16: return "不是 UTF-8 文本（像是 UTF-16 编码）；请用 UTF-8 编码保存文件"
        case .binary: return "是二进制文件，不是 UTF-8 文本"
        }
    }
}
