/// Everything a user can do from the keyboard, declared once with its help text. The configuration
/// binds keys to these names in each `KeyContext`; the help screen, the hint bar, every message that
/// names a key and `docs/keys.md` are generated from this table and the bindings in force.
public enum Action: String, CaseIterable, Sendable {
    // Moving and scrolling (lists, pagers, menus) and the caret (fields).
    case moveDown = "move-down", moveUp = "move-up", pageDown = "page-down", pageUp = "page-up", first, last
    case moveLeft = "move-left", moveRight = "move-right", wordLeft = "word-left", wordRight = "word-right"
    case lineStart = "line-start", lineEnd = "line-end"
    // Every screen.
    case open, back, quit, help, messages, problems, suspend
    // The case list.
    case search, nextMatch = "next-match", previousMatch = "previous-match", filter, sort
    case reply, outcome, status, mark, contact, feedback, due, statistics
    case undoChange = "undo-change"
    // 撤案、并案、删除 (`HandlingFlow`).
    case withdraw, merge, deleteCase = "delete-case"
    case clearFilter = "clear-filter", mineFilter = "filter-mine", markAll = "mark-all"
    // Writing the reply as a file (`ExportDialog`).
    case export
    // Importing a published reply.
    case importReply = "import-reply", chooseProfile = "choose-profile"
    // A case's own fields (`CaseFormScreen`).
    case newCase = "new-case", editCase = "edit-case"
    // Importing an assignment list.
    case chooseColumn = "choose-column"
    // The reply form.
    case save, nextField = "next-field", previousField = "previous-field", addSection = "add-section"
    case sectionMenu = "section-menu", insertPoint = "insert-point", insertPhrase = "insert-phrase"
    case addSubsection = "add-subsection", promoteSection = "promote-section", demoteSection = "demote-section"
    case toggleRunIn = "toggle-run-in"
    case preview, externalEditor = "external-editor"
    case proposalText = "proposal-text", scrollProposal = "scroll-proposal"
    // Editing text.
    case newLine = "new-line", deleteBackward = "delete-backward", deleteForward = "delete-forward"
    case deleteToLineStart = "delete-to-line-start", deleteWordBackward = "delete-word-backward", undo, redo
    // Menus, prompts, questions, confirmations.
    case choose, confirm, cancel
    case choose1 = "choose-1", choose2 = "choose-2", choose3 = "choose-3", choose4 = "choose-4", choose5 = "choose-5"
    case choose6 = "choose-6", choose7 = "choose-7", choose8 = "choose-8", choose9 = "choose-9"
    // Resolving the conflicts a merge recorded (`ConflictScreen`).
    case resolveConflict = "resolve-conflict", keepMine = "keep-mine", takeTheirs = "take-theirs", editConflict = "edit-conflict"
    // A case's history (`HistoryScreen`).
    case history
    // A store shared through git (`banli sync`).
    case sync

    /// What the help screen and `docs/keys.md` say the action does; a few actions say more in one
    /// context than the general words (`helpOverrides`).
    public func help(in context: KeyContext) -> String {
        Action.helpOverrides[context]?[self] ?? help
    }

