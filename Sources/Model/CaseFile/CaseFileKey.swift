/// The keys of a case file, in the order banli writes them. See docs/case-file.md.
enum CaseFileKey {
    static let format = "格式", kind = "类型", meeting = "会议", term = "届", session = "次", number = "编号"
    /// The case number as documents print it, when it is not `编号` (`第52号`, `B〔2017〕9号`).
    static let printedNumber = "案号"
    static let title = "标题", lead = "领衔人", signers = "联名人", topic = "主题", isKey = "重点"
    static let role = "承办方式", leadUnit = "主办单位", otherUnits = "其他单位"
    static let assigned = "交办日期", deadline = "答复期限", deadlineNote = "期限说明"
    static let status = "状态", handler = "经办人", returnReason = "退回理由"
    static let disclosure = "公开属性", category = "类别", reason = "理由"
    static let outcomes = "办理结果", result = "结果", date = "日期", recordedBy = "记录人", note = "说明"
    static let correction = "更正", correctedTo = "更正为", correctedBy = "更正人", cause = "原因"
    static let signOff = "签发", signer = "签发人"
    static let feedback = "反馈", satisfaction = "满意度", visited = "是否走访", attitude = "工作态度"
    static let relevance = "针对性", viewOfResult = "结果看法", comment = "意见"
    static let contacts = "面商记录", method = "方式", people = "人员", summary = "摘要"
    static let text = "提案正文", reply = "答复", previousReplies = "往次答复", journal = "日志"
    static let documentNumber = "文号", salutation = "称呼", opening = "开头", sections = "正文"
    static let heading = "标题", content = "内容", closing = "结尾", signature = "落款"
    static let contactPerson = "联系人", contactPhone = "联系电话", contactAddress = "联系地址", postcode = "邮政编码"
    static let layout = "版式", runIn = "接排", level = "层级", jointUnits = "联合落款", attachments = "附件"
    static let leader = "分管领导", reportTo = "抄报"
    static let copyTo = "抄送", time = "时间", user = "用户", entry = "内容"
    /// An earlier reply's record of why it was superseded; its sign-off is `signOff`.
    static let supersededBy = "收回方式", supersededReason = "收回原因", supersededOn = "收回日期"
    /// 撤案 (a map of `date`, `reason`, `recordedBy`) and 并案: `mergedInto` on a merged case, `merged`
    /// (a list of maps of `number`, `printedNumber`, `proposers`) on the case that carries the reply.
    static let withdrawal = "撤案", recordedOn = "登记人", mergedInto = "并入", merged = "并案", proposers = "提出人"
    /// 冲突: a list of maps, one per field a merge found changed differently on both sides (`FieldConflict`).
    static let conflicts = "冲突", field = "字段", mine = "本方", theirs = "对方", mineUser = "本方用户", theirsUser = "对方用户"
}

/// The format tag written on the second line of every case file.
public let caseFileFormat = "banli-case/1"
