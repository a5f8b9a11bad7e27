import Testing
@testable import Model
import TestSupport

/// The search, with its index of characters and adjacent pairs, must find exactly what reading every
/// case's folded header, text and reply finds, in the same order and the same field: the index only
/// decides which texts are read at all.
@Suite struct CaseSearchScanTests {
    /// Few characters, so that most pairs are in many cases (bitmaps) and some in few (lists), and
    /// most longer strings are found nowhere though each of their pairs is found somewhere.
    static let common = Array("的是在社区养老服务设施加装电梯居委会不存词")
    static let rare = Array("彧甪鼋殡葬")
    static let words = ["Cafe", "ab", "ＡＢ", "０９０", "090", "ｃａｆｅ", "\n", "。", "\t"]

    static func text(_ random: inout SplitMix64, length: ClosedRange<Int>) -> String {
        var text = ""
        for _ in 0..<Int.random(in: length, using: &random) {
            switch Int.random(in: 0..<20, using: &random) {
            case 0: text += words.randomElement(using: &random)!
            case 1: text.append(rare.randomElement(using: &random)!)
            default: text.append(common.randomElement(using: &random)!)
            }
        }
        return text
    }

    static func make(_ number: String, _ random: inout SplitMix64) -> Case {
        var c = Fixtures.fullCase(number: number)
        c.title = "关于" + text(&random, length: 2...8) + "的建议"
        c.text = text(&random, length: 10...160)
        c.reply = Bool.random(using: &random) ? Reply(opening: text(&random, length: 5...60),
                                                       sections: [ReplySection(heading: text(&random, length: 1...4), text: text(&random, length: 5...80))])
                                               : Reply()
        c.previousReplies = []
        return c
    }

    /// A case as search sees it: its header fields, text and reply, folded.
    struct Folded {
        let header: [UInt8], text: [UInt8], reply: [UInt8]

        init(_ c: Case) {
            var header: [UInt8] = []
            SearchText.appendHeader(of: c.summary, to: &header)
            self.header = header
            (text, reply) = TextCache.texts(of: c)
        }

        /// Where the case contains `needle`, read naively: the header fields, else the text, else the reply.
        func field(of needle: [UInt8]) -> SearchField? {
            func contains(_ haystack: [UInt8]) -> Bool {
                guard !needle.isEmpty, haystack.count >= needle.count else { return false }
                return (0...(haystack.count - needle.count)).contains { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
            }
            return contains(header) ? .header : contains(text) ? .text : contains(reply) ? .reply : nil
        }
    }

    @Test func everyQueryTypedAKeyAtATimeFindsWhatAPlainScanFindsBeforeAndAfterRevisions() throws {
        var random = SplitMix64(seed: 20261207)
        let store = try CaseStore.create(at: Fixtures.temporaryDirectory() + "/store", vocabulary: Fixtures.configuration().vocabulary)
        var cases: [Case] = []
        for i in 1...120 {
            let c = Self.make(String(format: "%03d", i), &random)
            cases.append(c)
            Fixtures.write(CaseFileEncoder.encode(c), to: store.path(of: c.id))
        }
        let summaries = try store.list().summaries
        var byPosition = summaries.map { s in cases.first { $0.id == s.id }! }
        var folded = byPosition.map(Folded.init)
        var search = CaseSearch(summaries, text: try store.textIndex())

        // Strings cut from the cases (found), strings of common characters (mostly not found though
        // every pair is), rare pairs, ASCII and full-width forms; 1 to 8 characters.
        var queries = Self.common.map { String($0) } + Self.rare.map { String($0) } + Self.words
        queries += ["殡葬", "彧甪", "不存", "不存在的词", "CAFE", "ＣａＦＥ", "AB", "09", "０", "区养老服务设施加装"]
        for _ in 0..<40 {
            let source = Array(byPosition.randomElement(using: &random)!.text)
            let length = Int.random(in: 1...8, using: &random)
            guard source.count > length else { continue }
            let start = Int.random(in: 0...(source.count - length), using: &random)
            queries.append(String(source[start..<(start + length)]))
        }
        for _ in 0..<40 {
            queries.append(String((0..<Int.random(in: 2...8, using: &random)).map { _ in Self.common.randomElement(using: &random)! }))
        }

        func check(round: String) {
            for (n, query) in queries.enumerated() {
                // The index of pairs comes when half the first round is typed, as it comes on another
                // thread while the user searches: before it, the same hits come from reading more text.
                if n == queries.count / 2 { search.indexPairs() }
                // Typed a character at a time, as the prompt searches; every other query in slices.
                var typed = ""
                for character in query {
                    typed.append(character)
                    var found = search.hits(for: typed, until: n % 2 == 0 ? nil : .now - .seconds(1))
                    while !found.isComplete { found = search.hits(for: typed, until: .now - .seconds(1)) }
                    let needle = SearchText.normalized(typed)
                    let expected = folded.indices.compactMap { p in folded[p].field(of: needle).map { SearchHit(position: p, field: $0) } }
                    let got = found.cases.map { SearchHit(position: $0, field: search.field(ofCase: $0, in: found) ?? .header) }
                    #expect(got == expected, "\(round): \(typed)")
                    #expect(found.cases.allSatisfy { search.field(ofCase: $0, in: found) != nil }, "\(round): \(typed)")
                }
            }
        }
        check(round: "as loaded")
        // Cases saved after the search was built are searched as they are now.
        for _ in 0..<20 {
            let position = Int.random(in: 0..<byPosition.count, using: &random)
            let revised = Self.make(byPosition[position].number, &random)
            byPosition[position] = revised
            folded[position] = Folded(revised)
            search.revise(revised, at: position)
        }
        check(round: "revised")
    }
}
