import Model

/// The home screen: one row per case, columns adapting to the width; the title takes what is left.
enum ListScreen {
    struct Column {
        var title: String
        var width: Int
        var value: (CaseSummary, AppState) -> String
    }

    static func columns(width: Int) -> [Column] {
        var columns: [Column] = [Column(title: "编号", width: 10) { s, state in (state.marked.contains(s.id) ? "+" : "") + s.id.description }]
        if width >= 50 { columns.append(Column(title: "类型", width: 4) { s, _ in s.kind.rawValue }) }
        columns.append(Column(title: "标题", width: 0) { s, _ in (s.isKey ? "*" : "") + s.title })
        if width >= 64 {
            columns.append(Column(title: "领衔人", width: 8) { s, _ in s.jointSigners.isEmpty ? s.leadProposer : s.leadProposer + "等" })
        }
        columns.append(Column(title: "期限", width: 10) { s, state in
            let d = state.deadline(of: s)
            return d.label.isEmpty ? "-" : d.label
        })
        if width >= 44 { columns.append(Column(title: "状态", width: 6) { s, _ in s.status }) }
        if width >= 80 {
            columns.append(Column(title: "结果", width: 8) { s, state in
                state.configuration.outcomeScheme.first { $0.label == s.outcome }?.short ?? s.outcome
            })
        }
        let fixed = columns.reduce(0) { $0 + $1.width } + columns.count - 1
        if let i = columns.firstIndex(where: { $0.title == "标题" }) { columns[i].width = max(4, width - fixed) }
        return columns
    }

    static func draw(_ state: AppState, rows: Range<Int>, into buffer: inout ScreenBuffer) {
        let columns = columns(width: buffer.width)
        drawRow(columns.map(\.title), columns, y: rows.lowerBound, style: .header, into: &buffer)
        guard !state.summaries.isEmpty else {
            buffer.put("案件库中还没有案件", x: 1, y: rows.lowerBound + 1, style: .muted)
            return
        }
        for (i, y) in zip(state.list.offset..<state.summaries.count, (rows.lowerBound + 1)..<rows.upperBound) {
            let summary = state.summaries[i]
            let selected = i == state.list.selected
            let deadline = state.deadline(of: summary)
            let style: Style = selected ? .selection : deadline.isOverdue ? .overdue : { if case .dueSoon = deadline { return .dueSoon } else { return .normal } }()
            drawRow(columns.map { $0.value(summary, state) }, columns, y: y, style: style, into: &buffer)
        }
    }

    private static func drawRow(_ cells: [String], _ columns: [Column], y: Int, style: Style, into buffer: inout ScreenBuffer) {
        buffer.fill(y: y, style: style)
        var x = 0
        for (cell, column) in zip(cells, columns) {
            buffer.put(TextMetrics.fit(cell, to: column.width), x: x, y: y, style: style, limit: column.width)
            x += column.width + 1
        }
    }
}
