import Testing
@testable import Model
import TestSupport

/// Incremental search over header fields, proposal text and reply.
@Suite struct CaseSearchTests {
    let summaries: [CaseSummary]
    let index: TextIndex

    init() throws {
        let store = try CaseStore.create(at: Fixtures.temporaryDirectory() + "/store", vocabulary: Fixtures.configuration().vocabulary)
        func make(_ number: String, title: String, text: String, reply: String = "") -> Case {
            var c = Fixtures.fullCase(number: number)
            c.title = title
            c.text = text
            c.reply = reply.isEmpty ? Reply() : Reply(opening: reply, sections: [ReplySection(heading: "推进减负", text: "一是……")])
            c.previousReplies = []
            return c
        }
        try store.create(make("001", title: "关于社区养老的建议", text: "建议在老旧小区加装电梯。\n第二段。\n开一家Cafe\u{301}。\n"))
        try store.create(make("002", title: "关于居\u{200B}委会减负的建议", text: "减轻负担。\n见第０９０号文件。\n",
                              reply: "西部花苑居委会打破了冷漠壁垒。"))
        try store.create(make("003", title: "关于台账的建议", text: "居委会印章使用\t不规范。\n", reply: "将推行 Electronic Ledger 电子台账。"))
        summaries = try store.list().summaries
        index = try store.textIndex()
    }

    func hits(_ query: String, text: Bool = true) -> [SearchHit] {
        var search = CaseSearch(summaries, text: text ? index : nil)
        let found = search.hits(for: query)
        return found.cases.map { SearchHit(position: $0, field: search.field(ofCase: $0, in: found)!) }
    }

    @Test func aWordOnlyInTheTextOrReplyIsFoundThere() {
        #expect(hits("加装电梯") == [SearchHit(position: 0, field: .text)])
        #expect(hits("冷漠壁垒") == [SearchHit(position: 1, field: .reply)])
        #expect(hits("推进减负").map(\.field) == [.reply, .reply])
        #expect(hits("加装电梯", text: false).isEmpty)
    }

    @Test func aHeaderMatchComesBeforeTheText() {
        // 002's title holds 居委会 (behind a zero-width space that the screen does not draw); 003 has it in its text.
        #expect(hits("居委会") == [SearchHit(position: 1, field: .header), SearchHit(position: 2, field: .text)])
        #expect(hits("zx5-2-003") == [SearchHit(position: 2, field: .header)])
    }

    @Test func aMissFindsNothing() {
        #expect(hits("不存在的词").isEmpty)
        #expect(hits("").isEmpty)
        var search = CaseSearch(summaries, text: index)
        #expect(search.hits(for: "不存在的词").next(from: 0, forward: true, in: [0, 1, 2]) == nil)
    }

    @Test func asciiCaseAndTabsDoNotMatter() {
        #expect(hits("electronic LEDGER") == [SearchHit(position: 2, field: .reply)])
        #expect(hits("使用 不规范") == [SearchHit(position: 2, field: .text)])
        // A paragraph break is not a space: no match spans two paragraphs.
        #expect(hits("电梯。第二段").isEmpty)
    }

    @Test func fullWidthFormsAndCanonicalEquivalentsMatchOnBothSides() {
        #expect(SearchText.normalized("ＡＢＣ０９０（…）①Ｅ\u{301}ＸＰ") == Array("abc090(...)1\u{E9}xp".utf8))
        // Full-width digits in the text, typed either way.
        #expect(hits("090") == [SearchHit(position: 1, field: .text)])
        #expect(hits("０９０") == [SearchHit(position: 1, field: .text)])
        // A full-width ID finds the header; full-width Latin finds lowercase ASCII in the reply.
        #expect(hits("ＺＸ５－２－００３") == [SearchHit(position: 2, field: .header)])
        #expect(hits("ＬＥＤＧＥＲ") == [SearchHit(position: 2, field: .reply)])
        // A decomposed é in the text, found by a composed one (and a capital) and the other way round.
        #expect(hits("caf\u{E9}") == [SearchHit(position: 0, field: .text)])
        #expect(hits("CAF\u{C9}") == [SearchHit(position: 0, field: .text)])
        #expect(hits("cafe\u{301}") == [SearchHit(position: 0, field: .text)])
        #expect(hits("cafe").isEmpty)
    }

