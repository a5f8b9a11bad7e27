import Foundation

/// What a person typed, read as they meant it. An IME in full-width mode types `０９０` and `办理中　`
/// (U+3000, the space it types), and text pasted from a web page or a word processor brings no-break
/// and zero-width spaces: none of these may make a known word unknown. Every word a user types that
/// banli matches against a fixed list — statuses, outcomes, disclosure categories, satisfaction,
/// contact methods, roles, dates, case numbers — goes through here.
public enum TypedText {
    /// `text` in Unicode normalisation form NFKC (full-width letters, digits and punctuation become
    /// ASCII, canonically equivalent spellings one spelling), with spaces of every kind removed from
    /// both ends (see `isSpace`). Text that is printable ASCII without spaces at its ends is returned
    /// as it is, at the cost of one pass.
    public static func normalized(_ text: some StringProtocol) -> String {
        let scalars = text.unicodeScalars
        if let first = scalars.first, let last = scalars.last, first != " ", last != " ",
           scalars.allSatisfy({ (0x21..<0x7F).contains($0.value) || $0 == " " }) {
            return String(text)
        }
        return trimmed(String(text).precomposedStringWithCompatibilityMapping)
    }

    /// The word of `words` that `typed` stands for: the word typed exactly, else the one equal to it
    /// once both are `normalized`; nil when there is none. The configured spelling is returned, so
    /// what is stored is always a word of the list.
    public static func match(_ typed: String, in words: [String]) -> String? {
        // Byte comparison first: String equality on Chinese text normalises both sides, and files and
        // menus give the configured spelling nearly always.
        if let exact = words.first(where: { $0.utf8.elementsEqual(typed.utf8) }) { return exact }
        let wanted = normalized(typed)
        guard !wanted.isEmpty else { return nil }
        return words.first { normalized($0) == wanted }
    }

    /// Whether `scalar` is space at the ends of typed text: Unicode White_Space (the ideographic
    /// space U+3000, the no-break space, line breaks and tabs among it) and the invisible spaces a
    /// paste brings (zero-width space, word joiner, byte-order mark), which White_Space leaves out.
    public static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar == "\u{200B}" || scalar == "\u{2060}" || scalar == "\u{FEFF}"
    }

    /// `text` without the spaces `isSpace` finds at its ends, otherwise as typed: for what is kept as
    /// written (a printed case number such as `B〔2017〕9号`) rather than matched.
    public static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let start = scalars.firstIndex(where: { !isSpace($0) }),
              let end = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(scalars[start...end])
    }
}

extension StringProtocol {
    /// Without spaces of any kind at either end, as `TypedText` trims what is typed (U+3000,
    /// no-break and zero-width spaces too): how a published line is compared.
    var trimmingSpaces: String { TypedText.trimmed(String(self)) }
}

extension RawRepresentable where Self: CaseIterable, RawValue == String {
    /// The case whose raw value (`满意`, `走访`, `主办`…) `typed` stands for, as `TypedText.match`
    /// reads it; nil when none.
    public init?(typed: String) {
        guard let word = TypedText.match(typed, in: Self.allCases.map(\.rawValue)) else { return nil }
        self.init(rawValue: word)
    }
}
