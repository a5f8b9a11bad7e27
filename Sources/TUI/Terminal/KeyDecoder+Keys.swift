extension KeyDecoder {
    /// The terminfo capabilities naming keys banli knows, whose strings `CursesTerminal` passes as
    /// `terminalKeys`: a terminal's own entry says what it sends beyond the common encodings (the
    /// Linux console's Shift-Tab is `ESC Tab`; vt100's F5–F10 are keypad sequences).
    public static let terminfoCapabilities: [(name: String, key: Key)] =
        [("khome", .home), ("kend", .end), ("kich1", .insert), ("kdch1", .delete), ("kpp", .pageUp), ("knp", .pageDown),
         ("kcuu1", .up), ("kcud1", .down), ("kcub1", .left), ("kcuf1", .right), ("kcbt", .backTab),
         ("kLFT5", .controlLeft), ("kRIT5", .controlRight), ("kHOM5", .controlHome), ("kEND5", .controlEnd)]
        + (1...12).map { ("kf\($0)", .function($0)) }

    /// A scalar outside any sequence: C0 controls as the keys that send them (Ctrl-M is Enter, Ctrl-H
    /// and DEL are Backspace), those no key is named for as `Ctrl-@`…`Ctrl-_`, C1 controls by code
    /// point; everything else is a character.
    static func key(for scalar: Unicode.Scalar) -> Key {
        switch scalar.value {
        case 13, 10: return .enter
        case 9: return .tab
        case 127, 8: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(scalar.value + 0x60)!))
        case 0, 27...31: return .unnamed("Ctrl-" + String(Unicode.Scalar(scalar.value + 0x40)!))
        case 0x80...0x9F: return .unnamed(EscapeSequence.spelled([scalar], overflow: 0))
        default: return .character(Character(scalar))
        }
    }

    /// ESC and then one scalar: Alt with that key. A key with no name stays unnamed (`Alt-Ctrl-@`).
    static func alt(_ scalar: Unicode.Scalar) -> Key {
        switch key(for: scalar) {
        case .unnamed(let text): return .unnamed("Alt-" + text)
        case let key: return .alt(key)
        }
    }
}
