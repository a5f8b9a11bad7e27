import Foundation
import Model
import Testing
import TestSupport
@testable import TUI

/// The reply form's decisions — save, a refused save, merge, keep a copy, a failing disk, leaving, a
/// hang-up — driven through `App` alone: keys and effect results in, requests out. No store, no
/// runner, no terminal: what the runner would do is read from the requests, and what it reports
/// is written by hand.
@Suite struct FormEffectTests {
    static let today = LocalDate(year: 2026, month: 11, day: 29)!
    static let size = Size(width: 80, height: 24)
    let configuration = try! Fixtures.configuration()
    /// Case 090 as its file holds it once its reply was taken back for changes (更正答复).
    let stored: StoredCase = {
        let configuration = try! Fixtures.configuration()
        let store = try! CaseStore(directory: Fixtures.demoStoreCopy(reopening: ["zx5-2-090"]), vocabulary: configuration.vocabulary)
        return try! store.load(CaseID("zx5-2-090")!)
    }()

    /// The app over case 090 alone, with its list on screen.
    func app() throws -> App {
        let listing = StoreListing(summaries: [stored.value.summary], problems: [], parsedCount: 0)
        let cases = CaseCollection(listing, configuration: configuration, today: Self.today)
        let environment = AppEnvironment(keymap: try Keymap(configuration.keyBindings), user: "bob", clock: .fixed(Self.today),
                                         storeName: "demo", storeDirectory: "/store")
        var app = App(state: AppState(cases: cases), environment: environment)
        app.arrange(Self.size)
        return app
    }

    func press(_ app: inout App, _ keys: Key...) -> [Effect] {
        keys.flatMap { app.handle(.key($0), size: Self.size) }.map(\.effect)
    }

    func type(_ app: inout App, _ text: String) {
        for c in text { _ = app.handle(.key(.character(c)), size: Self.size) }
    }

    /// The id of the screen on top, which effects of its own come back to.
    func topID(_ app: App) -> Int { app.state.stack.last!.id }

    func deliver(_ app: inout App, _ result: EffectResult) -> [Effect] {
        app.deliver(result, to: topID(app), size: Self.size).map(\.effect)
    }

    /// Opens 090's reply as the runner would report it, and types into the closing.
    func openAndType(_ app: inout App, _ text: String) throws {
        #expect(press(&app, .character("r")) == [.openReply(stored.value.id)])
        #expect(deliver(&app, .replyOpened(ReplyOpening(stored: stored, recovery: nil, editing: EditingCheck()))).isEmpty)
        for _ in 0..<60 where app.state.form?.focused.role != .closing { _ = press(&app, .backTab) }
        _ = press(&app, .controlHome)
        type(&app, text)
    }

    /// Someone else's version: alice added to the opening and saved.
    func theirs() -> StoredCase {
        var value = stored.value
        value.reply.opening = "甲改开头。" + value.reply.opening
        value.journal.append(JournalEntry(time: "2026-11-29T09:30:00+08:00", user: "alice", text: "修改答复：开头"))
        return StoredCase(value: value, revision: Revision(value: 42), path: stored.path)
    }

    @Test func saveAsksTheStoreWithTheJournalEntryAndMarksTheFormSaved() throws {
        var app = try app()
        try openAndType(&app, "乙改结尾。")
        let effects = press(&app, .control("s"))
        guard case .saveReply(let value, let base, _) = effects.first, effects.count == 1 else {
            Issue.record("expected one save, got \(effects)")
            return
        }
        #expect(base == stored.revision && value.reply.closing.hasPrefix("乙改结尾。"))
        #expect(value.journal.last?.text == "修改答复：结尾" && value.journal.last?.user == "bob")
        let saved = StoredCase(value: value, revision: Revision(value: 7), path: stored.path)
        #expect(deliver(&app, .replySaved(saved)) == [.discardDraft(stored.value.id)])
        #expect(app.state.message.hasPrefix("已保存 zx5-2-090") && app.state.form?.isModified == false)
        #expect(app.state.form?.stored.revision == Revision(value: 7))
    }

