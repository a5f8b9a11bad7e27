/// A printed line cut into its items: a contact line (`联系人：郑敏    联系电话：021-6600000`), two
/// signing units on one line, a header line with the document number and `签发人：…` beside it.
/// Items stand two or more spaces apart (ideographic, no-break or ASCII), or one space before a
/// label that ends in a colon.
enum LineItems {
    static func split(_ line: String) -> [String] {
        var items: [String] = [], current = "", spaces = 0, wide = false
        func flush() {
            let item = current.trimmingSpaces
            if !item.isEmpty { items.append(item) }
            current = ""
        }
        let chars = Array(line)
        for (i, c) in chars.enumerated() {
            if c.isWhitespace || c.unicodeScalars.allSatisfy(TypedText.isSpace) {
                spaces += 1
                wide = wide || c != " "
                continue
            }
            if spaces > 0 {
                if spaces >= 2 || wide || startsLabel(chars[i...]) { flush() } else { current.append(" ") }
                spaces = 0
                wide = false
            }
            current.append(c)
        }
        flush()
        return items
    }

    /// Whether the text at the start of `rest` is a label: up to eight Chinese characters and a colon.
    private static func startsLabel(_ rest: ArraySlice<Character>) -> Bool {
        guard let colon = rest.prefix(9).firstIndex(where: { $0 == "：" || $0 == ":" }), colon > rest.startIndex else { return false }
        return rest[rest.startIndex..<colon].allSatisfy { !$0.isASCII }
    }
}
