import Foundation
import Testing
@testable import Model
import TestSupport

/// 撤案, 并案 and deleting a case entered by mistake: the handling steps and their refusals, the case
/// file, the carrier's reply wording, the store's deleted directory, the statistics and the ledger.
@Suite struct CaseLifecycleTests {
    let handling = HandlingFixture.handling
    let configuration = HandlingFixture.configuration
    let today = HandlingFixture.today

    /// A suggestion as `banli new` makes it: nothing recorded but its creation.
    static func fresh(_ number: String, lead: String, kind: CaseKind = .suggestion, status: String = "办理中") -> Case {
        Case(kind: kind, meeting: Meeting(term: 7, session: 5), number: number, title: "关于增加养老床位的建议", leadProposer: lead,
             assignedOn: LocalDate(year: 2026, month: 3, day: 6)!, deadline: LocalDate(year: 2026, month: 6, day: 6)!, status: status,
             journal: [JournalEntry(time: "2026-03-06T14:20:00+08:00", user: "zhaomin", text: "新建案件")])
    }

    // MARK: 撤案

    @Test func withdrawingRecordsTheReasonAndClosesTheCase() throws {
        let c = Self.fresh("020", lead: "李四")
        #expect(DeadlineStatus(c.summary, today: today, workflow: configuration.workflow, warnDays: 30) == .dueSoon(daysLeft: 17))
        let done = try handling.withdraw(c, reason: "  提出人书面申请撤回 ")
        #expect(done.value.withdrawal == Withdrawal(date: today, reason: "提出人书面申请撤回", recordedBy: "wangli"))
        #expect(done.value.status == "办理中", "the status is kept, so undo and the file stay plain")
        #expect(done.entry.text == "撤案（2026-05-20）：提出人书面申请撤回")
        let summary = done.value.summary
        #expect(summary.disposition == .withdrawn && summary.shownStatus == "已撤案")
        #expect(DeadlineStatus(summary, today: today, workflow: configuration.workflow, warnDays: 30) == .none)
        #expect(!configuration.workflow.isOpen(summary))
        // Overdue by then, it is still not due: a withdrawn case has nothing left to be late with.
        let later = LocalDate(year: 2026, month: 7, day: 1)!
        #expect(Attention.items(in: [done.value], on: later, configuration: configuration).isEmpty)
        #expect(Attention.items(in: [c], on: later, configuration: configuration).map(\.id) == [c.id])
        // Nothing more happens to it.
        HandlingFixture.expectRefused("已撤案") { () throws(HandlingError) in try handling.move(done.value, to: "待审核") }
        HandlingFixture.expectRefused("已于 2026-05-20 撤案") { () throws(HandlingError) in try handling.withdraw(done.value, reason: "再撤") }
    }

    @Test func withdrawingIsRefusedWithoutAReasonAndOnceTheCaseLeftHandling() {
        HandlingFixture.expectRefused("撤案须写明理由") { () throws(HandlingError) in try handling.withdraw(Self.fresh("020", lead: "李四"), reason: " ") }
        for status in ["已答复", "已办结", "退回"] {
            HandlingFixture.expectRefused("案件为“\(status)”，已不在办理中，不能撤案") {
                () throws(HandlingError) in try handling.withdraw(HandlingFixture.complete(in: status), reason: "撤回")
            }
        }
        HandlingFixture.expectRefused("撤案日期 2026-05-21 晚于今天 2026-05-20") {
            () throws(HandlingError) in try handling.withdraw(Self.fresh("020", lead: "李四"), reason: "撤回", date: LocalDate(year: 2026, month: 5, day: 21)!)
        }
    }

