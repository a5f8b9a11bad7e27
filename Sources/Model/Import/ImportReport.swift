/// What an import recognised, one line per part in document order (`标题：…`, `开头 2 段`,
/// `正文 3 节（一级 2，二级 1）`), then the profile chosen and how many lines it explains, the lines
/// placed by guess, the lines the profile does not print as they were or prints elsewhere, the lines
/// it adds as the export prints them, what a final export still needs, and what the case could not
/// keep. The command line prints it; the terminal UI's preview shows it.
public struct ImportReport: Sendable {
    /// The import reported on.
    public let imported: ImportedReply

    public init(_ imported: ImportedReply) {
        self.imported = imported
    }

    /// The report, one line per part or finding, in Chinese.
    public var lines: [String] {
        let r = imported.read, c = imported.c
        var out: [String] = []
        let how = imported.profileGiven ? "指定" : "自动识别"
        out.append("版式：\(imported.profile.name)（\(how)；原文 \(imported.total) 行，照原样导出 \(imported.explained) 行）")
        out.append("状态：\(c.status)")
        out.append("案件：\(c.kind.rawValue)，\(c.meeting.term > 0 ? "第\(c.meeting.term)届第\(c.meeting.session)次会议" : "未写明会议")，编号 \(c.numberAsPrinted)，案由：\(c.title)")
        if !r.pageTitle.isEmpty { out.append("网页标题：\(r.pageTitle)（网页的，不属于答复）") }
        let head = [r.headUnit.isEmpty ? nil : r.headUnit + "文件",
                    r.count(of: .documentHead) > 0 && !r.documentNumber.isEmpty ? "文号 " + r.documentNumber : nil,
                    r.count(of: .documentHead) > 0 && !r.signer.isEmpty ? "签发人 " + r.signer : nil].compactMap { $0 }
        if r.count(of: .documentHead) > 0 { out.append("版头 \(r.count(of: .documentHead)) 行：\(head.joined(separator: "、"))") }
        if !r.title.isEmpty { out.append("标题：\(r.title.joined(separator: " / "))\(r.title.count > 1 ? "（\(r.title.count) 行）" : "")") }
        if r.count(of: .header) > 0 {
            let items = [("公开属性", r.disclosure), ("单位", r.headerUnit),
                         ("文号", r.count(of: .documentHead) == 0 ? r.documentNumber : ""), ("日期", r.headerDate.map { $0.style.string($0.date) } ?? ""),
                         ("办理结果", r.outcome), ("签发人", r.count(of: .documentHead) == 0 ? r.signer : "")]
                .filter { !$0.1.isEmpty }.map { "\($0.0) \($0.1)" }
            out.append("标题下 \(r.count(of: .header)) 行：\(items.joined(separator: "、"))")
        }
        if !r.salutation.isEmpty {
            let who = c.role == .coHandler ? "会办意见，主办单位 \(c.leadUnit)"
                : "领衔 \(c.leadProposer.isEmpty ? "（未写明）" : c.leadProposer)" + (c.jointSigners.isEmpty ? "" : "，联名 \(c.jointSigners.count) 人")
            out.append("称呼：\(r.salutation)（\(who)）")
        }
        if !r.opening.isEmpty { out.append("开头 \(r.opening.count) 段") }
        out.append(body)
        if !r.closing.isEmpty { out.append("结尾 \(r.closing.count) 段") }
        if !r.attachments.isEmpty { out.append("附件 \(r.attachments.count) 件") }
        if !r.units.isEmpty {
            out.append("落款：\(r.units.joined(separator: "、"))" + (r.units.count > 1 ? (r.unitsStacked ? "（逐行）" : "（同一行）") : ""))
        }
        if let date = r.signatureDate { out.append("落款日期：\(date.style.string(date.date))") }
        if r.count(of: .contact) > 0 {
            let items = [r.leader, r.contactPerson, r.contactPhone, r.contactAddress, r.postcode].filter { !$0.isEmpty }.count
            out.append("联系方式 \(items) 项（\(r.count(of: .contact)) 行）")
        }
        let copies = [("抄送", r.copyTo), ("抄报", r.reportTo)].filter { !$0.1.isEmpty }.map { "\($0.0) \($0.1.count) 个单位" }
        if !copies.isEmpty { out.append(copies.joined(separator: "，")) }
        if !r.footer.isEmpty { out.append("页尾：\(r.footer)") }
        if !r.chrome.isEmpty { out.append("网页外框 \(r.chrome.count) 行（已去掉）") }
        if !r.guesses.isEmpty {
            out.append("推测放置的行：")
            out += r.guesses.map { "  第 \($0.line) 行“\(Self.excerpt($0.text))” → \($0.part.rawValue)" }
        }
        for difference in imported.differences {
            out.append(difference.title + "：")
            out += difference.lines.map { "  " + ($0.line.map { "第 \($0) 行" } ?? "") + "“\(Self.excerpt($0.text))”" }
        }
        out += imported.notes
        if let note = imported.missingNote { out.append(note) }
        return out
    }

    /// `正文 3 节（一级 2，二级 1，接排 2）`, or `正文 2 段（无编号）`.
    private var body: String {
        let sections = imported.read.sections.filter { !$0.heading.isEmpty }
        guard !sections.isEmpty else {
            let paragraphs = imported.read.count(of: .body)
            return paragraphs == 0 ? "正文：无" : "正文 \(paragraphs) 段（无编号）"
        }
        var counts = ReplySection.levels.map { level in (level, sections.count { $0.level == level }) }.filter { $0.1 > 0 }
            .map { "\(ChineseNumeral.string($0.0))级 \($0.1)" }
        let runIns = sections.count(where: \.runIn)
        if runIns > 0 { counts.append("接排 \(runIns)") }
        return "正文 \(sections.count) 节（\(counts.joined(separator: "，"))）"
    }

    /// A line shortened for a report line.
    private static func excerpt(_ line: String) -> String {
        line.count <= 30 ? line : line.prefix(29) + "…"
    }
}
