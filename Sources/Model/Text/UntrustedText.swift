/// Case text comes from outside (imported files, pasted proposals), so anything that shows it — a
/// terminal screen or an exported document — first makes it inert here.
public enum UntrustedText {
    /// C0/C1 controls (ESC included, so no escape sequence survives) become U+FFFD, tabs become
    /// spaces, and zero-width, bidi and other format characters are dropped. Newlines are kept only
    /// when `keepNewlines`.
    public static func inert(_ text: String, keepNewlines: Bool = false) -> String {
        if text.unicodeScalars.allSatisfy(isPlainlySafe) { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let v = scalar.value
            switch v {
            case 0x0A where keepNewlines: out.append(scalar)
            case 0x09: out.append(" ")
            case _ where scalar.isControlCharacter: out.append("\u{FFFD}")
            default:
                // The same test as search's (`SearchText`), so a search matches what is drawn.
                if scalar.isInvisibleFormat { continue }
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Printable ASCII and the CJK and full-width blocks hold no controls or format characters;
    /// checking them first spares a Unicode property lookup for nearly every character of Chinese text.
    private static func isPlainlySafe(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (0x20..<0x7F).contains(v) || (0x2E80..<0xFE00).contains(v) || (0xFF00..<0xFFF0).contains(v)
    }
}

extension Unicode.Scalar {
    /// A C0 or C1 control character, DEL included — tab and line feed too, which callers that keep
    /// them take first. ESC among them begins every terminal escape sequence.
    public var isControlCharacter: Bool { value < 0x20 || (0x7F..<0xA0).contains(value) }
}