    /// What the action does, in general words.
    public var help: String {
        switch self {
        case .moveDown: return "下移一行"
        case .moveUp: return "上移一行"
        case .pageDown: return "下一页"
        case .pageUp: return "上一页"
        case .first: return "到开头"
        case .last: return "到末尾"
        case .moveLeft: return "光标左移一字"
        case .moveRight: return "光标右移一字"
        case .wordLeft: return "光标左移一个词语或短语"
        case .wordRight: return "光标右移一个词语或短语"
        case .lineStart: return "到本行开头"
        case .lineEnd: return "到本行末尾"
        case .open: return "打开"
        case .back: return "返回上一层"
        case .quit: return "退出 banli（有未保存的草稿时先询问）"
        case .help: return "本界面的按键帮助"
        case .messages: return "消息记录：本次运行显示过的全部消息"
        case .problems: return "无法读取的文件：路径、行号和原因"
        case .suspend: return "暂停 banli，回到命令行（用 fg 返回）"
        case .search: return "搜索编号、标题、主题、提出人、提案正文和答复"
        case .nextMatch: return "下一个匹配"
        case .previousMatch: return "上一个匹配"
        case .filter: return "筛选：类型、状态、期限、会次、重点、经办人、结果、冲突，各项可同时设定"
        case .clearFilter: return "清除全部筛选，显示全部案件"
        case .mineFilter: return "只看我的案件（经办人是自己），再按一次取消"
        case .markAll: return "标记显示的全部案件；都已标记时取消全部标记"
        case .sort: return "切换排序（编号、期限、状态）"
        case .reply: return "起草或修改答复"
        case .outcome: return "登记办理结果（已有结果时为跟踪办理）"
        case .status: return "改变状态（签收、送审、签发、退回……）"
        case .mark: return "标记或取消标记本案件；有标记时，结果、状态、面商、反馈对所有标记的案件办理（先确认）"
        case .contact: return "添加面商/沟通记录"
        case .feedback: return "登记提出人的反馈意见（逐项填写）"
        case .undoChange: return "撤销对本案件的最近一次更改（先确认）"
        case .withdraw: return "撤案：提出人撤回案件，写明理由（先确认；可撤销）"
        case .merge: return "并案：标记的案件由其中一件一并答复（从菜单选承接答复的案件，先确认）"
        case .deleteCase: return "删除误建、误导入的案件（尚无办理记录的才能删除；文件移入 .banli/deleted/，先确认）"
        case .export: return "导出答复文件（Word、PDF 等）"
        case .due: return "待办：逾期、即将到期、退回期限将过、反馈未回，并写明原因"
        case .statistics: return "统计"
        case .importReply: return "导入已公开的答复（纯文本、网页或 Word 文档）：先预览识别出的各部分，确认后新建案件；交办名单（.xlsx、.csv）：先预览各行，确认后新建其中的案件"
        case .chooseProfile: return "换一个版式重新识别（菜单列出各版式照原样导出的行数）"
        case .newCase: return "新建案件：逐项填写，边填边检查，算出办理期限"
        case .editCase: return "修改案件信息（标题、提出人、主题、重点、承办方式和单位、承办人、期限……），记入日志"
        case .chooseColumn: return "改某一项取名单中的哪一列（菜单列出名单的各列，或不取）"
        case .save: return "保存答复"
        case .nextField: return "下一项"
        case .previousField: return "上一项"
        case .addSection: return "在本部分后新增一部分"
        case .sectionMenu: return "本部分操作（新增、上移、下移、删除、层级、接排）"
        case .addSubsection: return "在本部分后新增下一级部分（一、之下为（一），（一）之下为 1.）"
        case .promoteSection: return "本部分升一级（（一）→ 一、）"
        case .demoteSection: return "本部分降一级（一、→（一））"
        case .toggleRunIn: return "本部分标题接排（与第一段排成一段）或单独成行"
        case .insertPoint: return "在正文中另起一行，写下一个“一是、二是……”要点"
        case .insertPhrase: return "在正文中插入常用语"
        case .preview: return "预览答复文件"
        case .externalEditor: return "用外部编辑器（$VISUAL/$EDITOR）编辑本项"
        case .proposalText: return "提案原文：显示在表单旁边、上方或不显示，依次切换"
        case .scrollProposal: return "提案原文向下翻页（到末尾后回到开头）"
        case .newLine: return "正文中另起一段；单行项中到下一项"
        case .deleteBackward: return "删除光标前一字"
        case .deleteForward: return "删除光标后一字"
        case .deleteToLineStart: return "删除光标前到本行开头的文字"
        case .deleteWordBackward: return "删除光标前一个词语"
        case .undo: return "撤销（包括删除一部分）"
        case .redo: return "重做"
        case .choose: return "选定"
        case .confirm: return "确定"
        case .cancel: return "取消"
        case .resolveConflict: return "解决冲突：同步时两人把同一字段改得不同，逐个选本方、对方或改写"
        case .keepMine: return "保留本方版本（案件中现有的）"
        case .takeTheirs: return "采用对方版本"
        case .editConflict: return "由两个版本改写（编辑框中先列本方、后列对方）"
        case .history: return "本案件的变更历史：谁、何时、做了什么（在 git 仓库中还有提交）；在历史中可看某一版本以来答复的逐字改动"
        case .sync: return "与远程仓库同步（git 共享的案件库）：提交本机的修改、取回并合并同事的修改、推送；在后台进行，可继续工作"
        default: return "选第\(chooseNumber!)项"
        }
    }

