import Model

/// Writes a case's reply as a file: a framed layer beside the case with three rows — the format
/// (text, Markdown, HTML, Word, PDF; Word first offered), 草稿 (on by itself when the reply lacks a
/// part the profile requires, which the title names), and the file's path, suggested as
/// `<directory>/<ID> <title>.<ext>` in the directory this user last exported to (else the current
/// one) and edited like a question, the end of the path kept in view. Tab/↓ and Shift-Tab/↑ move
/// between the rows; on the format row ←/→ or a number choose, on the draft row ←/→ or Space switch;
/// Enter writes (asking first before replacing a file), Esc closes writing nothing. The path is
/// checked by the same rules as the command line's `-o` (`OutputFile`).
public struct ExportDialog: Screen {
    public var keyContext: KeyContext { .export }
    public var isLayer: Bool { true }
    public let id: CaseID
    /// The case as it is exported; nil until it is read.
    public private(set) var value: Case?
    /// The reply comes from the form, with changes not yet saved.
    let unsaved: Bool
    public private(set) var format = ExportFormat.docx
    public private(set) var draft = false
    public private(set) var focus = Row.format
    public private(set) var path = TextEditor(text: "")
    /// What the reply lacks for a final document (`ReplyDocument.missingParts`).
    public private(set) var missing: [String] = []
    /// Where the file is suggested, once found (`Effect.findExportDirectory`).
    private var directory: String?

    /// The dialog's rows, top to bottom.
    public enum Row: Int, CaseIterable, Sendable {
        case format, draft, path
    }

    /// The overwrite question's purpose.
    private struct Overwrite: Sendable {}

    /// For case `id`, read from the store (the list, the due list, the detail).
    public init(_ id: CaseID) {
        self.id = id
        unsaved = false
    }

    /// For `value` as the reply form has it; `unsaved` when it has changes not yet saved.
    public init(_ value: Case, unsaved: Bool) {
        id = value.id
        self.value = value
        self.unsaved = unsaved
    }

    public mutating func appear(_ u: inout Update) {
        if value == nil { u.run(.loadCase(id)) }
        u.run(.findExportDirectory)
    }

    // MARK: Keys

    public mutating func update(_ action: Action, _ u: inout Update) {
        switch action {
        case .confirm: write(overwrite: false, &u)
        case .cancel:
            u.say("未导出")
            u.close()
        case .nextField: focus = Row(rawValue: (focus.rawValue + 1) % Row.allCases.count)!
        case .previousField: focus = Row(rawValue: (focus.rawValue + Row.allCases.count - 1) % Row.allCases.count)!
        case .moveLeft, .moveRight:
            let step = action == .moveRight ? 1 : -1
            switch focus {
            case .format:
                let all = ExportFormat.allCases
                choose(all[(all.firstIndex(of: format)! + step + all.count) % all.count])
            case .draft: draft.toggle()
            case .path: _ = path.apply(action, width: LineField.unwrapped, height: 1)
            }
        default: if focus == .path { _ = path.apply(action, width: LineField.unwrapped, height: 1) }
        }
    }

    public mutating func type(_ key: Key, _ u: inout Update) -> Bool {
        guard case .character(let c) = key else { return false }
        switch focus {
        case .path: path.type(c)
        case .format:
            let all = ExportFormat.allCases
            if let n = c.wholeNumberValue, all.indices.contains(n - 1) {
                choose(all[n - 1])
            } else {
                u.say("格式：按数字 1–\(all.count) 或 ←/→ 选择；按 \(u.key(.nextField, in: keyContext)) 到文件路径")
            }
        case .draft:
            if c == " " { draft.toggle() } else { u.say("草稿：按空格或 ←/→ 切换") }
        }
        return true
    }

    /// A paste goes into the path, its first line only.
    public mutating func paste(_ text: String, _ u: inout Update) -> Bool {
        focus = .path
        path.paste(String(text.prefix { $0 != "\n" && $0 != "\r" }))
        return true
    }

    public func helpNotes(_ keymap: Keymap) -> [String] {
        ["格式一行：←/→ 或数字键选择格式，文件名的扩展名随之改变。草稿一行：←/→ 或空格切换；答复缺少必需的部分时只能导出草稿（文中标明“草稿”）。",
         "文件一行：像提问一样编辑路径（可用 ~ 和相对路径）。默认放在上次导出的目录，第一次为启动 banli 时的当前目录。",
         "不写进案件库；已有同名文件时先询问是否替换。PDF 由 LibreOffice 转换，需要几秒钟。"]
    }

    /// Changes the format, and the path's extension with it when the path ends with the old one.
    private mutating func choose(_ chosen: ExportFormat) {
        let old = "." + format.fileExtension, text = path.text
        format = chosen
        if text.hasSuffix(old) { path.replaceAll(with: String(text.dropLast(old.count)) + "." + chosen.fileExtension) }
    }

