import Foundation
import Model
import Testing
import TestSupport
@testable import TUI

/// `S` on a store shared through git: the sync runs in the background, the status line says how it
/// went, the cases it brought show, and the title bar carries the store's state against its remote.
@Suite struct SyncScreenTests {
    /// The app over clerk `name`'s clone, syncing with the real git.
    static func session(_ stores: SharedStores, _ name: String, width: Int = 80, height: Int = 24) throws -> AppSession {
        try AppSession(width: width, height: height, store: try stores.directory(name), user: name, sharing: { store in
            StoreSync(store: store, git: Git(executable: "/usr/bin/git", directory: store.directory),
                      identity: SharedStores.identity(name), driverCommand: SharedStores.driver)
        })
    }

    /// Idle events until the background work (the sync, the title bar's state) is over.
    static func settle(_ s: AppSession) {
        for _ in 0..<200 {
            s.send(.idle)
            if s.runner.syncing == nil && s.runner.statusReading == nil { return }
            usleep(20_000)
        }
    }

    @Test(arguments: [(80, 24), (40, 12)])
    func syncBringsAColleaguesChangeAndTheTitleBarShowsTheState(width: Int, height: Int) throws {
        let stores = try SharedStores(count: 6)
        let s = try Self.session(stores, "b", width: width, height: height)
        Self.settle(s)
        #expect(s.lines[0].hasPrefix("banli 办理") && s.lines[0].contains("↑0 ↓0"), "\(s.lines[0])")
        try stores.edit("a", 2, title: "甲改过的标题")
        _ = try stores.sync("a")
        try stores.edit("b", 5, title: "乙本机")
        Self.settle(s)
        #expect(s.lines[0].contains("↑1 ↓0"), "\(s.lines[0])")
        s.keys(.character("S"))
        #expect(s.state.log.entries.last?.text.hasPrefix("正在同步") == true)
        Self.settle(s)
        #expect(s.state.log.entries.last?.text == "已同步：上传 1 件案件，收到 1 件", "\(s.state.log.entries.map(\.text))")
        #expect(s.lines.contains { $0.contains("甲改过的标题") }, "\(s.lines.joined(separator: "\n"))")
        #expect(s.lines[0].contains("↑0 ↓0") && TextMetrics.width(of: s.lines[0]) <= width, "\(s.lines[0])")
        #expect(s.terminal.cursor == nil)
    }

    @Test func aCaseWithARecordedConflictIsCountedFirstInTheTitleBar() throws {
        let stores = try SharedStores(count: 3)
        let store = try stores.store("b")
        let stored = try store.load(try store.resolve(["001"])[0])
        var value = stored.value
        value.conflicts = [FieldConflict(field: "标题", mine: value.title, theirs: "对方的标题", time: "2026-12-07T10:00:00+08:00")]
        _ = try store.save(value, replacing: stored.revision)
        let s = try Self.session(stores, "b", width: 40, height: 12)
        Self.settle(s)
        #expect(s.lines[0].contains("冲突1 ↑1 ↓0"), "\(s.lines[0])")
    }

    @Test func onAStoreOfOneMachineTheKeySaysHowToShareIt() throws {
        let s = try AppSession()
        s.keys(.character("S"))
        #expect(s.status.hasPrefix("本案件库不是 git 仓库：先运行 banli git-setup"), "\(s.status)")
        #expect(!s.lines[0].contains("↑"))
    }
}
