import Model

/// Draws the whole frame from the app's state: the title bar, the body of the topmost screen with
/// any layers over it, the status line and the hint bar. A function of state and size only, so
/// tests can render any state at any size.
enum Frame {
    static func render(_ app: App, size: Size) -> (buffer: ScreenBuffer, cursor: (x: Int, y: Int)?) {
        var buffer = ScreenBuffer(width: size.width, height: size.height)
        guard !size.isTooSmall else {
            buffer.put("窗口太小", x: 0, y: 0, style: .error)
            buffer.put("至少\(Size.minimum.width)×\(Size.minimum.height)", x: 0, y: 1, style: .muted)
            return (buffer, nil)
        }
        let state = app.state
        let base = state.base
        let baseContext = app.renderContext(size, below: base)
        let baseScreen = state.stack[base].screen
        TitleBarView.draw(withSyncState(baseScreen.title(baseContext) ?? defaultTitle(baseContext), app), into: &buffer)
        baseScreen.render(into: &buffer, baseContext)
        var status = baseScreen.status(baseContext)
        for i in (base + 1)..<state.stack.count {
            let layer = state.stack[i].screen
            let context = app.renderContext(size, below: i)
            layer.render(into: &buffer, context)
            status = layer.status(context) ?? status
        }
        let topIndex = state.stack.count - 1
        let top = state.stack[topIndex].screen
        let topContext = app.renderContext(size, below: topIndex)
        buffer.fill(y: size.statusRow, style: .normal)
        // A layer asking something owns the status line; a message then takes the hint bar's row
        // (`须写明理由` under `签发人：`). Otherwise a message wins over the screen's own line.
        let more = app.environment.keymap.label(.messages, in: top.keyContext)
        var messageOnHintRow = false
        if top.isLayer, let line = top.status(topContext) {
            StatusLineView.draw(line, into: &buffer, row: size.statusRow)
            messageOnHintRow = !state.message.isEmpty
        } else if !state.message.isEmpty {
            StatusLineView.draw(message: state.message, more: more, into: &buffer, row: size.statusRow)
        } else if let status {
            StatusLineView.draw(status, into: &buffer, row: size.statusRow)
        }
        if messageOnHintRow {
            StatusLineView.draw(message: state.message, more: more, into: &buffer, row: size.hintRow)
        } else {
            HintBar.draw(top.hints(topContext), context: top.keyContext, keymap: app.environment.keymap, row: size.hintRow,
                         into: &buffer)
        }
        return (buffer, top.cursor(topContext))
    }

    /// `title` with a shared store's state in front of its right part (`冲突1 ↑2 ↓5 · 共…`), which a
    /// narrow bar cuts last: conflicts wait for the clerk, then what is to send and to receive.
    static func withSyncState(_ title: TitleBar, _ app: App) -> TitleBar {
        let environment = app.environment
        guard environment.sharedStore else { return title }
        var parts = environment.isSyncing ? ["同步中"] : []
        if var status = environment.syncStatus {
            status.conflicts = app.state.cases.counts.conflicted
            parts += status.parts
        }
        guard !parts.isEmpty else { return title }
        var shown = title
        shown.right = parts.joined(separator: " ") + (title.right.isEmpty ? "" : " · " + title.right)
        return shown
    }

    /// The store's name and counts: what the list shows and any screen that has no title of its own.
    static func defaultTitle(_ context: RenderContext) -> TitleBar {
        let c = context.cases.counts
        let soon = context.configuration.deadlines.warnDays
        var right = "共\(context.cases.all.count)件 未办结\(c.open) 逾期\(c.overdue) \(soon)天内\(c.dueSoon)"
        // Files that could not be read come first: cut last at a narrow width.
        if !context.cases.problems.isEmpty { right = "\(context.cases.problems.count)个文件无法读取 · " + right }
        if context.environment.readOnlyCause != nil { right = "只读 · " + right }
        return TitleBar("banli 办理 · \(context.environment.storeName)", right: right)
    }
}
