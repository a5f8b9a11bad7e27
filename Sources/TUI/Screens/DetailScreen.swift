import Model

/// One case in full, wrapped to the width with 禁则, scrolled like a pager.
enum DetailScreen {
    /// Draws the lines `Screen.clamp` wrapped for this width.
    static func draw(_ detail: AppState.PagerState, rows: Range<Int>, into buffer: inout ScreenBuffer) {
        for (line, y) in zip(detail.lines.dropFirst(detail.offset), rows) {
            let style: Style = line.hasPrefix("【") ? .header : .normal
            buffer.put(String(line), x: 0, y: y, style: style)
        }
    }
}
