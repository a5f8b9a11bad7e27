/// Everything a user can do from the keyboard, declared once: the keymap binds keys to these, and
/// the help screen and hint bar are generated from the same table, so they cannot disagree.
public enum Action: String, CaseIterable, Sendable {
    case moveDown = "move-down", moveUp = "move-up", pageDown = "page-down", pageUp = "page-up"
    case first, last, open, back, quit, help
    case search, nextMatch = "next-match", previousMatch = "previous-match", filter, sort
    case reply
    case save, nextField = "next-field", previousField = "previous-field", addSection = "add-section"
    case sectionMenu = "section-menu", insertPoint = "insert-point", insertPhrase = "insert-phrase"
    case preview, externalEditor = "external-editor"
    case outcome, status, mark, contact, feedback, due, statistics

    /// What the help screen says the action does.
    public var help: String {
        switch self {
        case .moveDown: return "下移一行"
        case .moveUp: return "上移一行"
        case .pageDown: return "下一页"
        case .pageUp: return "上一页"
        case .first: return "到第一行"
        case .last: return "到最后一行"
        case .open: return "打开案件"
        case .back: return "返回"
        case .quit: return "退出"
        case .help: return "帮助"
        case .search: return "搜索编号、标题、提出人"
        case .nextMatch: return "下一个匹配"
        case .previousMatch: return "上一个匹配"
        case .filter: return "筛选（类型、状态、结果、逾期、即将到期）"
        case .sort: return "切换排序（编号、期限、状态）"
        case .reply: return "起草或修改答复"
        case .save: return "保存答复"
        case .nextField: return "下一项"
        case .previousField: return "上一项"
        case .addSection: return "在本部分后新增一部分"
        case .sectionMenu: return "本部分操作（新增、删除、上移、下移）"
        case .insertPoint: return "插入下一个“一是、二是……”要点"
        case .insertPhrase: return "插入常用语"
        case .preview: return "预览答复文件"
        case .externalEditor: return "用外部编辑器（$VISUAL/$EDITOR）编辑本项"
        case .outcome: return "登记办理结果（已有结果时为跟踪办理）"
        case .status: return "改变状态（转办、送审、签发、退回……）"
        case .mark: return "标记或取消标记本案件；有标记时，结果和状态对所有标记的案件办理"
        case .contact: return "添加面商/沟通记录"
        case .feedback: return "登记提出人的反馈意见"
        case .due: return "需要处理：逾期、即将到期、退回期限将过、反馈未回"
        case .statistics: return "统计"
        }
    }

    /// The short word the hint bar shows.
    public var hint: String {
        switch self {
        case .open: return "打开"
        case .back: return "返回"
        case .quit: return "退出"
        case .help: return "帮助"
        case .moveDown, .moveUp: return "移动"
        case .pageDown, .pageUp: return "翻页"
        case .first, .last: return "首尾"
        case .search: return "搜索"
        case .nextMatch, .previousMatch: return "下一个"
        case .filter: return "筛选"
        case .sort: return "排序"
        case .reply: return "答复"
        case .save: return "保存"
        case .nextField, .previousField: return "下一项"
        case .addSection: return "新增部分"
        case .sectionMenu: return "部分"
        case .insertPoint: return "要点"
        case .insertPhrase: return "常用语"
        case .preview: return "预览"
        case .externalEditor: return "外部编辑"
        case .outcome: return "结果"
        case .status: return "状态"
        case .mark: return "标记"
        case .contact: return "面商"
        case .feedback: return "反馈"
        case .due: return "待办"
        case .statistics: return "统计"
        }
    }
}
