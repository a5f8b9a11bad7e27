import Model

/// The reply form: every part of the reply in document order, the focused one marked with `>` and
/// edited in place, scrolled so the caret is always on screen.
enum ReplyFormScreen {
    /// Scrolls the form so the caret's row is visible, and keeps the layout for drawing.
    static func clamp(_ state: inout AppState, width: Int, rows: Int) {
        guard var form = state.form else { return }
        let layout = ReplyFormLayout(&form, width: width)
        let caret = layout.caret.row
        if caret < form.scroll { form.scroll = caret }
        if caret >= form.scroll + rows { form.scroll = caret - rows + 1 }
        // Show the label of a paragraph field above its first line when there is room.
        if caret == form.scroll, caret > 0, case .label = layout.rows[caret - 1].content { form.scroll -= 1 }
        form.scroll = max(0, min(form.scroll, layout.rows.count - rows))
        state.form = form
        state.formLayout = layout
    }

    static func draw(_ form: ReplyForm, _ layout: ReplyFormLayout, rows: Range<Int>, into buffer: inout ScreenBuffer) {
        for (row, y) in zip(layout.rows.dropFirst(form.scroll), rows) {
            let focused = row.field == form.focus
            if focused { buffer.put(">", x: 0, y: y, style: .key) }
            let x = ReplyFormLayout.gutter
            switch row.content {
            case .blank: break
            case .label(let label, let count):
                let end = buffer.put("【\(label)】", x: x, y: y, style: focused ? .selection : .header)
                buffer.put(count > 0 ? " \(count)字" : " 未填写", x: end, y: y, style: .muted)
            case .text(let line, let label, let placeholder):
                let role = form.fields[row.field!].role
                if let label { buffer.put(label, x: x, y: y, style: focused ? .selection : .header) }
                let style: Style = placeholder ? .muted : (role.section != nil && label != nil ? .header : .normal)
                buffer.put(String(line), x: x + ReplyFormLayout.indent(of: role), y: y, style: style)
            }
        }
    }

    /// Where the hardware cursor goes: on the caret, for the IME's candidate window.
    static func cursor(_ form: ReplyForm, _ layout: ReplyFormLayout, top: Int, width: Int) -> (x: Int, y: Int) {
        (min(width - 1, layout.caret.column), top + layout.caret.row - form.scroll)
    }

    /// The status line while editing: where the caret is and how long things are.
    static func status(_ form: ReplyForm) -> String {
        let field = form.focused
        let name: String
        switch field.role {
        case .heading(let i): name = "第\(ChineseNumeral.string(i + 1))部分标题"
        case .body(let i): name = "第\(ChineseNumeral.string(i + 1))部分正文"
        default: name = field.role.label
        }
        return "\(name) \(field.editor.characterCount)字 · 全文\(form.characterCount)字" + (form.isModified ? " · 未保存" : "")
    }

    static func title(_ form: ReplyForm) -> String {
        "答复 \(form.id) \(form.stored.value.title)"
    }
}
