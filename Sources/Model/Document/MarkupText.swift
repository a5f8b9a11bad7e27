/// Text made safe for XML and HTML alike: the one escaping every markup format shares (the HTML
/// page and each part of the Word document). Case text is untrusted, so nothing in it may be read
/// as markup or make the file unreadable.
public enum MarkupText {
    /// `text` for an element's content or a quoted attribute value: the five characters markup
    /// reads (`& < > " '`) as references, and every character XML 1.0 forbids (§2.2 `Char`: C0
    /// controls other than tab, line feed and carriage return, and U+FFFE, U+FFFF) as U+FFFD, so
    /// that an odd character in a case makes an odd mark, never an invalid file.
    public static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
