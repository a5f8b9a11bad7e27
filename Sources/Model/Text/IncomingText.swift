import Glibc

/// Text arriving from outside banli — a file named on the command line, an option's value, a paste
/// into the terminal, what an external editor saved — as banli keeps it: line breaks as "\n" (a
/// Windows "\r\n" and an old Mac "\r" alike), no byte-order mark at the start, and only text that
/// was really in the encoding it was read as. Every entry point makes its text one of these, once,
/// so nothing behind them meets a "\r" or a U+FFFD put in place of an undecodable byte.
public struct IncomingText: Sendable, Equatable {
    /// An encoding a file may be read in (`--encoding`).
    public enum Encoding: String, CaseIterable, Sendable {
        case utf8 = "utf-8"
        /// GB 18030, the Chinese national standard; a superset of GBK and GB 2312, so it reads
        /// files saved as "ANSI" by Chinese Windows as well.
        case gb18030

        /// Accepts the names people use, in any case: `utf-8`/`utf8`, `gb18030`/`gbk`/`gb2312`.
        public init?(name: String) {
            switch name.lowercased() {
            case "utf-8", "utf8": self = .utf8
            case "gb18030", "gbk", "gb2312", "cp936": self = .gb18030
            default: return nil
            }
        }

        /// The name as a message shows it.
        public var label: String { self == .utf8 ? "UTF-8" : "GB18030" }
    }

    /// Why text could not be taken in; each description is one line of Chinese.
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        /// The file could not be read (`errno`).
        case unreadable(path: String, errno: Int32)
        /// A file banli does not read (not a regular file, or larger than `ReadLimit.incomingText`),
        /// as the store's message words it, naming the path.
        case refused(String)
        /// A byte sequence that is not text in `encoding`: `line` (1-based, counted in "\n") and
        /// `byte` (1-based, within that line) say where the first one starts.
        case notText(encoding: Encoding, line: Int, byte: Int)
        /// A control character (`Unicode.Scalar.isControlCharacter`, tab and line feed aside) on
        /// `line` (1-based) of a file, or nil for text given whole (an argument).
        case controlCharacter(line: Int?, scalar: Unicode.Scalar)
        /// Not text at all: UTF-16, or a binary file (what would otherwise be reported as the first
        /// byte that is not text, or a NUL).
        case nonText(NonText)

