import Testing
@testable import Model
import TestSupport

/// `CaseFields` for a case already in the store (the edit form): the same rule as a new case's,
/// the ID and file kept, a changed deadline only with a reason of its own, the change journalled in
/// `CaseDifference`'s words and undone by the store's undo step; and what the new-case form shows
/// while it is typed (the ID, the configured deadline).
@Suite struct CaseFieldsEditTests {
    let configuration = HandlingFixture.configuration
    let today = LocalDate(iso: "2026-03-06")!
    let handling = CaseHandling(configuration: HandlingFixture.configuration, user: "zhaomin", clock: .fixed(LocalDate(iso: "2026-03-06")!))

    @Test func aCaseShownAndTakenBackUnchangedIsTheSameCase() throws {
        let c = Fixtures.fullCase()
        #expect(try CaseFields(c).edited(c, configuration: configuration, today: today) == c)
        #expect(try handling.recordEdit(from: c, to: CaseFields(c).edited(c, configuration: configuration, today: today)) == nil)
    }

    @Test func theOwnFieldsChangeAndTheIDStateAndRecordsStay() throws {
        let c = Fixtures.fullCase()
        var fields = CaseFields(c)
        fields.kind = "建议"; fields.meeting = "9-9"; fields.number = "777"
        fields.title = " 关于河道整治的提案 "; fields.jointSigners = "甲，乙"; fields.isKey = "否"; fields.role = "主办"; fields.leadUnit = ""
        fields.handler = "李四"
        let edited = try fields.edited(c, configuration: configuration, today: today)
        #expect(edited.id == c.id && edited.status == c.status && edited.outcomes == c.outcomes && edited.reply == c.reply)
        #expect(edited.title == "关于河道整治的提案" && edited.jointSigners == ["甲", "乙"] && !edited.isKey && edited.role == .lead)
        #expect(edited.handler == "李四" && edited.journal == c.journal)
        let entry = try #require(try handling.recordEdit(from: c, to: edited)).entry
        #expect(entry.text.contains("标题：关于我区居民委员会若干问题的建议 → 关于河道整治的提案"), "\(entry.text)")
        #expect(entry.text.contains("经办人：wangli → 李四") && entry.text.contains("重点：是 → 否"), "\(entry.text)")
        // A list filled in from empty says it was empty.
        var bare = c
        bare.jointSigners = []
        var signers = CaseFields(bare)
        signers.jointSigners = "周强、吴敏"
        let filled = try #require(try handling.recordEdit(from: bare, to: signers.edited(bare, configuration: configuration, today: today))).entry
        #expect(filled.text == "联名人：（无） → 周强、吴敏", "\(filled.text)")
    }

