import Model

/// The reply form as rows of the screen: every field's label and its text wrapped to the width,
/// with the focused field's caret located. A pure function of the form and the width, so the
/// screen, the scrolling and the tests all agree on where everything is.
struct ReplyFormLayout {
    struct Row {
        enum Content {
            case blank
            /// A paragraph field's label with its 字数.
            case label(String, count: Int)
            /// One visual line of a field; `label` is drawn on the field's first line only, `note`
            /// (muted) after its last.
            case text(Substring, label: String?, placeholder: Bool, note: String?)
        }

        var field: Int?
        var content: Content
        /// Cells after the gutter where the label and the text begin: a sub-section is indented.
        var shape = Shape(margin: 0, indent: 0)
    }

    /// Where a field's label and text go, in cells after the gutter.
    struct Shape {
        /// Before the label: two cells for each level a section is below the first.
        var margin: Int
        /// Before the text: the margin and the label (a one-line field's label column, or a heading's numeral).
        var indent: Int
        var label: String? = nil
        /// A muted tag after the text, whose cells the text leaves free: a run-in heading's 〔接排〕,
        /// or 〔接排，印时补。〕 when the document adds the heading's stop.
        var note: String? = nil
    }

    /// Left margin: a focus marker and a space.
    static let gutter = 2
    /// Where a one-line field's value starts after its label.
    static let labelWidth = 12
    /// Cells a sub-section is indented for each level below the first.
    static let levelIndent = 2
    /// The tag after a run-in heading.
    static let runInNote = "〔接排〕"
    /// The tag after a run-in heading that ends in no stop: the document adds 。 to it.
    static let runInStopNote = "〔接排，印时补。〕"
    /// What an empty heading shows: such a section prints as plain paragraphs, without a numeral.
    static let untitled = "（无标题，不编号）"

    let rows: [Row]
    /// The caret of the focused field, as a form row and a screen column.
    let caret: (row: Int, column: Int)
    let width: Int

    /// Lays the form out, re-wrapping only fields whose text changed since the last layout.
    /// `titleHint` is the title the profile prints when the title field is empty.
    init(_ form: inout ReplyForm, width: Int, titleHint: String = "") {
        self.width = width
        var rows: [Row] = []
        var caret = (row: 0, column: 0)
        let numerals = form.numerals()
        for i in form.fields.indices where !form.isHidden(i) {
            let field = form.fields[i]
            let role = field.role
            switch role {
            case .opening, .heading, .closing, .attachments, .signature: rows.append(Row(field: nil, content: .blank))
            default: break
            }
            if role.isParagraphs && role.section == nil {
                rows.append(Row(field: i, content: .label(role.label, count: field.editor.characterCount)))
            }
            let shape = Self.shape(form, field: i, numerals: numerals)
            let textWidth = Self.textWidth(shape, width: width)
            let lines: [Substring]
            if i == form.focus {
                let layout = field.editor.layout(width: textWidth)
                caret = (rows.count + layout.caretRow, Self.gutter + shape.indent + layout.caretColumn)
                lines = layout.lines
            } else {
                lines = form.wrapField(i, to: textWidth)
            }
            if field.editor.isEmpty || lines.isEmpty {
                let placeholder = TextMetrics.abbreviated(role == .title ? titleHint.replacing("\n", with: " ") : Self.placeholder(role),
                                                          to: textWidth)
                rows.append(Row(field: i, content: .text(Substring(placeholder), label: shape.label, placeholder: true, note: shape.note),
                                shape: shape))
                continue
            }
            for (n, line) in lines.enumerated() {
                rows.append(Row(field: i, content: .text(line, label: n == 0 ? shape.label : nil, placeholder: false,
                                                          note: n == lines.count - 1 ? shape.note : nil), shape: shape))
            }
        }
        self.rows = rows
        self.caret = caret
    }

    /// Where field `i`'s label and text go. A section's heading has its numeral as printed for its
    /// label (none while the heading is empty), and a section is indented by its level.
    static func shape(_ form: ReplyForm, field i: Int, numerals: [String?]) -> Shape {
        let role = form.fields[i].role
        if let section = role.section {
            let margin = (form.level(ofSection: section) - 1) * levelIndent
            guard case .heading = role else { return Shape(margin: margin, indent: margin) }
            let numeral = numerals[section]
            return Shape(margin: margin, indent: margin + TextMetrics.width(of: numeral ?? ""), label: numeral,
                         note: form.runInHeadingLacksStop(section: section) ? runInStopNote
                             : form.isRunIn(section: section) ? runInNote : nil)
        }
        return role.isParagraphs ? Shape(margin: 0, indent: 0) : Shape(margin: 0, indent: labelWidth, label: role.label)
    }

    /// The width of the focused field's text area at a screen width, as the layout wraps it.
    static func textWidth(_ form: ReplyForm, width: Int) -> Int {
        textWidth(shape(form, field: form.focus, numerals: form.numerals()), width: width)
    }

    /// The width of a field's text area (the editor keeps its last cell free for the caret), less a
    /// space and the note after it.
    static func textWidth(_ shape: Shape, width: Int) -> Int {
        max(2, width - gutter - shape.indent - (shape.note.map { TextMetrics.width(of: $0) + 1 } ?? 0))
    }

    /// What an empty field shows, dimmed, so the clerk sees what belongs there.
    static func placeholder(_ role: ReplyForm.Role) -> String {
        switch role {
        case .heading: return untitled
        case .body: return "（本部分正文）"
        case .opening, .closing: return "（未填写）"
        case .disclosure: return "（从列表中选择）"
        case .disclosureReason: return "（依申请公开、不予公开时填写）"
        case .attachments: return "（每行一个附件）"
        case .jointUnits: return "（其他署名单位，用顿号分隔）"
        case .reportTo: return "（用顿号分隔）"
        default: return ""
        }
    }
}
