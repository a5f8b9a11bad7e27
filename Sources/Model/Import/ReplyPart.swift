/// A part of a published reply, as the import report names it, in document order.
public enum ReplyPart: String, CaseIterable, Hashable, Sendable {
    /// The page's own title above the letter's (a web page shows both).
    case pageTitle = "网页标题"
    /// 版头： `XX县民政局文件`, the document number, `签发人：…` above the title.
    case documentHead = "版头"
    case title = "标题"
    /// The lines under the title: 公开属性, unit, 文号, date, 办理结果.
    case header = "标题下各行"
    case salutation = "称呼"
    case opening = "开头"
    /// The body: numbered sections, or plain paragraphs.
    case body = "正文"
    case closing = "结尾"
    case attachments = "附件"
    case signature = "落款"
    case signatureDate = "落款日期"
    case contact = "联系方式"
    case copies = "抄送抄报"
    case footer = "页脚"
}
