import Foundation

/// What search folds a character to, beyond what `SearchText` does inline: the Unicode NFKC form in
/// lowercase (NFKC_Casefold in spirit), so that text and query match whichever of the equivalent
/// forms each was typed in — full-width `ＡＢＣ０９０` and half-width `abc090`, `…` and `...`, `①`
/// and `1`, a CJK compatibility ideograph and the ideograph. Characters search meets all the time
/// (ASCII, CJK ideographs, the full-width forms) never come here; the rest are worked out by
/// Foundation once each and remembered.
enum CharacterFold {
    /// Whether `scalar` may combine with the character before it when composed (`e` + U+0301 is
    /// `é`): a mark, or a Hangul vowel or final jamo. Text holding one is folded as a whole.
    static func isCombining(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if (0x1160..<0x1200).contains(v) || (0xD7B0..<0xD800).contains(v) { return true }
        let properties = scalar.properties
        if properties.canonicalCombiningClass != .notReordered { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// Whether `scalar` has another form in NFKC or in lowercase (a Unicode property lookup).
    static func changes(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.changesWhenNFKCCaseFolded }

    /// `text` in NFKC, lowercased, and in NFKC again (lowercasing may undo a composition).
    static func folded(_ text: String) -> String {
        text.precomposedStringWithCompatibilityMapping.lowercased().precomposedStringWithCompatibilityMapping
    }

    /// `scalar` folded alone, as UTF-8: right for a character that is not followed by a combining
    /// one, which is all `SearchText` asks it for.
    static func utf8(of scalar: Unicode.Scalar) -> [UInt8] {
        if let known = remembered.withLock({ $0[scalar.value] }) { return known }
        let bytes = Array(folded(String(scalar)).utf8)
        remembered.withLock { $0[scalar.value] = bytes }
        return bytes
    }

    /// Folds worked out so far, shared by the threads that build the text index. A few thousand at
    /// most: the characters whose fold differs.
    private static let remembered = Remembered()

    private final class Remembered: @unchecked Sendable {
        private let lock = NSLock()
        private var folds: [UInt32: [UInt8]] = [:]

        func withLock<T>(_ body: (inout [UInt32: [UInt8]]) -> T) -> T {
            lock.lock()
            defer { lock.unlock() }
            return body(&folds)
        }
    }
}