    /// The short word the hint bar shows.
    public var hint: String {
        switch self {
        case .moveDown, .moveUp: return "移动"
        case .pageDown, .pageUp: return "翻页"
        case .first, .last: return "首尾"
        case .open: return "打开"
        case .back: return "返回"
        case .quit: return "退出"
        case .help: return "帮助"
        case .messages: return "消息"
        case .problems: return "无法读取"
        case .suspend: return "暂停"
        case .search: return "搜索"
        case .nextMatch, .previousMatch: return "下一个"
        case .filter: return "筛选"
        case .clearFilter: return "清除筛选"
        case .mineFilter: return "我的"
        case .markAll: return "全部标记"
        case .proposalText: return "原文"
        case .scrollProposal: return "原文翻页"
        case .sort: return "排序"
        case .reply: return "答复"
        case .outcome: return "结果"
        case .status: return "状态"
        case .mark: return "标记"
        case .contact: return "面商"
        case .feedback: return "反馈"
        case .due: return "待办"
        case .statistics: return "统计"
        case .importReply: return "导入"
        case .export: return "导出"
        case .chooseProfile: return "版式"
        case .newCase: return "新建"
        case .editCase: return "修改"
        case .chooseColumn: return "改列"
        case .save: return "保存"
        case .nextField, .previousField: return "下一项"
        case .addSection: return "新增部分"
        case .sectionMenu: return "部分"
        case .addSubsection: return "新增下级"
        case .promoteSection: return "升级"
        case .demoteSection: return "降级"
        case .toggleRunIn: return "接排"
        case .insertPoint: return "要点"
        case .insertPhrase: return "常用语"
        case .preview: return "预览"
        case .externalEditor: return "外部编辑"
        case .undo, .undoChange: return "撤销"
        case .sync: return "同步"
        case .withdraw: return "撤案"
        case .merge: return "并案"
        case .deleteCase: return "删除"
        case .redo: return "重做"
        case .choose: return "选定"
        case .confirm: return "确定"
        case .cancel: return "取消"
        case .resolveConflict: return "冲突"
        case .keepMine: return "本方"
        case .takeTheirs: return "对方"
        case .editConflict: return "改写"
        case .history: return "历史"
        default: return help
        }
    }

    /// The keys that handle cases (`HandlingFlow`), on every screen that `HandlesCases`, in the order
    /// help and messages list them.
    public static let handling: [Action] = [.outcome, .status, .contact, .feedback]

    /// The keys that end a case's ordinary course — 撤案, 并案, 删除 — on the screens that `HandlesCases`,
    /// run by `HandlingFlow` like the handling keys.
    public static let lifecycle: [Action] = [.withdraw, .merge, .deleteCase]

    /// `choose-1` … `choose-9`, in order: the actions that pick a menu's items by number.
    public static let chooseNumbered: [Action] = [.choose1, .choose2, .choose3, .choose4, .choose5, .choose6, .choose7, .choose8, .choose9]

    /// For `choose-1` … `choose-9`: the menu item (from 1) the action picks.
    public var chooseNumber: Int? { Action.chooseNumbered.firstIndex(of: self).map { $0 + 1 } }

    /// Where the general words say too little.
    static let helpOverrides: [KeyContext: [Action: String]] = [
        .list: [.back: "取消全部标记；没有标记时，清除筛选回到全部案件；全部案件时不做任何事", .open: "打开案件详情"],
        .due: [.open: "打开案件详情", .back: "回到案件列表"],
        .editor: [.first: "到本项开头", .last: "到本项末尾", .moveDown: "光标下移一行", .moveUp: "光标上移一行",
                  .pageDown: "光标下移一页", .pageUp: "光标上移一页"],
        .menu: [.moveDown: "下一项", .moveUp: "上一项", .first: "第一项", .last: "最后一项", .cancel: "关闭菜单，不做任何事"],
        .confirmation: [.confirm: "确定", .cancel: "取消（默认）"],
        .prompt: [.confirm: "停在找到的案件上", .cancel: "取消搜索，回到原来的案件"],
        .question: [.confirm: "回答", .cancel: "取消，不做任何事"],
        .form: [.back: "离开表单（有未保存的修改时询问）", .outcome: "登记办理结果"],
        .preview: [.back: "回到表单"],
        .importPreview: [.confirm: "新建案件并打开它", .back: "取消导入，不新建案件"],
        .assignmentImport: [.confirm: "新建可新建的案件（有误的行和已有的案件不导入）", .back: "取消导入，不新建案件"],
        .export: [.confirm: "写入文件（已有同名文件时先询问是否替换）", .cancel: "关闭，不写入文件",
                  .nextField: "下一项（格式、草稿、文件）", .previousField: "上一项"],
        .help: [.back: "关闭帮助"],
        .conflict: [.nextField: "下一个冲突", .previousField: "上一个冲突", .back: "回到案件"],
        .conflictEdit: [.save: "用改写的文字解决这个冲突", .back: "放弃改写，回到两个版本"],
        .history: [.open: "看答复从这一版本到当前版本的逐字改动", .back: "回到上一界面"],
        .historyDiff: [.back: "回到变更历史"],
        .caseForm: [.save: "保存（新建案件或保存修改）", .back: "离开表单（有未保存的修改时询问）",
                    .nextField: "下一项（选择项中 ←/→ 或空格切换，Enter 打开选单）", .externalEditor: "用外部编辑器（$VISUAL/$EDITOR）编辑正文"],
    ]
}
