/// The first row: what is shown on the left, counts or a state on the right. The right part matters
/// more (counts, 未保存) and is cut last; whatever is cut ends with `…`.
enum TitleBarView {
    static func draw(_ title: TitleBar, into buffer: inout ScreenBuffer) {
        buffer.fill(y: 0, style: .title)
        let width = buffer.width
        let right = TextMetrics.width(of: title.right)
        let leftRoom: Int, rightRoom: Int
        if TextMetrics.width(of: title.left) + 1 + right <= width {
            (leftRoom, rightRoom) = (width - right - 1, right)
        } else if right + 1 + minimumLeft <= width {
            (leftRoom, rightRoom) = (width - right - 1, right)
        } else {
            (leftRoom, rightRoom) = (min(minimumLeft, width), max(0, width - minimumLeft - 1))
        }
        buffer.put(TextMetrics.truncate(title.left, to: leftRoom), x: 0, y: 0, style: .title, limit: leftRoom)
        guard rightRoom > 0, !title.right.isEmpty else { return }
        let shown = TextMetrics.truncate(title.right, to: rightRoom)
        buffer.put(shown, x: width - TextMetrics.width(of: shown), y: 0, style: .title)
    }

    /// The left part keeps at least this many cells (`banli 办理…`), so the bar still says what it is.
    static let minimumLeft = 12
}
