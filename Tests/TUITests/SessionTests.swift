import Foundation
import Model
import Testing
import TestSupport
@testable import TUI

/// The session around the screens: a day that turns while banli is open, a hang-up or SIGTERM with
/// a draft, Ctrl-Z, and quitting with drafts left in the store.
@Suite struct SessionTests {
    /// A clock the test moves on.
    final class MovingClock: @unchecked Sendable {
        private let lock = NSLock()
        private var instant: Date
        init(_ date: Date) { instant = date }
        var now: Date {
            get { lock.withLock { instant } }
            set { lock.withLock { instant = newValue } }
        }
        var clock: Clock { Clock(now: { self.now }, timeZone: TimeZone(identifier: "Asia/Shanghai")!) }
    }

    @Test func aSessionLeftOpenPastMidnightMovesToTheNewDay() throws {
        // 23:59 on 29 November, Shanghai time.
        let moving = MovingClock(Clock.fixed(AppSession.today).now().addingTimeInterval(15 * 3600 - 60))
        let s = try AppSession(clock: moving.clock)
        s.keys()
        #expect(s.lines[0].hasSuffix("共32件 未办结14 逾期3 7天内2"))
        #expect(s.lines[10].contains("剩9天"))
        s.keys(.character("d"))
        #expect(s.lines.contains { $0.hasPrefix("zx6-5-101  退回/改办申请剩1天") })
        s.keys(.escape)
        moving.now = moving.now.addingTimeInterval(120)
        s.send(.idle)
        #expect(s.state.cases.today == LocalDate(year: 2026, month: 11, day: 30))
        #expect(s.lines[10].contains("剩8天"))
        #expect(s.lines.contains { $0.hasPrefix("zx6-5-088") && $0.contains("！逾期20天") })
        s.keys(.character("d"))
        #expect(s.lines.contains { $0.hasPrefix("zx6-5-101  ！退回/改办申请今天截止") })
        s.keys(.escape)
        // A new reply started now is dated today.
        s.openReply("zx6-5-104")
        #expect(s.form?.text(.date) == "2026-11-30")
    }

    @Test func theLoopWakesAtMidnight() throws {
        let at = Clock.fixed(AppSession.today).now().addingTimeInterval(15 * 3600 - 2)
        let clock = Clock(now: { at }, timeZone: TimeZone(identifier: "Asia/Shanghai")!)
        #expect((2001...2002).contains(clock.millisecondsUntilMidnight()))
    }

    @Test func aHangUpWithADraftWritesItToTheRecoveryFileAndRemovesTheMark() throws {
        let s = try AppSession()
        s.openReply("zx6-5-101")
        s.type("断线前最后一句")
        // Autosave wrote the first key at once, the rest waits for a pause that never comes.
        #expect(try s.store.recovery(for: CaseID("zx6-5-101")!, user: "tester")?.get().value.reply.sections.first?.heading == "断")
        s.terminal.send(.ending(.hangup))
        #expect(s.runner.run() == .quit)
        let draft = try #require(try s.store.recovery(for: CaseID("zx6-5-101")!, user: "tester")?.get())
        #expect(draft.value.reply.sections.first?.heading == "断线前最后一句")
        #expect(s.store.editingMarks(of: CaseID("zx6-5-101")!).isEmpty)
        #expect(try s.load("zx6-5-101").reply.isEmpty)
    }

    @Test func inputThatEndsIsTreatedAsAHangUp() throws {
        let s = try AppSession()
        s.openReply("zx6-5-101")
        s.type("终端关了")
        // The queue is empty: for the in-memory terminal that is the end of input.
        #expect(s.runner.run() == .inputEnded)
        s.runner.end()
        #expect(try s.store.recovery(for: CaseID("zx6-5-101")!, user: "tester")?.get().value.reply.sections.first?.heading == "终端关了")
    }

    @Test func ctrlZStopsBanliOutsideTheFormAndUndoesInside() throws {
        let s = try AppSession()
        s.keys(.control("z"))
        #expect(s.terminal.suspensions == 1)
        s.openReply("zx6-5-101")
        s.type("撤销我")
        s.keys(.control("z"))
        #expect(s.terminal.suspensions == 1 && s.form?.text(.heading(0)) == "")
        s.keys(.escape, .character("/"), .control("z"))
        #expect(s.terminal.suspensions == 2)
    }

    @Test func quittingWithDraftsLeftInTheStoreAsksFirst() throws {
        let directory = Fixtures.demoStoreCopy()
        try AppSession.leavingADraft(in: directory, case: "zx6-5-101", text: "留在恢复文件里")
        let s = try AppSession(store: directory)
        s.terminal.send(keys: [.character("q")])
        #expect(s.runner.run() == .inputEnded)
        #expect(s.state.top is ConfirmationLayer)
        #expect(s.lines.joined().contains("有 1 份未保存的答复草稿（zx6-5-101）"))
        s.terminal.send(keys: [.enter])
        #expect(s.runner.run() == .inputEnded && s.state.top is ListScreen)
        s.terminal.send(keys: [.character("q"), .character("y")])
        #expect(s.runner.run() == .quit)
    }
}