        public var description: String {
            switch self {
            case .controlCharacter(let line, let scalar):
                let place = line.map { "第\($0)行" } ?? ""
                return "\(place)含有控制字符 \(IncomingText.name(of: scalar))，banli 不收入这样的文字（请删去后再试）"
            // Worded as every other file banli cannot read.
            case .unreadable(let path, let code): return StoreError.io(path: path, operation: "读取", errno: code).description
            case .refused(let message): return message
            case .notText(let encoding, let line, let byte): return "不是 \(encoding.label) 文本：第\(line)行第\(byte)字节"
            case .nonText(let kind): return kind.description
            }
        }
    }

    /// The text, normalised.
    public let text: String

    /// Text that arrived as a string (a command-line option's value).
    public init(_ text: String) {
        self.text = Self.normalised(text)
    }

    /// Text from bytes in `encoding`; throws `.notText` at the first byte that is not.
    public init(bytes: [UInt8], encoding: Encoding = .utf8) throws(Failure) {
        do {
            text = try Self.text(of: bytes, encoding: encoding)
        } catch {
            throw NonText(bytes).map(Failure.nonText) ?? error
        }
    }

    private static func text(of bytes: [UInt8], encoding: Encoding) throws(Failure) -> String {
        let utf8 = encoding == .utf8 ? bytes : try converted(bytes, from: encoding)
        guard let text = String(validating: utf8, as: UTF8.self) else {
            let place = firstInvalidUTF8(utf8)
            throw .notText(encoding: .utf8, line: place.line, byte: place.byte)
        }
        let normalised = normalised(text)
        // Kept, such a character would reach the case file (escaped) and every screen (as �).
        if let control = firstControlCharacter(in: normalised) { throw .controlCharacter(line: control.line, scalar: control.scalar) }
        return normalised
    }

    /// Text given whole (a command-line argument), normalised; throws `.controlCharacter` (no line)
    /// when it holds a control character, as a file's text would.
    public init(checking text: String) throws(Failure) {
        let normalised = Self.normalised(text)
        if let control = Self.firstControlCharacter(in: normalised) { throw .controlCharacter(line: nil, scalar: control.scalar) }
        self.text = normalised
    }

    /// The first control character `text` holds — C0 other than tab and line feed, DEL, or C1 (ESC
    /// begins a terminal escape sequence) — and its line (1-based); nil when it holds none.
    static func firstControlCharacter(in text: String) -> (scalar: Unicode.Scalar, line: Int)? {
        var line = 1
        for scalar in text.unicodeScalars {
            if scalar == "\n" { line += 1 } else if scalar != "\t" && scalar.isControlCharacter { return (scalar, line) }
        }
        return nil
    }

    /// Whether `scalar` overrides or isolates the direction of the text after it (U+202A…U+202E,
    /// U+2066…U+2069): written in a page as a reference, it would make a line read otherwise than it
    /// is stored, so an imported page refuses it as a control character.
    static func isBidiOverride(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// A control character as a message names it: `ESC (U+001B)`.
    static func name(of scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        return scalar.value == 0x1B ? "ESC（\(code)）" : code
    }

    /// The contents of the file at `path`, in `encoding`.
    public init(contentsOf path: String, encoding: Encoding = .utf8) throws(Failure) {
        try self.init(bytes: Self.bytes(of: path), encoding: encoding)
    }

    /// The bytes of the file at `path`, read as every file named on the command line is: a link
    /// followed, a pipe, a device or a file over `ReadLimit.incomingText` refused.
    /// - Throws: `.unreadable` or `.refused`.
    public static func bytes(of path: String) throws(Failure) -> [UInt8] {
        do {
            // A file named on the command line may well be a link; a pipe or a device is refused all
            // the same, as it could be endless.
            return try FileSystem.read(path, limit: .incomingText, followingLinks: true)
        } catch {
            if case .io(_, _, let code) = error { throw .unreadable(path: path, errno: code) }
            throw .refused(error.description)
        }
    }

    /// A bracketed paste from the terminal. Terminals send each line break of a paste as the "\r"
    /// that Enter sends (xterm, tmux's `paste-buffer`), so a Windows "\r\n" arrives as "\r\r": when
    /// every line break of a paste comes doubled like that, each pair is one break. The only other
    /// text that arrives so is text with an empty line after every paragraph, which then loses those
    /// empty lines — one paragraph a line, as banli keeps text anyway.
    public init(pasted text: String) {
        let scalars = Array(text.unicodeScalars)
        // The lengths of the runs of "\r".
        var runs: [Int] = [], run = 0
        for scalar in scalars {
            if scalar == "\r" { run += 1 } else if run > 0 { runs.append(run); run = 0 }
        }
        if run > 0 { runs.append(run) }
        let doubled = !runs.isEmpty && !scalars.contains("\n") && runs.allSatisfy { $0 % 2 == 0 }
        guard doubled else { self.init(text); return }
        var out = String.UnicodeScalarView(), pending = false
        for scalar in scalars {
            if scalar == "\r" {
                if pending { out.append("\n") }
                pending.toggle()
            } else {
                out.append(scalar)
            }
        }
        self.init(String(out))
    }

    /// "\r\n" and "\r" become "\n"; a U+FEFF at the start (a byte-order mark) is dropped.
    static func normalised(_ text: String) -> String {
        let scalars = text.unicodeScalars
        let start = scalars.first == "\u{FEFF}" ? scalars.index(after: scalars.startIndex) : scalars.startIndex
        guard scalars[start...].contains("\r") else { return start == scalars.startIndex ? text : String(scalars[start...]) }
        var out = String.UnicodeScalarView()
        var afterCarriageReturn = false
        for scalar in scalars[start...] {
            switch scalar {
            case "\r": out.append("\n")
            case "\n" where afterCarriageReturn: break
            default: out.append(scalar)
            }
            afterCarriageReturn = scalar == "\r"
        }
        return String(out)
    }

    /// Converts to UTF-8 with iconv (glibc's converters, which know GB18030).
    private static func converted(_ bytes: [UInt8], from encoding: Encoding) throws(Failure) -> [UInt8] {
        let converter = iconv_open("UTF-8", encoding.label)
        // glibc ships the GB18030 converter; without it nothing can be read in that encoding.
        guard converter != iconv_t(bitPattern: -1) else { throw .notText(encoding: encoding, line: 1, byte: 1) }
        defer { iconv_close(converter) }
        var input = bytes.map { CChar(bitPattern: $0) }
        // A GB18030 character of one, two or four bytes is at most four bytes of UTF-8.
        var output = [CChar](repeating: 0, count: bytes.count * 2 + 4)
        var inputLeft = input.count, outputLeft = output.count
        let failed = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = inBuffer.baseAddress, outPointer = outBuffer.baseAddress
                return iconv(converter, &inPointer, &inputLeft, &outPointer, &outputLeft) == -1
            }
        }
        if failed || inputLeft > 0 {
            let place = Self.place(ofOffset: bytes.count - inputLeft, in: bytes)
            throw .notText(encoding: encoding, line: place.line, byte: place.byte)
        }
        return output[0..<(output.count - outputLeft)].map { UInt8(bitPattern: $0) }
    }

    /// Where UTF-8 decoding first fails: the byte offset, its 1-based line and byte within the line.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> (offset: Int, line: Int, byte: Int) {
        var offset = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while case .scalarValue(let scalar) = decoder.decode(&iterator) { offset += UTF8.width(scalar) }
        let place = place(ofOffset: offset, in: bytes)
        return (offset, place.line, place.byte)
    }

    /// A byte offset as a 1-based line and a 1-based byte within that line.
    private static func place(ofOffset offset: Int, in bytes: [UInt8]) -> (line: Int, byte: Int) {
        let before = bytes[..<min(offset, bytes.count)]
        let lineStart = (before.lastIndex(of: 0x0A).map { $0 + 1 }) ?? 0
        return (before.count(where: { $0 == 0x0A }) + 1, offset - lineStart + 1)
    }
}
