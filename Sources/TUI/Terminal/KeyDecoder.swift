/// Turns what a terminal sends, one Unicode scalar at a time, into input events, the same way
/// whatever `TERM` says: every escape sequence becomes exactly one key (named where any common
/// terminal uses it, `.unnamed` otherwise), never Esc followed by the sequence's characters; a
/// bracketed paste becomes one `.paste`.
///
/// Timing is the caller's: a terminal sends a key's sequence in one write, so when nothing more
/// arrives within the escape delay after a pending ESC or partial sequence, the caller calls
/// `timeout()` (and waits about a second instead while `isInPaste`).
public struct KeyDecoder: Sendable {
    /// The most scalars of one sequence kept; the rest of a longer one is counted, not stored.
    public static let longestSequence = 32

    private enum Phase: Equatable, Sendable {
        case ground
        /// ESC, or ESC ESC (Alt with Esc, or Alt with a sequence that follows: rxvt's Alt-arrows).
        case escape, escapeEscape
        /// `ESC [` / `ESC O` (or their 8-bit forms) and what followed.
        case controlSequence, singleShift
        /// The Linux console's F1–F5: `ESC [ [` and one letter.
        case linuxFunction
        /// A control string — OSC `ESC ]`, DCS `ESC P`, APC `ESC _`, PM `ESC ^`, SOS `ESC X` (or their
        /// 8-bit forms) — read to its end, ST (`ESC \\`, U+009C) or BEL: a terminal's reply to a query
        /// (a colour, a capability) that some program asked for, never a key and never text.
        /// `escapePending`: an ESC arrived and may begin the ST.
        case controlString(escapePending: Bool)
        /// An X10 mouse report, `ESC [ M` and three more scalars (button, column, row) that may be any
        /// character: how many are still to come.
        case mouseReport(remaining: Int)
    }

    private var phase = Phase.ground
    /// The sequence so far, from its first ESC or 8-bit introducer, at most `longestSequence` scalars.
    private var sequence: [Unicode.Scalar] = []
    /// Scalars of the sequence beyond `longestSequence`, counted only.
    private var overflow = 0
    /// Where the sequence's parameters begin (after `ESC [`, `ESC ESC O`, U+009B…).
    private var bodyStart = 0
    private var alt = false
    private var sawIntermediate = false
    private var pasting = false
    private var pasted = ""
    /// How much of the end-of-paste marker has arrived; kept back from the text until it differs.
    private var markerMatched = 0
    private static let pasteEnd: [Unicode.Scalar] = ["\u{1B}", "[", "2", "0", "1", "~"]
    /// The 8-bit introducers of sequences and control strings: SS3, DCS, SOS, CSI, OSC, PM, APC.
    private static let introducers: Set<UInt32> = [0x8F, 0x90, 0x98, 0x9B, 0x9D, 0x9E, 0x9F]
    private let terminalKeys: [String: Key]

    /// `terminalKeys`: the terminal's own sequences from its terminfo entry (`"\u{1B}\t"`, the Linux
    /// console's Shift-Tab), which win over the common meanings; empty in tests and for unknown terminals.
    /// Entries that are not escape sequences (a bare `^H` for Backspace) are left to the common rules.
    public init(terminalKeys: [String: Key] = [:]) {
        self.terminalKeys = terminalKeys.filter { $0.key.unicodeScalars.count >= 2 && $0.key.unicodeScalars.first == "\u{1B}" }
    }

    /// True while an ESC, a partial sequence or a paste waits for more input or `timeout()`.
    public var isPending: Bool { phase != .ground || pasting }

    /// True between the start-of-paste marker and its end: waiting for more is text, not a key.
    public var isInPaste: Bool { pasting }

