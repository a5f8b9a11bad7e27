/// A complete escape sequence as terminals send it for a key, and the key it stands for in any
/// common encoding: xterm's (`ESC [ 1 ; 5 D`, `ESC O H`), the VT220's (`ESC [ 1 ~`…`ESC [ 2 4 ~`),
/// rxvt's (`ESC [ 7 ~`, `ESC O d`, `ESC [ 7 ^`, `ESC [ 2 $`) and the Linux console's (`ESC [ [ A`).
/// The decoders of ncurses go by the current terminfo entry alone; this goes by all of them, since
/// `TERM` is often wrong (xterm-256color inside tmux sends tmux's Home, `ESC [ 1 ~`).
struct EscapeSequence {
    enum Introducer { case controlSequence, singleShift, linuxFunction }

    var introducer: Introducer
    /// Parameter and intermediate bytes between the introducer and the final byte.
    var body: String
    var final: Unicode.Scalar
    /// Sent after an extra ESC: Alt held (rxvt).
    var alt: Bool

    /// The start of a bracketed paste, `ESC [ 2 0 0 ~`.
    var isPasteStart: Bool { introducer == .controlSequence && body == "200" && final == "~" }

    /// The start of an X10 mouse report, `ESC [ M`: three scalars of it are still to come.
    var isMouseReport: Bool { introducer == .controlSequence && body.isEmpty && final == "M" && !alt }

    /// What a key is before modifiers: one banli names, or one it can only describe (`F13`, `KP-5`).
    private enum Base {
        case key(Key)
        case described(String)

        var label: String {
            switch self {
            case .key(let key): return key.label
            case .described(let text): return text
            }
        }
    }

    /// xterm's modifier parameter is 1 plus these bits.
    private struct Modifiers: OptionSet {
        let rawValue: Int
        static let shift = Modifiers(rawValue: 1), alt = Modifiers(rawValue: 2)
        static let control = Modifiers(rawValue: 4), meta = Modifiers(rawValue: 8)

        var prefix: String {
            [(Modifiers.control, "Ctrl-"), (.alt, "Alt-"), (.shift, "Shift-"), (.meta, "Meta-")]
                .filter { contains($0.0) }.map(\.1).joined()
        }
    }

    /// A mouse report with its position in the parameters: SGR's `ESC [ < b ; x ; y M` (or `m`),
    /// urxvt's `ESC [ b ; x ; y M`. Named like the X10 report, whose bytes follow `ESC [ M`.
    var isCompleteMouseReport: Bool {
        guard introducer == .controlSequence else { return false }
        let parameters = body.split(separator: ";", omittingEmptySubsequences: false)
        if body.hasPrefix("<") { return parameters.count == 3 && (final == "M" || final == "m") }
        return parameters.count == 3 && final == "M"
    }

    /// The key, or nil when no terminal is known to send this sequence for one.
    var key: Key? {
        if isCompleteMouseReport { return .mouse }
        guard let (base, modifiers) = decoded else { return nil }
        let all = alt ? modifiers.union(.alt) : modifiers
        switch (base, all) {
        case (.key(let key), []): return key
        case (.key(.left), [.control]): return .controlLeft
        case (.key(.right), [.control]): return .controlRight
        case (.key(.home), [.control]): return .controlHome
        case (.key(.end), [.control]): return .controlEnd
        case (.key(let key), [.alt]): return .alt(key)
        default: return .unnamed(all.prefix + base.label)
        }
    }

