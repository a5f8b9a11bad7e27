/// A part of a published reply, as the import report names it, in document order.
public enum ReplyPart: String, CaseIterable, Hashable, Sendable {
    /// The page's own title above the letter's (a web page shows both).
    case pageTitle = "网页标题"
    /// 版头： `XX县民政局文件`, the document number, `签发人：…` above the title.
    case documentHead = "版头"
    /// The letter's title, on one line or two.
    case title = "标题"
    /// The lines under the title: 公开属性, unit, 文号, date, 办理结果.
    case header = "标题下各行"
    /// `甲、乙委员：`, or the lead unit of a 会办 opinion.
    case salutation = "称呼"
    /// The paragraphs before the first section.
    case opening = "开头"
    /// The body: numbered sections, or plain paragraphs.
    case body = "正文"
    /// `感谢…`, `此复。` and the like after the body.
    case closing = "结尾"
    /// `附件：1. …` and the numbered lines under it.
    case attachments = "附件"
    /// The signing units.
    case signature = "落款"
    /// The date under the signing units.
    case signatureDate = "落款日期"
    /// `联系人：…`, `分管领导：…` lines.
    case contact = "联系方式"
    /// `抄送：…`, `抄报：…`.
    case copies = "抄送抄报"
    /// A web page's `主办单位：…`.
    case footer = "页尾"
}
