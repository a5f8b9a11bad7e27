/// Text as search sees it: what the screen shows, in UTF-8, folded so that a query matches the
/// forms an IME or a paste may have given either side: ASCII letters in lowercase (as are all
/// letters), full-width forms as their ASCII (`０９０` is `090`, `ＡＢＣ` is `abc`), and everything
/// in Unicode NFKC (a decomposed `é` is `é`, `…` is `...`; see `CharacterFold`). Queries and the texts
/// they are matched against go through the same function, so a match is exact on what the user sees
/// up to these foldings. Only whether and where (header, text, reply) a case matches is drawn, never
/// a position within the text, so folding that changes a text's length needs no map back.
public enum SearchText {
    /// Stands for a line break and separates fields: typing cannot produce it, so no match spans two
    /// paragraphs or two fields.
    static let separator: UInt8 = 0x1F

    /// Appends `text` as search sees it: a tab is the space the screen draws, a control character the
    /// replacement mark (U+FFFD) it draws, and invisible format characters are left out as on screen;
    /// then folded (see the type's description).
    public static func append(_ text: some StringProtocol, to bytes: inout [UInt8]) {
        let start = bytes.count
        if !append(text.unicodeScalars, to: &bytes, composed: false) {
            // A combining character composes with what came before it: the text is folded as a whole
            // (a tenth the speed, but such text is rare in Chinese).
            bytes.removeSubrange(start...)
            _ = append(CharacterFold.folded(String(text)).unicodeScalars, to: &bytes, composed: true)
        }
    }

    /// Appends `scalars` folded; false, having stopped, at a combining character unless `composed`
    /// (the text is already NFKC as a whole, and each character may be folded alone).
    private static func append(_ scalars: some Sequence<Unicode.Scalar>, to bytes: inout [UInt8], composed: Bool) -> Bool {
        for scalar in scalars {
            let v = scalar.value
            switch v {
            case 0x41...0x5A: bytes.append(UInt8(v) | 0x20)
            case 0x20..<0x7F: bytes.append(UInt8(v))
            case 0x0A: bytes.append(separator)
            case 0x09: bytes.append(0x20)
            case 0x00..<0x20, 0x7F..<0xA0: bytes += [0xEF, 0xBF, 0xBD]
            // CJK ideographs, nearly every character of Chinese text, are their own fold.
            case 0x3400..<0x4DC0, 0x4E00..<0xA000: UTF8.encode(scalar) { bytes.append($0) }
            // Full-width ASCII （，：０-９Ａ-Ｚ） is ASCII in NFKC; Chinese text is full of it.
            case 0xFF21...0xFF3A: bytes.append(UInt8(v - 0xFEE0) | 0x20)
            case 0xFF01...0xFF5E: bytes.append(UInt8(v - 0xFEE0))
            default:
                if scalar.isInvisibleFormat { continue }
                if !composed && CharacterFold.isCombining(scalar) { return false }
                if CharacterFold.changes(scalar) {
                    bytes += CharacterFold.utf8(of: scalar)
                } else {
                    UTF8.encode(scalar) { bytes.append($0) }
                }
            }
        }
        return true
    }

    /// Appends a case's header fields as one line: number, title, topic and proposers.
    static func appendHeader(of c: CaseSummary, to bytes: inout [UInt8]) {
        append(c.id.description, to: &bytes)
        for field in [c.title, c.topic, c.leadProposer] + c.jointSigners {
            bytes.append(separator)
            append(field, to: &bytes)
        }
    }

    public static func normalized(_ text: some StringProtocol) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        append(text, to: &bytes)
        return bytes
    }
}

extension Unicode.Scalar {
    /// A character that a terminal draws as nothing yet can change how text reads: zero-width spaces,
    /// bidirectional controls, the byte-order mark and other format characters. The zero-width joiner
    /// is not one of them: emoji sequences need it. Controls (below U+00A0) are not covered here.
    public var isInvisibleFormat: Bool {
        let v = value
        // Nearly every character of Chinese text falls in these blocks, which hold no format
        // characters; checking them first spares a Unicode property lookup.
        if v < 0xAD || (0x2E80..<0xFE00).contains(v) || (0xFF00..<0xFFF0).contains(v) { return false }
        switch v {
        case 0x200B...0x200C, 0x200E...0x200F, 0x202A...0x202E, 0x2060...0x2069, 0xFEFF, 0x180E: return true
        case 0x200D: return false
        default: return properties.generalCategory == .format
        }
    }
}
