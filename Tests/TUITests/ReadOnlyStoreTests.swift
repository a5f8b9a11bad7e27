import Foundation
import Model
import Testing
import TestSupport
@testable import TUI

/// A store whose `.banli` (or a directory in it) leads elsewhere is browsed read-only: the terminal
/// UI says why at start, on the status line and in the message log, marks the title bar, and every
/// save reports the read-only store; nothing is written where the link leads.
@Suite struct ReadOnlyStoreTests {
    @Test func aStoreWithALinkedOwnDirectoryIsBrowsedReadOnlySayingWhy() throws {
        let directory = Fixtures.demoStoreCopy()
        let outside = Fixtures.temporaryDirectory("outside")
        let recovery = directory + "/.banli/recovery"
        try FileManager.default.createDirectory(atPath: directory + "/.banli", withIntermediateDirectories: true)
        try? FileManager.default.removeItem(atPath: recovery)
        #expect(symlink(outside, recovery) == 0)
        let vocabulary = try Fixtures.configuration().vocabulary
        var cause: StoreError?
        do { _ = try CaseStore(directory: directory, vocabulary: vocabulary, access: .readWrite) } catch { cause = error }
        #expect(cause?.oddOwnPlace?.kind == .symbolicLink)
        let s = try AppSession(width: 120, store: directory, access: .readOnly, readOnlyCause: cause)
        s.send(.idle)
        let reason = ".banli/recovery 是符号链接：案件库以只读方式打开，不能保存（banli check 说明如何修复）"
        #expect(s.status.contains(reason), "\(s.status)")
        #expect(s.state.log.entries.map(\.text).contains(reason))
        #expect(s.lines[0].contains("只读 · "), "\(s.lines[0])")
        s.openReply("zx6-5-093")
        s.type("答复")
        s.send(.idle)
        s.keys(.control("s"))
        #expect(s.state.log.entries.contains { $0.text.contains("案件库以只读方式打开，未写入") }, "\(s.state.log.entries.map(\.text))")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside).isEmpty)
    }
}
