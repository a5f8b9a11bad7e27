import Foundation
import Model
import Testing
import TestSupport
@testable import TUI

/// The list follows changes made behind the app — by the command line or a colleague — in the
/// in-memory terminal over a copy of the demo store: a merge and an unmerge saved by another
/// process, a case deleted and restored, and a case edited in place that the app reads again.
@Suite struct StoreChangesScreenTests {
    func row(_ id: String, _ s: AppSession) -> String? { s.lines.dropLast(2).first { $0.hasPrefix(id + " ") } }

    @Test func aMergeUnmergeDeleteAndRestoreMadeElsewhereReachTheListWithoutAKey() throws {
        let s = try AppSession()
        let store = s.store, count = s.state.cases.all.count
        let handling = CaseHandling(configuration: try Fixtures.configuration(), user: "lihua", clock: .fixed(AppSession.today))
        let carrier = try store.load(CaseID("zx6-5-101")!), merged = try store.load(CaseID("zx6-5-104")!)
        // As `banli merge 101 104` run by a colleague saves it: the merged case first, the carrier last.
        let results = try handling.merge([merged.value], into: carrier.value)
        _ = try store.save(results[0].value, replacing: merged.revision)
        _ = try store.save(results[1].value, replacing: carrier.revision)
        s.send(.idle)
        #expect(row("zx6-5-104", s)?.contains("已并案") == true, "\(s.lines)")
        #expect(s.state.cases.summary(of: CaseID("zx6-5-104")!)?.disposition != nil)
        // `banli unmerge 104`.
        let now = try store.load(CaseID("zx6-5-104")!), carrierNow = try store.load(CaseID("zx6-5-101")!)
        let taken = try handling.unmerge(now.value, from: carrierNow.value)
        for t in taken { _ = try store.save(t.value, replacing: try store.load(t.value.id).revision) }
        s.send(.idle)
        #expect(row("zx6-5-104", s)?.contains("已并案") == false && row("zx6-5-104", s)?.contains("待签收") == true, "\(s.lines)")
        // `banli delete 104`, then `banli restore 104`: gone from the list, then back.
        _ = try store.delete(CaseID("zx6-5-104")!, replacing: try store.load(CaseID("zx6-5-104")!).revision, time: "2026-11-29T10:00:00+08:00")
        s.send(.idle)
        #expect(row("zx6-5-104", s) == nil && s.state.cases.all.count == count - 1)
        _ = try store.restore(CaseID("zx6-5-104")!)
        s.send(.idle)
        #expect(row("zx6-5-104", s) != nil && s.state.cases.all.count == count)
    }

    @Test func aCaseReadAgainForItsDetailUpdatesItsRow() throws {
        let s = try AppSession()
        let path = s.store.path(of: CaseID("zx6-5-101")!)
        // Edited in place, as an editor does (the directory does not change): only reading it shows it.
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "状态: 待签收", with: "状态: 办理中")
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
        s.select("zx6-5-101")
        #expect(row("zx6-5-101", s)?.contains("待签收") == true)
        s.keys(.enter)
        s.keys(.escape)
        #expect(row("zx6-5-101", s)?.contains("办理中") == true, "\(s.lines)")
    }
}
