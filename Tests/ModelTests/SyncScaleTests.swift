import Foundation
import Model
import Testing
import TestSupport

/// After a sync brings cases into a large store, only their files are read again: the list index
/// and the search's text cache trust every other file by its stamp. `BANLI_SYNC_CASES` sets the
/// store's size (default 300; the figures in docs/sync.md come from 10,000), and the times are printed.
@Suite struct SyncScaleTests {
    static let cases = ProcessInfo.processInfo.environment["BANLI_SYNC_CASES"].flatMap(Int.init) ?? 300
    static let changed = 50

    @Test func aSyncBringingFiftyCasesReReadsOnlyThem() throws {
        let stores = try SharedStores(count: Self.cases)
        let b = try stores.store("b")
        _ = try b.list()
        _ = try b.textIndex()
        // The caches vouch only for files settled before they were written (`isSettled`).
        usleep(20_000)
        _ = try b.list()
        _ = try b.textIndex()
        for n in 1...Self.changed { try stores.edit("a", n * (Self.cases / Self.changed), title: "甲改\(n)") }
        let start = ContinuousClock.now
        let sent = try stores.sync("a")
        let sentTime = ContinuousClock.now - start
        let received = try stores.sync("b")
        let receivedTime = ContinuousClock.now - start - sentTime
        #expect(sent.sent == Self.changed && received.receivedCases.count == Self.changed)
        let listing = try b.list()
        let listTime = ContinuousClock.now - start - sentTime - receivedTime
        _ = try b.textIndex()
        let textTime = ContinuousClock.now - start - sentTime - receivedTime - listTime
        #expect(listing.parsedCount == Self.changed)
        print("sync at \(Self.cases) cases, \(Self.changed) changed: sending \(sentTime), receiving \(receivedTime), "
              + "list after \(listTime) (\(listing.parsedCount) files parsed), search text after \(textTime)")
    }
}
