/// Where the reply form's parts go in the body rows: the proposal text (`ProposalPane`) beside the
/// form or above it, the reviewer's 退回修改 comment above the form, and the form itself in what is
/// left. A pure function of the size, the placement and the comment, so that keys (a page of the
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
    /// The reviewer's comment wrapped to the form's width, as many lines as are shown (the last cut
    /// with … when there are more); on the rows just above the form.
    let comment: [String]

    /// The proposal text is offered beside the form from this width: the form keeps 60 columns.
    static let besideWidth = 100

    /// `notice` is said on the comment's rows after it: what the clerk must still put right (a merged
    /// case's number the opening leaves out, `Case.mergedOpeningNotice`).
    init(width: Int, bodyHeight: Int, placement: ProposalPlacement, comment: String?, notice: String? = nil) {
        var form = Area(width: width, rows: bodyHeight)
        var proposal: Area?
        switch placement {
        case .hidden: break
        case .beside where width >= ReplyFormPanes.besideWidth:
            form.width = max(60, width * 3 / 5)
            // A column between them for the divider.
            proposal = Area(x: form.width + 1, width: width - form.width - 1, rows: bodyHeight)
        case .beside, .above:
            // A few lines: a third of the rows, its heading included, from 2 to 8; none while the
            // form would keep fewer than two rows (a terminal near the smallest size).
            let rows = max(2, min(8, bodyHeight / 3))
            guard bodyHeight - rows >= 2 else { break }
            proposal = Area(width: width, rows: rows)
            form.top = rows
            form.rows -= rows
        }
        var lines: [String] = []
        let said = [comment.map { "审核退回意见：" + $0 }, notice].compactMap { $0 }
        if !said.isEmpty {
            // A sixth of the rows, at least one, as long as the form keeps one.
            let wrapped = said.flatMap { TextMetrics.wrap($0, width: form.width - 1).map(String.init) }
            let room = min(max(1, bodyHeight / 6), form.rows - 1)
            if room > 0 {
                lines = Array(wrapped.prefix(room))
                if wrapped.count > room { lines[room - 1] = TextMetrics.truncate(lines[room - 1] + "…", to: form.width - 1) }
            }
            form.top += lines.count
            form.rows -= lines.count
        }
        self.form = form
        self.proposal = proposal
        self.comment = lines
    }
}