    /// Takes the next scalar from the terminal; returns the events it completes (often none, when it
    /// begins or continues a sequence; two when it cuts a partial sequence short and is a key itself).
    public mutating func feed(_ scalar: Unicode.Scalar) -> [InputEvent] {
        if pasting { return collect(scalar) }
        switch phase {
        case .ground:
            switch scalar.value {
            case 0x1B: begin(scalar, .escape)
            case 0x9B: begin(scalar, .controlSequence)
            case 0x8F: begin(scalar, .singleShift)
            case 0x90, 0x98, 0x9D, 0x9E, 0x9F: begin(scalar, .controlString(escapePending: false))
            default: return [.key(KeyDecoder.key(for: scalar))]
            }
        case .escape:
            switch scalar.value {
            case 0x1B: phase = .escapeEscape
            case 0x5B: phase = .controlSequence
            case 0x4F: phase = .singleShift
            // `]` OSC, `P` DCS, `_` APC, `^` PM, `X` SOS: Alt with that character when nothing follows.
            case 0x5D, 0x50, 0x5F, 0x5E, 0x58: phase = .controlString(escapePending: false)
            // ESC before an 8-bit introducer is Alt, as ESC before `ESC [` is.
            case 0x9B, 0x8F:
                alt = true
                phase = scalar.value == 0x9B ? .controlSequence : .singleShift
            default:
                append(scalar)
                return finish(terminalKeys[text] ?? KeyDecoder.alt(scalar))
            }
            append(scalar)
            bodyStart = sequence.count
        case .escapeEscape:
            guard scalar == "[" || scalar == "O" else {
                reset()
                return [.key(.alt(.escape))] + feed(scalar)
            }
            alt = true
            phase = scalar == "[" ? .controlSequence : .singleShift
            append(scalar)
            bodyStart = sequence.count
        case .controlSequence, .singleShift, .linuxFunction:
            return continueSequence(scalar)
        case .controlString(let escapePending):
            if escapePending && scalar == "\\" {
                append("\u{1B}")
                append(scalar)
                return finish(.unnamed(spelled))
            }
            // Nothing but ST may follow an ESC inside a control string, another introducer begins a new
            // sequence, and CAN or SUB cancel one: the string ends there, and what follows is a key of
            // its own (Alt-P, then ESC [ A…).
            let cancels = scalar == "\u{18}" || scalar == "\u{1A}"
            if escapePending || cancels || KeyDecoder.introducers.contains(scalar.value) {
                let cut = endString()
                return cut + (escapePending ? feed("\u{1B}") : []) + (cancels ? [] : feed(scalar))
            }
            if scalar == "\u{1B}" {
                phase = .controlString(escapePending: true)
                return []
            }
            append(scalar)
            if scalar == "\u{07}" || scalar == "\u{9C}" { return finish(.unnamed(spelled)) }
        case .mouseReport(let remaining):
            // A report's bytes are never controls: an ESC or another control began something else.
            if scalar.value < 0x20 {
                let cut = finish(.mouse)
                return cut + feed(scalar)
            }
            append(scalar)
            if remaining == 1 { return finish(.mouse) }
            phase = .mouseReport(remaining: remaining - 1)
        }
        return []
    }

    /// Nothing more arrived within the delay: a pending ESC is Esc, ESC ESC is Alt-Esc, `ESC [` and
    /// `ESC O` alone are Alt-[ and Alt-O, a partial sequence is consumed and reported unnamed, and a
    /// paste whose end marker never came ends with what arrived.
    public mutating func timeout() -> [InputEvent] {
        if pasting {
            pasted.unicodeScalars.append(contentsOf: KeyDecoder.pasteEnd[0..<markerMatched])
            return endPaste()
        }
        switch phase {
        case .ground: return []
        case .escape: return finish(.escape)
        case .escapeEscape: return finish(.alt(.escape))
        case .controlString(let escapePending):
            return endString() + (escapePending ? [.key(.escape)] : [])
        case .controlSequence, .singleShift, .linuxFunction:
            if sequence.count == 2, sequence[0] == "\u{1B}", sequence[1] == "[" || sequence[1] == "O" {
                return finish(.alt(.character(Character(sequence[1]))))
            }
            return finish(.unnamed(spelled))
        case .mouseReport: return finish(.mouse)
        }
    }

