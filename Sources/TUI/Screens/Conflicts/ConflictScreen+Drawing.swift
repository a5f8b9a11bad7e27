import Model

/// One line of the conflict screen's body, and how it is drawn.
struct ConflictLine: Equatable, Sendable {
    var text: String
    var style: Style = .normal
}

extension ConflictScreen {
    /// From this width on, the two versions stand side by side.
    static let sideBySide = 80

    public mutating func arrange(_ context: RenderContext) {
        size = context.size
        let rows = max(1, size.bodyHeight - 1)
        if let editor {
            let layout = editor.layout(width: size.width)
            top = min(max(top, layout.caretRow - rows + 1), layout.caretRow)
            lines = layout.lines.map { ConflictLine(text: String($0)) }
        } else {
            lines = conflict.map { Self.lines(of: $0, width: size.width) } ?? []
            top = max(0, min(top, lines.count - rows))
        }
    }

    /// The two versions under their headings: in two columns from `sideBySide` cells, else one
    /// above the other, each wrapped to its column.
    static func lines(of conflict: FieldConflict, width: Int) -> [ConflictLine] {
        func heading(_ side: String, _ user: String) -> String { side + (user.isEmpty ? "" : "（\(UntrustedText.inert(user))）") }
        func wrapped(_ text: String, _ width: Int) -> [String] {
            let shown = text.isEmpty ? "（空）" : text
            return shown.split(separator: "\n", omittingEmptySubsequences: false).flatMap { paragraph in
                paragraph.isEmpty ? [""] : TextMetrics.wrap(UntrustedText.inert(String(paragraph)), width: width).map(String.init)
            }
        }
        let mine = heading("本方", conflict.mineUser), theirs = heading("对方", conflict.theirsUser)
        guard width >= sideBySide else {
            return [ConflictLine(text: mine, style: .header)] + wrapped(conflict.mine, width - 2).map { ConflictLine(text: "  " + $0) }
                + [ConflictLine(text: "")]
                + [ConflictLine(text: theirs, style: .header)] + wrapped(conflict.theirs, width - 2).map { ConflictLine(text: "  " + $0) }
        }
        let column = (width - 3) / 2
        let left = wrapped(conflict.mine, column), right = wrapped(conflict.theirs, column)
        func row(_ a: String, _ b: String) -> String { TextMetrics.fit(a, to: column) + " │ " + b }
        return [ConflictLine(text: row(mine, theirs), style: .header)]
            + (0..<max(left.count, right.count)).map { ConflictLine(text: row($0 < left.count ? left[$0] : "", $0 < right.count ? right[$0] : "")) }
    }

    public func render(into buffer: inout ScreenBuffer, _ context: RenderContext) {
        let body = context.size.body
        guard let conflict, body.count > 0 else { return }
        let label = stored.flatMap { MergeField.named(conflict.field, in: $0.value)?.label } ?? conflict.field
        let first = editor == nil
            ? "\(label)：两人改得不同（\(TimeText.moment(conflict.time, today: context.today)) 合并）"
            : "改写\(label)：\(context.keymap.label(.save, in: .conflictEdit)) 保存，\(context.keymap.label(.back, in: .conflictEdit)) 放弃"
        buffer.put(TextMetrics.fit(first, to: context.size.width), x: 0, y: body.lowerBound, style: .title)
        for (line, y) in zip(lines.dropFirst(top), body.dropFirst()) {
            buffer.put(line.text, x: 0, y: y, style: line.style, limit: context.size.width)
        }
    }

    public func cursor(_ context: RenderContext) -> (x: Int, y: Int)? {
        guard let editor else { return nil }
        let layout = editor.layout(width: context.size.width)
        return (layout.caretColumn, context.size.body.lowerBound + 1 + layout.caretRow - top)
    }
}
