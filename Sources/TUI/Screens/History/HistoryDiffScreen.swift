import Model

/// How a case's reply changed from one version in its history (a commit) to the current one,
/// paragraph by paragraph (`ReplyDiff.lines`): a place, then the paragraph as it was (`- `) and as it
/// is (`+ `), the changed characters drawn `.deleted` and `.inserted`. Lines wrap with 禁则 under
/// their text, never splitting a wide character; scrolled like a pager.
public struct HistoryDiffScreen: Screen {
    public var keyContext: KeyContext { .historyDiff }
    public let id: CaseID
    /// The change in the history the diff starts from, and the full id of the commit that carried it.
    public let entry: HistoryEntry
    public let commit: String
    /// The diff once read; nil until then.
    public private(set) var diff: ReplyDiff?
    /// The diff's lines wrapped for `wrappedWidth`: each visual line's indent and its styled characters.
    private var wrapped: [(indent: Int, cells: [(Character, Style)])] = []
    private var wrappedWidth = -1
    private var offset = 0
    private var page = 1

    public init(_ id: CaseID, entry: HistoryEntry, commit: String) {
        self.id = id
        self.entry = entry
        self.commit = commit
    }

    public mutating func appear(_ u: inout Update) { u.run(.loadReplyDiff(id, revision: commit)) }

    public mutating func update(_ action: Action, _ u: inout Update) {
        if let moved = Scrolling.offset(after: action, from: offset, page: page, count: wrapped.count) {
            offset = moved
        } else if action == .back {
            u.close()
        }
    }

    public mutating func receive(_ result: EffectResult, _ u: inout Update) {
        switch result {
        case .replyDiffLoaded(.success(let diff)):
            self.diff = diff
            wrappedWidth = -1
        case .replyDiffLoaded(.failure(let error)):
            u.close()
            u.say("\(error)")
        default: break
        }
    }

    public mutating func observe(_ change: Change, _ u: inout Update) {
        switch change {
        case .caseSaved(let saved) where saved.value.id == id, .caseChanged(let saved) where saved.value.id == id:
            u.run(.loadReplyDiff(id, revision: commit))
        case .caseRemoved(let removed) where removed == id: u.close()
        default: break
        }
    }

    public mutating func arrange(_ context: RenderContext) {
        page = context.size.bodyHeight
        if let diff, context.size.width != wrappedWidth {
            // One cell short of the edge, as the pager wraps: a wide character never meets the last column.
            wrapped = diff.lines.flatMap { Self.wrap($0, width: max(4, context.size.width - 1)) }
            wrappedWidth = context.size.width
        }
        offset = max(0, min(offset, wrapped.count - page))
    }

    /// A diff line as visual lines of styled characters, continued lines hanging under the text after
    /// the `- `/`+ `.
    static func wrap(_ line: ReplyDiffLine, width: Int) -> [(indent: Int, cells: [(Character, Style)])] {
        var cells: [(Character, Style)] = []
        let sign: Style = line.kind == .removed ? .deleted : line.kind == .added ? .inserted : .normal
        for (i, c) in line.prefix.enumerated() { cells.append((c, i == 0 ? sign : .normal)) }
        for run in line.runs {
            let style: Style = line.kind == .place ? .header : run.kind == .deleted ? .deleted : run.kind == .inserted ? .inserted : .normal
            // Each run made inert by itself, so that a character's style stays with it.
            for c in TextMetrics.sanitized(run.text) { cells.append((c, style)) }
        }
        let hang = TextMetrics.width(of: line.prefix)
        let characters = cells.map(\.0)
        return TextMetrics.lineRanges(of: characters[...], width: width, continuation: width - hang, trimmingContinuations: true)
            .enumerated().map { n, range in (indent: n == 0 ? 0 : hang, cells: Array(cells[range])) }
    }

    public func render(into buffer: inout ScreenBuffer, _ context: RenderContext) {
        guard diff != nil else { return }
        for (line, y) in zip(wrapped.dropFirst(offset), context.size.body) {
            var x = line.indent
            for (c, style) in line.cells { x = buffer.put(String(c), x: x, y: y, style: style) }
        }
    }

    public func title(_ context: RenderContext) -> TitleBar? {
        TitleBar("\(id) 答复的改动：\(entry.shortCommit ?? "") → 当前")
    }

    /// The change the diff starts from: when, who and what, on the status line.
    public func status(_ context: RenderContext) -> StatusLine? {
        StatusLine(label: entry.minute + "  ", text: TextMetrics.sanitized("\(entry.user)：\(entry.text)"))
    }

    public func hints(_ context: RenderContext) -> [Action] { [.back, .moveDown, .pageDown, .help] }

    public func helpNotes(_ keymap: Keymap) -> [String] {
        ["先列出答复以外改动的项（其他变化），再按位置（开头、第几部分、结尾……）列出改动的段落：- 为原来的样子，+ 为现在的样子，改动的字反白标出。整段移到别处的写明从哪里移来。"]
    }
}
