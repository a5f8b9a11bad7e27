/// Where the reply form's parts go in the body rows: the proposal text (`ProposalPane`) beside the
/// form or above it (a rule between them), the notes (the reviewer's 退回修改 comment, the proposer's
/// 不满意 opinion) above the form, and the form itself in what is left. A pure function of the size,
/// the placement and the notes, so that keys (a page of the
/// editor, a page of the proposal), drawing and the cursor agree.
struct ReplyFormPanes {
    /// Body rows (from 0, the first body row) and columns of one pane.
    struct Area {
        var x = 0, top = 0, width = 0, rows = 0
    }

    /// The form: always from the left edge.
    let form: Area
    /// The proposal text, nil while hidden.
    let proposal: Area?
    /// The notes wrapped to the form's width within its gutter, as many lines as are shown (the last
    /// cut with … when there are more); on the rows just above the form.
    let comment: [String]
    /// The rule between the proposal text above and what is below it: a body row, nil otherwise.
    let ruleRow: Int?

    /// The proposal text is offered beside the form from this width: the form keeps 60 columns.
    static let besideWidth = 100

    init(width: Int, bodyHeight: Int, placement: ProposalPlacement, notes: [String]) {
        var form = Area(width: width, rows: bodyHeight)
        var proposal: Area?
        var ruleRow: Int?
        switch placement {
        case .hidden: break
        case .beside where width >= ReplyFormPanes.besideWidth:
            form.width = max(60, width * 3 / 5)
            // A column between them for the divider.
            proposal = Area(x: form.width + 1, width: width - form.width - 1, rows: bodyHeight)
        case .beside, .above:
            // A few lines: a third of the rows, its heading included, from 2 to 8; none while the
            // form would keep fewer than two rows (a terminal near the smallest size).
            // A rule under it when the form keeps three rows besides.
            let rows = max(2, min(8, bodyHeight / 3))
            guard bodyHeight - rows >= 2 else { break }
            proposal = Area(width: width, rows: rows)
            let rule = bodyHeight - rows >= 3 ? 1 : 0
            if rule > 0 { ruleRow = rows }
            form.top = rows + rule
            form.rows -= rows + rule
        }
        var lines: [String] = []
        if !notes.isEmpty {
            // A sixth of the rows, at least one, as long as the form keeps one.
            let textWidth = max(2, form.width - ReplyFormLayout.gutter)
            let wrapped = notes.flatMap { TextMetrics.wrap($0, width: textWidth).map(String.init) }
            let room = min(max(notes.count, bodyHeight / 6), form.rows - 1)
            if room > 0 {
                lines = Array(wrapped.prefix(room))
                if wrapped.count > room { lines[room - 1] = TextMetrics.truncate(lines[room - 1], to: textWidth - 1) + "…" }
            }
            form.top += lines.count
            form.rows -= lines.count
        }
        self.ruleRow = ruleRow
        self.form = form
        self.proposal = proposal
        self.comment = lines
    }
}
