/// A three-way merge of one case by field, not by line: what `banli merge-driver` does when git
/// finds a case file changed in both copies of a store (docs/case-file.md, 冲突).
///
/// `base` is the case as both copies had it (nil when the case was added in both), `mine` the case
/// in the copy that merges, `theirs` the one merged in. Each field of `MergeField` is taken from the
/// side that changed it; changed differently on both sides, it keeps `mine` and a `FieldConflict`
/// records `theirs`. Lists of names merge as sets, append-only records as their union in time
/// order, so that nothing either side wrote is lost: it is in the case or in a conflict record.
///
/// Reply sections are matched to `base`'s by their headings, then by position between matched ones
/// (`SectionMatching`): a section both kept merges field by field; one that one side deleted is
/// dropped unless the other side changed it (the change wins: nothing is lost); sections a side
/// added stay after the section they followed, `mine`'s first, and `theirs`' unless `mine` added
/// the same. With no `base`, the sections both sides have are matched by position.
///
/// Two rules keep the result a case either side could have written (`CaseMerge+Consistency`): a
/// reply signed on one side only keeps that side's text, the other side's changes recorded as
/// conflicts; 撤案 on one side and 并入 on the other keep `mine`'s and are recorded as conflicts.
public struct CaseMerge {
    /// The merged case, its new conflicts appended to `conflicts` and one journal entry saying what
    /// was merged (`合并：标题、面商记录；冲突：答复.正文.2.内容`).
    public internal(set) var value: Case
    /// The conflicts this merge recorded, in the order of `MergeField.all`.
    public internal(set) var conflicts: [FieldConflict] = []
    /// What the merged case took from `theirs`, as case-file keys or field paths, in file order.
    public private(set) var taken: [String] = []

    private let mineUser: String, theirsUser: String, time: String

