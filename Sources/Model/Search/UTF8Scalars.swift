/// The characters of UTF-8 text that may be damaged: a byte that does not begin a well-formed
/// sequence is skipped, so a well-formed character after it is still read as itself.
enum UTF8Scalars {
    /// Calls `body` with each character of `bytes` (see `forEach(in:_:_:)`).
    static func forEach(in bytes: [UInt8], _ body: (_ scalar: UInt32, _ follows: Bool) -> Void) {
        bytes.withUnsafeBytes { forEach(in: $0, 0..<bytes.count, body) }
    }

    /// Calls `body` with each character of `range` of `bytes` but controls, and whether it follows the
    /// character before it directly: false for the first, and after a control or a skipped byte, so
    /// that no two characters count as adjacent across something that is not a character of the text.
    @inline(__always)
    static func forEach(in bytes: UnsafeRawBufferPointer, _ range: Range<Int>, _ body: (_ scalar: UInt32, _ follows: Bool) -> Void) {
        var i = range.lowerBound
        let end = range.upperBound
        var follows = false
        while i < end {
            let lead = bytes[i]
            let length = lead < 0x80 ? 1 : lead < 0xC2 ? 0 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : lead < 0xF5 ? 4 : 0
            guard length > 0, i + length <= end else {
                i += 1
                follows = false
                continue
            }
            var scalar = UInt32(lead) & (length == 1 ? 0x7F : 0x7F >> UInt32(length))
            var wellFormed = true
            for k in 1..<max(1, length) {
                let byte = bytes[i + k]
                if byte & 0xC0 != 0x80 { wellFormed = false; break }
                scalar = scalar << 6 | UInt32(byte & 0x3F)
            }
            guard wellFormed else {
                i += 1
                follows = false
                continue
            }
            // Controls (the tab between text and reply, the paragraph separator) are never typed.
            if scalar >= 0x20 {
                body(scalar, follows)
                follows = true
            } else {
                follows = false
            }
            i += length
        }
    }
}