    @Test func aWithdrawalIsUndoneLikeAnyStep() throws {
        let store = try CaseStore.create(at: Fixtures.temporaryDirectory() + "/store", vocabulary: configuration.vocabulary)
        let created = try store.create(Self.fresh("020", lead: "李四"))
        try store.save(handling.withdraw(created.value, reason: "撤回").value, replacing: created.revision)
        let current = try store.load(created.value.id)
        let undone = try handling.undo(current, #require(try store.lastChange(of: created.value.id)))
        #expect(undone.value.withdrawal == nil && undone.entry.text == "撤销：撤案（2026-05-20）：撤回")
    }

    // MARK: 并案

    @Test func mergingPointsEachCaseToTheCarrierAndTheCarrierListsThem() throws {
        let carrier = Self.fresh("019", lead: "倪建荣"), a = Self.fresh("021", lead: "李四"), b = Self.fresh("020", lead: "王五")
        var b2 = b
        b2.jointSigners = ["倪建荣", "赵六"]
        let results = try handling.merge([a, b2], into: carrier)
        #expect(results.map(\.value.id.number) == ["021", "020", "019"], "merged cases first, the carrier last")
        #expect(results[0].value.mergedInto == carrier.id && results[1].value.mergedInto == carrier.id)
        #expect(results[0].entry.text == "并案：并入 rd7-5-019，由其答复")
        let merged = results[2].value
        #expect(merged.mergedCases == [MergedCase(id: b.id, printedNumber: "020", proposers: ["王五", "倪建荣", "赵六"]),
                                       MergedCase(id: a.id, printedNumber: "021", proposers: ["李四"])])
        #expect(results[2].entry.text == "并案：rd7-5-021、rd7-5-020 并入本案，一并答复")
        #expect(results[0].value.summary.shownStatus == "已并案 → 019")
        // The carrier's reply names every proposer once, every case's lead first, and every number,
        // the carrier's first.
        let wording = ReplyWording(for: merged, configuration: configuration)
        #expect(wording.salutation == "倪建荣、王五、李四、赵六代表：")
        #expect(wording.opening == "您提出的关于增加养老床位的第019号、第020号、第021号代表建议收悉，经研究，现将办理情况答复如下：")
        // A case on its own reads as before.
        #expect(ReplyWording(for: carrier, configuration: configuration).opening == "您提出的关于增加养老床位的代表建议收悉，经研究，现将办理情况答复如下：")
        #expect(ReplyWording(for: carrier, configuration: configuration).values["numbers"] == "019号")
        // A merged case has no reply of its own to write.
        HandlingFixture.expectRefused("已并入 rd7-5-019，须先取消并案") { () throws(HandlingError) in try handling.setDisclosure(results[0].value, "不予公开", reason: "x") }
        HandlingFixture.expectRefused("已并入 rd7-5-019，须先取消并案") { () throws(HandlingError) in try handling.withdraw(results[0].value, reason: "x") }
    }

    @Test func mergingRewordsTheCarriersDraftWhereItIsStillTheTemplates() throws {
        var carrier = Self.fresh("019", lead: "倪建荣")
        carrier.reply = Reply.started(for: carrier, configuration: configuration, today: today)
        carrier.reply.opening += "\n第二段。"
        let results = try handling.merge([Self.fresh("020", lead: "李四")], into: carrier)
        let reply = results[1].value.reply
        #expect(reply.salutation == "倪建荣、李四代表：")
        #expect(reply.opening == "您提出的关于增加养老床位的第019号、第020号代表建议收悉，经研究，现将办理情况答复如下：\n第二段。")
        #expect(results[1].entry.text.hasSuffix("；答复的称呼、开头随之更新"))
        // Unmerging puts it back; a clerk's own salutation is left alone.
        let back = try handling.unmerge(results[0].value, from: results[1].value)
        #expect(back.map(\.value.id.number) == ["019", "020"], "the carrier first, as a crash during merge would leave it")
        #expect(back[0].value.reply.salutation == "倪建荣代表：" && back[0].value.mergedCases.isEmpty && back[1].value.mergedInto == nil)
        #expect(back[1].entry.text == "取消并案：不再并入 rd7-5-019")
        var own = carrier
        own.reply.salutation = "尊敬的倪建荣代表："
        #expect(try handling.merge([Self.fresh("020", lead: "李四")], into: own)[1].value.reply.salutation == "尊敬的倪建荣代表：")
    }

    /// Every case's lead is named, whatever `salutation_max_names` (5 here) leaves of the others.
    @Test func aCarriersSalutationNamesEveryLeadBeforeTheLimit() throws {
        func signed(_ number: String, _ lead: String, _ others: [String]) -> Case {
            var c = Self.fresh(number, lead: lead)
            c.jointSigners = others
            return c
        }
        var carrier = signed("019", "倪建荣", ["甲", "乙", "丙"])
        carrier.reply = Reply.started(for: carrier, configuration: configuration, today: today)
        let results = try handling.merge([signed("020", "李四", ["丁", "戊"]), signed("021", "王五", ["己"])], into: carrier)
        #expect(results[2].value.reply.salutation == "倪建荣、李四、王五、甲、乙等代表：")
        #expect(results[2].warnings.isEmpty, "the template's opening was reworded: it names them")
    }

    /// An opening of the clerk's own is not reworded: the merge warns, naming the numbers it leaves out.
    @Test func aMergeIntoAnOpeningOfTheClerksOwnSaysWhichNumbersItLeavesOut() throws {
        var carrier = Self.fresh("019", lead: "倪建荣")
        carrier.reply.opening = "您提出的建议收悉，现答复如下："
        let results = try handling.merge([Self.fresh("020", lead: "李四"), Self.fresh("021", lead: "王五")], into: carrier)
        let merged = results[2]
        #expect(merged.value.reply.opening == "您提出的建议收悉，现答复如下：")
        #expect(merged.warnings == [.openingOmitsMergedNumbers(["第020号", "第021号"])])
        #expect(merged.warnings[0].description == "答复开头未提及并入的第020号、第021号（开头为自拟文字，未自动改写），请补写")
        #expect(merged.value.mergedOpeningNotice(opening: "您提出的第019号、第020号建议收悉") == "答复开头未提及并入的第021号（开头为自拟文字，未自动改写），请补写")
        #expect(merged.value.mergedOpeningNotice(opening: "第019号、第020号、第021号建议收悉") == nil)
    }

    @Test func mergingIsRefusedNamingEachCase() throws {
        let carrier = Self.fresh("019", lead: "倪建荣")
        func refused(_ cases: [Case], into: Case) -> String {
            do {
                _ = try handling.merge(cases, into: into)
                return ""
            } catch {
                return error.description
            }
        }
        #expect(refused([Self.fresh("020", lead: "李四", kind: .proposal)], into: carrier) == "2件中有1件不能办理，均未更改：zx7-5-020：是委员提案，不能并入代表建议")
        #expect(refused([carrier], into: carrier) == "rd7-5-019：不能并入自身")
        var withReply = Self.fresh("020", lead: "李四")
        withReply.reply.opening = "已起草。"
        #expect(refused([withReply], into: carrier) == "2件中有1件不能办理，均未更改：rd7-5-020：已有自己的答复，不能并入其他案件（并案的案件由承接的案件一并答复）")
        let merged = try handling.merge([Self.fresh("020", lead: "李四")], into: carrier)
        // A chain either way: into a merged case, or a carrier merged on.
        #expect(refused([Self.fresh("021", lead: "王五")], into: merged[0].value)
            == "2件中有1件不能办理，均未更改：rd7-5-020：rd7-5-020 已并入 rd7-5-019，不能再承接并案")
        #expect(refused([merged[1].value], into: Self.fresh("021", lead: "王五"))
            == "2件中有1件不能办理，均未更改：rd7-5-019：本案有并入的案件（rd7-5-020），须先取消并案")
        #expect(refused([merged[0].value], into: Self.fresh("021", lead: "王五"))
            == "2件中有1件不能办理，均未更改：rd7-5-020：已并入 rd7-5-019，须先取消并案")
        #expect(refused([Self.fresh("021", lead: "王五", status: "已办结")], into: carrier)
            == "2件中有1件不能办理，均未更改：rd7-5-021：案件为“已办结”，已不在办理中，不能并案")
        #expect(refused([Self.fresh("021", lead: "王五")], into: HandlingFixture.complete(in: "已签发")).hasPrefix("2件中有1件不能办理，均未更改：rd7-5-019：已签发"))
        let withdrawn = try handling.withdraw(Self.fresh("021", lead: "王五"), reason: "撤回").value
        #expect(refused([withdrawn], into: carrier) == "2件中有1件不能办理，均未更改：rd7-5-021：已撤案")
        // The same merge again changes nothing.
        #expect(refused([merged[0].value], into: merged[1].value) == "2件中有1件不能办理，均未更改：rd7-5-019：并案已是“rd7-5-020”，未作更改")
    }

    @Test func unmergingIsRefusedOnceTheCarriersReplyWentOut() throws {
        let merged = try handling.merge([Self.fresh("020", lead: "李四")], into: Self.fresh("019", lead: "倪建荣"))
        var answered = merged[1].value
        answered.status = "已答复"
        HandlingFixture.expectRefused("rd7-5-019 已“已答复”，其答复已一并答复本案，不能取消并案") {
            () throws(HandlingError) in try handling.unmerge(merged[0].value, from: answered)[0]
        }
        HandlingFixture.expectRefused("没有并入其他案件") { () throws(HandlingError) in try handling.unmerge(Self.fresh("021", lead: "王五"), from: nil)[0] }
        // A carrier whose file is gone, or which never listed it (a merge cut short), is left alone.
        #expect(try handling.unmerge(merged[0].value, from: nil).map(\.value.id.number) == ["020"])
    }

    @Test func undoTakesNoSideOfAMergeAlone() throws {
        let store = try CaseStore.create(at: Fixtures.temporaryDirectory() + "/store", vocabulary: configuration.vocabulary)
        let carrier = try store.create(Self.fresh("019", lead: "倪建荣")), merged = try store.create(Self.fresh("020", lead: "李四"))
        let results = try handling.merge([merged.value], into: carrier.value)
        try store.save(results[0].value, replacing: merged.revision)
        try store.save(results[1].value, replacing: carrier.revision)
        for id in [carrier.value.id, merged.value.id] {
            let current = try store.load(id)
            HandlingFixture.expectRefused("最近一次更改“\(results[id == carrier.value.id ? 1 : 0].entry.text)”也改了其他案件，不能单独撤销；请取消并案或重新并案") {
                () throws(HandlingError) in try handling.undo(current, try! #require(try store.lastChange(of: id)))
            }
        }
    }

    // MARK: The case file

    @Test func theNewKeysRoundTripAndOlderFilesLoadUnchanged() throws {
        let merged = try handling.merge([Self.fresh("020", lead: "李四")], into: Self.fresh("019", lead: "倪建荣"))
        let withdrawn = try handling.withdraw(Self.fresh("021", lead: "王五"), reason: "提出人: 调任外地").value
        let decoder = CaseFileDecoder(vocabulary: configuration.vocabulary)
        for c in merged.map(\.value) + [withdrawn] {
            let text = CaseFileEncoder.encode(c)
            #expect(try decoder.decode(Array(text.utf8), path: "x.yaml") == c)
        }
        let carrierText = CaseFileEncoder.encode(merged[1].value)
        #expect(carrierText.contains("\n并案:\n- 编号: rd7-5-020\n  案号: \"020\"\n  提出人: [李四]\n"))
        #expect(CaseFileEncoder.encode(merged[0].value).contains("\n并入: rd7-5-019\n"))
        #expect(CaseFileEncoder.encode(withdrawn).contains("\n撤案:\n  日期: 2026-05-20\n  理由: '提出人: 调任外地'\n  登记人: wangli\n"))
        // A file written before the keys has none of them.
        let old = try decoder.decode(Fixtures.bytes(Fixtures.demoStore + "/zx5-2-090.yaml"), path: "zx5-2-090.yaml")
        #expect(old.withdrawal == nil && old.mergedInto == nil && old.mergedCases.isEmpty && old.disposition == nil)
        let bad = CaseFileEncoder.encode(merged[0].value).replacingOccurrences(of: "并入: rd7-5-019", with: "并入: 第19号")
        #expect(throws: DataFileError.self) { try decoder.decode(Array(bad.utf8), path: "x.yaml") }
    }

    // MARK: Deleting

    @Test func onlyACaseWithNothingRecordedMayBeDeleted() throws {
        try handling.checkDeletable(Self.fresh("020", lead: "李四", status: "待签收"))
        func refusal(_ c: Case) -> String {
            do {
                try handling.checkDeletable(c)
                return ""
            } catch {
                return error.description
            }
        }
        #expect(refusal(HandlingFixture.complete(in: "待签收")) == "已有办理记录（答复），不能删除；只有误建、误导入的案件可以删除")
        #expect(refusal(Self.fresh("020", lead: "李四")) == "已有办理记录（状态“办理中”），不能删除；只有误建、误导入的案件可以删除")
        let moved = try handling.move(Self.fresh("020", lead: "李四", status: "待签收"), to: "办理中").value
        #expect(refusal(moved).hasPrefix("已有办理记录（日志：2026-05-20 wangli 状态：待签收 → 办理中）"))
    }

    @Test func deletingMovesTheFileAsideAndRestoreBringsItBack() throws {
        let store = try CaseStore.create(at: Fixtures.temporaryDirectory() + "/store", vocabulary: configuration.vocabulary)
        let c = Self.fresh("020", lead: "李四", status: "待签收")
        let created = try store.create(c)
        let bytes = Fixtures.bytes(created.path)
        let first = try store.delete(c.id, replacing: created.revision, time: "2026-05-20T10:11:12+08:00")
        #expect(first == store.directory + "/.banli/deleted/rd7-5-020.20260520-101112.yaml")
        #expect(!FileManager.default.fileExists(atPath: created.path) && Fixtures.bytes(first) == bytes)
        #expect(try store.list().summaries.isEmpty)
        // Deleted again within the same second, under a name of its own.
        let again = try store.create(c)
        #expect(throws: StoreError.self) { try store.delete(c.id, replacing: Revision(of: []), time: "2026-05-20T10:11:12+08:00") }
        let second = try store.delete(c.id, replacing: again.revision, time: "2026-05-20T10:11:12+08:00")
        #expect(second.hasSuffix("/rd7-5-020.20260520-101112.2.yaml"))
        #expect(store.deletedVersions(of: c.id) == [first, second])
        #expect(try store.resolveDeleted("020") == c.id)
        let restored = try store.restore(c.id)
        #expect(restored.value == c && store.deletedVersions(of: c.id) == [first])
        #expect(throws: StoreError.self) { try store.restore(c.id) }
        #expect("\(StoreError.alreadyExists(path: created.path))".hasSuffix("已存在，未覆盖"))
        #expect("\(StoreError.notDeleted(id: "999", directory: "d"))" == "d 中没有删除过的案件“999”")
    }

    // MARK: Statistics, ledger, check

    func storeWithEveryDisposition() throws -> CaseStore {
        let store = try CaseStore.create(at: Fixtures.temporaryDirectory() + "/store", vocabulary: configuration.vocabulary)
        for result in try handling.merge([Self.fresh("020", lead: "李四"), Self.fresh("021", lead: "王五")], into: Self.fresh("019", lead: "倪建荣")) {
            try store.create(result.value)
        }
        try store.create(handling.withdraw(Self.fresh("022", lead: "赵六"), reason: "撤回").value)
        try store.create(Self.fresh("023", lead: "孙七"))
        return store
    }

    @Test func statisticsCountWithdrawnAndMergedCasesApart() throws {
        let store = try storeWithEveryDisposition()
        // Read twice: from the files, then from the index the first listing wrote.
        for _ in 0..<2 {
            let figures = Figures(try store.list().summaries, configuration: configuration)
            #expect(figures.total == 5 && figures.withdrawn == 1 && figures.merged == 2 && figures.mergedInto == 1)
            #expect(figures.byStatus.first { $0.name == "办理中" }?.count == 2, "019 and 023; the others count apart")
            #expect(figures.byOutcome.last == Tally(name: "无", count: 2), "019 and 023; the withdrawn and merged count apart")
        }
        let text = CaseStatistics(try store.list().summaries, configuration: configuration).text
        #expect(text.contains("\n撤案 1 件；并案 2 件，并入 1 件答复\n"))
    }

    @Test func theLedgerSaysWhatBecameOfEachCase() throws {
        let cases = try storeWithEveryDisposition().loadAll().cases
        let rows = Dictionary(uniqueKeysWithValues: cases.map { ($0.id.number, Ledger.row($0, meetings: configuration.meetingNaming).last!) })
        #expect(Ledger.columns.last == "撤案并案")
        #expect(rows == ["019": "并案：rd7-5-020、rd7-5-021", "020": "并入 rd7-5-019", "021": "并入 rd7-5-019",
                         "022": "撤案（2026-05-20：撤回）", "023": ""])
    }

    @Test func checkReportsAMergeWhoseSidesDisagree() throws {
        let store = try storeWithEveryDisposition()
        #expect(try store.check().problems.isEmpty)
        // As a crash between the two writes leaves it: 020 points to 019, which does not list it.
        var carrier = try store.load(CaseID("rd7-5-019")!)
        carrier.value.mergedCases.removeAll { $0.id.number == "020" }
        Fixtures.write(CaseFileEncoder.encode(carrier.value), to: carrier.path)
        let problems = try store.check().problems
        #expect(problems.map(\.reason) == ["并入 rd7-5-019，但 rd7-5-019 的“并案”中没有本案（补全：banli merge rd7-5-019 rd7-5-020；或取消：banli unmerge rd7-5-020）"])
        #expect(problems.allSatisfy { $0.severity == .warning })
        // The merged case still reads as merged.
        #expect(try store.load(CaseID("rd7-5-020")!).value.summary.shownStatus == "已并案 → 019")
    }
}
