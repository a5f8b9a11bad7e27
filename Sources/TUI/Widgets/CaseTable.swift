import Model

/// Rows of cases under a header, one column per field, the selected row reversed and overdue or
/// soon-due rows coloured. The columns are the screen's; the table lays them out across the width
/// (one column, the title, takes what is left) and keeps the selection on screen.
struct CaseTable: Sendable {
    /// One column: its heading, its width in cells (0 for the one that takes what is left) and its
    /// cell for a row.
    struct Column {
        var title: String
        var width: Int
        var value: (Int) -> String
    }

    /// Which row is selected and which is the first shown.
    var selection = Selection()

    /// The selected row.
    var selected: Int {
        get { selection.selected }
        set { selection.selected = newValue }
    }

    /// Moves the selection for a navigation action over `count` rows with `page` rows on screen;
    /// false for any other action.
    mutating func move(_ action: Action, count: Int, page: Int) -> Bool { selection.move(action, count: count, page: page) }

    /// Keeps the selection within `count` rows and on screen in `rows` rows (the header takes one).
    mutating func arrange(count: Int, rows: Int) { selection.arrange(count: count, rows: max(1, rows - 1)) }

    /// The body row the selected case is drawn on.
    func row(in rows: Range<Int>) -> Int { rows.lowerBound + 1 + selection.selected - selection.offset }

    /// Draws the header and the rows from the first shown; `style` gives each row's style when not selected.
    func draw(_ columns: [Column], count: Int, rows: Range<Int>, into buffer: inout ScreenBuffer, style: (Int) -> Style) {
        let columns = CaseTable.fit(columns, width: buffer.width)
        drawRow(columns.map(\.title), columns, y: rows.lowerBound, style: .header, into: &buffer)
        for (i, y) in zip(selection.offset..<count, (rows.lowerBound + 1)..<rows.upperBound) {
            drawRow(columns.map { $0.value(i) }, columns, y: y, style: i == selection.selected ? .selection : style(i), into: &buffer)
        }
    }

    /// Gives the column of width 0 what the others leave (at least 4 cells).
    static func fit(_ columns: [Column], width: Int) -> [Column] {
        var columns = columns
        let fixed = columns.reduce(0) { $0 + $1.width } + columns.count - 1
        if let i = columns.firstIndex(where: { $0.width == 0 }) { columns[i].width = max(4, width - fixed) }
        return columns
    }

    /// A column the right edge cuts into is fitted to what is left of it, so a cut cell ends with `…`
    /// like any other (at 20 columns, `！…` rather than `！逾`).
    private func drawRow(_ cells: [String], _ columns: [Column], y: Int, style: Style, into buffer: inout ScreenBuffer) {
        buffer.fill(y: y, style: style)
        var x = 0
        for (cell, column) in zip(cells, columns) {
            let room = min(column.width, buffer.width - x)
            guard room > 0 else { break }
            buffer.put(TextMetrics.fit(cell, to: room), x: x, y: y, style: style, limit: room)
            x += column.width + 1
        }
    }
}
