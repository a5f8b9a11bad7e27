/// The filter menu, drawn over the list's right side as a reversed block (no box-drawing glyphs:
/// they are ambiguous-width and misalign in CJK-configured terminals).
enum FilterMenu {
    static func draw(_ menu: (choices: [CaseFilter], selected: Int), rows: Range<Int>, into buffer: inout ScreenBuffer) {
        let labels = ["筛选（Enter 选择，Esc 取消）"] + menu.choices.map(\.label)
        let width = min(buffer.width, (labels.map { TextMetrics.width(of: $0) }.max() ?? 0) + 4)
        let x = max(0, buffer.width - width)
        let visible = max(1, rows.count - 1)
        let offset = max(0, menu.selected - visible + 1)
        for (i, y) in rows.enumerated() {
            let index = i == 0 ? nil : Optional(offset + i - 1)
            guard i == 0 || index! < menu.choices.count else { break }
            let selected = index == menu.selected
            let style: Style = selected ? .normal : .selection
            buffer.fill(x: x, y: y, count: width, style: style)
            buffer.put((selected ? "> " : "  ") + labels[index.map { $0 + 1 } ?? 0], x: x, y: y, style: i == 0 ? .title : style, limit: width)
        }
    }
}
