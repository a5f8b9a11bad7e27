import Model

/// What the import preview shows of a published reply read into a case, one line each, in document
/// order: the profile and how many of the reply's lines it explains, kind, meeting, number (as
/// printed and the ID the case will get), title, salutation and whom it names, opening, the
/// sections as a tree with the numerals the profile prints and their run-in marks, closing,
/// attachments, signing units and date, contact lines, copies, footer; then the lines placed by
/// guess and the lines the profile does not print as they were. A line that shows a line placed
/// by guess is `guessed`, for the screen to highlight.
struct ImportPreview {
    struct Line {
        var text: String
        var guessed = false
    }

    private(set) var lines: [Line] = []

    /// The preview of `imported`, whose case is to be created as `id`.
    init(_ imported: ImportedReply, id: CaseID, configuration: Configuration) {
        let r = imported.read, c = imported.c
        let guessed = Set(r.guesses.map(\.text))
        let how = imported.profileGiven ? "选定" : "自动识别"
        add("版式      \(imported.profile.name)（\(how)；原文 \(imported.total) 行，照原样导出 \(imported.explained) 行）")
        add("类型      \(c.kind.rawValue)（\(c.role == .coHandler ? "会办意见" : "答复")）")
        let meeting = ReplyWording(for: c, configuration: configuration, profile: imported.profile).values["meeting"] ?? ""
        add("会议      " + (c.meeting.term > 0 && !meeting.isEmpty ? meeting : "未写明"))
        add("编号      \(c.numberAsPrinted) → 新案件 \(id)")
        add("案由      \(c.title)")
        if !r.pageTitle.isEmpty { add("网页标题  \(r.pageTitle)（网页的，不属于答复）") }
        if r.count(of: .documentHead) > 0 {
            let head = [r.headUnit.isEmpty ? "" : r.headUnit + "文件", r.documentNumber, r.signer.isEmpty ? "" : "签发人：" + r.signer]
            add("版头      " + head.filter { !$0.isEmpty }.joined(separator: "  "))
        }
        add("标题      " + (r.title.isEmpty ? "（无）" : r.title.joined(separator: " / ")), guessed: r.title.contains(where: guessed.contains))
        let header = [r.disclosure, r.headerUnit, r.count(of: .documentHead) == 0 ? r.documentNumber : "",
                      r.headerDate.map { $0.style.string($0.date) } ?? "", r.outcome.isEmpty ? "" : "办理结果：" + r.outcome]
        if r.count(of: .header) > 0 { add("标题下    " + header.filter { !$0.isEmpty }.joined(separator: "  ")) }
        if !r.salutation.isEmpty {
            let who = c.role == .coHandler ? "主办单位 \(c.leadUnit)"
                : "领衔 \(c.leadProposer.isEmpty ? "（未写明）" : c.leadProposer)" + (c.jointSigners.isEmpty ? "" : "，联名 \(c.jointSigners.joined(separator: "、"))")
            add("称呼      \(r.salutation) → \(who)")
        }
        paragraphs("开头", r.opening, guessed)
        body(imported, configuration, guessed)
        paragraphs("结尾", r.closing, guessed)
        if !r.attachments.isEmpty {
            add("【附件 \(r.attachments.count) 件】")
            for (n, name) in r.attachments.enumerated() { add("  \(n + 1). \(name)", guessed: guessed.contains(name)) }
        }
        if !r.units.isEmpty {
            let how = r.units.count > 1 ? (r.unitsStacked ? "（逐行）" : "（同一行）") : ""
            add("落款      \(r.units.joined(separator: "、"))\(how)")
        }
        if let date = r.signatureDate { add("落款日期  \(date.style.string(date.date))") }
        let contact = [("分管领导", r.leader), ("联系人", r.contactPerson), ("联系电话", r.contactPhone), ("联系地址", r.contactAddress),
                       ("邮政编码", r.postcode)].filter { !$0.1.isEmpty }
        if !contact.isEmpty {
            add("【联系方式】")
            for (label, value) in contact { add("  \(label)：\(value)") }
        }
        if !r.copyTo.isEmpty { add("抄送      \(r.copyTo.joined(separator: "、"))") }
        if !r.reportTo.isEmpty { add("抄报      \(r.reportTo.joined(separator: "、"))") }
        if !r.footer.isEmpty { add("页尾      \(r.footer)") }
        if !r.chrome.isEmpty { add("网页外框  \(r.chrome.count) 行（已去掉）") }
        if !r.guesses.isEmpty {
            add("【推测放置的行 \(r.guesses.count) 行】")
            for guess in r.guesses { add("  第 \(guess.line) 行 → \(guess.part.rawValue)：\(guess.text)", guessed: true) }
        }
        for difference in imported.differences {
            add("【\(difference.title)】")
            for line in difference.lines { add("  " + (line.line.map { "第 \($0) 行：" } ?? "") + line.text) }
        }
        for note in imported.notes { add(note) }
        if let note = imported.missingNote { add(note) }
    }

    private mutating func add(_ text: String, guessed: Bool = false) {
        lines.append(Line(text: text, guessed: guessed))
    }

    private mutating func paragraphs(_ part: String, _ paragraphs: [String], _ guessed: Set<String>) {
        guard !paragraphs.isEmpty else { return }
        add("【\(part) \(paragraphs.count) 段】")
        for paragraph in paragraphs { add("  " + paragraph, guessed: guessed.contains(paragraph)) }
    }

    /// The sections as a tree, each heading with the numeral the profile prints (taken from the
    /// document laid out with it, so it is the export's own numbering), `接排` when run in, and how
    /// many paragraphs it holds; a body without headings as its paragraphs.
    private mutating func body(_ imported: ImportedReply, _ configuration: Configuration, _ guessed: Set<String>) {
        let sections = imported.read.sections
        let headed = sections.filter { !$0.heading.isEmpty }
        guard !headed.isEmpty else {
            paragraphs("正文（无编号）", sections.flatMap { $0.text.split(separator: "\n").map(String.init) }, guessed)
            return
        }
        let document = ReplyDocument(for: imported.c, configuration: configuration, profile: imported.profile)
        let numbered = document.blocks.compactMap { block -> String? in
            switch block {
            case .sectionHeading(let text, _): return text
            case .paragraph(_, let runIn?): return runIn.text
            default: return nil
            }
        }
        add("【正文 \(headed.count) 节】")
        var numerals = numbered.makeIterator()
        for section in sections {
            let lines = section.text.split(separator: "\n").map(String.init)
            let isGuessed = guessed.contains(section.heading) || lines.contains { guessed.contains($0) }
            guard !section.heading.isEmpty else {
                add("  （无编号）\(lines.count) 段", guessed: isGuessed)
                continue
            }
            let indent = String(repeating: "  ", count: section.level)
            let count = lines.isEmpty ? "" : "  \(lines.count) 段"
            add(indent + (numerals.next() ?? section.heading) + (section.runIn ? "（接排）" : "") + count, guessed: isGuessed)
        }
    }
}
