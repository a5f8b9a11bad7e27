import Model

/// A published reply read from a file, shown part by part before it becomes a case
/// (`ImportPreview`): the lines placed by guess are highlighted. The profile key offers every
/// configured profile with how many of the reply's lines each prints as they were, and lays the
/// case out again with the one chosen; confirming creates the case in one write (its journal names
/// the file, as `banli import-reply` does) and opens it; going back creates nothing.
public struct ImportPreviewScreen: PagedScreen {
    public var keyContext: KeyContext { .importPreview }
    /// The reply as read.
    let read: ReadReply
    /// The file it was read from, as resolved (the new case's journal names it).
    public let path: String
    /// The case as laid out with the profile detected or chosen.
    public private(set) var imported: ImportedReply
    /// The ID the case will get in the store; its own until the store has said.
    public private(set) var id: CaseID
    var pager = Pager("")
    private var guessed: Set<Int> = []

    /// The preview of `read`, from the file at `path`, its profile detected.
    /// - Throws: `ReplyImportError` as `ReplyImport.imported` does.
    init(read: ReadReply, path: String, _ u: Update) throws(ReplyImportError) {
        self.read = read
        self.path = path
        imported = try ImportPreviewScreen.imported(read, path: path, profile: nil, u)
        id = imported.c.id
        show(u.configuration)
    }

    /// The case `read` describes, laid out with `profile` (nil: detected), in the workflow's replied
    /// state, as `banli import-reply` makes it.
    private static func imported(_ read: ReadReply, path: String, profile: String?, _ u: Update) throws(ReplyImportError) -> ImportedReply {
        try ReplyImport(configuration: u.configuration).imported(read, profile: profile, status: u.configuration.workflow.replied,
                                                               user: u.environment.user, clock: u.environment.clock, source: path)
    }

    public mutating func appear(_ u: inout Update) { u.run(.findFreeID(id)) }

    private mutating func show(_ configuration: Configuration) {
        let preview = ImportPreview(imported, id: id, configuration: configuration)
        pager.replaceText(with: preview.lines.map(\.text).joined(separator: "\n"))
        guessed = Set(preview.lines.indices.filter { preview.lines[$0].guessed })
    }

    mutating func handle(_ action: Action, _ u: inout Update) -> Bool {
        switch action {
        case .confirm: u.run(.createCase(imported.c))
        case .chooseProfile:
            let names = u.configuration.profileNames
            var items: [MenuLayer.Item] = []
            for name in names {
                guard let fitted = try? ImportPreviewScreen.imported(read, path: path, profile: name, u) else { continue }
                items.append(MenuLayer.Item("\(name)（照原样导出 \(fitted.explained)/\(fitted.total) 行）", ProfileChoice(name: name)))
            }
            u.open(MenuLayer(title: "版式", items: items, selected: names.firstIndex(of: imported.profile.name) ?? 0))
        case .back:
            u.say("已取消导入，未新建案件")
            u.close()
        default: return false
        }
        return true
    }

    /// A profile chosen from the menu.
    struct ProfileChoice: Sendable {
        let name: String
    }

    public mutating func resume(_ answer: LayerAnswer, _ u: inout Update) {
        guard case .chosen(let choice as ProfileChoice) = answer else { return }
        do {
            imported = try ImportPreviewScreen.imported(read, path: path, profile: choice.name, u)
            show(u.configuration)
            u.say("按版式“\(choice.name)”：原文 \(imported.total) 行，照原样导出 \(imported.explained) 行")
        } catch {
            u.say("\(error)")
        }
    }

    public mutating func receive(_ result: EffectResult, _ u: inout Update) {
        switch result {
        case .freeIDFound(.success(let free)):
            id = free
            show(u.configuration)
        case .freeIDFound(.failure(let error)): u.say("\(error)")
        case .caseCreated(let stored):
            u.close()
            u.say("已新建案件 \(stored.value.id)（从 \(path) 导入）")
            u.open(DetailScreen(stored.value.id))
        case .failed(let error):
            u.say("未新建案件：\(error)")
        default: break
        }
    }

    public func render(into buffer: inout ScreenBuffer, _ context: RenderContext) {
        pager.draw(rows: context.size.body, into: &buffer) { line in
            guessed.contains(line.source) ? .dueSoon : line.text.hasPrefix("【") ? .header : .normal
        }
    }

    public func title(_ context: RenderContext) -> TitleBar? {
        TitleBar("导入预览 \(path)", right: "将新建 \(id)")
    }

    public func hints(_ context: RenderContext) -> [Action] { [.confirm, .back, .chooseProfile, .pageDown, .help] }

    public func helpNotes(_ keymap: Keymap) -> [String] {
        ["推测放置的行（没有规则能认出、放进最近部分的行）以醒目颜色标出，并在末尾列出。",
         "新案件的状态为流程中的“已答复”；编号已有案件时改用 52-2、52-3 ……"]
    }
}
