import Foundation
import Testing
@testable import Model
import TestSupport

/// The index of which records hold each character must give exactly the records that reading the
/// text gives: it decides which records a search reads at all.
@Suite struct CharacterIndexTests {
    /// A text index over `texts`, one record each (text only), laid out as the text cache lays them out.
    static func index(_ texts: [[UInt8]]) -> TextIndex {
        var bytes: [UInt8] = [], records: [TextIndex.Record] = [], files: [String] = []
        for (i, text) in texts.enumerated() {
            let start = bytes.count
            files.append("\(i).yaml")
            bytes += Array("\(i).yaml\t".utf8)
            let textStart = bytes.count
            bytes += text
            bytes.append(0x09)
            records.append(TextIndex.Record(start: start, text: textStart, reply: bytes.count, end: bytes.count))
            bytes.append(0x0A)
        }
        return TextIndex(buffer: ByteBuffer(bytes), files: files, records: records)
    }

    /// The answer from reading the text, with Foundation's search.
    static func contains(_ text: [UInt8], _ needle: [UInt8]) -> Bool {
        Data(text).range(of: Data(needle)) != nil
    }

    @Test func everyQueryFindsExactlyTheRecordsThatContainIt() {
        // A small alphabet, so that some characters are in most records (kept as bitmaps) and some in
        // few (kept as lists); 9,000 records make more than one block. Some records carry damaged
        // UTF-8 and ASCII; ASCII letters are folded as search folds them.
        var random = SplitMix64(seed: 20261129)
        let alphabet = Array("的是在社区养老服务设施加装电梯居委会殡葬减负台账abc1")
        let rare = Array("彧甪鼋")
        var texts: [[UInt8]] = []
        for i in 0..<9000 {
            var text = String((0..<Int.random(in: 0...30, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
            if i % 97 == 0 { text.insert(rare.randomElement(using: &random)!, at: text.startIndex) }
            var bytes = SearchText.normalized(text)
            if i % 50 == 0 { bytes.insert(contentsOf: [0xE5, 0xFF, 0x80], at: bytes.count / 2) }
            texts.append(bytes)
        }
        let index = Self.index(texts)
        let queries = alphabet.map { String($0) } + rare.map { String($0) } + (0..<100).map { _ in
            String((0..<Int.random(in: 2...4, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
        } + ["殡葬", "彧的", "不存在", "a", "AB", "\u{FFFD}"]
        // The same answers with the characters alone, as while the pairs are still being indexed, and
        // with the pairs.
        for pairsIndexed in [false, true] {
            if pairsIndexed { index.indexPairs() }
            for query in queries {
                let needle = SearchText.normalized(query)
                let query = index.query(needle)
                let found = texts.indices.filter { index.contains(query, inRecord: $0) }
                let expected = texts.indices.filter { Self.contains(texts[$0], needle) }
                #expect(found == expected, "\(query), pairs indexed: \(pairsIndexed)")
            }
        }
    }

    @Test func aSetTurnsIntoABitmapWhenThatIsSmallerAndStaysTheSame() {
        var set = RecordSet()
        let members: [UInt32] = [3, 3, 7, 64, 65, 200]
        for r in members { set.insert(r, count: 256) }
        // 256 records: a list of more than 8 would outgrow a 32-byte bitmap.
        var grown = set
        let added: [UInt32] = [210, 220, 230, 240]
        for r in added { grown.insert(r, count: 256) }
        for r in 0..<256 {
            #expect(set.contains(r) == members.contains(UInt32(r)))
            #expect(grown.contains(r) == (members + added).contains(UInt32(r)))
        }
        var both: [Int] = []
        RecordSet.intersection([grown, set], count: 256) { both.append($0) }
        #expect(both == [3, 7, 64, 65, 200])
        var bitmapsOnly: [Int] = []
        RecordSet.intersection([grown, grown], count: 256) { bitmapsOnly.append($0) }
        #expect(bitmapsOnly == [3, 7, 64, 65, 200, 210, 220, 230, 240])
    }

    @Test func damagedUTF8SkipsOnlyTheBadBytesAndNothingIsAdjacentAcrossThem() {
        var scalars: [UInt32] = [], follows: [Bool] = []
        // A lead byte cut short, a stray continuation byte, an invalid byte, a control character.
        UTF8Scalars.forEach(in: [0xE5, 0xE6, 0xAE, 0xA1, 0x61, 0x80, 0xFF, 0x61, 0x62, 0x1F, 0xF0, 0x9F, 0x91, 0x8D]) {
            scalars.append($0)
            follows.append($1)
        }
        #expect(scalars == ["殡", "a", "a", "b", "👍"].map { $0.unicodeScalars.first!.value })
        #expect(follows == [false, true, false, true, false])
    }

    @Test func twoCharactersAreAPairOnlyWhereTheyStandTogether() {
        // Apart in one record, across a paragraph break in another, across the tab between text and
        // reply in a third, together only in the last: the index alone answers a two-character query.
        var across: [UInt8] = []
        SearchText.append("社\n区", to: &across)
        let texts = [SearchText.normalized("社会区划"), across, SearchText.normalized("社") + [0x09] + SearchText.normalized("区"),
                     SearchText.normalized("社区")]
        let index = Self.index(texts)
        // Before the pairs are indexed, the records holding both characters are read.
        let read = index.query(SearchText.normalized("社区"))
        #expect(!read.isIndexed)
        #expect(texts.indices.filter { index.contains(read, inRecord: $0) } == [3])
        index.indexPairs()
        #expect(index.pairBuildTime != nil)
        let query = index.query(SearchText.normalized("社区"))
        #expect(query.isIndexed)
        #expect(texts.indices.filter { index.contains(query, inRecord: $0) } == [3])
        #expect(CharacterIndex.keys(of: SearchText.normalized("社区"), pairs: false).count == 2)
        #expect(CharacterIndex.keys(of: SearchText.normalized("社区"), pairs: true).count == 1)
    }
}
