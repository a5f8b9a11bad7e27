import Foundation
import Testing
@testable import Model
import TestSupport

/// `CaseMerge` on random edits of both sides: nothing either side wrote is lost, nothing comes out
/// twice, the result is a valid case file, and merging is symmetric up to which side is "mine".
@Suite struct CaseMergePropertyTests {
    let configuration = try! Fixtures.configuration()

    /// One random edit of `c`, as a clerk's step would make it.
    func edit(_ c: inout Case, _ random: inout SplitMix64, user: String, step: Int) {
        let word = ["甲", "乙", "丙", "丁"][Int(random.next() % 4)] + "\(random.next() % 3)"
        let time = String(format: "2026-12-%02dT%02d:00:00+08:00", 1 + Int(random.next() % 5), Int(random.next() % 24))
        switch random.next() % 9 {
        case 0: c.title = word
        case 1: c.reply.opening = word
        case 2: if !c.reply.sections.isEmpty { c.reply.sections[Int(random.next() % UInt64(c.reply.sections.count))].text = word }
        case 3: c.status = configuration.vocabulary.statuses[Int(random.next() % UInt64(configuration.vocabulary.statuses.count))]
        case 4: c.jointSigners.append(word)
        case 5: if !c.jointSigners.isEmpty { c.jointSigners.removeFirst() }
        case 6: c.reply.sections.append(ReplySection(heading: word, text: user))
        case 7: c.contacts.append(ContactEntry(date: LocalDate(year: 2018, month: 5, day: 1 + Int(random.next() % 20))!, method: .phone,
                                               people: user, summary: word))
        default: if c.journal.count > 1, random.next() % 2 == 0 { c.journal.removeLast() }
        }
        c.journal.append(JournalEntry(time: time, user: user, text: "第\(step)步"))
    }

    @Test func randomEditsLoseNothingAndMergeSymmetrically() throws {
        var random = SplitMix64(seed: 18)
        let decoder = CaseFileDecoder(vocabulary: configuration.vocabulary)
        for round in 0..<300 {
            let base = Fixtures.fullCase()
            var mine = base, theirs = base
            for step in 0..<Int(1 + random.next() % 4) { edit(&mine, &random, user: "wangli", step: step) }
            for step in 0..<Int(1 + random.next() % 4) { edit(&theirs, &random, user: "lihua", step: step + 10) }
            let ours = CaseMerge(base: base, mine: mine, theirs: theirs, user: "m", time: "2026-12-08T00:00:00+08:00")
            let other = CaseMerge(base: base, mine: theirs, theirs: mine, user: "m", time: "2026-12-08T00:00:00+08:00")
            let merged = ours.value
            // Every journal entry and contact added on either side is there, once; removed ones stay removed.
            let added = Set(mine.journal + theirs.journal).subtracting(base.journal)
            let removed = Set(base.journal).subtracting(mine.journal).union(Set(base.journal).subtracting(theirs.journal))
            #expect(added.isSubset(of: merged.journal), "round \(round)")
            #expect(removed.isDisjoint(with: merged.journal), "round \(round)")
            #expect(Set(merged.journal).count == merged.journal.count, "round \(round)")
            #expect(Set(mine.contacts + theirs.contacts) == Set(merged.contacts) && Set(merged.contacts).count == merged.contacts.count)
            #expect(merged.journal.dropLast().map(\.time) == merged.journal.dropLast().map(\.time).sorted(), "round \(round)")
            // Every field both changed differently is a conflict holding theirs; every other takes the changed side.
            for field in MergeField.caseFields {
                let (b, m, t, r) = (field.text(base), field.text(mine), field.text(theirs), field.text(merged))
                if m != b && t != b && m != t {
                    #expect(r == m && ours.conflicts.contains { $0.field == field.path && $0.theirs == t }, "round \(round) \(field.path)")
                } else {
                    #expect(r == (m != b ? m : t), "round \(round) \(field.path)")
                }
            }
            // Every section text either side wrote is in the reply or in a conflict.
            let kept = Set(merged.reply.sections.map(\.text) + ours.conflicts.map(\.theirs))
            #expect(Set(mine.reply.sections.map(\.text) + theirs.reply.sections.map(\.text)).subtracting(base.reply.sections.map(\.text))
                .isSubset(of: kept), "round \(round)")
            // Symmetric: the same conflicts, sides swapped; the same records and names.
            #expect(Set(ours.conflicts.map(\.field)) == Set(other.conflicts.map(\.field)))
            #expect(ours.conflicts.map(\.theirs).sorted() == other.conflicts.map(\.mine).sorted())
            #expect(Set(merged.journal.dropLast()) == Set(other.value.journal.dropLast()) && Set(merged.contacts) == Set(other.value.contacts))
            #expect(Set(merged.jointSigners) == Set(other.value.jointSigners))
            // A valid case file.
            let file = CaseFileEncoder.encode(merged)
            #expect(try decoder.decode(Array(file.utf8), path: "merged.yaml") == merged, "round \(round)")
        }
    }
}
