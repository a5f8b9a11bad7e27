import Model

/// One case in full, wrapped to the width with 禁则, scrolled like a pager.
enum DetailScreen {
    static func lines(_ detail: AppState.DetailState, width: Int) -> [Substring] {
        TextMetrics.wrap(TextMetrics.sanitized(detail.text, keepNewlines: true), width: max(1, width - 1))
    }

    static func draw(_ detail: AppState.DetailState, rows: Range<Int>, into buffer: inout ScreenBuffer) {
        let lines = lines(detail, width: buffer.width)
        for (line, y) in zip(lines.dropFirst(detail.offset), rows) {
            let style: Style = line.hasPrefix("【") ? .header : .normal
            buffer.put(String(line), x: 0, y: y, style: style)
        }
    }
}
