/// A small block drawn over the body beside a row of the screen below (the selected case, the
/// caret): below it when there is room, else above. Drawn reversed, with no box-drawing glyphs
/// (they are ambiguous-width and misalign in CJK-configured terminals), inside a frame of blank
/// cells — a column on its left, a row above and below where the body has them — so that the
/// screen's text stops short of it instead of running into it mid-line. The title wraps with a
/// hanging indent; an item too long for the width ends with `…`.
struct Popup {
    /// The title's lines, then one line per item.
    var title: String
    var items: [String]
    /// The item drawn as chosen (`> `, not reversed); nil for none.
    var selected: Int?
    /// The width in cells, for a dialog whose field wants the room (clamped to the screen); nil to fit
    /// the items and title.
    var width: Int?

    init(title: String, items: [String], selected: Int?, width: Int? = nil) {
        self.title = title
        self.items = items
        self.selected = selected
        self.width = width
    }

    /// The widest a popup grows, in cells: wide enough for a long title, narrow enough to leave the
    /// row it is about in view.
    static let maximumWidth = 60

    /// Where the popup goes on a screen `screenWidth` cells wide: its first column and row, its width,
    /// its title's lines, how many items are shown and the first of them (the chosen item kept in view).
    struct Placement {
        var x: Int, top: Int, width: Int
        var titleLines: [String]
        var visibleItems: Int
        var offset: Int

        /// The row item `index` is drawn on, nil when it is not shown.
        func row(ofItem index: Int) -> Int? {
            (offset..<(offset + visibleItems)).contains(index) ? top + titleLines.count + index - offset : nil
        }
    }

    func placement(anchor: Int?, rows: Range<Int>, screenWidth: Int) -> Placement {
        let fitted = min(Popup.maximumWidth, max(items.map { TextMetrics.width(of: $0) + 4 }.max() ?? 0, TextMetrics.width(of: title) + 4, 16))
        let width = min(screenWidth, self.width ?? fitted)
        let titleLines = Popup.wrap(title, width: width - 2, limit: max(1, rows.count / 2))
        let visibleItems = max(1, min(items.count, rows.count - titleLines.count))
        let top = Popup.top(height: titleLines.count + visibleItems, anchor: anchor, rows: rows)
        return Placement(x: max(0, screenWidth - width), top: top, width: width, titleLines: titleLines, visibleItems: visibleItems,
                         offset: max(0, (selected ?? 0) - visibleItems + 1))
    }

    func draw(anchor: Int?, rows: Range<Int>, into buffer: inout ScreenBuffer) {
        let place = placement(anchor: anchor, rows: rows, screenWidth: buffer.width)
        let (width, titleLines, visibleItems, top, x, offset) = (place.width, place.titleLines, place.visibleItems, place.top, place.x, place.offset)
        let height = titleLines.count + visibleItems
        for y in max(rows.lowerBound, top - 1)..<min(rows.upperBound, top + height + 1) {
            buffer.fill(x: x - 1, y: y, count: width + 1, style: .normal)
        }
        for (i, line) in titleLines.enumerated() where top + i < rows.upperBound {
            buffer.fill(x: x, y: top + i, count: width, style: .title)
            buffer.put("  " + line, x: x, y: top + i, style: .title, limit: width)
        }
        for row in 0..<visibleItems {
            let index = offset + row, y = top + titleLines.count + row
            guard index < items.count, y < rows.upperBound else { break }
            let chosen = index == selected
            let style: Style = chosen ? .normal : .selection
            buffer.fill(x: x, y: y, count: width, style: style)
            buffer.put((chosen ? "> " : "  ") + TextMetrics.truncate(items[index], to: width - 2), x: x, y: y, style: style, limit: width)
        }
    }

    /// The first row: just below the anchor when the popup fits there, else ending just above it,
    /// else at the top of the body.
    static func top(height: Int, anchor: Int?, rows: Range<Int>) -> Int {
        guard let anchor else { return rows.lowerBound }
        if anchor + 1 + height <= rows.upperBound { return anchor + 1 }
        if anchor - height >= rows.lowerBound { return anchor - height }
        return max(rows.lowerBound, rows.upperBound - height)
    }

    /// `text` in lines of `width` cells, continuation lines indented two cells; the last of `limit`
    /// lines ends with `…` when more would follow.
    static func wrap(_ text: String, width: Int, limit: Int) -> [String] {
        var lines = TextMetrics.hangingLines(of: Substring(text), width: max(1, width), hang: 2).enumerated()
            .map { $0.offset == 0 ? String($0.element) : "  " + $0.element }
        if lines.count > limit {
            lines = Array(lines.prefix(limit))
            lines[limit - 1] = TextMetrics.truncate(lines[limit - 1] + "……", to: width)
        }
        return lines
    }
}
