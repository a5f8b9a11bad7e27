/// A set of key bindings: one per screen and layer, plus the shared sets they fall back to. Each
/// has a block under `keys:` in the configuration, named by its raw value.
public enum KeyContext: String, CaseIterable, Sendable {
    /// Every screen and layer, after its own contexts. Only keys that never type text (F-keys, Ctrl).
    case global
    /// Moving in lists and menus and scrolling pagers.
    case navigation
    case list, due, detail, help, preview, statistics, messages, problems
    /// The reply form's own commands; unbound keys go on to `editor`.
    case form
    /// Editing text: the reply form's fields, the search prompt and questions.
    case editor
    case menu, prompt, question, confirmation
    /// The preview of a published reply being imported (`ImportPreviewScreen`).
    case importPreview = "import-preview"
    /// The export dialog (`ExportDialog`): format, draft and the file's path, typed like a question.
    case export
    /// The new-case and edit forms for a case's own fields (`CaseFormScreen`).
    case caseForm = "case-form"
    /// The preview of an assignment list being imported (`AssignmentImportScreen`).
    case assignmentImport = "assignment-import"
    /// Resolving a case's recorded conflicts (`ConflictScreen`), and writing a text from both versions.
    case conflict, conflictEdit = "conflict-edit"
    /// A case's history (`HistoryScreen`) and the reply diff opened from it (`HistoryDiffScreen`).
    case history, historyDiff = "history-diff"

    /// How the help screen and `docs/keys.md` name the context.
    public var name: String {
        switch self {
        case .global: return "所有界面"
        case .navigation: return "移动和翻页（列表、详情、帮助、预览、菜单等）"
        case .list: return "案件列表"
        case .due: return "待办列表"
        case .detail: return "案件详情"
        case .help: return "帮助"
        case .preview: return "答复预览"
        case .statistics: return "统计"
        case .messages: return "消息记录"
        case .problems: return "无法读取的文件"
        case .form: return "答复表单"
        case .editor: return "编辑文字（表单各项、搜索栏、提问）"
        case .menu: return "菜单"
        case .prompt: return "搜索栏"
        case .question: return "提问（状态行上填写理由、姓名等）"
        case .confirmation: return "确认"
        case .importPreview: return "导入预览"
        case .export: return "导出答复文件"
        case .caseForm: return "新建案件、修改案件信息"
        case .assignmentImport: return "导入交办名单"
        case .conflict: return "解决冲突"
        case .conflictEdit: return "改写冲突的字段"
        case .history: return "变更历史"
        case .historyDiff: return "答复的改动（变更历史中打开）"
        }
    }

    /// The contexts a key is looked up in, first to last, on a screen of this context.
    public var chain: [KeyContext] {
        switch self {
        case .global: return [.global]
        case .navigation: return [.navigation, .global]
        case .list, .due, .detail, .help, .preview, .statistics, .messages, .problems, .menu, .importPreview:
            return [self, .navigation, .global]
        case .assignmentImport, .conflict, .history, .historyDiff: return [self, .navigation, .global]
        case .conflictEdit: return [self, .editor, .global]
        case .form: return [.form, .editor, .global]
        case .caseForm: return [.caseForm, .editor, .global]
        // Ctrl-Z stops banli everywhere but in the reply form, where it undoes (as in Word and WPS).
        case .prompt, .question, .export: return [self, .global, .editor]
        case .editor: return [.editor, .global]
        case .confirmation: return [.confirmation, .global]
        }
    }

    /// Character keys type text here, so they cannot be bound (`global` applies to such screens too).
    public var refusesCharacters: Bool {
        [.global, .form, .editor, .prompt, .question, .export, .caseForm, .conflictEdit].contains(self)
    }

    /// Whether a screen of this context types characters into text.
    public var typesText: Bool { chain.contains(.editor) }

