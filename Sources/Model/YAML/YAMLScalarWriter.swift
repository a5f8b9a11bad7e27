/// Writes one YAML scalar so that a person can read it: every character raw, characters beyond U+FFFF
/// (生僻字 such as 𪚥 U+2A6A5) included, and text of several lines as a literal block (`|`), one line
/// of the file per line of the text.
///
/// banli writes its files itself rather than through libyaml's emitter, because that emitter
/// escapes every character outside the Basic Multilingual Plane (`"王\U0002A6A5"`) and refuses a
/// literal block whenever a line ends in a space; either turns a whole text into one double-quoted
/// line. What is written here is read back by libyaml (`YAMLComposer`) to the same text; a property
/// test (`CaseFileRoundTripTests`) holds it to that.
///
/// Only characters YAML cannot carry raw are escaped, in a double-quoted scalar (`\x85`, `\u2028`):
/// C0 and C1 control characters other than tab and line feed (carriage return included), DEL,
/// U+FEFF (a byte-order mark inside a file), U+2028/U+2029 (which YAML reads as line breaks) and the
/// non-characters U+FFFE/U+FFFF.
enum YAMLScalarWriter {
    /// Where a scalar stands, which decides what may be written without quotes.
    enum Context {
        /// A mapping key or value, or a list item in block style.
        case block
        /// An item of a flow sequence (`[甲, 乙]`), where `,[]{}` and `:` would end or split it.
        case flow
    }

    /// The scalar as it follows `key:` on its line: ` 文字`, ` "090"`, or, for text of several lines,
    /// ` |` (with indentation and chomping indicators as needed) followed by the text's lines, each
    /// indented by `indent` spaces (an empty line is left empty). Ends with a line break.
    ///
    /// `quoted`: double quotes even for text that could go plain, because another YAML reader would
    /// take it for a number, date, boolean or null.
    static func value(_ text: String, quoted: Bool, indent: Int) -> String {
        if text.unicodeScalars.contains("\n"), let block = literalBlock(text, indent: indent) { return " " + block }
        return " " + inline(text, quoted: quoted, context: .block) + "\n"
    }

    /// A long text (a proposal's text, a part of a reply) after its key: a literal block even when
    /// it is one paragraph, so that it stays one paragraph per line of the file however it is edited
    /// and a diff shows the paragraph that changed; on one line only when a block cannot carry it
    /// (empty, or holding a character that cannot be raw).
    static func prose(_ text: String, indent: Int) -> String {
        if let block = literalBlock(text, indent: indent) { return " " + block }
        return value(text, quoted: text.isEmpty, indent: indent)
    }

    /// The scalar on one line: plain when YAML would read it back unchanged, else single-quoted, else
    /// double-quoted with escapes for what cannot be raw (line breaks included). `quoted` asks for
    /// double quotes (`"090"`) whatever the text.
    static func inline(_ text: String, quoted: Bool, context: Context) -> String {
        if quoted { return doubleQuoted(text) }
        if isPlainSafe(text, context: context) { return text }
        if text.unicodeScalars.allSatisfy({ isRaw($0) && $0 != "\n" }) {
            return "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
        }
        return doubleQuoted(text)
    }

    /// A literal block header and its lines, or nil when a block cannot carry the text: it holds a
    /// character that cannot be raw, or only line breaks (a block keeps those only as trailing lines,
    /// which YAML treats as chomping, not content).
    static func literalBlock(_ text: String, indent: Int) -> String? {
        guard text.unicodeScalars.contains(where: { $0 != "\n" }), text.unicodeScalars.allSatisfy(isRaw) else { return nil }
        // Split as UTF-8 bytes: a line feed byte never occurs inside another character's encoding,
        // and the raw set holds no carriage return, so each 0x0A is exactly one line break.
        let bytes = text.utf8, lineFeed = UInt8(ascii: "\n")
        // The indentation is given explicitly when the first line starts with white space or is
        // empty: YAML would otherwise take that white space for indentation.
        let first = bytes.first!
        let indentation = first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") || first == lineFeed ? "2" : ""
        // Chomping: `-` drops the final line break the text lacks, `+` keeps the empty lines a text
        // ends with, the default keeps exactly one.
        var trailingBreaks = 0
        var end = bytes.endIndex
        while end > bytes.startIndex, bytes[bytes.index(before: end)] == lineFeed {
            trailingBreaks += 1
            end = bytes.index(before: end)
        }
        let chomping = trailingBreaks == 0 ? "-" : trailingBreaks == 1 ? "" : "+"
        let body = trailingBreaks == 0 ? bytes[...] : bytes[..<bytes.index(before: bytes.endIndex)]
        let margin = String(repeating: " ", count: indent)
        var out = "|" + indentation + chomping + "\n"
        out.reserveCapacity(bytes.count + (indent + 1) * (bytes.count / 40 + 2))
        for line in body.split(separator: lineFeed, omittingEmptySubsequences: false) {
            if !line.isEmpty {
                out += margin
                out += Substring(line)
            }
            out += "\n"
        }
        return out
    }

    /// Plain text reads back as itself when it has no white space at either end, no character that
    /// begins another kind of node, no `: ` or ` #` inside, and (in a flow sequence) none of `,[]{}:`.
    /// Stricter than YAML needs, never looser: the cost is only a pair of quotes.
    static func isPlainSafe(_ text: String, context: Context) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.first, let last = scalars.last else { return false }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) || first == " " || last == " " || last == ":" { return false }
        for (i, scalar) in scalars.enumerated() {
            if scalar == "\n" || scalar == "\t" || !isRaw(scalar) { return false }
            if context == .flow && ",[]{}:".unicodeScalars.contains(scalar) { return false }
            if i > 0 && (scalars[i - 1] == ":" && scalar == " " || scalars[i - 1] == " " && scalar == "#") { return false }
        }
        return true
    }

    /// Whether YAML carries the character as it is inside a scalar: its printable set without the
    /// characters libyaml reads as line breaks or a byte-order mark.
    static func isRaw(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x20...0x7E: return true
        case 0xA0...0xD7FF: return scalar.value != 0x2028 && scalar.value != 0x2029
        case 0xE000...0xFFFD: return scalar.value != 0xFEFF
        case 0x10000...: return true
        default: return false
        }
    }

    /// A double-quoted scalar: `\` and `"` escaped, line feeds as `\n`, and each character that
    /// cannot be raw as `\xNN` or `\uNNNN`; everything else, tabs included, raw.
    static func doubleQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case _ where isRaw(scalar): out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x100: out += "\\x" + hex(scalar.value, digits: 2)
            default: out += "\\u" + hex(scalar.value, digits: 4)
            }
        }
        return out + "\""
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
