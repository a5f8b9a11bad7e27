import Model

extension ReplyFormScreen {
    /// The body's parts at `size`: the proposal text as placed, the notes above the form, the form.
    func panes(_ size: Size, _ configuration: Configuration) -> ReplyFormPanes {
        ReplyFormPanes(width: size.width, bodyHeight: size.bodyHeight, placement: placement,
                       notes: form.map { Self.notes($0.stored.value, opening: $0.text(.opening), configuration.workflow) } ?? [])
    }

    /// What the reply must answer, shown above the form: the reviewer's comment while the reply is
    /// back for changes, who sent it back and when (`审核退回意见（lisi 12月5日）：…`); the proposer's
    /// opinion on the reply superseded by 不满意 feedback, while a second reply is written; a merged
    /// case's number the opening leaves out (`Case.mergedOpeningNotice`).
    static func notes(_ c: Case, opening: String, _ workflow: Workflow) -> [String] {
        func day(_ date: LocalDate?) -> String { date.map { "\($0.month)月\($0.day)日" } ?? "" }
        var notes: [String] = []
        if let back = c.sendBack(workflow) {
            let when = day(LocalDate(iso: String(back.entry.time.prefix(10))))
            notes.append("审核退回意见（\([back.entry.user, when].filter { !$0.isEmpty }.joined(separator: " "))）：\(back.comment)")
        }
        if !c.previousReplies.isEmpty, let feedback = c.currentFeedback, feedback.satisfaction == .dissatisfied, !feedback.comment.isBlank {
            notes.append("提出人不满意意见" + (feedback.date == nil ? "" : "（\(day(feedback.date))）") + "：" + feedback.comment)
        }
        if let notice = c.mergedOpeningNotice(opening: opening) { notes.append(notice) }
        return notes
    }

    /// What the help screen says about the form beside its keys.
    static let helpNotes = [
        "普通字符键输入文字；输入法的候选框出现在光标处。只保存你自己的换行，屏幕上的折行不保存。",
        "撤销对整份答复有效：会回到改动所在的那一项，新增、移动、删除部分和改变层级、接排也能撤销。",
        "各部分的序号按层级自动编排（一、（一）1.（1）），下一级缩进显示；标题为空的部分不编号，按普通段落排印。",
        "有未保存的修改时，每停顿一秒就把草稿写入恢复文件；意外退出后再打开答复时可以恢复。",
        "表单顶部显示答复要回应的话：审核退回的修改意见（直到再次送审）、第二次答复时提出人的不满意意见、并案后开头还未提及的案号；提案原文可显示在表单旁边（窗口宽100列以上）或上方，本次运行中一直有效。",
        "答复已签发或已送出（默认为已签发、已答复、已办结）时只读；要修改，先在状态菜单中“撤回签发”或“更正答复”并写明原因，原答复连同签发存入往次答复。",
    ]
}
