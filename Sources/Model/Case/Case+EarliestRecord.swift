/// The first thing that happened to a case after it was assigned, as a changed 交办日期 is checked
/// against: a 交办日期 cannot come after what was done on the case.
extension Case {
    /// The case's earliest dated record — a 面商, a 办理结果, the 签发, the reply's date, a returned
    /// feedback form, the 签收 and status moves in the journal — with what it is (`面商（走访）`), or nil
    /// when it has none. The journal's `新建案件` and edits are not records of handling: a case may be
    /// entered before or after its 交办日期 is known.
    public var earliestRecord: (what: String, date: LocalDate)? {
        var records: [(String, LocalDate)] = contacts.map { ("面商（\($0.method.rawValue)）", $0.date) }
        records += outcomes.map { ("办理结果“\($0.result)”", $0.date) }
        if let signOff { records.append(("签发", signOff.date)) }
        if let date = reply.date { records.append(("答复日期", date)) }
        records += feedback.compactMap { form in form.date.map { ("反馈（\(form.satisfaction.rawValue)）", $0) } }
        records += journal.compactMap { entry in
            guard let day = LocalDate(iso: String(entry.time.prefix(10))) else { return nil }
            if entry.text.hasPrefix(JournalText.status) { return ("状态变更（\(entry.text.dropFirst(JournalText.status.count))）", day) }
            return entry.text.hasPrefix("签收") ? ("签收", day) : nil
        }
        return records.min { $0.1 < $1.1 }
    }
}
