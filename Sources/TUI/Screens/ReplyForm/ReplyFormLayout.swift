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
            /// One visual line of a field; `label` is drawn on the field's first line only.
            case text(Substring, label: String?, placeholder: Bool)
        }

        var field: Int?
        var content: Content
    }

    /// Left margin: a focus marker and a space.
    static let gutter = 2
    /// Where a one-line field's value starts after its label.
    static let labelWidth = 12

    let rows: [Row]
    /// The caret of the focused field, as a form row and a screen column.
    let caret: (row: Int, column: Int)
    let width: Int

    /// Lays the form out, re-wrapping only fields whose text changed since the last layout.
    init(_ form: inout ReplyForm, width: Int) {
        self.width = width
        var rows: [Row] = []
        var caret = (row: 0, column: 0)
        for i in form.fields.indices where !form.isHidden(i) {
            let field = form.fields[i]
            let role = field.role
            switch role {
            case .opening, .heading, .closing, .signature: rows.append(Row(field: nil, content: .blank))
            default: break
            }
            if role == .opening || role == .closing {
                rows.append(Row(field: i, content: .label(role.label, count: field.editor.characterCount)))
            }
            let indent = Self.indent(of: role)
            let textWidth = Self.textWidth(role, width: width)
            let lines: [Substring]
            if i == form.focus {
                let layout = field.editor.layout(width: textWidth)
                caret = (rows.count + layout.caretRow, Self.gutter + indent + layout.caretColumn)
                lines = layout.lines
            } else {
                lines = form.wrapField(i, to: textWidth)
            }
            let label: String? = role.isMultiline ? nil : role.label
            let empty = field.editor.isEmpty
            for (n, line) in lines.enumerated() {
                rows.append(Row(field: i, content: .text(empty ? Substring(Self.placeholder(role)) : line,
                                                           label: n == 0 ? label : nil, placeholder: empty)))
            }
            if lines.isEmpty {
                rows.append(Row(field: i, content: .text(Substring(Self.placeholder(role)), label: label, placeholder: true)))
            }
        }
        self.rows = rows
        self.caret = caret
    }

    /// Cells before a field's text: a one-line field's label, or nothing for paragraphs.
    static func indent(of role: ReplyForm.Role) -> Int {
        if case .heading = role { return TextMetrics.width(of: role.label) }
        return role.isMultiline ? 0 : labelWidth
    }

    /// The width of a field's text area (the editor keeps its last cell free for the caret).
    static func textWidth(_ role: ReplyForm.Role, width: Int) -> Int {
        max(2, width - gutter - indent(of: role))
    }

    /// What an empty field shows, dimmed, so the clerk sees what belongs there.
    static func placeholder(_ role: ReplyForm.Role) -> String {
        switch role {
        case .heading: return "（本部分标题）"
        case .body: return "（本部分正文）"
        case .opening, .closing: return "（未填写）"
        case .date: return ""
        case .disclosure: return "（从列表中选择）"
        case .disclosureReason: return "（依申请公开、不予公开时填写）"
        default: return ""
        }
    }
}