    @Test func aGrowingQueryNarrowsTheEarlierHitsAndBackspaceReusesThem() {
        var search = CaseSearch(summaries, text: index)
        var earlier: Set<Int> = Set(summaries.indices)
        for query in ["居", "居委", "居委会", "居委会印", "居委会印章"] {
            let found = search.hits(for: query)
            var fresh = CaseSearch(summaries, text: index)
            let scanned = fresh.hits(for: query)
            #expect(found.cases == scanned.cases, "\(query)")
            #expect(found.cases.map { search.field(ofCase: $0, in: found) } == scanned.cases.map { fresh.field(ofCase: $0, in: scanned) })
            #expect(Set(found.cases).isSubset(of: earlier), "\(query)")
            earlier = Set(found.cases)
        }
        #expect(earlier == [2])
        #expect(search.hits(for: "居委").cases == [1, 2])
        #expect(search.hits(for: "加装").cases == [0])
    }

    @Test func nextAndPreviousWrapAroundTheList() {
        var search = CaseSearch(summaries, text: index)
        let list = [0, 1, 2]
        let all = search.hits(for: "周建平")
        #expect(all.count == 3)
        #expect(all.next(from: 3, forward: true, in: list) == 0)
        #expect(all.next(from: -1, forward: false, in: list) == 2)
        let two = search.hits(for: "居委会")
        #expect(two.next(from: 0, forward: true, in: list) == 1)
        #expect(two.next(from: 2, forward: true, in: list) == 2)
        #expect(two.next(from: 3, forward: true, in: list) == 1)
        #expect(two.next(from: 0, forward: false, in: list) == 2)
        #expect(two.next(from: 1, forward: false, in: list) == 1)
        #expect(search.field(ofCase: 1, in: two) == .header)
        #expect(search.field(ofCase: 0, in: two) == nil)
    }

    @Test func positionsFollowTheListAsFilteredAndSorted() {
        var search = CaseSearch(summaries, text: index)
        let two = search.hits(for: "居委会")
        // The list shows case 2, then case 0; case 1 is filtered out.
        #expect(two.next(from: 0, forward: true, in: [2, 0]) == 0)
        #expect(two.next(from: 1, forward: true, in: [2, 0]) == 0)
        #expect(two.next(from: 1, forward: true, in: [0]) == nil)
    }

    @Test func aRevisedCaseIsSearchedAsItIsNow() throws {
        var search = CaseSearch(summaries, text: index)
        #expect(search.hits(for: "加装").cases == [0])
        var changed = Fixtures.fullCase(number: "001")
        changed.title = "关于无障碍通道的建议"
        changed.text = "建议修缮盲道。\n"
        changed.reply = Reply(opening: "已列入计划。", sections: [])
        search.revise(changed, at: 0)
        // The narrowing kept for “加装” is dropped with the old text.
        #expect(search.hits(for: "加装").cases.isEmpty)
        #expect(search.hits(for: "加").cases.isEmpty)
        for (query, field) in [("无障碍", SearchField.header), ("盲道", .text), ("列入计划", .reply)] {
            let found = search.hits(for: query)
            #expect(found.cases == [0], "\(query)")
            #expect(search.field(ofCase: 0, in: found) == field, "\(query)")
        }
        // Narrowing from a one-character query reads the revised case as it is now.
        #expect(search.hits(for: "盲").cases == [0])
        #expect(search.hits(for: "盲道").cases == [0])
        #expect(search.hits(for: "居委会").cases == [1, 2])
    }

    @Test func aSearchWithADeadlineGoesOnWhereItStoppedAndEndsWithTheSameHits() throws {
        let store = try Fixtures.numberedStore(count: 700)
        let summaries = try store.list().summaries, index = try store.textIndex()
        var sliced = CaseSearch(summaries, text: index)
        var slices = 0
        // Typed a character at a time, each given a deadline already past: one slice of cases per call.
        for query in ["居", "居委", "居委会", "加", "加装", "江南第7", "江南第70"] {
            var found = sliced.hits(for: query, until: .now - .seconds(1))
            if query == "居" || query == "加" { #expect(!found.isComplete && found.cases.allSatisfy { $0 < 256 }) }
            while !found.isComplete {
                found = sliced.hits(for: query, until: .now - .seconds(1))
                slices += 1
            }
            var whole = CaseSearch(summaries, text: index)
            #expect(found.cases == whole.hits(for: query).cases, "\(query)")
        }
        #expect(slices >= 4)
        #expect(sliced.hits(for: "居委会").count == 233)
        #expect(sliced.hits(for: "加装").count == 100)
        #expect(sliced.hits(for: "江南第70").cases == [69, 699])
    }
}
