/// Random escape sequences of the shapes terminals send — CSI and SS3 with parameters, intermediates
/// and any final byte, Alt prefixes, the Linux console's `ESC [ [`, Alt chords, replies to queries
/// (OSC, DCS, APC, PM, SOS) and mouse reports — whole or cut short anywhere, for the decoder's
/// property tests, the monkey test and the tmux test.
///
/// Each is one key to a decoder, alone (completed by the escape delay) or sent back to back: so
/// never a lone ESC or ESC ESC (either would join the next sequence, as it does from a terminal),
/// never a control character inside a sequence, and never the start of a bracketed paste.
public enum RandomEscapeSequence {
    /// One sequence; `asciiOnly` leaves out the 8-bit introducers and characters beyond ASCII (tmux's
    /// `send-keys -H` sends bytes, not characters).
    public static func next(using random: inout SplitMix64, asciiOnly: Bool = false) -> String {
        while true {
            let sequence = candidate(using: &random, asciiOnly: asciiOnly)
            let scalars = Array(sequence.unicodeScalars)
            if scalars == ["\u{1B}"] || scalars == ["\u{1B}", "\u{1B}"] { continue }
            if sequence.contains("[200~") || sequence.contains("\u{9B}200~") { continue }
            return sequence
        }
    }

    private static let printable = (0x20...0x7E).map { Character(Unicode.Scalar($0)!) }
    private static let parameters = Array("0123456789;;;0123456789:?<=>")
    private static let intermediates = Array(" !\"#%&'()*+,-./")
    private static let finals = (0x40...0x7E).map { Character(Unicode.Scalar($0)!) } + Array("~~~~~^$@ABCDHFPQRSZ")

    private static func candidate(using random: inout SplitMix64, asciiOnly: Bool) -> String {
        func pick<T>(_ choices: [T]) -> T { choices[Int(random.next() % UInt64(choices.count))] }
        func chance(_ percent: UInt64) -> Bool { random.next() % 100 < percent }

        if chance(6) {
            // A terminal's reply to a query (OSC, DCS, APC, PM, SOS), ended by ST or BEL, or a mouse report.
            if chance(25) { return "\u{1B}[M" + String((0..<3).map { _ in pick(printable) }) }
            var string = "\u{1B}" + String(pick(Array("]P_^X")))
            for _ in 0..<(random.next() % 20) { string.append(pick(printable.filter { $0 != "\\" })) }
            return string + (chance(50) ? "\u{1B}\\" : "\u{07}")
        }
        if chance(15) {
            // Alt with one key: a character, a control, DEL, or (not for tmux) a character beyond ASCII.
            let controls = (0...31).filter { $0 != 27 }.map { Character(Unicode.Scalar($0)!) } + ["\u{7F}"]
            let beyond: [Character] = ["中", "é", "\u{85}", "\u{9B}", "\u{8F}"]
            let key = chance(60) ? pick(printable) : chance(70) || asciiOnly ? pick(controls) : pick(beyond)
            return "\u{1B}" + String(key)
        }
        var introducers = ["\u{1B}[", "\u{1B}[", "\u{1B}[", "\u{1B}[", "\u{1B}O", "\u{1B}O", "\u{1B}\u{1B}[", "\u{1B}\u{1B}O", "\u{1B}[["]
        if !asciiOnly { introducers += ["\u{9B}", "\u{8F}"] }
        var sequence = pick(introducers)
        if sequence == "\u{1B}[[" {
            if chance(80) { sequence.append(pick(printable)) }
            return sequence
        }
        let count = chance(3) ? 30 + Int(random.next() % 40) : Int(random.next() % 7)
        for _ in 0..<count { sequence.append(pick(parameters)) }
        if chance(10) { for _ in 0..<(1 + random.next() % 2) { sequence.append(pick(intermediates)) } }
        // Cut short by the escape delay, or ended by a final byte.
        if chance(88) { sequence.append(pick(finals)) }
        // `ESC [ M` alone is a mouse report's start: its three bytes follow.
        if sequence == "\u{1B}[M" || sequence == "\u{9B}M" { sequence += String((0..<3).map { _ in pick(printable) }) }
        return sequence
    }
}
