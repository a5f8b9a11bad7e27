import Foundation
import Model
import Testing
import TestSupport
@testable import TUI

/// The case form: 新建案件 (`a` on the list) checked as it is typed by `CaseFields`' rule, the ID and
/// the deadline worked out beside the fields, the case created and selected; 修改案件信息 (`E`) saved
/// over the revision read, journalled and undoable; a read-only store refusing both; Esc asking
/// before anything typed is lost; a case saved by a colleague meanwhile merged; the hardware cursor
/// on the caret at 80×24 and 40×12.
@Suite struct CaseFormTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 40, height: 12)]

    static func form(_ s: AppSession) -> CaseForm? { s.state.screen(CaseFormScreen.self)?.form }

    /// Tabs to `field` in the open form.
    static func focus(_ field: CaseField, in s: AppSession) {
        for _ in 0..<20 where Self.form(s)?.focused.field != field { s.keys(.tab) }
    }

    /// Replaces the focused field's text with `text`.
    static func retype(_ text: String, in s: AppSession) {
        s.keys(.control("u"))
        s.type(text)
    }

    /// The last screen row holding `text` (the title bar may too), which must be on screen.
    static func row(_ text: String, on label: String = "", in s: AppSession) throws -> Int {
        try #require(s.lines.lastIndex { $0.contains(text) && (label.isEmpty || $0.contains(label)) }, "\(text) not in \(s.lines)")
    }

    /// Every line fits the width, and the cursor stands right after `text` on its row (the last
    /// holding `label` too).
    static func expectCursorAfter(_ text: String, on label: String = "", in s: AppSession, width: Int) throws {
        for line in s.lines { #expect(TextMetrics.width(of: line) <= width, "\(line)") }
        let row = try row(text, on: label, in: s)
        let line = s.lines[row]
        let end = line.range(of: text, options: .backwards)!.upperBound
        let cursor = try #require(s.terminal.cursor)
        #expect(cursor.y == row && cursor.x == TextMetrics.width(of: line[..<end]), "\(cursor) \(line)")
    }

    @Test(arguments: sizes) func aNewCaseTypedWithABadDateThenFixedIsCreatedAndSelected(size: Size) throws {
        let s = try AppSession(width: size.width, height: size.height)
        s.keys(.character("a"))
        #expect(s.lines[0].contains("新建案件"))
        #expect(Self.form(s)?.focused.field == .kind)
        try Self.expectCursorAfter("[", on: "类型", in: s, width: size.width)
        s.keys(.right)
        #expect(Self.form(s)?.text(.kind) == "建议")
        try Self.expectCursorAfter("[", on: "类型", in: s, width: size.width)
        s.keys(.character(" "))
        #expect(Self.form(s)?.text(.kind) == "提案")
        s.keys(.tab)
        s.type("六届五次")
        s.keys(.tab)
        s.type("130")
        try Self.expectCursorAfter("130", on: "案号", in: s, width: size.width)
        // The ID the fields give, under 案号.
        #expect(s.lines.contains { $0.contains("zx6-5-130") }, "\(s.lines)")
        s.keys(.tab)
        s.type("关于加强社区养老服务设施建设的提案")
        try Self.expectCursorAfter("设施建设的提案", in: s, width: size.width)
        s.keys(.tab)
        s.type("王建国")
        Self.focus(.isKey, in: s)
        s.keys(.character(" "))
        #expect(Self.form(s)?.text(.isKey) == "是")
        try Self.expectCursorAfter("否 [", on: "重点", in: s, width: size.width)
        Self.focus(.role, in: s)
        try Self.expectCursorAfter("[", on: size.width < 50 ? "方式" : "承办方式", in: s, width: size.width)
        Self.focus(.assignedOn, in: s)
        #expect(Self.form(s)?.text(.assignedOn) == AppSession.today.description)
        Self.retype("2026-02-30", in: s)
        // The problem shows under the field as it is typed; no deadline can be worked out.
        // (Wrapped at 40 columns.)
        let shown = s.lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined()
        #expect(shown.contains("！“2026-02-30”无效：2026年2月没有30日"), "\(s.lines)")
        #expect(s.lines.contains { $0.contains("交办日期无效") }, "\(s.lines)")
        s.keys(.control("s"))
        #expect(s.state.top is CaseFormScreen)
        #expect(s.message.hasPrefix("未保存：交办日期："), "\(s.message)")
        Self.retype("2026-03-06", in: s)
        try Self.expectCursorAfter("2026-03-06", in: s, width: size.width)
        #expect(s.lines.contains { $0.contains("2026-06-06（交办后三个月）") }, "\(s.lines)")
        #expect(!s.lines.contains { $0.contains("！") })
        s.keys(.control("s"))
        #expect(s.state.top is ListScreen)
        #expect(s.message == "已新建案件 zx6-5-130")
        #expect(s.selected == "zx6-5-130")
        let created = try s.load("zx6-5-130")
        #expect(created.title == "关于加强社区养老服务设施建设的提案" && created.leadProposer == "王建国" && created.isKey)
        #expect(created.assignedOn == LocalDate(iso: "2026-03-06") && created.deadline == LocalDate(iso: "2026-06-06"))
        #expect(created.handler == s.user && created.journal.map(\.text) == ["新建案件"])
    }

    @Test func aTakenNumberIsSaidAndTheCaseGetsAFreeOne() throws {
        let s = try AppSession()
        s.keys(.character("a"), .tab)
        s.type("6-5")
        s.keys(.tab)
        s.type("093")
        #expect(s.lines.contains { $0.contains("zx6-5-093；已有 zx6-5-093《关于提升社区食堂") }, "\(s.lines)")
        s.keys(.tab)
        s.type("标题")
        s.keys(.tab)
        s.type("领衔")
        // Saving asks first, naming the case there; refused, nothing is created.
        s.keys(.control("s"))
        #expect(s.state.top is ConfirmationLayer, "\(s.lines)")
        #expect(s.lines.contains { $0.contains("已有 zx6-5-093《") }, "\(s.lines)")
        s.keys(.character("n"))
        #expect(s.state.top is CaseFormScreen && (try? s.load("zx6-5-093-2")) == nil)
        s.keys(.control("s"))
        s.keys(.character("y"))
        #expect(s.message == "已新建案件 zx6-5-093-2（zx6-5-093 已有，另编此号）", "\(s.message)")
        #expect(try s.load("zx6-5-093-2").printedNumber == "093")
    }

    @Test(arguments: sizes) func anEditOfHandlerAndDeadlineIsSavedJournalledAndUndone(size: Size) throws {
        let s = try AppSession(width: size.width, height: size.height)
        let before = try s.load("zx6-5-093")
        s.select("zx6-5-093")
        s.keys(.character("E"))
        #expect(s.lines[0].contains("修改案件信息 zx6-5-093"))
        // The ID's parts are shown, not focused.
        #expect(Self.form(s)?.focused.field == .title)
        try Self.expectCursorAfter("运营能力的建议", in: s, width: size.width)
        Self.focus(.deadline, in: s)
        Self.retype("2026-12-20", in: s)
        try Self.expectCursorAfter("2026-12-20", in: s, width: size.width)
        s.keys(.control("s"))
        #expect(s.message.hasPrefix("未保存：期限说明：改了办理期限，须写明理由"), "\(s.message)")
        #expect(Self.form(s)?.focused.field == .deadlineNote)
        s.type("经协商延期")
        Self.focus(.handler, in: s)
        Self.retype("李四", in: s)
        s.keys(.control("s"))
        #expect(!(s.state.top is CaseFormScreen))
        let entry = "答复期限：2026-10-20 → 2026-12-20 经协商延期；经办人：zhaomin → 李四"
        #expect(s.message == "已保存 zx6-5-093 的案件信息：" + entry, "\(s.message)")
        let file = String(decoding: Fixtures.bytes(s.store.path(of: CaseID("zx6-5-093")!)), as: UTF8.self)
        #expect(file.contains("答复期限: 2026-12-20\n期限说明: 经协商延期\n") && file.contains("经办人: 李四\n"), "\(file)")
        let saved = try s.load("zx6-5-093")
        #expect(saved.journal.last?.text == entry && saved.journal.last?.user == s.user)
        #expect(saved.title == before.title && saved.status == before.status)
        // Undone from the list like every change.
        s.keys(.character("u"))
        s.keys(.character("y"))
        let undone = try s.load("zx6-5-093")
        #expect(undone.handler == "zhaomin" && undone.deadline == before.deadline && undone.deadlineNote == "", "\(s.message)")
    }

    @Test(arguments: sizes) func aChangedAssignmentMovesADeadlineByTheRuleAndIsRefusedAfterTheRecords(size: Size) throws {
        let s = try AppSession(width: size.width, height: size.height)
        s.select("zx6-5-093")
        s.keys(.character("E"))
        Self.focus(.assignedOn, in: s)
        Self.retype("2026-07-10", in: s)
        // Shown before saving: the deadline (by the rule, no 期限说明) follows.
        #expect(s.lines.contains { $0.contains("保存后") && $0.contains("期限随之改为 2026-10-10") }, "\(s.lines)")
        try Self.expectCursorAfter("2026-07-10", in: s, width: size.width)
        Self.retype("2026-08-10", in: s)
        s.keys(.control("s"))
        #expect(s.message.hasPrefix("未保存：交办日期：2026-08-10 晚于已有的签收（2026-07-21）"), "\(s.message)")
        Self.retype("2026-07-10", in: s)
        s.keys(.control("s"))
        #expect(s.message.contains("交办日期：2026-07-20 → 2026-07-10") && s.message.contains("答复期限：2026-10-20 → 2026-10-10"), "\(s.message)")
        let saved = try s.load("zx6-5-093")
        #expect(saved.deadline == LocalDate(iso: "2026-10-10") && saved.deadlineNote == "")
    }

    @Test func aDeadlineClearedToTheSameOneIsNoChangeAndTheFormIsNotLeftUnsaved() throws {
        let s = try AppSession()
        s.select("zx6-5-093")
        s.keys(.character("E"))
        Self.focus(.deadline, in: s)
        s.keys(.control("u"))
        #expect(s.lines[0].contains("未保存"))
        s.keys(.control("s"))
        #expect(s.message == "没有修改", "\(s.message)")
        #expect(!s.lines[0].contains("未保存"), "\(s.lines[0])")
        s.keys(.escape)
        #expect(!(s.state.top is CaseFormScreen), "\(s.lines)")
    }

    @Test func aPasteWithLineBreaksIntoAOneLineFieldKeepsEveryLine() throws {
        let s = try AppSession()
        s.keys(.character("a"))
        Self.focus(.title, in: s)
        s.send(.paste("关于加强\r\n社区养老\n\n服务的建议"))
        #expect(Self.form(s)?.text(.title) == "关于加强 社区养老 服务的建议")
        #expect(s.message == "标题只有一行：粘贴的3行已用空格连成一行", "\(s.message)")
    }

    @Test func theEditKeyWorksOnTheDueListAndTheDetail() throws {
        let s = try AppSession()
        s.select("zx6-5-093")
        s.keys(.enter, .character("E"))
        #expect(s.state.top is CaseFormScreen)
        s.keys(.escape)
        #expect(s.state.top is DetailScreen)
        s.keys(.escape, .character("d"))
        #expect(s.state.top is DueScreen)
        s.keys(.character("E"))
        #expect(s.state.top is CaseFormScreen)
    }

    @Test func aReadOnlyStoreRefusesBothFormsInOneLine() throws {
        let directory = Fixtures.demoStoreCopy()
        let recovery = directory + "/.banli/recovery"
        try FileManager.default.createDirectory(atPath: directory + "/.banli", withIntermediateDirectories: true)
        try? FileManager.default.removeItem(atPath: recovery)
        #expect(symlink(Fixtures.temporaryDirectory("outside"), recovery) == 0)
        let vocabulary = try Fixtures.configuration().vocabulary
        var cause: StoreError?
        do { _ = try CaseStore(directory: directory, vocabulary: vocabulary, access: .readWrite) } catch { cause = error }
        let s = try AppSession(store: directory, access: .readOnly, readOnlyCause: cause)
        s.keys(.character("a"))
        #expect(s.state.top is ListScreen)
        #expect(s.message == "案件库以只读方式打开，不能新建案件（banli check 说明如何修复）")
        s.select("zx6-5-093")
        s.keys(.character("E"))
        #expect(s.state.top is ListScreen)
        #expect(s.message == "案件库以只读方式打开，不能修改案件信息（banli check 说明如何修复）")
    }

    @Test func escapeAsksBeforeAnythingTypedIsLost() throws {
        let s = try AppSession()
        let count = s.state.cases.all.count
        s.keys(.character("a"), .escape)
        #expect(s.state.top is ListScreen)
        s.keys(.character("a"), .tab)
        s.type("6-5")
        s.keys(.escape)
        #expect(s.state.menu?.title == "新案件尚未保存")
        s.keys(.character("1"))
        #expect(Self.form(s)?.text(.meeting) == "6-5")
        s.keys(.escape, .character("3"))
        #expect(s.state.top is ConfirmationLayer)
        s.keys(.character("y"))
        #expect(s.state.top is ListScreen && s.message == "未新建案件")
        let listed = try s.store.list().summaries.count
        #expect(s.state.cases.all.count == count && listed == count)
    }

    @Test func aCaseSavedByAColleagueMeanwhileIsMergedAndWhoIsEditingIsSaid() throws {
        let directory = Fixtures.demoStoreCopy()
        let alice = try AppSession(store: directory, user: "alice"), bob = try AppSession(store: directory, user: "bob")
        let id = CaseID("zx6-5-093")!
        alice.select(id.description)
        alice.keys(.character("E"))
        bob.select(id.description)
        bob.keys(.character("E"))
        #expect(bob.message.hasPrefix("alice") && bob.message.hasSuffix("正在编辑此案件"), "\(bob.message)")
        // Alice changes the topic and saves; Bob, who read the case before, changes the title.
        Self.focus(.topic, in: alice)
        Self.retype("社区食堂", in: alice)
        alice.keys(.control("s"))
        bob.type("（修改）")
        bob.keys(.control("s"))
        #expect(bob.state.menu?.title == "zx6-5-093 已被alice修改：主题、日志", "\(String(describing: bob.state.menu?.title))")
        bob.keys(.character("2"))
        #expect(Self.form(bob)?.text(.topic) == "社区食堂")
        bob.keys(.control("s"))
        let saved = try bob.load(id.description)
        #expect(saved.topic == "社区食堂" && saved.title.hasSuffix("（修改）") && saved.journal.suffix(2).map(\.user) == ["alice", "bob"])
        #expect(bob.store.editingMarks(of: id).map(\.user) == [])
    }

    @Test func theTextIsEditedInTheUsersEditorAndAChoiceFromItsMenu() throws {
        let script = Fixtures.temporaryDirectory() + "/editor.sh"
        Fixtures.write("#!/bin/sh\nprintf '外部编辑器写的正文。\\n第二段。' > \"$1\"\n", to: script)
        chmod(script, 0o755)
        let s = try AppSession(environment: ["VISUAL": script])
        s.keys(.character("a"), .control("o"))
        #expect(s.message == "外部编辑器用于正文：按 Tab 移到正文")
        Self.focus(.role, in: s)
        s.keys(.enter)
        #expect(s.state.menu?.title == "承办方式")
        s.keys(.character("2"))
        #expect(Self.form(s)?.text(.role) == "会办")
        // 主办单位 is asked for once the case is 会办.
        s.keys(.tab)
        #expect(Self.form(s)?.focused.field == .leadUnit)
        Self.focus(.text, in: s)
        s.keys(.control("o"))
        #expect(Self.form(s)?.text(.text) == "外部编辑器写的正文。\n第二段。")
        #expect(s.message == "已从外部编辑器取回正文")
        #expect(s.lines.contains { $0.hasPrefix("  外部编辑器写的正文。") })
    }
}
