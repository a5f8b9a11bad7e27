import Model

/// A case's history, newest first (`CaseHistory`): one change a row — when, who, the commit that
/// carried it (in a git store), what — with the cursor on one. Opening a change shows how the reply
/// changed from that version to the current one (`HistoryDiffScreen`): "what has been done to the
/// reply since then", the question a reviewer asks (what one commit did alone is `banli diff ID C~1 C`).
public struct HistoryScreen: Screen {
    public var keyContext: KeyContext { .history }
    /// The case whose history this is.
    public let id: CaseID
    /// The history once read; nil until then.
    public private(set) var history: CaseHistory?
    /// The entry under the cursor, and the first one shown.
    private var selection = Selection()
    private var page = 1
    /// The widest user's cells, so that the commit and what was done line up under one another.
    private var userWidth = 0
    /// The entry under the cursor.
    public var selected: Int { selection.selected }
    private var top: Int { selection.offset }

    public init(_ id: CaseID) { self.id = id }

    public mutating func appear(_ u: inout Update) { u.run(.loadHistory(id)) }

    public mutating func update(_ action: Action, _ u: inout Update) {
        guard !selection.move(action, count: history?.entries.count ?? 0, page: page) else { return }
        switch action {
        case .open: open(&u)
        case .back: u.close()
        default: break
        }
    }

    private func open(_ u: inout Update) {
        guard let history, history.entries.indices.contains(selected) else { return }
        let entry = history.entries[selected]
        guard let commit = entry.commit else {
            u.say(history.hasVersions ? "这一变更尚未提交（同步后才有这一版本），答复就是当前的样子"
                : "案件库不是 git 仓库：只有当前一个版本，没有可比较的版本")
            return
        }
        u.open(HistoryDiffScreen(id, entry: entry, commit: commit))
    }

    public mutating func receive(_ result: EffectResult, _ u: inout Update) {
        switch result {
        case .historyLoaded(.success(let history)):
            self.history = history
            userWidth = history.entries.map { TextMetrics.width(of: TextMetrics.sanitized($0.user)) }.max() ?? 0
            selection.arrange(count: history.entries.count, rows: page)
        case .historyLoaded(.failure(let error)):
            u.close()
            u.say("\(error)")
        default: break
        }
    }

    public mutating func observe(_ change: Change, _ u: inout Update) {
        switch change {
        case .caseSaved(let saved) where saved.value.id == id, .caseChanged(let saved) where saved.value.id == id: u.run(.loadHistory(id))
        case .caseRemoved(let removed) where removed == id: u.close()
        default: break
        }
    }

    public mutating func arrange(_ context: RenderContext) {
        page = context.size.bodyHeight
        selection.arrange(count: history?.entries.count ?? 0, rows: page)
    }

    public func render(into buffer: inout ScreenBuffer, _ context: RenderContext) {
        let rows = context.size.body, width = context.size.width
        guard let history else { return }
        guard !history.entries.isEmpty else { buffer.put("（没有变更记录）", x: 0, y: rows.lowerBound, style: .muted); return }
        for (i, y) in zip(top..<history.entries.count, rows) {
            let text = TextMetrics.fit(Self.row(history.entries[i], narrow: width < Self.wideEnough, userWidth: userWidth), to: width)
            buffer.put(text, x: 0, y: y, style: i == selected ? .selection : .normal)
        }
    }

    /// The columns below which a row leaves out the year and uses single spaces, to leave the words room.
    static let wideEnough = 60

    /// One row: `2026-12-07 20:31  wangli  3f2a1c9  答复：修改第二部分` (the commit before the words, so
    /// that a narrow screen cuts the words rather than the commit); `narrow`: `12-07 20:31 wangli 3f2a1c9 答复：…`.
    static func row(_ entry: HistoryEntry, narrow: Bool = false, userWidth: Int = 0) -> String {
        let user = TextMetrics.fit(TextMetrics.sanitized(entry.user), to: max(userWidth, TextMetrics.width(of: TextMetrics.sanitized(entry.user))))
        let fields = [narrow ? String(entry.minute.dropFirst(5)) : entry.minute, user, entry.shortCommit ?? "-------", entry.text]
        return TextMetrics.sanitized(fields.joined(separator: narrow ? " " : "  "))
    }

    public func title(_ context: RenderContext) -> TitleBar? {
        TitleBar("\(id) 变更历史", right: history.map { "\($0.entries.count)项" + ($0.hasVersions ? "" : " 无git") } ?? "")
    }

    /// The change under the cursor in full on the status line: the row may cut it.
    public func status(_ context: RenderContext) -> StatusLine? {
        guard let entries = history?.entries, entries.indices.contains(selected) else { return nil }
        return StatusLine(label: TextMetrics.sanitized(entries[selected].user) + "：", text: TextMetrics.sanitized(entries[selected].text))
    }

    public func hints(_ context: RenderContext) -> [Action] { [.back, .open, .moveDown, .help] }

    public func helpNotes(_ keymap: Keymap) -> [String] {
        ["每行一次变更，新的在前：时间、谁、带来这次变更的 git 提交（尚未同步的为 -------）、做了什么（案件日志）。案件库不是 git 仓库时只有日志。",
         "打开一行：答复从那一版本到当前版本改了什么——删去的段落以 - 开头，加上的以 + 开头，改动的字反白标出（删去的红色，加上的绿色）。"]
    }

    public func anchor(_ context: RenderContext) -> Int? { context.size.body.lowerBound + selected - top }
}