    private var decoded: (Base, Modifiers)? {
        if introducer == .linuxFunction {
            guard ("A"..."E").contains(final) else { return nil }
            return (.key(.function(Int(final.value) - 0x40)), [])
        }
        guard body.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ";") }) else { return nil }
        let numbers = body.isEmpty ? [] : body.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        if introducer == .controlSequence, let rxvt = EscapeSequence.rxvtModifiers[final] {
            // `ESC [ n ~` with xterm's modifier after it, or rxvt's `^`, `$`, `@` in place of the `~`.
            guard numbers.count == 1 || (final == "~" && numbers.count == 2), let n = numbers[0],
                  let base = EscapeSequence.numbered[n] else { return nil }
            guard numbers.count == 2 else { return (base, rxvt) }
            return numbers[1].flatMap(EscapeSequence.modifiers).map { (base, $0) }
        }
        // A letter: plain, with xterm's `1 ; m` before it, or with older terminals' bare `m`.
        let modifiers: Modifiers?
        switch numbers.count {
        case 0: modifiers = []
        case 1: modifiers = numbers[0].flatMap(EscapeSequence.modifiers)
        case 2 where numbers[0] == 1: modifiers = numbers[1].flatMap(EscapeSequence.modifiers)
        default: modifiers = nil
        }
        guard var modifiers, let (base, implied) = letter else { return nil }
        // Shift-Tab's Shift is in its name already.
        if case .key(.backTab) = base { modifiers.remove(.shift) }
        return (base, modifiers.union(implied))
    }

    /// The key a final letter stands for, and the modifiers it implies (rxvt's lower-case arrows).
    private var letter: (Base, Modifiers)? {
        let arrows: [Unicode.Scalar: Key] = ["A": .up, "B": .down, "C": .right, "D": .left]
        let lowerArrows: [Unicode.Scalar: Key] = ["a": .up, "b": .down, "c": .right, "d": .left]
        if let key = arrows[final] { return (.key(key), []) }
        // rxvt: Shift-arrows as `ESC [ a`, Ctrl-arrows as `ESC O a`.
        if let key = lowerArrows[final] { return (.key(key), introducer == .controlSequence ? .shift : .control) }
        switch final {
        case "H": return (.key(.home), [])
        case "F": return (.key(.end), [])
        case "P", "Q", "R", "S": return (.key(.function(Int(final.value) - 0x4F)), [])
        case "Z" where introducer == .controlSequence: return (.key(.backTab), [])
        case "E": return (.described("Begin"), [])
        default: break
        }
        // The keypad in application mode (`ESC O p` is its 0): banli never asks for that mode.
        guard introducer == .singleShift else { return nil }
        if final == "M" { return (.key(.enter), []) }
        let keypad: [Unicode.Scalar: String] = ["j": "*", "k": "+", "l": ",", "m": "-", "n": ".", "o": "/", "X": "="]
        if let symbol = keypad[final] { return (.described("KP-" + symbol), []) }
        if ("p"..."y").contains(final) { return (.described("KP-\(final.value - 0x70)"), []) }
        return nil
    }

    /// rxvt's final bytes in place of `~`: Ctrl, Shift, both.
    private static let rxvtModifiers: [Unicode.Scalar: Modifiers] = ["~": [], "^": .control, "$": .shift, "@": [.control, .shift]]

    /// `ESC [ n ~`: the VT220's editing keys and function keys, and rxvt's Home and End (7, 8).
    private static let numbered: [Int: Base] = {
        var table: [Int: Base] = [1: .key(.home), 2: .key(.insert), 3: .key(.delete), 4: .key(.end), 5: .key(.pageUp),
                                  6: .key(.pageDown), 7: .key(.home), 8: .key(.end)]
        for (n, code) in [11, 12, 13, 14, 15, 17, 18, 19, 20, 21, 23, 24].enumerated() { table[code] = .key(.function(n + 1)) }
        for (n, code) in [25, 26, 28, 29, 31, 32, 33, 34].enumerated() { table[code] = .described("F\(n + 13)") }
        return table
    }()

    /// xterm's modifier parameter (2 Shift, 3 Alt, 5 Ctrl, … up to 16); nil outside that range.
    private static func modifiers(_ parameter: Int) -> Modifiers? {
        (1...16).contains(parameter) ? Modifiers(rawValue: parameter - 1) : nil
    }

    /// A sequence written out readably, for a key with no name: `ESC [ 9 9 z`. Controls by name,
    /// anything beyond ASCII as its code point, so the text is safe on any screen; a sequence longer
    /// than `KeyDecoder.longestSequence` shows its start and its length.
    static func spelled(_ scalars: [Unicode.Scalar], overflow: Int) -> String {
        let shown = overflow > 0 ? scalars.prefix(16) : scalars[...]
        let words = shown.map { scalar -> String in
            switch scalar.value {
            case 0x1B: return "ESC"
            case 0x9B: return "CSI"
            case 0x8F: return "SS3"
            case 0x90: return "DCS"
            case 0x9C: return "ST"
            case 0x9D: return "OSC"
            case 0x20: return "SP"
            case 0x7F: return "DEL"
            case 0..<0x20: return "^" + String(Unicode.Scalar(scalar.value + 0x40)!)
            case 0x21..<0x7F: return String(scalar)
            default: return "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
            }
        }
        return words.joined(separator: " ") + (overflow > 0 ? " …（共 \(scalars.count + overflow) 个字符）" : "")
    }
}

private extension String {
    func leftPadded(to length: Int) -> String { String(repeating: "0", count: max(0, length - count)) + self }
}
