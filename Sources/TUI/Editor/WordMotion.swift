/// Where Ctrl-← and Ctrl-→ stop. A word is a run of one kind: Chinese (up to the next 、，。 or other
/// punctuation, or a change to Latin or digits), a Latin word, or a number (with a decimal point or
/// thousands separator between digits). Spaces and punctuation lie between words and are skipped.
enum WordMotion {
    enum Kind: Equatable { case space, punctuation, chinese, latin, number }

    /// The end of the word after `offset` (or of the one it is in).
    static func nextEnd(in characters: [Character], from offset: Int) -> Int {
        var i = offset
        while i < characters.count && isSeparator(kind(at: i, in: characters)) { i += 1 }
        guard i < characters.count else { return i }
        let word = kind(at: i, in: characters)
        while i < characters.count && kind(at: i, in: characters) == word { i += 1 }
        return i
    }

    /// The start of the word before `offset` (or of the one it is in).
    static func previousStart(in characters: [Character], from offset: Int) -> Int {
        var i = offset
        while i > 0 && isSeparator(kind(at: i - 1, in: characters)) { i -= 1 }
        guard i > 0 else { return i }
        let word = kind(at: i - 1, in: characters)
        while i > 0 && kind(at: i - 1, in: characters) == word { i -= 1 }
        return i
    }

    private static func isSeparator(_ kind: Kind) -> Bool { kind == .space || kind == .punctuation }

    static func kind(at i: Int, in characters: [Character]) -> Kind {
        let c = characters[i]
        if c.isWhitespace { return .space }
        if isDigit(c) { return .number }
        if c == "." || c == "," || c == "．" {
            let between = i > 0 && i + 1 < characters.count && isDigit(characters[i - 1]) && isDigit(characters[i + 1])
            return between ? .number : .punctuation
        }
        if c.isPunctuation || c.isSymbol { return .punctuation }
        // Ideographs and kana are 2 cells wide; letters of alphabetic scripts are not.
        return TextMetrics.width(of: c) == 2 ? .chinese : .latin
    }

    /// Decimal digits only: `Character.isNumber` would also take 一二三, which belong to Chinese words.
    private static func isDigit(_ c: Character) -> Bool {
        c.unicodeScalars.first?.properties.generalCategory == .decimalNumber
    }
}