    @Test func aRefusedSaveNamesWhoChangedWhatAndMergingLoadsTheirsAndKeepsTheDraft() throws {
        var app = try app()
        try openAndType(&app, "乙改结尾。")
        _ = press(&app, .control("s"))
        #expect(deliver(&app, .replyRefused(theirs: .success(theirs()), fields: ["答复"], draftProblem: nil)).isEmpty)
        #expect(app.state.menu?.title == "zx5-2-090 已被alice修改：答复开头、日志")
        #expect(app.state.message == "未保存：打开后此案件已被alice修改，你的文字仍在表单中")
        // Merge: the case as it is now is asked for, and the form's changes put onto it.
        #expect(press(&app, .character("2")) == [.loadCase(stored.value.id)])
        let effects = deliver(&app, .caseLoaded(theirs()))
        guard case .writeDraft(let draft, let base, _) = effects.first, effects.count == 1 else {
            Issue.record("expected the merged draft kept, got \(effects)")
            return
        }
        #expect(base == Revision(value: 42))
        #expect(draft.reply.opening.hasPrefix("甲改开头。") && draft.reply.closing.hasPrefix("乙改结尾。"))
        #expect(app.state.message == "已把你的修改放到对方的版本上，核对后按 Ctrl-S 保存")
        // The next save replaces their version, not the one first read.
        guard case .saveReply(_, let next, _) = press(&app, .control("s")).first else { Issue.record("no save"); return }
        #expect(next == Revision(value: 42))
    }

    @Test func keepingMyVersionAsACopyLoadsTheirsAndDropsTheDraft() throws {
        var app = try app()
        try openAndType(&app, "乙改结尾。")
        _ = press(&app, .control("s"))
        _ = deliver(&app, .replyRefused(theirs: .success(theirs()), fields: [], draftProblem: nil))
        let effects = press(&app, .character("3"))
        guard case .saveConflictCopy(let mine, let base) = effects.first else { Issue.record("no copy: \(effects)"); return }
        #expect(mine.reply.closing.hasPrefix("乙改结尾。") && base == stored.revision)
        #expect(deliver(&app, .conflictCopySaved(path: "/store/.banli/conflicts/zx5-2-090.bob.yaml")) == [.loadCase(stored.value.id)])
        #expect(deliver(&app, .caseLoaded(theirs())) == [.discardDraft(stored.value.id)])
        #expect(app.state.message == "你的版本已另存为 .banli/conflicts/zx5-2-090.bob.yaml；表单中是对方的版本")
        #expect(app.state.form?.text(.opening).hasPrefix("甲改开头。") == true && app.state.form?.isModified == false)
    }

    @Test func aCopyThatCannotBeWrittenKeepsTheTextInTheForm() throws {
        var app = try app()
        try openAndType(&app, "乙改结尾。")
        _ = press(&app, .control("s"))
        _ = deliver(&app, .replyRefused(theirs: .failure(.io(path: "x", operation: "读取", errno: EIO)), fields: ["答复"], draftProblem: nil))
        #expect(app.state.menu?.title == "zx5-2-090 已被他人修改：答复")
        _ = press(&app, .character("3"))
        #expect(deliver(&app, .failed(.io(path: "/store/.banli/conflicts", operation: "写入", errno: ENOSPC))).isEmpty)
        #expect(app.state.message == "无法另存副本（磁盘空间不足），你的文字仍在表单中")
        #expect(app.state.form?.text(.closing).hasPrefix("乙改结尾。") == true)
    }

    @Test func aDiskThatRefusesTheSaveIsNamedAndTheDraftIsNotWrittenAgainAtOnce() throws {
        var app = try app()
        try openAndType(&app, "满了。")
        _ = press(&app, .control("s"))
        _ = deliver(&app, .replyNotSaved(.io(path: "/store/zx5-2-090.yaml", operation: "写入", errno: ENOSPC), draftProblem: nil))
        #expect(app.state.message == "未能保存 zx5-2-090.yaml：磁盘空间不足。文字仍在表单中，草稿已存入恢复文件")
        // The refused save kept the draft: a pause right after writes nothing more.
        #expect(app.handle(.idle, size: Self.size).isEmpty)
        _ = deliver(&app, .replyNotSaved(.io(path: "/store/zx5-2-090.yaml", operation: "写入", errno: EROFS),
                                         draftProblem: .io(path: "/store/.banli/recovery/zx5-2-090.wangli.yaml", operation: "写入", errno: EROFS)))
        #expect(app.state.message == "未能保存 zx5-2-090.yaml：文件系统为只读。恢复文件也无法写入 .banli/recovery（文件系统为只读），文字只在表单中")
    }