    /// What a screen of this context must offer, or the user could be stuck there; checked over the
    /// whole chain when the configuration is loaded.
    public var required: [(Action, String)] {
        switch self {
        case .list: return [(.quit, "案件列表必须有退出的按键")]
        case .form: return [(.back, "答复表单必须有离开的按键"), (.save, "答复表单必须有保存的按键")]
        case .menu: return [(.choose, "菜单必须有选定的按键"), (.cancel, "菜单必须有取消的按键")]
        case .prompt, .question, .confirmation, .export:
            return [(.confirm, "\(name)必须有确定的按键"), (.cancel, "\(name)必须有取消的按键")]
        case .due, .detail, .help, .preview, .statistics, .messages, .problems, .history, .historyDiff:
            return [(.back, "\(name)必须有返回的按键")]
        case .importPreview: return [(.confirm, "导入预览必须有新建案件的按键"), (.back, "导入预览必须有取消的按键")]
        case .caseForm: return [(.back, "案件信息表单必须有离开的按键"), (.save, "案件信息表单必须有保存的按键")]
        case .assignmentImport: return [(.confirm, "导入交办名单必须有新建案件的按键"), (.back, "导入交办名单必须有取消的按键")]
        case .conflict: return [(.back, "解决冲突必须有返回的按键")]
        case .conflictEdit: return [(.back, "改写冲突必须有放弃的按键"), (.save, "改写冲突必须有保存的按键")]
        case .global, .navigation, .editor: return []
        }
    }

    /// The actions a screen of this context carries out, in the order help lists them. Binding any
    /// other action here is an error in the configuration.
    public var actions: [Action] {
        let handling = Action.handling
        switch self {
        case .global: return [.help, .messages, .suspend]
        case .navigation: return [.moveDown, .moveUp, .pageDown, .pageUp, .first, .last]
        case .list:
            return [.open, .reply, .export] + handling + [.mark, .markAll, .undoChange, .search, .nextMatch, .previousMatch, .filter,
                                                 .mineFilter, .clearFilter, .sort, .due, .statistics, .importReply] + Action.lifecycle
                + [.problems, .messages, .help, .back, .quit, .newCase, .editCase, .history, .resolveConflict, .sync]
        case .due: return [.open, .reply, .export] + handling + [.undoChange] + Action.lifecycle + [.messages, .help, .back, .editCase, .history, .resolveConflict, .sync]
        case .detail: return [.reply, .export] + handling + [.undoChange] + Action.lifecycle + [.messages, .help, .back, .editCase, .history, .resolveConflict, .sync]
        // On help, the help key closes help (global's F1 does): it needs no binding of its own.
        case .help: return [.back]
        case .statistics, .messages, .preview, .problems: return [.help, .back]
        case .form:
            return [.save, .nextField, .previousField, .addSection, .sectionMenu, .addSubsection, .promoteSection,
                    .demoteSection, .toggleRunIn, .insertPoint, .insertPhrase, .preview, .export, .externalEditor, .proposalText,
                    .scrollProposal, .outcome, .help, .back]
        case .editor:
            return [.moveLeft, .moveRight, .moveUp, .moveDown, .wordLeft, .wordRight, .lineStart, .lineEnd, .first, .last,
                    .pageUp, .pageDown, .newLine, .deleteBackward, .deleteForward, .deleteToLineStart,
                    .deleteWordBackward, .undo, .redo]
        case .menu:
            return [.choose, .cancel] + Action.chooseNumbered
        case .prompt, .question, .confirmation: return [.confirm, .cancel]
        case .importPreview: return [.confirm, .chooseProfile, .help, .back]
        case .export: return [.confirm, .cancel, .nextField, .previousField]
        case .caseForm: return [.save, .nextField, .previousField, .externalEditor, .help, .back]
        case .assignmentImport: return [.confirm, .chooseColumn, .help, .back]
        case .conflict: return [.keepMine, .takeTheirs, .editConflict, .nextField, .previousField, .help, .back]
        case .conflictEdit: return [.save, .help, .back]
        case .history: return [.open, .help, .back]
        case .historyDiff: return [.help, .back]
        }
    }
}
