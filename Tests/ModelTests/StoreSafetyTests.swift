import Foundation
import Testing
@testable import Model
import TestSupport

/// What the store does when the disk fails it, and what lets two people work on one store: drafts
/// kept per user, marks saying who is editing, copies of versions that could not be saved, and the
/// merge of one person's reply changes onto another's.
@Suite struct StoreSafetyTests {
    let vocabulary = try! Fixtures.configuration().vocabulary
    let id = CaseID("zx5-2-090")!
    let now = "2026-11-29T09:00:00+08:00"

    func newStore() throws -> CaseStore {
        try Fixtures.storeHoldingFullCase(vocabulary: vocabulary)
    }

    func names(in directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    }

    // MARK: A failing disk

    @Test(arguments: [(ENOSPC, "磁盘空间不足"), (EROFS, "文件系统为只读"), (EACCES, "没有权限"), (EDQUOT, "超出磁盘配额")])
    func aSaveTheDiskRefusesLeavesTheOldFileWhole(code: Int32, reason: String) throws {
        var store = try newStore()
        let stored = try store.load(id)
        let before = Fixtures.bytes(stored.path)
        store.simulatedFailure = SimulatedDiskFailure(errno: code)
        var edited = stored.value
        edited.reply.closing = String(repeating: "很长的结尾。", count: 2000)
        #expect {
            try store.save(edited, replacing: stored.revision)
        } throws: { error in
            guard case StoreError.io(let path, _, code) = error else { return false }
            // The message names the case file, not the temporary file beside it.
            return path == stored.path && "\(error)".hasSuffix("失败：" + reason)
        }
        #expect(Fixtures.bytes(stored.path) == before)
        #expect(names(in: store.directory) == [".banli", StoreMarker.fileName, "zx5-2-090.yaml"])
        // The disk comes back: the same save goes through, nothing was half-done.
        store.simulatedFailure = nil
        #expect(try store.save(edited, replacing: stored.revision).value.reply.closing == edited.reply.closing)
    }

    @Test func aFailureCanSpareSomeFiles() throws {
        var store = try newStore()
        store.simulatedFailure = SimulatedDiskFailure(errno: ENOSPC) { $0.hasSuffix("zx5-2-090.yaml") }
        let stored = try store.load(id)
        #expect(throws: StoreError.self) { try store.save(stored.value, replacing: stored.revision) }
        try store.writeRecovery(stored.value, base: stored.revision, time: now, user: "wangli")
        #expect(store.recovery(for: id, user: "wangli") != nil)
    }

    @Test func temporaryFilesOfDeadWritersAreRemovedAndOthersKept() throws {
        let store = try newStore()
        let dead = try Self.deadProcess()
        let abandoned = [store.directory + "/.zx5-2-090.yaml.tmp-\(dead)-123",
                         store.directory + "/.banli/.index.tsv.tmp-\(dead)-9"]
        let kept = [store.directory + "/.zx5-2-091.yaml.tmp-\(getpid())-5", // its writer runs: this process
                    store.directory + "/.zx5-2-092.yaml.tmp-x-5", store.directory + "/.hidden"]
        for path in abandoned + kept { Fixtures.write("半个文件", to: path) }
        // Too young to be sure of (a writer on another machine could share the number).
        #expect(store.removeAbandonedTemporaryFiles().isEmpty)
        #expect(store.removeAbandonedTemporaryFiles(olderThan: .zero).sorted() == abandoned.sorted())
        #expect(kept.allSatisfy { FileManager.default.fileExists(atPath: $0) })
        #expect(try store.list().summaries.count == 1)
    }

    /// The number of a process that has exited.
    static func deadProcess() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    // MARK: Two users

    @Test func eachUserKeepsTheirOwnDraft() throws {
        let store = try newStore()
        let stored = try store.load(id)
        var mine = stored.value, theirs = stored.value
        mine.reply.closing = "王丽的草稿"
        theirs.reply.closing = "张伟的草稿"
        try store.writeRecovery(mine, base: stored.revision, time: now, user: "wangli")
        try store.writeRecovery(theirs, base: stored.revision, time: now, user: "zhangwei")
        // Zhang saves and his draft goes; Wang's stays.
        store.discardRecovery(for: id, user: "zhangwei")
        #expect(try store.recovery(for: id, user: "wangli")?.get().value.reply.closing == "王丽的草稿")
        #expect(store.recovery(for: id, user: "zhangwei") == nil)
        // A user name never leaves the recovery directory.
        #expect(store.recoveryPath(of: id, user: "../x y").hasSuffix("/.banli/recovery/zx5-2-090.___x_y.yaml"))
    }

    @Test func aDraftKeepsTheCaseItWasBegunFromAfterItsOwnText() throws {
        let store = try newStore()
        let stored = try store.load(id)
        var draft = stored.value
        draft.reply.closing = "草稿结尾\n\n# 不是注释\n"
        try store.writeRecovery(draft, base: stored.revision, begunFrom: stored.value, time: now, user: "wangli")
        let found = try #require(try store.recovery(for: id, user: "wangli")?.get())
        #expect(found.value == draft && found.begunFrom == stored.value && found.base == stored.revision)
        // A file written without it (an older banli) still reads, with no base to merge from.
        try store.writeRecovery(draft, base: stored.revision, time: now, user: "wangli")
        #expect(try store.recovery(for: id, user: "wangli")?.get().begunFrom == nil)
    }

    @Test func editingMarksSayWhoHasTheCaseOpen() throws {
        let store = try newStore()
        let first = store.beginEditing(id, user: "wangli", time: "2026-11-29T10:32:00+08:00", now: Date())
        #expect(first.others.isEmpty && first.cleared.isEmpty && first.unmarked == nil)
        let second = store.beginEditing(id, user: "zhangwei", time: "2026-11-29T10:40:00+08:00", now: Date())
        let host = LocalProcess.hostName
        #expect(second.others.map { $0.summary(today: LocalDate(year: 2026, month: 11, day: 29)!) } == ["wangli（\(host)）自 10:32 起"])
        #expect(second.others.first?.summary(today: LocalDate(year: 2026, month: 11, day: 30)!) == "wangli（\(host)）自 11月29日 10:32 起")
        #expect(second.others.first?.pid == getpid())
        // Opening again in the same process is not someone else.
        #expect(store.beginEditing(id, user: "wangli", time: now, now: Date()).others.map(\.user) == ["zhangwei"])
        // Another case is not affected.
        #expect(store.editingMarks(of: CaseID("zx5-2-09")!).isEmpty)
        store.endEditing(id, user: "wangli")
        #expect(store.editingMarks(of: id).map(\.user) == ["zhangwei"])
        store.endEditing(id, user: "zhangwei")
        #expect(names(in: store.directory + "/.banli/editing").isEmpty)
        #expect(try store.list().summaries.count == 1)
    }

    @Test func marksOfEditorsWhoAreGoneAreClearedWithANote() throws {
        let store = try newStore()
        let directory = store.directory + "/.banli/editing"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let host = LocalProcess.hostName
        func mark(_ name: String, user: String, host: String, pid: Int32, start: UInt64? = nil, since: String) {
            let mark = EditingMark(user: user, host: host, process: LocalProcess(pid: pid, start: start), since: since,
                                   path: directory + "/" + name)
            Fixtures.write(mark.text, to: mark.path)
        }
        let ownStart = LocalProcess.current.start
        mark("zx5-2-090.crashed.lock", user: "crashed", host: host, pid: try Self.deadProcess(), since: now)
        mark("zx5-2-090.reused.lock", user: "reused", host: host, pid: getpid(), start: ownStart.map { $0 + 1 }, since: now)
        mark("zx5-2-090.live.lock", user: "live", host: host, pid: getpid(), start: ownStart, since: now)
        mark("zx5-2-090.away.lock", user: "away", host: "其他主机", pid: 1, since: "2026-11-28T22:00:00+08:00")
        mark("zx5-2-090.gone.lock", user: "gone", host: "其他主机", pid: 1, since: "2026-11-28T09:00:00+08:00")
        Fixtures.write("不是编辑标记", to: directory + "/zx5-2-090.junk.lock")
        let clock = Clock.fixed(LocalDate(year: 2026, month: 11, day: 29)!)
        let check = store.beginEditing(id, user: "wangli", time: now, now: clock.now())
        #expect(check.others.map(\.user) == ["away", "live"])
        #expect(check.cleared.map(\.user).sorted() == ["crashed", "gone", "reused"])
        #expect(check.cleared.allSatisfy { !FileManager.default.fileExists(atPath: $0.path) })
        #expect(FileManager.default.fileExists(atPath: directory + "/zx5-2-090.junk.lock"))
    }

    @Test func aStoreThatCannotBeWrittenIsToldWhenEditingBegins() throws {
        var store = try newStore()
        store.simulatedFailure = SimulatedDiskFailure(errno: EROFS)
        let check = store.beginEditing(id, user: "wangli", time: now, now: Date())
        guard case .io(_, _, EROFS) = check.unmarked else { Issue.record("\(String(describing: check.unmarked))"); return }
    }

    @Test func aVersionThatCouldNotBeSavedIsKeptAsACopyThatIsNoCase() throws {
        let store = try newStore()
        var mine = try store.load(id)
        mine.value.reply.closing = "我的结尾"
        let first = try store.saveConflictCopy(mine.value, base: mine.revision, user: "wangli", time: "2026-11-29T10:32:05+08:00")
        let second = try store.saveConflictCopy(mine.value, base: mine.revision, user: "wangli", time: "2026-11-29T10:32:05+08:00")
        #expect(first == store.directory + "/.banli/conflicts/zx5-2-090.wangli.20261129-103205.yaml")
        #expect(second == store.directory + "/.banli/conflicts/zx5-2-090.wangli.20261129-103205-2.yaml")
        let text = String(decoding: Fixtures.bytes(first), as: UTF8.self)
        #expect(text.hasPrefix("# banli 冲突副本：wangli 于 2026-11-29T10:32:05+08:00 保存时"))
        #expect(try store.decoder.decode(Fixtures.bytes(first), path: first) == mine.value)
        #expect(try store.list().summaries.count == 1)
    }

    // MARK: Merging

    @Test func aMergeTakesMyChangedPartsOntoTheirVersion() {
        let base = Fixtures.fullCase()
        var mine = base, theirs = base
        mine.reply.opening = "我改的开头"
        mine.reply.sections[1].text = "我写的第二部分"
        mine.disclosure = Disclosure(category: "主动公开")
        theirs.status = "办理中"
        theirs.journal.append(JournalEntry(time: now, user: "zhangwei", text: "转为办理中"))
        theirs.reply.closing = "他改的结尾"
        theirs.reply.sections[1].text = "他写的第二部分"
        let merge = ReplyMerge(base: base, mine: mine, onto: theirs)
        var expected = theirs
        expected.reply.opening = "我改的开头"
        expected.reply.sections[1].text = "我写的第二部分"
        expected.disclosure = Disclosure(category: "主动公开")
        #expect(merge.value == expected)
        #expect(merge.bothChanged == ["第二部分"])
        // The same change on both sides is no conflict.
        theirs.reply.opening = "我改的开头"
        #expect(ReplyMerge(base: base, mine: mine, onto: theirs).bothChanged == ["第二部分"])
    }

    @Test func sectionsAddedOnOneSideMergeAsAWhole() {
        let base = Fixtures.fullCase()
        var mine = base, theirs = base
        mine.reply.sections.append(ReplySection(heading: "新增", text: "正文"))
        theirs.reply.closing = "他改的结尾"
        let merge = ReplyMerge(base: base, mine: mine, onto: theirs)
        #expect(merge.value.reply.sections.count == 3 && merge.value.reply.closing == "他改的结尾" && merge.bothChanged.isEmpty)
        theirs.reply.sections[0].text = "他改的第一部分"
        #expect(ReplyMerge(base: base, mine: mine, onto: theirs).bothChanged == ["正文各部分"])
    }

    @Test func whatChangedNamesReplyPartsOneByOne() {
        let base = Fixtures.fullCase()
        var theirs = base
        theirs.outcomes.removeLast()
        theirs.reply.opening = "改"
        theirs.reply.copyTo = []
        #expect(CaseDifference.changes(from: base, to: theirs) == ["办理结果", "答复开头", "答复抄送"])
    }
}
