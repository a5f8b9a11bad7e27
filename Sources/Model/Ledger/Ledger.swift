/// The electronic ledger （电子台账）: one row per case with its key fields, status, first and
/// current result, dates and satisfaction, and last 撤案/并案, for spreadsheet programs. 案号 is the number as printed
/// (`B〔2017〕9号`), 编号 the case's ID; a date or meeting the case does not have is an empty cell.
public enum Ledger {
    public static let columns = [
        "编号", "类型", "会议", "案号", "标题", "领衔人", "联名人", "主题", "重点", "承办方式", "主办单位", CaseField.otherUnits.label,
        "交办日期", "答复期限", "状态", "经办人", "首次办理结果", "首次结果日期", "当前办理结果", "当前结果日期",
        "公开属性", "面商次数", "签发人", "签发日期", "答复日期", "满意度", "反馈日期", "撤案并案",
    ]

    /// The row of `c`, its meeting named as `meetings` names it (the profile `c` is laid out with).
    public static func row(_ c: Case, meetings: MeetingNaming) -> [String] {
        let fields: [String] = [
            c.id.description, c.kind.documentName, meetings.name(of: c), c.numberAsPrinted, c.title, c.leadProposer,
            c.jointSigners.joined(separator: "、"), c.topic, c.isKey ? "是" : "否", c.role.rawValue, c.leadUnit,
            c.otherUnits.joined(separator: "、"), date(c.assignedOn), date(c.deadline), c.status, c.handler,
            c.firstOutcome?.result ?? "", date(c.firstOutcome?.date), c.currentOutcome?.result ?? "", date(c.currentOutcome?.date),
            c.disclosure?.category ?? "", String(c.contacts.count), c.signOff?.signer ?? "", date(c.signOff?.date),
            date(c.repliedOn), c.currentFeedback?.satisfaction.rawValue ?? "", date(c.currentFeedback?.date), disposition(c),
        ]
        // Every cell is one line of inert text: a stray line break or control character in a case
        // file must not split a row or reach the program that opens the ledger.
        return fields.map { UntrustedText.inert($0.split(whereSeparator: \.isNewline).joined(separator: " ")) }
    }

    /// The header and a row per case; `byteOrderMark` starts the text with U+FEFF, which spreadsheet
    /// programs need to read UTF-8 as UTF-8.
    public static func text(_ cases: [Case], meetings: MeetingNaming, format: LedgerFormat, byteOrderMark: Bool = false) -> String {
        (byteOrderMark ? "\u{FEFF}" : "") + DelimitedText.render([columns] + cases.map { row($0, meetings: meetings) }, as: format)
    }

    private static func date(_ date: LocalDate?) -> String { date?.description ?? "" }

    /// The last column: `撤案（2026-12-01：理由）`, `并入 zx6-5-090`, or on the case that carries the
    /// reply `并案：zx6-5-091、zx6-5-092`; empty for a case handled on its own.
    private static func disposition(_ c: Case) -> String {
        if let w = c.withdrawal { return "撤案（\(w.date)：\(w.reason)）" }
        if let carrier = c.mergedInto { return "并入 \(carrier)" }
        return c.mergedCases.isEmpty ? "" : "并案：" + c.mergedCases.map(\.id.description).joined(separator: "、")
    }
}
