/// The status line, above the hint bar: a message, or what the screen or layer on top says there.
/// Nothing is cut silently: a message too long for the width ends with `…` and names the key of the
/// message log, where it can be read whole.
enum StatusLineView {
    static func draw(_ line: StatusLine, into buffer: inout ScreenBuffer, row: Int) {
        var x = buffer.put(line.label, x: 0, y: row, style: .header)
        x = buffer.put(TextMetrics.abbreviated(line.text, to: max(0, buffer.width - x)), x: x, y: row, style: .normal)
        // A note cut to a cell or two says nothing.
        guard !line.note.isEmpty, buffer.width - x >= 4 else { return }
        buffer.put(TextMetrics.truncate(line.note, to: buffer.width - x), x: x, y: row, style: .muted)
    }

    /// A message, cut to the width with `…（F2 看全文）` when it does not fit; `more` is the key
    /// of the message log.
    static func draw(message: String, more: String, into buffer: inout ScreenBuffer, row: Int) {
        let text = TextMetrics.sanitized(message)
        guard TextMetrics.width(of: text) > buffer.width else {
            buffer.put(text, x: 0, y: row, style: .message)
            return
        }
        let suffix = "（\(more) 看全文）"
        let room = buffer.width - TextMetrics.width(of: suffix)
        guard room >= 8 else {
            buffer.put(TextMetrics.truncate(text, to: buffer.width), x: 0, y: row, style: .message)
            return
        }
        let x = buffer.put(TextMetrics.abbreviated(text, to: room), x: 0, y: row, style: .message)
        buffer.put(suffix, x: x, y: row, style: .muted)
    }
}
