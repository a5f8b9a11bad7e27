import Foundation
import Testing
@testable import Model
import TestSupport

/// The list index: what it gives back must be exactly what parsing every case file gives, and an index
/// that is damaged in any way is ignored and rebuilt.
@Suite struct StoreIndexTests {
    let configuration = try! Fixtures.configuration()
    var vocabulary: CaseVocabulary { configuration.vocabulary }

    /// Summaries as the full decoder reads them, in ID order (`loadAll` brings the index up to date).
    func decodedSummaries(_ store: CaseStore) throws -> [CaseSummary] {
        let all = try store.loadAll()
        #expect(all.problems.isEmpty)
        return all.cases.map(\.summary).sorted { $0.id < $1.id }
    }

    /// A store with awkward cases: text needing escapes in every text field, numbers that are not all
    /// digits (which sort after the others), no deadline, no signers, several signers.
    func awkwardStore() throws -> CaseStore {
        let store = try CaseStore.create(at: Fixtures.temporaryDirectory() + "/store", vocabulary: vocabulary)
        try store.create(Fixtures.fullCase())
        var tricky = Fixtures.fullCase(number: "9")
        tricky.title = "标题\t带制表符\\反斜杠\n和换行\r回车"
        tricky.leadProposer = "张\\三"
        tricky.jointSigners = ["李\t四", "", "王五\n"]
        tricky.topic = "\\t不是转义"
        tricky.handler = "a\tb"
        tricky.deadline = nil
        tricky.reply = Reply()
        tricky.signOff = nil
        tricky.feedback = []
        tricky.contacts = []
        tricky.outcomes = []
        try store.create(tricky)
        var plain = Fixtures.fullCase(number: "10a")
        plain.jointSigners = []
        plain.feedback = [Feedback(satisfaction: .dissatisfied)]
        try store.create(plain)
        var suggestion = Fixtures.fullCase(number: "001")
        suggestion.kind = .suggestion
        suggestion.reply.date = nil
        try store.create(suggestion)
        return store
    }

    @Test(arguments: [false, true])
    func theIndexGivesWhatTheFullDecoderGives(demo: Bool) throws {
        let store = demo ? try CaseStore(directory: Fixtures.demoStoreCopy(), vocabulary: vocabulary) : try awkwardStore()
        let expected = try decodedSummaries(store)
        try FileManager.default.removeItem(atPath: store.indexPath)
        try Fixtures.waitForTheNextTick(after: store.directory)
        let built = try store.list()
        #expect(built.parsedCount == expected.count && built.summaries == expected)
        let fromIndex = try store.list()
        #expect(fromIndex.parsedCount == 0 && fromIndex.summaries == expected)
    }

    @Test func statisticsFromTheIndexMatchThoseFromEveryCaseInFull() throws {
        let store = try awkwardStore()
        try Fixtures.waitForTheNextTick(after: store.directory)
        _ = try store.list()
        let listing = try store.list()
        #expect(listing.parsedCount == 0)
        let cases = try store.loadAll().cases
        #expect(CaseStatistics(listing.summaries, configuration: configuration)
                == CaseStatistics(cases.map(\.summary), configuration: configuration))
    }

    @Test func aChangedAddedOrRemovedFileIsReadAgainAndTheRestComeFromTheIndex() throws {
        let store = try awkwardStore()
        try Fixtures.waitForTheNextTick(after: store.directory)
        _ = try store.list()
        var c = try store.load(CaseID("zx5-2-090")!)
        c.value.title = "改过的标题"
        try store.save(c.value, replacing: c.revision)
        try store.create(Fixtures.fullCase(number: "050"))
        try FileManager.default.removeItem(atPath: store.path(of: CaseID("zx5-2-10a")!))
        var announced: [Int] = []
        try Fixtures.waitForTheNextTick(after: store.directory)
        let listing = try store.list { announced.append($0) }
        #expect(listing.parsedCount == 2 && announced == [2])
        #expect(listing.summaries == (try decodedSummaries(store)))
        #expect(listing.summaries.map(\.id.description) == ["zx5-2-9", "zx5-2-050", "zx5-2-090", "rd5-2-001"])
        #expect(try store.list { announced.append($0) }.parsedCount == 0)
        #expect(announced == [2])
    }

    @Test func aDamagedIndexIsIgnoredAndRebuilt() throws {
        let store = try awkwardStore()
        _ = try store.list()
        let path = store.indexPath
        let good = Fixtures.bytes(path)
        let text = String(decoding: good, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let damaged: [[UInt8]] = [
            [],
            Array(good.dropLast()),                                          // cut short: no final newline
            Array(good.prefix(good.count / 2)),                              // cut in the middle of a line
            Array(text.replacingOccurrences(of: StoreIndex.header, with: "banli-index/2").utf8),
            Array(([lines[0], lines[2], lines[1]] + lines[3...]).joined(separator: "\n").utf8),  // out of order
            Array(text.replacingOccurrences(of: "\t会办\t", with: "\t主持\t").utf8),     // unknown role
            Array(text.replacingOccurrences(of: "\t2018-03-20\t", with: "\t2018-02-30\t").utf8), // no such day
            Array(([lines[0], lines[1] + "\textra"] + lines[2...]).joined(separator: "\n").utf8),
            Array(([lines[0], String(lines[1].prefix { $0 != "\t" })] + lines[2...]).joined(separator: "\n").utf8),
            good + Array("garbage\n".utf8),
        ]
        let expected = try decodedSummaries(store)
        try Fixtures.waitForTheNextTick(after: store.directory)
        for bytes in damaged {
            Fixtures.write(String(decoding: bytes, as: UTF8.self), to: path)
            let listing = try store.list()
            #expect(listing.parsedCount == expected.count && listing.summaries == expected)
            #expect(try store.list().parsedCount == 0)
        }
    }
}