    @Test func autosaveWritesAChangedDraftWhenTheUserPauses() throws {
        var app = try app()
        try openAndType(&app, "停一下。")
        let effects = app.handle(.idle, size: Self.size).map(\.effect)
        guard case .writeDraft(let draft, let base, _) = effects.first, effects.count == 1 else { Issue.record("\(effects)"); return }
        #expect(draft.reply.closing.hasPrefix("停一下。") && base == stored.revision)
        // Unchanged since: nothing more to write.
        #expect(app.handle(.idle, size: Self.size).isEmpty)
    }

    @Test func saveAndLeaveLeavesOnlyOnceSaved() throws {
        var app = try app()
        try openAndType(&app, "存了再走。")
        guard case .saveReply(let value, _, _) = press(&app, .escape, .character("2")).first else { Issue.record("no save"); return }
        _ = deliver(&app, .replyNotSaved(.io(path: "x", operation: "写入", errno: ENOSPC), draftProblem: nil))
        #expect(app.state.form != nil)
        guard case .saveReply = press(&app, .escape, .character("2")).first else { Issue.record("no save"); return }
        let saved = StoredCase(value: value, revision: Revision(value: 8), path: stored.path)
        #expect(deliver(&app, .replySaved(saved)) == [.discardDraft(stored.value.id), .endEditing(stored.value.id)])
        #expect(app.state.form == nil && app.state.top is ListScreen)
    }

    @Test func aHangUpKeepsTheDraftRemovesTheMarkAndEnds() throws {
        var app = try app()
        try openAndType(&app, "断线前写的。")
        let effects = app.handle(.ending(.hangup), size: Self.size).map(\.effect)
        guard effects.count == 3, case .writeDraft(let draft, _, _) = effects[0] else { Issue.record("\(effects)"); return }
        #expect(draft.reply.closing.hasPrefix("断线前写的。"))
        #expect(effects[1] == .endEditing(stored.value.id) && effects[2] == .quit)
    }

    @Test func aHangUpWhileAFoundDraftAwaitsAnAnswerLeavesThatDraftAlone() throws {
        var app = try app()
        _ = press(&app, .character("r"))
        var found = stored.value
        found.reply.closing = "上次没保存的。"
        let recovered = RecoveredDraft(value: found, base: stored.revision, time: "2026-11-28T17:36:00+08:00", path: "r")
        _ = deliver(&app, .replyOpened(ReplyOpening(stored: stored, recovery: .success(recovered), editing: EditingCheck())))
        #expect(app.state.menu?.title == "发现 2026-11-28 17:36 未保存的草稿")
        #expect(app.handle(.ending(.terminate), size: Self.size).map(\.effect) == [.endEditing(stored.value.id), .quit])
    }

    @Test func aHandlingStepIsWorkedOutByTheUpdateAndTheOpenFormFollowsIt() throws {
        var app = try app()
        try openAndType(&app, "草稿。")
        // 090 already has a result: Ctrl-B offers a follow-up (or a correction); it asks for its note.
        _ = press(&app, .control("b"), .character("1"), .character("1"))
        type(&app, "回头看")
        let request = HandlingRequest.outcome("列入计划拟解决", note: "回头看")
        #expect(press(&app, .enter) == [.loadForHandling(request, [stored.value.id])])
        let effects = deliver(&app, .loadedForHandling(request, [stored]))
        guard case .saveHandled(let results, let bases) = effects.first, effects.count == 1 else { Issue.record("\(effects)"); return }
        #expect(bases == [stored.revision] && results.first?.value.outcomes.last?.result == "列入计划拟解决")
        #expect(results.first?.value.reply == stored.value.reply)
        let saved = StoredCase(value: results[0].value, revision: Revision(value: 9), path: stored.path)
        #expect(deliver(&app, .handled(HandlingReport(saved: [saved], results: results))).isEmpty)
        #expect(app.state.message.hasPrefix("zx5-2-090：跟踪办理"))
        // The form keeps its text and will save over the new version, not the one it opened.
        #expect(app.state.form?.stored.revision == Revision(value: 9) && app.state.form?.text(.closing).hasPrefix("草稿。") == true)
        // A rule that refuses the step (已签发 is entered only by signing off) says so, and nothing is saved.
        #expect(deliver(&app, .loadedForHandling(.move("已签发", reason: ""), [stored])).isEmpty)
        #expect(app.state.message.hasPrefix("zx5-2-090：不能"))
    }
}
