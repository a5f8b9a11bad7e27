import Model

/// One line of the conflict screen's body: runs of text, each drawn in its own style.
struct ConflictLine: Equatable, Sendable {
    struct Run: Equatable, Sendable {
        var text: String
        var style: Style
    }

    var runs: [Run]

    init(text: String, style: Style = .normal) { runs = [Run(text: text, style: style)] }

    init(runs: [Run]) { self.runs = runs }
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
    /// above the other, each wrapped to its column, the characters only one version has marked in it
    /// (`TextDiff`: what to look at before choosing; a one-character difference in a long paragraph).
    static func lines(of conflict: FieldConflict, width: Int) -> [ConflictLine] {
        func heading(_ side: String, _ user: String) -> String { side + (user.isEmpty ? "" : "（\(UntrustedText.inert(user))）") }
        let diff = TextDiff(from: conflict.theirs, to: conflict.mine)
        let mine = heading("本方", conflict.mineUser), theirs = heading("对方", conflict.theirsUser)
        let ours = cells(diff, only: .inserted, marked: .inserted), other = cells(diff, only: .deleted, marked: .deleted)
        guard width >= sideBySide else {
            let indent = ConflictLine.Run(text: "  ", style: .normal)
            return [ConflictLine(text: mine, style: .header)] + rows(ours, width - 2).map { ConflictLine(runs: [indent] + $0) }
                + [ConflictLine(text: "")]
                + [ConflictLine(text: theirs, style: .header)] + rows(other, width - 2).map { ConflictLine(runs: [indent] + $0) }
        }
        let column = (width - 3) / 2
        let left = rows(ours, column), right = rows(other, column)
        func row(_ a: [ConflictLine.Run], _ b: [ConflictLine.Run]) -> ConflictLine {
            let used = a.reduce(0) { $0 + TextMetrics.width(of: $1.text) }
            return ConflictLine(runs: a + [ConflictLine.Run(text: String(repeating: " ", count: max(0, column - used)) + " │ ", style: .normal)] + b)
        }
        return [ConflictLine(text: TextMetrics.fit(mine, to: column) + " │ " + theirs, style: .header)]
            + (0..<max(left.count, right.count)).map { row($0 < left.count ? left[$0] : [], $0 < right.count ? right[$0] : []) }
    }

    /// One version's characters, made inert, those of `only` (the characters that version alone has)
    /// in `marked`; `（空）` for an empty version.
    private static func cells(_ diff: TextDiff, only: TextDiff.Run.Kind, marked: Style) -> [(Character, Style)] {
        let cells = diff.runs.filter { $0.kind == .same || $0.kind == only }.flatMap { run in
            TextMetrics.sanitized(run.text, keepNewlines: true).map { ($0, run.kind == .same ? Style.normal : marked) }
        }
        return cells.isEmpty ? "（空）".map { ($0, Style.normal) } : cells
    }

    /// `cells` as lines of `width` cells with 禁则, paragraph by paragraph, each line as runs of one style.
    private static func rows(_ cells: [(Character, Style)], _ width: Int) -> [[ConflictLine.Run]] {
        cells.split(omittingEmptySubsequences: false) { $0.0 == "\n" }.flatMap { paragraph in
            let characters = paragraph.map(\.0), styles = paragraph.map(\.1)
            return TextMetrics.lineRanges(of: characters[...], width: max(2, width)).map { range in
                var runs: [ConflictLine.Run] = []
                for i in range {
                    if runs.last?.style == styles[i] { runs[runs.count - 1].text.append(characters[i]) } else {
                        runs.append(ConflictLine.Run(text: String(characters[i]), style: styles[i]))
                    }
                }
                return runs
            }
        }
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
            var x = 0
            for run in line.runs where x < context.size.width {
                x = buffer.put(run.text, x: x, y: y, style: run.style, limit: context.size.width - x)
            }
        }
    }

    public func cursor(_ context: RenderContext) -> (x: Int, y: Int)? {
        guard let editor else { return nil }
        let layout = editor.layout(width: context.size.width)
        return (layout.caretColumn, context.size.body.lowerBound + 1 + layout.caretRow - top)
    }
}
