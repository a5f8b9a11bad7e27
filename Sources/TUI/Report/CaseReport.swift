import Model

/// A case in full as text: what `banli show` prints and the detail screen shows.
public struct CaseReport {
    let c: Case
    let configuration: Configuration
    let today: LocalDate

    public init(_ c: Case, configuration: Configuration, today: LocalDate) {
        self.c = c
        self.configuration = configuration
        self.today = today
    }

    /// The report as text, as `banli show` prints it.
    public var text: String { parts.map(\.text).joined(separator: "\n") + "\n" }

    /// The report in parts: the case's fields and records (`label  value` lines), and its prose —
    /// the proposal, the reply laid out as its document, earlier replies — which a pager wraps as
    /// paragraphs, never hanging under a `建议：` that happens to start one.
    public var parts: [(text: String, prose: Bool)] {
        var parts: [(text: String, prose: Bool)] = []
        var out: [String] = []
        /// Ends the lines so far as a part of records, and adds `prose` as a part of its own.
        func addProse(_ prose: String) {
            parts.append((out.joined(separator: "\n"), false))
            parts.append((prose, true))
            out = []
        }
        let deadline = DeadlineStatus(c.summary, today: today, workflow: configuration.workflow,
                                      warnDays: configuration.deadlines.warnDays)
        out.append("\(c.id)  " + [configuration.meetingNaming.name(of: c), c.numberPhrase + c.kind.documentName]
            .filter { !$0.isEmpty }.joined(separator: " "))
        // One-line fields stay on their line, whatever a hand-edited file put in them.
        out.append("标题：\(UntrustedText.inert(c.title))")
        let fields: [(String, String)] = [
            ("领衔人", c.leadProposer), ("联名人", c.jointSigners.joined(separator: "、")), ("主题", c.topic),
            ("重点", c.isKey ? "是" : ""), ("承办方式", c.role.rawValue), ("主办单位", c.leadUnit),
            (CaseField.otherUnits.label, c.otherUnits.joined(separator: "、")), ("交办日期", c.assignedOn?.description ?? ""),
            ("答复期限", [c.deadline?.description ?? "", deadline.label, c.deadlineNote].filter { !$0.isEmpty }.joined(separator: "  ")),
            ("状态", c.summary.shownStatus + (c.disposition == nil ? "" : "（原状态：\(c.status)）")),
            ("撤案", c.withdrawal.map { "\($0.date)  \($0.reason)  \($0.recordedBy)" } ?? ""),
            ("并案", c.mergedCases.map { "\($0.id)（\($0.proposers.joined(separator: "、"))）" }.joined(separator: "、")),
            // The reviewer's 退回修改 comment, while the reply is back for changes.
            ("退回意见", c.sendBackComment(configuration.workflow) ?? ""), ("经办人", c.handler), ("退回理由", c.returnReason),
            ("公开属性", c.disclosure.map { [$0.category, $0.reason].filter { !$0.isEmpty }.joined(separator: ":") } ?? ""),
            ("签发", c.signOff.map { "\($0.signer) \($0.date)" } ?? ""),
        ]
        let labelWidth = fields.map { TextMetrics.width(of: $0.0) }.max() ?? 0
        for (label, value) in fields where !value.isEmpty {
            out.append(TextMetrics.fit(label, to: labelWidth) + "  " + UntrustedText.inert(value))
        }
        if !c.conflicts.isEmpty {
            out.append("")
            // Both versions, each on one line, with who wrote it: what to look at before choosing.
            out.append("【冲突】待解决 \(c.conflicts.count) 个（按 R 解决，或 banli resolve \(c.id)）")
            for x in c.openConflicts {
                out.append("  \(x.field)")
                for (side, user, text) in [("本方", x.mineUser, x.mine), ("对方", x.theirsUser, x.theirs)] {
                    out.append("    \(side)\(user.isEmpty ? "" : "（\(UntrustedText.inert(user))）")：\(UntrustedText.inert(text.replacingNewlines))")
                }
            }
        }
        if !c.outcomes.isEmpty {
            out.append("")
            out.append("【办理结果】")
            // After a follow-up or a correction the first and the current result matter; say which
            // is which. A corrected result says what it was corrected to, by whom, when and why.
            let first = c.outcomes.firstIndex { $0.correction == nil }, current = c.outcomes.lastIndex { $0.correction == nil }
            for (i, o) in c.outcomes.enumerated() {
                let which = c.outcomes.count == 1 ? "" : i == current ? "当前  " : i == first ? "首次  " : "      "
                let result = o.correction.map { "\(o.result)（已更正为 \($0.correctedTo)：\($0.reason)，\($0.correctedBy) \($0.date)）" } ?? o.result
                out.append("  \(which)\(o.date)  \(result)  \(o.recordedBy)" + (o.note.isEmpty ? "" : "  \(o.note)"))
            }
        }
        if !c.feedback.isEmpty {
            out.append("")
            out.append("【反馈】")
            for (i, f) in c.feedback.enumerated() {
                let which = c.feedback.count == 1 ? "" : i == c.feedback.count - 1 ? "当前  " : "      "
                let details = [("走访", f.visited.map { $0 ? "是" : "否" } ?? ""), ("工作态度", f.attitude), ("针对性", f.relevance),
                               ("结果看法", f.viewOfResult), ("意见", f.comment.replacingNewlines)]
                    .filter { !$0.1.isEmpty }.map { "\($0.0)：\($0.1)" }
                out.append("  " + which + ([f.date?.description ?? "", f.satisfaction.rawValue] + details).filter { !$0.isEmpty }.joined(separator: "  "))
            }
        }
        if !c.contacts.isEmpty {
            out.append("")
            out.append("【面商记录】")
            for e in c.contacts { out.append("  \(e.date)  \(e.method.rawValue)  \(e.people)  \(e.summary.replacingNewlines)") }
        }
        out.append("")
        out.append("【提案正文】")
        addProse(c.text.trimmingTrailingNewlines)
        out.append("")
        if c.reply.isEmpty {
            out.append("【答复】尚未起草")
        } else {
            let progress = c.reply.progress.map { "\($0.part)\($0.filled ? "[有]" : "[空]")" }.joined(separator: " ")
            out.append("【答复】\(progress)")
            out.append("")
            addProse(ReplyDocument(for: c, configuration: configuration).plainText.trimmingTrailingNewlines)
        }
        for (i, previous) in c.previousReplies.enumerated() {
            out.append("")
            // Why it was superseded and who had signed it, so a sign-off is only ever shown beside the text it signed.
            // A reason is one line of the report whatever it holds (a line break given on the command line).
            out.append("【往次答复 \(i + 1)】" + (previous.summary.isEmpty ? "" : "  " + UntrustedText.inert(previous.summary)))
            var earlier = c
            earlier.reply = previous.reply
            // One case, one layout: an earlier reply that names no profile of its own is shown in the
            // current reply's, so the case's meeting is named alike throughout.
            if earlier.reply.layout.isBlank { earlier.reply.layout = c.reply.layout }
            addProse(ReplyDocument(for: earlier, configuration: configuration).plainText.trimmingTrailingNewlines)
        }
        if !c.journal.isEmpty {
            out.append("")
            out.append("【日志】")
            for j in c.journal { out.append("  \(TimeText.moment(j.time, today: today))  \(UntrustedText.inert(j.user))  \(UntrustedText.inert(j.text))") }
        }
        parts.append((out.joined(separator: "\n"), false))
        return parts
    }
}

private extension String {
    var trimmingTrailingNewlines: String {
        var s = self
        while s.last == "\n" { s.removeLast() }
        return s
    }

    var replacingNewlines: String { split(separator: "\n").joined(separator: " ") }
}
