/// What keeps a merged case one that either side could have written: a signed reply's text, and
/// 撤案 or 并入 but not both.
extension CaseMerge {
    /// A reply signed on one side only （签发 added or changed there, the other side's left as it was）
    /// keeps that side's text in every part: a signature covers the text it was given, and the other
    /// side, not yet synced, may have edited the draft. Each part where the other side's text differs
    /// is recorded as a conflict, so nothing is lost and a clerk decides (taking the other text is an
    /// edit of a signed reply: `CaseHandling.resolve` asks for the reopening step first).
    mutating func keepSignedReply(_ base: Case?, _ mine: Case, _ theirs: Case) {
        func signed(_ side: Case) -> Bool { side.signOff != nil && side.signOff != base?.signOff }
        // Signed on both sides, 签发 itself agrees or clashes; signed on neither, nothing to keep.
        guard signed(mine) != signed(theirs) else { return }
        let mineSigned = signed(mine), kept = mineSigned ? mine : theirs
        // A part both sides changed already clashed, `mine` kept: the other side's text is either in
        // the merged case or in that record, which the comparison below records again.
        let clashed = Dictionary(conflicts.filter { $0.field.hasPrefix(CaseFileKey.reply + ".") }.map { ($0.field, $0.theirs) },
                                 uniquingKeysWith: { first, _ in first })
        conflicts.removeAll { clashed[$0.field] != nil }
        let merged = value
        value.reply = kept.reply
        for field in MergeField.replyParts(sections: max(kept.reply.sections.count, merged.reply.sections.count)) {
            let signedText = field.text(ifIn: kept)
            let other = mineSigned ? clashed[field.path] ?? field.text(ifIn: merged) : field.text(ifIn: merged)
            guard other != signedText else { continue }
            if mineSigned { record(field.path, signedText, other) } else { record(field.path, other, signedText) }
        }
    }

    /// 撤案 on one side and 并入 on the other cannot both hold (a withdrawn case answers nothing, a
    /// merged one is answered by its carrier): both fields keep `mine` and each that differs is
    /// recorded as a conflict, so that resolving both to one side gives that side's state.
    mutating func keepWithdrawalOrMerge(_ mine: Case, _ theirs: Case) {
        func both(_ c: Case) -> Bool { c.withdrawal != nil && c.mergedInto != nil }
        guard both(value), !both(mine), !both(theirs) else { return }
        let recorded = Set(conflicts.map(\.field))
        for field in MergeField.caseFields where [CaseFileKey.withdrawal, CaseFileKey.mergedInto].contains(field.path) {
            field.keep(mine, in: &value)
            if !recorded.contains(field.path), field.text(mine) != field.text(theirs) { record(field.path, field.text(mine), field.text(theirs)) }
        }
    }
}