    @Test func aChangedDeadlineNeedsAReasonOfItsOwn() throws {
        let c = Fixtures.fullCase()
        var fields = CaseFields(c)
        fields.deadline = "2018-07-20"
        #expect(throws: FieldProblems([FieldProblem(.deadlineNote, "改了办理期限，须写明理由（如：经协商延期）")])) {
            try fields.edited(c, configuration: configuration, today: today)
        }
        fields.deadlineNote = "经协商再延期一个月"
        let edited = try fields.edited(c, configuration: configuration, today: today)
        #expect(edited.deadline == LocalDate(iso: "2018-07-20") && edited.deadlineNote == "经协商再延期一个月")
        let entry = try #require(try handling.recordEdit(from: c, to: edited)).entry
        #expect(entry.text == "答复期限：2018-06-20 经提案委同意延期 → 2018-07-20 经协商再延期一个月")
        // Cleared, it is worked out again from the rules, with no reason.
        fields.deadline = ""
        let ruled = try fields.edited(c, configuration: configuration, today: today)
        #expect(ruled.deadline == configuration.deadlines.replyDeadline(assignedOn: c.assignedOn!, role: c.role) && ruled.deadlineNote == "")
    }

    @Test func aDeadlineBeforeTheAssignmentIsRefusedForNewAndEditedCasesAlike() throws {
        var fields = CaseFields()
        fields.kind = "提案"; fields.number = "1"; fields.title = "题"; fields.leadProposer = "人"
        fields.assignedOn = "2026-03-06"; fields.deadline = "2026-03-01"
        #expect(throws: FieldProblems([FieldProblem(.deadline, "早于交办日期 2026-03-06")])) {
            try fields.validated(configuration: configuration, today: today, user: "u", time: "t")
        }
        let c = Fixtures.fullCase()
        var edit = CaseFields(c)
        edit.deadline = "2018-01-01"; edit.deadlineNote = "笔误"
        #expect(throws: FieldProblems([FieldProblem(.deadline, "早于交办日期 2018-03-20")])) {
            try edit.edited(c, configuration: configuration, today: today)
        }
    }

    @Test func aDeadlineThatFollowedTheRuleFollowsAChangedAssignmentAndAHandSetOneStays() throws {
        var c = Fixtures.fullCase()
        c.contacts = []; c.outcomes = []; c.signOff = nil; c.reply.date = nil; c.feedback = []; c.journal = []
        c.deadline = configuration.deadlines.replyDeadline(assignedOn: c.assignedOn!, role: c.role)
        c.deadlineNote = ""
        var fields = CaseFields(c)
        fields.assignedOn = "2018-04-20"
        #expect(fields.followsAssignment(c))
        let moved = try fields.edited(c, configuration: configuration, today: today)
        #expect(moved.deadline == configuration.deadlines.replyDeadline(assignedOn: LocalDate(iso: "2018-04-20")!, role: c.role))
        #expect(moved.deadlineNote == "")
        // Set by hand (a reason given), the deadline stays where it was.
        c.deadlineNote = "经提案委同意延期"
        fields = CaseFields(c)
        fields.assignedOn = "2018-04-20"
        #expect(!fields.followsAssignment(c))
        #expect(try fields.edited(c, configuration: configuration, today: today).deadline == c.deadline)
    }

    @Test func aChangedAssignmentAfterTheCasesRecordsOrTodayIsRefusedNamingTheRecord() throws {
        var c = Fixtures.fullCase()
        c.outcomes = []; c.signOff = nil; c.reply.date = nil; c.feedback = []; c.journal = []
        c.contacts = [ContactEntry(date: LocalDate(iso: "2018-05-02")!, method: .visit, people: "人", summary: "谈")]
        var fields = CaseFields(c)
        fields.assignedOn = "2018-06-01"
        #expect(throws: FieldProblems([FieldProblem(.assignedOn, "2018-06-01 晚于已有的面商（走访）（2018-05-02）")])) {
            try fields.edited(c, configuration: configuration, today: today)
        }
        fields.assignedOn = "2018-05-01"
        #expect(try fields.edited(c, configuration: configuration, today: today).assignedOn == LocalDate(iso: "2018-05-01"))
        c.journal = [JournalEntry(time: "2018-04-10T09:00:00+08:00", user: "u", text: "状态：待签收 → 办理中")]
        #expect(c.earliestRecord?.what == "状态变更（待签收 → 办理中）")
        fields.assignedOn = "2026-03-07"
        #expect((try? fields.edited(c, configuration: configuration, today: today)) == nil)
        var new = CaseFields()
        new.kind = "提案"; new.number = "1"; new.title = "题"; new.leadProposer = "人"; new.assignedOn = "2026-03-07"
        #expect(throws: FieldProblems([FieldProblem(.assignedOn, "2026-03-07 晚于今天 2026-03-06")])) {
            try new.validated(configuration: configuration, today: today, user: "u", time: "t")
        }
    }

    @Test func theFormShowsTheIDAndTheConfiguredDeadlineWhileTyping() {
        var fields = CaseFields()
        #expect(fields.caseID == nil)
        fields.kind = "提案"; fields.meeting = "六届五次"; fields.number = "090"
        #expect(fields.caseID?.description == "zx6-5-090")
        fields.number = "第52号"
        #expect(fields.caseID?.description == "zx6-5-52")
        fields.meeting = "甲乙"
        #expect(fields.caseID == nil)
        fields.assignedOn = "2026-03-06"
        #expect(fields.configuredDeadline(configuration: configuration, today: today) == LocalDate(iso: "2026-06-06"))
        fields.role = "会办"
        #expect(fields.configuredDeadline(configuration: configuration, today: today)
                == configuration.deadlines.replyDeadline(assignedOn: today, role: .coHandler))
        fields.assignedOn = "2026-02-30"
        #expect(fields.configuredDeadline(configuration: configuration, today: today) == nil)
    }

    /// The edit is saved like any change: its undo step restores every field it changed.
    @Test func anEditIsUndoneByTheStoresUndoStep() throws {
        let store = try CaseStore.create(at: Fixtures.temporaryDirectory("banli-edit-undo"), vocabulary: configuration.vocabulary)
        let c = Fixtures.fullCase()
        let created = try store.create(c)
        var fields = CaseFields(c)
        fields.handler = "李四"; fields.deadline = "2018-08-20"; fields.deadlineNote = "延期"; fields.otherUnits = "区水务局"
        let edited = try #require(try handling.recordEdit(from: c, to: fields.edited(c, configuration: configuration, today: today)))
        let saved = try store.save(edited.value, replacing: created.revision)
        let step = try #require(try store.lastChange(of: c.id))
        let undone = try handling.undo(saved, step)
        #expect(undone.entry.text.hasPrefix(StatusMove.undoPrefix) && undone.entry.text.contains("经办人：wangli → 李四"))
        var expected = c
        expected.journal = undone.value.journal
        #expect(undone.value == expected)
    }
}