    private mutating func write(overwrite: Bool, _ u: inout Update) {
        guard let value else { return }
        let typed = path.text.trimmingCharacters(in: .whitespaces)
        guard !typed.isEmpty else {
            focus = .path
            u.say("请写出文件的路径")
            return
        }
        if let mismatch = format.mismatch(with: typed) {
            focus = .path
            u.say(mismatch + "（请改扩展名，或换格式）")
            return
        }
        if format == .pdf { u.say("正在转换为 PDF（LibreOffice）……") }
        u.run(.export(ExportJob(value: value, format: format, draft: draft, path: typed, overwrite: overwrite)))
    }

    // MARK: Results

    public mutating func receive(_ result: EffectResult, _ u: inout Update) {
        switch result {
        case .caseLoaded(let stored):
            value = stored.value
            fillIn(u)
        case .failed(let error):
            u.close()
            u.say("\(error)")
        case .exportDirectoryFound(let remembered, let current):
            directory = remembered ?? current
            fillIn(u)
        case .exported(let path, .success):
            u.close()
            u.say("已导出 \(format.name)：\(u.environment.shown(path))" + (unsaved ? "（含表单中尚未保存的修改）" : ""))
        case .exported(_, .failure(.refused(.exists(let path)))):
            u.open(ConfirmationLayer("\(u.environment.shown(path)) 已存在，替换它吗？", purpose: Overwrite()))
        case .exported(_, .failure(.refused(.isADirectory(let path)))):
            focus = .path
            u.say("是目录，不能写入（请在路径末尾写出文件名）：\(path)")
        case .exported(_, .failure(let problem)):
            if case .refused = problem { focus = .path }
            u.say(problem.description)
        default: break
        }
    }

    public mutating func resume(_ answer: LayerAnswer, _ u: inout Update) {
        if case .confirmed(is Overwrite) = answer { write(overwrite: true, &u) }
    }

    /// Once both the case and the directory are known: what the reply lacks (a draft then, which
    /// the user may switch off to see the refusal) and the suggested path, the caret at its end.
    private mutating func fillIn(_ u: Update) {
        guard let value, let directory, path.isEmpty else { return }
        let document = ReplyDocument(for: value, configuration: u.configuration)
        missing = document.missingParts
        draft = !missing.isEmpty
        path.replaceAll(with: (directory == "/" ? "" : directory) + "/" + document.suggestedFileName(as: format))
    }

    // MARK: Drawing

    /// The widest the dialog grows: a menu's, which leaves the row it is about in view; the
    /// path's end is shown when it is longer.
    static let maximumWidth = Popup.maximumWidth
    /// The cells before each row's value: `格式 `.
    static let labelWidth = 5

    private func popup(_ context: RenderContext) -> Popup {
        let width = min(context.size.width, ExportDialog.maximumWidth)
        let room = width - 2 - ExportDialog.labelWidth
        var title = "导出 \(id)"
        if value == nil || directory == nil {
            title += "：正在读取……"
        } else if !missing.isEmpty {
            title += "：答复缺少 \(missing.joined(separator: "、"))，只能导出草稿"
        }
        if unsaved { title += "（含尚未保存的修改）" }
        return Popup(title: title, items: [
            "格式 " + formats(room: room),
            "草稿 " + (draft ? "[是] 文中标明“草稿”" : "[否]"),
            "文件 " + field(room: room).shown,
        ], selected: focus.rawValue, width: width)
    }

    /// The formats in a row, the chosen one in brackets, each after its number when they fit.
    private func formats(room: Int) -> String {
        func row(numbered: Bool) -> String {
            ExportFormat.allCases.enumerated().map { i, f in
                let name = (numbered ? "\(i + 1)" : "") + f.name
                return f == format ? "[\(name)]" : name
            }.joined(separator: " ")
        }
        let numbered = row(numbered: true)
        return TextMetrics.width(of: numbered) <= room ? numbered : row(numbered: false)
    }

    /// The path as shown in `room` cells, scrolled to keep the caret (at first the end: the file
    /// name) in view.
    private func field(room: Int) -> LineField {
        LineField(path, labelWidth: 0, width: room)
    }

    public func render(into buffer: inout ScreenBuffer, _ context: RenderContext) {
        popup(context).draw(anchor: context.anchor, rows: context.size.body, into: &buffer)
    }

    /// On the path row, the caret (where the IME's candidates open); hidden elsewhere.
    public func cursor(_ context: RenderContext) -> (x: Int, y: Int)? {
        guard focus == .path else { return nil }
        let popup = popup(context)
        let place = popup.placement(anchor: context.anchor, rows: context.size.body, screenWidth: context.size.width)
        guard let y = place.row(ofItem: Row.path.rawValue), y < context.size.body.upperBound else { return nil }
        let room = place.width - 2 - ExportDialog.labelWidth
        return (min(context.size.width - 1, place.x + 2 + ExportDialog.labelWidth + field(room: room).caret), y)
    }

    /// The overwrite question sits beside the path row.
    public func anchor(_ context: RenderContext) -> Int? {
        popup(context).placement(anchor: context.anchor, rows: context.size.body, screenWidth: context.size.width).row(ofItem: focus.rawValue)
    }

    public func hints(_ context: RenderContext) -> [Action] { [.confirm, .cancel, .nextField] }
}
