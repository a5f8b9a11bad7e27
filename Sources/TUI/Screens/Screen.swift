import Model

/// Draws the whole screen from the state: title bar, the current screen's body, status line and
/// hint bar. A pure function of state and size, so tests can render any state at any size.
public enum Screen {
    public static let minimumWidth = 20, minimumHeight = 6

    /// Rows available to the current screen's body.
    public static func bodyHeight(height: Int) -> Int { max(1, height - 3) }

    /// Keeps offsets within their content and the list selection on screen.
    public static func clamp(_ state: inout AppState, keymap: Keymap, width: Int, height: Int) {
        let rows = bodyHeight(height: height)
        let listRows = max(1, rows - 1)
        if state.list.selected < state.list.offset { state.list.offset = state.list.selected }
        if state.list.selected >= state.list.offset + listRows { state.list.offset = state.list.selected - listRows + 1 }
        state.list.offset = max(0, min(state.list.offset, state.summaries.count - listRows))
        for pager in [\AppState.detail, \AppState.preview] {
            guard var p = state[keyPath: pager] else { continue }
            p.wrap(to: width)
            p.offset = max(0, min(p.offset, p.lines.count - rows))
            state[keyPath: pager] = p
        }
        ReplyFormScreen.clamp(&state, width: width, rows: rows)
        if let offset = state.helpOffset {
            state.helpOffset = max(0, min(offset, HelpScreen.lines(context: state.screen, keymap: keymap).count - rows))
        }
    }

    static let promptLabel = "搜索："

    /// Where the hardware cursor goes: at the caret while typing (so an IME's candidate window opens
    /// there), hidden otherwise.
    public static func cursor(_ state: AppState, width: Int, height: Int) -> (x: Int, y: Int)? {
        guard width >= minimumWidth, height >= minimumHeight else { return nil }
        if let prompt = state.prompt { return (min(width - 1, TextMetrics.width(of: promptLabel + prompt.query)), height - 2) }
        if let question = state.question { return (min(width - 1, questionLine(question, width: width).caret), height - 2) }
        guard state.context == .form, state.menu == nil, let form = state.form, let layout = state.formLayout else { return nil }
        return ReplyFormScreen.cursor(form, layout, top: 1, width: width)
    }

    /// A question's answer as the status line shows it: scrolled sideways so the caret stays in view.
    static func questionLine(_ question: Question, width: Int) -> (text: String, caret: Int) {
        let labelWidth = TextMetrics.width(of: question.label)
        let room = max(2, width - labelWidth - 1)
        let characters = Array(question.editor.text)
        // Walk left from the caret until the room is used up: that is where the shown part starts.
        var start = question.editor.caret, used = 0
        while start > 0, used + TextMetrics.width(of: characters[start - 1]) <= room {
            start -= 1
            used += TextMetrics.width(of: characters[start])
        }
        let caret = labelWidth + used
        return (String(characters[start...]), caret)
    }

    public static func render(_ state: AppState, keymap: Keymap, width: Int, height: Int) -> ScreenBuffer {
        var buffer = ScreenBuffer(width: width, height: height)
        guard width >= minimumWidth, height >= minimumHeight else {
            buffer.put("窗口太小", x: 0, y: 0, style: .error)
            buffer.put("至少\(minimumWidth)×\(minimumHeight)", x: 0, y: 1, style: .muted)
            return buffer
        }
        drawTitle(state, into: &buffer)
        let body = 1..<(1 + bodyHeight(height: height))
        switch state.context {
        case .list: ListScreen.draw(state, rows: body, into: &buffer)
        case .detail: DetailScreen.draw(state.detail!, rows: body, into: &buffer)
        case .preview: DetailScreen.draw(state.preview!, rows: body, into: &buffer)
        case .form: ReplyFormScreen.draw(state.form!, state.formLayout!, rows: body, into: &buffer)
        case .help: HelpScreen.draw(context: state.screen, keymap: keymap, offset: state.helpOffset ?? 0, rows: body, into: &buffer)
        }
        if let menu = state.menu { MenuView.draw(menu, rows: body, into: &buffer) }
        buffer.fill(y: height - 2, style: .normal)
        if let prompt = state.prompt {
            let end = buffer.put(promptLabel + prompt.query, x: 0, y: height - 2, style: .normal)
            buffer.put(prompt.note, x: end, y: height - 2, style: .muted)
        } else if let question = state.question {
            let end = buffer.put(question.label, x: 0, y: height - 2, style: .header)
            buffer.put(questionLine(question, width: width).text, x: end, y: height - 2, style: .normal)
        } else if state.message.isEmpty, state.context == .form, let form = state.form {
            buffer.put(ReplyFormScreen.status(form), x: 0, y: height - 2, style: .muted)
        } else {
            buffer.put(state.message, x: 0, y: height - 2, style: .message)
        }
        HintBar.draw(context: state.context, keymap: keymap, row: height - 1, into: &buffer)
        return buffer
    }

    private static func drawTitle(_ state: AppState, into buffer: inout ScreenBuffer) {
        if let form = state.form {
            buffer.fill(y: 0, style: .title)
            let mark = form.isModified ? "未保存" : "已保存"
            let room = buffer.width - TextMetrics.width(of: mark) - 1
            buffer.put(TextMetrics.truncate((state.preview != nil ? "预览 " : "") + ReplyFormScreen.title(form), to: room), x: 0, y: 0, style: .title)
            buffer.put(mark, x: buffer.width - TextMetrics.width(of: mark), y: 0, style: .title)
            return
        }
        // Counts are for the whole store; a filter shows as the number of cases listed.
        let c = state.counts
        let title = "banli 办理 · \(state.storeName)"
        let shown = state.filter == .all ? "" : "\(state.filter.label)\(state.summaries.count)件 · "
        let counts = shown + "共\(state.all.count)件 办理中\(c.open) 逾期\(c.overdue) 7天内\(c.dueSoon)"
        buffer.fill(y: 0, style: .title)
        // The counts matter more than a long store name, which is cut first.
        let countsWidth = TextMetrics.width(of: counts)
        let room = buffer.width - countsWidth - 2
        if room >= 12 {
            buffer.put(TextMetrics.truncate(title, to: room), x: 0, y: 0, style: .title)
            buffer.put(counts, x: buffer.width - countsWidth, y: 0, style: .title)
        } else {
            buffer.put(title, x: 0, y: 0, style: .title)
        }
    }
}