    /// Merges `theirs` into `mine`; `user` and `time` (ISO 8601 with offset, `Clock.timestamp`) are
    /// the journal entry's and the conflicts' time.
    public init(base: Case?, mine: Case, theirs: Case, user: String, time: String) {
        value = mine
        self.time = time
        mineUser = Self.latestUser(of: mine, since: base)
        theirsUser = Self.latestUser(of: theirs, since: base)
        for field in MergeField.caseFields where field.merge(base, mine, theirs, &value) {
            record(field.path, field.text(mine), field.text(theirs))
        }
        mergeNames(base, mine, theirs)
        mergeSections(base?.reply.sections, mine, theirs)
        keepSignedReply(base, mine, theirs)
        keepWithdrawalOrMerge(mine, theirs)
        mergeRecords(base, mine, theirs)
        let order = (MergeField.all(sections: value.reply.sections.count) + MergeField.replyLists).map(\.path)
        conflicts = conflicts.enumerated().sorted { a, b in
            let (x, y) = (order.firstIndex(of: a.element.field) ?? order.count, order.firstIndex(of: b.element.field) ?? order.count)
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
        taken = Self.differences(from: mine, to: value)
        value.conflicts += conflicts
        var entry = "合并：" + (taken.isEmpty ? "无新内容" : taken.joined(separator: "、"))
        if !conflicts.isEmpty { entry += "；冲突：" + conflicts.map(\.field).joined(separator: "、") }
        value.journal.append(JournalEntry(time: time, user: user, text: entry))
    }

    mutating func record(_ path: String, _ mine: String, _ theirs: String) {
        conflicts.append(FieldConflict(field: path, mine: mine, theirs: theirs, mineUser: mineUser, theirsUser: theirsUser, time: time))
    }

    /// 联名人, 其他单位, the reply's name lists, and 并案 (by case: `mine`'s entry when both have one).
    private mutating func mergeNames(_ base: Case?, _ mine: Case, _ theirs: Case) {
        func names(_ key: WritableKeyPath<Case, [String]>) {
            value[keyPath: key] = ThreeWay.names(base?[keyPath: key], mine[keyPath: key], theirs[keyPath: key])
        }
        names(\.jointSigners)
        names(\.otherUnits)
        names(\.reply.attachments)
        names(\.reply.jointUnits)
        names(\.reply.copyTo)
        names(\.reply.reportTo)
        var seen = Set<CaseID>()
        value.mergedCases = ThreeWay.names(base?.mergedCases, mine.mergedCases, theirs.mergedCases)
            .filter { seen.insert($0.id).inserted }.sorted { $0.id < $1.id }
    }

    /// The reply's sections, matched as the type's documentation says.
    private mutating func mergeSections(_ base: [ReplySection]?, _ mine: Case, _ theirs: Case) {
        let (m, t) = (mine.reply.sections, theirs.reply.sections)
        guard let base else {
            let matched = min(m.count, t.count)
            value.reply.sections = (0..<matched).map { mergeSection(nil, m[$0], t[$0], at: $0, mine, theirs) }
                + m.dropFirst(matched) + t.dropFirst(matched)
            return
        }
        if m == base || t == base {
            value.reply.sections = m == base ? t : m
            return
        }
        let ours = SectionMatching(base: base, side: m), other = SectionMatching(base: base, side: t)
        var merged: [ReplySection] = []
        func addedAfter(_ i: Int) {
            let added = ours.added[i] ?? []
            merged += added + (other.added[i] ?? []).filter { !added.contains($0) }
        }
        addedAfter(-1)
        for (i, b) in base.enumerated() {
            switch (ours.sideIndex[i].map { m[$0] }, other.sideIndex[i].map { t[$0] }) {
            case let (mineSection?, theirSection?): merged.append(mergeSection(b, mineSection, theirSection, at: merged.count, mine, theirs))
            case let (mineSection?, nil) where mineSection != b: merged.append(mineSection)
            case let (nil, theirSection?) where theirSection != b: merged.append(theirSection)
            default: break
            }
            addedAfter(i)
        }
        value.reply.sections = merged
    }

    /// One section both sides kept, merged field by field with `MergeField.section`'s fields; a
    /// clash is recorded under the section's number in the merged reply (`index`, from 0).
    private mutating func mergeSection(_ base: ReplySection?, _ ours: ReplySection, _ other: ReplySection, at index: Int,
                                       _ mine: Case, _ theirs: Case) -> ReplySection {
        func alone(_ c: Case, _ section: ReplySection) -> Case {
            var c = c
            c.reply.sections = [section]
            return c
        }
        let (b, m, t) = (base.map { alone(mine, $0) }, alone(mine, ours), alone(theirs, other))
        var result = m
        for (field, named) in zip(MergeField.section(0), MergeField.section(index)) where field.merge(b, m, t, &result) {
            record(named.path, field.text(m), field.text(t))
        }
        return result.reply.sections[0]
    }

    /// The append-only records: union in time order (`ThreeWay.records`). An outcome is the same
    /// record whether or not one side has since marked it 更正.
    private mutating func mergeRecords(_ base: Case?, _ mine: Case, _ theirs: Case) {
        value.outcomes = ThreeWay.records(base?.outcomes, mine.outcomes, theirs.outcomes,
                                          identity: { var o = $0; o.correction = nil; return o }, time: \.date)
        value.feedback = ThreeWay.records(base?.feedback, mine.feedback, theirs.feedback, identity: { $0 }, time: { $0.date?.description ?? "" })
        value.contacts = ThreeWay.records(base?.contacts, mine.contacts, theirs.contacts, identity: { $0 }, time: \.date)
        value.previousReplies = ThreeWay.records(base?.previousReplies, mine.previousReplies, theirs.previousReplies,
                                                 identity: { $0 }, time: { $0.date?.description ?? "" })
        value.conflicts = ThreeWay.records(base?.conflicts, mine.conflicts, theirs.conflicts, identity: { $0 }, time: { RecordTime($0.time) })
        value.journal = ThreeWay.records(base?.journal, mine.journal, theirs.journal, identity: { $0 }, time: { RecordTime($0.time) })
    }

    /// Who wrote `side`'s changes: the user of its latest journal entry that `base` does not have.
    static func latestUser(of side: Case, since base: Case?) -> String {
        let before = Set(base?.journal ?? [])
        return side.journal.last { !before.contains($0) }?.user ?? ""
    }

    /// The fields and records in which `merged` differs from `mine`, named as the journal names them.
    static func differences(from mine: Case, to merged: Case) -> [String] {
        typealias K = CaseFileKey
        var names = MergeField.caseFields.filter { $0.text(mine) != $0.text(merged) }.map(\.path)
        let parts: [(String, Bool)] = [
            (K.signers, mine.jointSigners == merged.jointSigners), (K.otherUnits, mine.otherUnits == merged.otherUnits),
            (K.merged, mine.mergedCases == merged.mergedCases), (K.outcomes, mine.outcomes == merged.outcomes),
            (K.feedback, mine.feedback == merged.feedback), (K.contacts, mine.contacts == merged.contacts),
            ("\(K.reply).\(K.sections)", mine.reply.sections == merged.reply.sections),
            ("\(K.reply).\(K.attachments)", mine.reply.attachments == merged.reply.attachments),
            ("\(K.reply).\(K.jointUnits)", mine.reply.jointUnits == merged.reply.jointUnits),
            ("\(K.reply).\(K.copyTo)", mine.reply.copyTo == merged.reply.copyTo),
            ("\(K.reply).\(K.reportTo)", mine.reply.reportTo == merged.reply.reportTo),
            (K.previousReplies, mine.previousReplies == merged.previousReplies),
            (K.conflicts, mine.conflicts == merged.conflicts), (K.journal, mine.journal == merged.journal),
        ]
        names += parts.filter { !$0.1 }.map(\.0)
        // Every change brings journal lines: 日志 is named only when nothing else came.
        return names.count > 1 ? names.filter { $0 != K.journal } : names
    }
}
