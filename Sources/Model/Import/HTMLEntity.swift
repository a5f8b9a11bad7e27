/// HTML character references (`&nbsp;` `&#12288;` `&#x3000;` `&ldquo;`), decoded as a browser
/// shows them. Only the named references government pages use are known; an unknown one stays as
/// written, as browsers leave it.
enum HTMLEntity {
    static let named: [String: String] = [
        "nbsp": "\u{A0}", "lt": "<", "gt": ">", "amp": "&", "quot": "\"", "apos": "'", "ldquo": "“", "rdquo": "”",
        "lsquo": "‘", "rsquo": "’", "hellip": "…", "mdash": "—", "ndash": "–", "middot": "·", "emsp": "\u{2003}",
        "ensp": "\u{2002}", "thinsp": "\u{2009}", "ideographicspace": "\u{3000}", "times": "×", "divide": "÷",
        "laquo": "«", "raquo": "»", "bull": "•", "copy": "©", "reg": "®", "yen": "¥", "deg": "°", "plusmn": "±",
    ]

    /// The text the reference starting with the `&` at `start` stands for, and where the source
    /// continues after it; a `&` that starts no known reference is itself.
    static func decode(in html: String, at start: String.Index) -> (String, String.Index) {
        let afterAmpersand = html.index(after: start)
        let limit = html.index(afterAmpersand, offsetBy: 12, limitedBy: html.endIndex) ?? html.endIndex
        guard let semicolon = html[afterAmpersand..<limit].firstIndex(of: ";") else { return ("&", afterAmpersand) }
        let name = html[afterAmpersand..<semicolon]
        let next = html.index(after: semicolon)
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let value else { return ("&", afterAmpersand) }
            // As the HTML standard decodes them: NUL, a surrogate or a value past Unicode is U+FFFD. A
            // control or bidi-override character is decoded too, for `HTMLText` to refuse as a text
            // file's would be.
            let scalar = value == 0 ? nil : Unicode.Scalar(value)
            return (String(Character(scalar ?? "\u{FFFD}")), next)
        }
        guard let text = named[String(name)] else { return ("&", afterAmpersand) }
        return (text, next)
    }
}
