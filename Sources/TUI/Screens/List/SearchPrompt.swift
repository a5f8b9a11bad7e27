import Model

/// The search typed on the status line over the case list (`/`). As the query grows the list's
/// selection follows the first case holding it from where the search began (incremental search);
/// Enter stays there and Esc goes back. The query is edited like any field: ←/→, Home/End, Ctrl-U,
/// Ctrl-W, Backspace; it scrolls sideways when longer than the line.
public struct SearchPrompt: Screen {
    public var keyContext: KeyContext { .prompt }
    public var isLayer: Bool { true }
    public private(set) var editor = TextEditor(text: "")
    /// The list's cases as it shows them, and the selection when the search began.
    let shown: [Int]
    let origin: Int
    /// The list shows every case in ID order (`shown[i] == i`): counting hits needs no pass over it.
    let shownInOrder: Bool
    /// The search for the current query has not yet looked at every case (it goes on between keys).
    public private(set) var isSearching = false
    private var found: ListSearch?

    /// What the prompt tells the list: move the selection (while typing, or back to where it was),
    /// or the search ended on a case.
    public enum Answer: Sendable {
        case select(Int)
        case done(query: String, position: Int)
    }

    static let label = "搜索："
    /// A search longer than this finds nothing a shorter one would not; the cap keeps a long paste
    /// from costing a search per character of it.
    static let longestQuery = 100

    init(shown: [Int], origin: Int, shownInOrder: Bool) {
        self.shown = shown
        self.origin = origin
        self.shownInOrder = shownInOrder
    }

    public var query: String { editor.text }

    public mutating func update(_ action: Action, _ u: inout Update) {
        switch action {
        case .confirm: finish(&u)
        case .cancel: cancel(&u)
        case .deleteBackward where editor.isEmpty: cancel(&u)
        default:
            let before = editor.revision
            _ = editor.apply(action, width: LineField.unwrapped, height: 1)
            if editor.revision != before { search(&u) }
        }
    }

    public func helpNotes(_ keymap: Keymap) -> [String] {
        ["搜索编号、标题、主题、领衔人和联名人、提案正文和答复；英文字母不分大小写，全角半角不分（０９０ 即 090）。",
         "输入时选中第一个匹配的案件；按 \(keymap.label(.confirm, in: .prompt)) 停在那里，之后按 \(keymap.label(.nextMatch, in: .list))、"
             + "\(keymap.label(.previousMatch, in: .list)) 找下一个、上一个。"]
    }

    public mutating func type(_ key: Key, _ u: inout Update) -> Bool {
        guard case .character(let c) = key else { return false }
        insert(String(c), &u)
        return true
    }

    /// Pasted text goes in as one step (one search, not one per character), its first line only.
    public mutating func paste(_ text: String, _ u: inout Update) -> Bool {
        insert(String(text.prefix { $0 != "\n" && $0 != "\r" }), &u)
        return true
    }

    private mutating func insert(_ text: String, _ u: inout Update) {
        let room = SearchPrompt.longestQuery - editor.characters.count
        guard room > 0 else { u.say("搜索最多\(SearchPrompt.longestQuery)个字"); return }
        editor.paste(String(text.prefix(room)))
        search(&u)
    }

    public var isBusy: Bool { isSearching }

    /// A search that did not finish in its key's slice goes on while the user pauses (the loop polls
    /// while `isBusy`), not on top of the key: its frame is drawn first.
    public mutating func tick(idle: Bool, _ u: inout Update) {
        if idle && isSearching { search(&u) }
    }

    /// Goes on with the search for one slice; once every case is looked at, the list selects the
    /// first hit from where the search began.
    private mutating func search(_ u: inout Update) {
        guard !query.isEmpty else {
            isSearching = false
            found = nil
            u.answer(.chosen(Answer.select(origin)))
            return
        }
        let hits = u.cases.hits(for: query, until: u.now + u.environment.searchSlice)
        isSearching = !hits.isComplete
        guard hits.isComplete else { return }
        found = ListSearch(hits, from: origin, forward: true, shown: shown, inOrder: shownInOrder, cases: u.cases)
        u.answer(.chosen(Answer.select(found?.position ?? origin)))
    }

    private mutating func finish(_ u: inout Update) {
        guard !query.isEmpty else { cancel(&u); return }
        if isSearching {
            found = ListSearch(u.cases.hits(for: query, until: nil), from: origin, forward: true, shown: shown, inOrder: shownInOrder,
                               cases: u.cases)
        }
        if let found {
            u.say(found.message(query, wrapped: false, forward: true))
            u.close(answering: .chosen(Answer.done(query: query, position: found.position)))
        } else {
            u.say("没有找到“\(query)”")
            u.close(answering: .chosen(Answer.done(query: query, position: origin)))
        }
    }

    private mutating func cancel(_ u: inout Update) {
        u.close(answering: .chosen(Answer.select(origin)))
    }

    // MARK: Drawing

    private var note: String {
        if query.isEmpty { return "" }
        if isSearching { return "（搜索中……）" }
        guard let found else { return "（没有找到）" }
        return "\(found.field.note) 第\(found.rank)/\(found.count)个"
    }

    /// The query's line, with room kept for the note when there is one (up to a third of the width).
    private func field(_ context: RenderContext) -> LineField {
        let reserve = note.isEmpty ? 0 : min(TextMetrics.width(of: note), context.size.width / 3)
        return LineField(editor, labelWidth: TextMetrics.width(of: SearchPrompt.label), width: context.size.width, reserve: reserve)
    }

    public func render(into buffer: inout ScreenBuffer, _ context: RenderContext) {}

    public func status(_ context: RenderContext) -> StatusLine? {
        StatusLine(label: SearchPrompt.label, text: field(context).shown, note: note)
    }

    public func cursor(_ context: RenderContext) -> (x: Int, y: Int)? {
        (min(context.size.width - 1, field(context).caret), context.size.statusRow)
    }

    public func hints(_ context: RenderContext) -> [Action] { [.confirm, .cancel] }
}