    private mutating func continueSequence(_ scalar: Unicode.Scalar) -> [InputEvent] {
        // An introducer cuts the sequence short: a terminal never nests them, so a new key began.
        if scalar == "\u{1B}" || scalar == "\u{9B}" || scalar == "\u{8F}" {
            let cut = finish(.unnamed(spelled))
            return cut + feed(scalar)
        }
        append(scalar)
        if phase == .linuxFunction { return complete(final: scalar) }
        switch scalar.value {
        case 0x5B where phase == .controlSequence && sequence.count == bodyStart + 1 && !alt:
            phase = .linuxFunction
        case 0x24 where phase == .controlSequence:
            // rxvt's Shift forms end in `$` (`ESC [ 2 $`), which ECMA-48 would call an intermediate.
            return complete(final: scalar)
        case 0x30...0x3F where !sawIntermediate:
            break
        case 0x20...0x2F:
            sawIntermediate = true
        case 0x40...0x7E:
            return complete(final: scalar)
        default:
            // A control or a character no sequence holds: the sequence is broken; it and this go together.
            return finish(.unnamed(spelled))
        }
        return []
    }

    private mutating func complete(final: Unicode.Scalar) -> [InputEvent] {
        guard overflow == 0 else { return finish(.unnamed(spelled)) }
        if let key = terminalKeys[text] { return finish(key) }
        if alt, let key = terminalKeys[String(text.unicodeScalars.dropFirst())] { return finish(.alt(key)) }
        let body = String(String.UnicodeScalarView(sequence[bodyStart..<(sequence.count - 1)]))
        let parsed = EscapeSequence(introducer: phase == .controlSequence ? .controlSequence : phase == .singleShift ? .singleShift : .linuxFunction,
                                    body: body, final: final, alt: alt)
        if parsed.isPasteStart {
            reset()
            pasting = true
            return []
        }
        if parsed.isMouseReport {
            phase = .mouseReport(remaining: 3)
            return []
        }
        return finish(parsed.key ?? .unnamed(spelled))
    }

    private mutating func collect(_ scalar: Unicode.Scalar) -> [InputEvent] {
        if scalar == KeyDecoder.pasteEnd[markerMatched] {
            markerMatched += 1
            return markerMatched == KeyDecoder.pasteEnd.count ? endPaste() : []
        }
        // The marker's ESC occurs in it only once, so text that began like it restarts the match at most at this scalar.
        pasted.unicodeScalars.append(contentsOf: KeyDecoder.pasteEnd[0..<markerMatched])
        markerMatched = scalar == KeyDecoder.pasteEnd[0] ? 1 : 0
        if markerMatched == 0 { pasted.unicodeScalars.append(scalar) }
        return []
    }

    private mutating func endPaste() -> [InputEvent] {
        let text = pasted
        pasting = false
        pasted = ""
        markerMatched = 0
        return [.paste(text)]
    }

    /// A control string cut short: with nothing after its introducer it was an Alt chord (`ESC P` is
    /// Alt-P); otherwise it is reported whole, unnamed.
    private mutating func endString() -> [InputEvent] {
        if sequence.count == 2, sequence[0] == "\u{1B}" { return finish(.alt(.character(Character(sequence[1])))) }
        return finish(.unnamed(spelled))
    }

    private mutating func begin(_ scalar: Unicode.Scalar, _ next: Phase) {
        reset()
        phase = next
        sequence = [scalar]
        bodyStart = 1
    }

    private mutating func append(_ scalar: Unicode.Scalar) {
        if sequence.count < KeyDecoder.longestSequence { sequence.append(scalar) } else { overflow += 1 }
    }

    private mutating func finish(_ key: Key) -> [InputEvent] {
        reset()
        return [.key(key)]
    }

    private mutating func reset() {
        phase = .ground
        sequence.removeAll(keepingCapacity: true)
        overflow = 0
        bodyStart = 0
        alt = false
        sawIntermediate = false
    }

    private var text: String { String(String.UnicodeScalarView(sequence)) }
    private var spelled: String { EscapeSequence.spelled(sequence, overflow: overflow) }
}
