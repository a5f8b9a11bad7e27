import Model

/// The proposal being answered, as the reply form shows it while the reply is drafted
/// (`proposal-text`): a heading row, then the title, the proposers and the text as received, wrapped
/// to the pane and scrolled a page at a time (`scroll-proposal`), back to the top after the end.
struct ProposalPane {
    /// The pane's lines at its width, heading excluded.
    let lines: [String]
    /// What the heading calls the text: 提案原文 or 建议原文, by the case's kind.
    let name: String

    init(_ c: Case, width: Int) {
        let text = c.text.trimmingCharacters(in: .whitespacesAndNewlines)
        name = c.kind.rawValue + "原文"
        let paragraphs = [c.title, "提出人：" + (c.proposers.isEmpty ? "（未写明）" : c.proposers.joined(separator: "、")), ""]
            + (text.isEmpty ? ["（案件文件中没有\(c.kind.rawValue)原文）"] : [text])
        lines = paragraphs.flatMap { TextMetrics.wrap(TextMetrics.sanitized($0, keepNewlines: true), width: max(2, width)) }.map(String.init)
    }

    /// The first line shown after a page on from `scroll`, with `rows` rows for the text: back to
    /// the first line once the last is in view.
    func nextPage(from scroll: Int, rows: Int) -> Int {
        scroll + rows < lines.count ? scroll + max(1, rows) : 0
    }

    /// Draws the heading and the lines from `scroll` in `area` of the body (first body row `bodyTop`),
    /// with a divider column on the left when the pane stands beside the form.
    func draw(_ area: ReplyFormPanes.Area, bodyTop: Int, scroll: Int, pageKey: String, into buffer: inout ScreenBuffer) {
        let textRows = area.rows - 1
        let last = min(lines.count, scroll + textRows)
        let heading = "\(name) \(min(scroll + 1, lines.count))–\(last)/\(lines.count)行 · \(pageKey) 翻页"
        buffer.fill(x: area.x, y: bodyTop + area.top, count: area.width, style: .header)
        buffer.put(TextMetrics.truncate(heading, to: area.width), x: area.x, y: bodyTop + area.top, style: .header, limit: area.width)
        for row in 0..<max(0, textRows) {
            let y = bodyTop + area.top + 1 + row
            if area.x > 0 { buffer.put("│", x: area.x - 1, y: y, style: .muted) }
            let i = scroll + row
            if i < lines.count { buffer.put(lines[i], x: area.x, y: y, style: .normal, limit: area.width) }
        }
        if area.x > 0 { buffer.put("│", x: area.x - 1, y: bodyTop + area.top, style: .muted) }
    }
}
