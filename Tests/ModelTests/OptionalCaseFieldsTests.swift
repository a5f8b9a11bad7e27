import Foundation
import Testing
@testable import Model
import TestSupport

/// What a published reply may not carry — 交办日期, 会议, 领衔人 — may be left out of a case file, and
/// every place that uses them makes do without: no computed deadline or return window, empty cells,
/// `会议未知`, never a made-up date.
@Suite struct OptionalCaseFieldsTests {
    let configuration = try! Fixtures.configuration()
    var decoder: CaseFileDecoder { CaseFileDecoder(vocabulary: configuration.vocabulary) }
    static let today = LocalDate(year: 2026, month: 5, day: 20)!

    /// A case file as an import of a published reply writes it: no 会议, 交办日期 or 领衔人.
    static let fileWithoutThem = Fixtures.caseFileWithoutMeetingAssignmentOrLead()

    /// The case of `fileWithoutThem`, built in code, in `status`, with an optional hand-set deadline.
    static func fromReply(status: String = "待签收", deadline: LocalDate? = nil) -> Case {
        Case(kind: .proposal, meeting: .unknown, number: "52", printedNumber: "第52号", title: "关于加强社区养老服务的建议",
             leadProposer: "", assignedOn: nil, deadline: deadline, status: status, text: "建议……。\n")
    }

    @Test func aFileWithoutMeetingAssignmentOrLeadLoadsAndIsWrittenBackWithoutThem() throws {
        let c = try decoder.decode(Array(Self.fileWithoutThem.utf8), path: "zx0-0-52.yaml")
        #expect(c.meeting == .unknown && c.assignedOn == nil && c.leadProposer.isEmpty && c.deadline == nil)
        #expect(c.id.description == "zx0-0-52" && c.printedNumber == "第52号")
        let written = CaseFileEncoder.encode(c)
        #expect(written.hasPrefix("# banli 案件文件 —— 第52号提案\n"), "\(written)")
        for key in ["会议:", "交办日期:", "领衔人:", "答复期限:"] { #expect(!written.contains("\n" + key), "\(key)") }
        #expect(try decoder.decode(Array(written.utf8), path: "zx0-0-52.yaml") == c)
    }

    @Test func theFirstLineNamesAKnownMeetingAndThePrintedNumberAsItStands() throws {
        var c = Fixtures.fullCase()
        c.printedNumber = "B〔2017〕9号"
        let meeting = try Fixtures.configuration().meetingNaming.name(of: c)
        #expect(CaseFileEncoder.encode(c, meetingName: meeting).hasPrefix("# banli 案件文件 —— 区政协第五届委员会第二次会议 B〔2017〕9号提案\n"))
        c.printedNumber = "第9号\n第10号"
        #expect(CaseFileEncoder.encode(c, meetingName: meeting).hasPrefix("# banli 案件文件 —— 区政协第五届委员会第二次会议 第9号 第10号提案\n"))
        #expect(Fixtures.fullCase().numberPhrase == "第090号")
    }

    @Test func aMeetingIsEitherKnownOrUnknownNeverHalf() throws {
        #expect(CaseID("zx0-0-52") == CaseID(kind: .proposal, meeting: .unknown, number: "52"))
        #expect(CaseID("rd0-0-B2017-9")?.number == "B2017-9")
        #expect(CaseID("zx0-2-52") == nil && CaseID("zx5-0-52") == nil)
        let profile = try Fixtures.configuration().profile
        #expect(profile.meetingName(.unknown, kind: .proposal, district: "青浦").isEmpty && profile.meetingName(.unknown, kind: .suggestion, district: "青浦").isEmpty)
        #expect(!Meeting.unknown.isKnown && Meeting(term: 5, session: 2).isKnown)
        for text in ["zx0-0-52", "rd7-5-008", "zx12-3-B2017-9-2", "rd100-99-1"] {
            #expect(CaseID(text)?.length == text.utf8.count, "\(text)")
        }
        // Unknown meetings sort before known ones, as term 0 does.
        #expect(CaseID("zx0-0-52")! < CaseID("zx1-1-1")!)
    }

    @Test func everyOlderCaseFileStillLoadsAndKeepsWhatItHolds() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Fixtures.demoStore).filter { $0.hasSuffix(".yaml") }
        #expect(names.count >= 30)
        for name in names {
            let bytes = Fixtures.bytes(Fixtures.demoStore + "/" + name)
            let c = try decoder.decode(bytes, path: name)
            #expect(c.id.fileName == name && c.meeting.isKnown && c.assignedOn != nil && !c.leadProposer.isEmpty)
            #expect(try decoder.decode(Array(CaseFileEncoder.encode(c).utf8), path: name) == c, "\(name)")
        }
    }

    @Test func noDeadlineNorReturnWindowIsMadeUpWithoutAnAssignmentDate() {
        let rules = configuration.deadlines
        let waiting = Self.fromReply()
        #expect(Attention.items(in: [waiting], on: Self.today, configuration: configuration).isEmpty)
        // The same case assigned ten days ago would be told its window is closing.
        var assigned = waiting
        assigned.assignedOn = Self.today.adding(days: -rules.returnRequestDays)
        #expect(Attention.items(in: [assigned], on: Self.today, configuration: configuration).map(\.reasons) == [[.returnWindow(daysLeft: 0)]])
        // A deadline set by hand still counts.
        let late = Self.fromReply(status: "办理中", deadline: Self.today.adding(days: -3))
        #expect(Attention.items(in: [late], on: Self.today, configuration: configuration).map(\.reasons) == [[.overdue(days: 3)]])
        #expect(DeadlineStatus(late.summary, today: Self.today, workflow: configuration.workflow, warnDays: rules.warnDays) == .overdue(days: 3))
    }

    @Test func handlingStepsCheckOnlyWhatTheCaseHas() throws {
        let handling = CaseHandling(configuration: configuration, user: "wangli", clock: .fixed(Self.today))
        let c = Self.fromReply(status: "办理中")
        // Any deadline will do without a day of assignment to precede it.
        let extended = try handling.setDeadline(c, to: LocalDate(year: 2000, month: 1, day: 1)!, reason: "按原交办单")
        #expect(extended.value.deadline == LocalDate(year: 2000, month: 1, day: 1)!)
        // A 面商 long ago is accepted; one after today is still refused.
        let long = ContactEntry(date: LocalDate(year: 2001, month: 1, day: 1)!, method: .phone, people: "周委员", summary: "沟通")
        #expect(try handling.addContact(c, long).value.contacts.count == 1)
        var ahead = long
        ahead.date = Self.today.adding(days: configuration.deadlines.recordDaysAhead + 1)
        #expect(throws: HandlingError.self) { try handling.addContact(c, ahead) }
    }

    @Test func withoutALeadProposerTheJointSignersStandFirst() {
        var c = Self.fromReply()
        #expect(c.proposers.isEmpty && c.summary.proposersInBrief == "")
        c.jointSigners = ["沈雅琴", "陆卫国"]
        #expect(c.proposers == ["沈雅琴", "陆卫国"] && c.summary.proposersInBrief == "沈雅琴等")
        c.jointSigners = ["沈雅琴"]
        #expect(c.summary.proposersInBrief == "沈雅琴")
        c.leadProposer = "周建平"
        #expect(c.summary.proposersInBrief == "周建平等")
        c.jointSigners = []
        #expect(c.summary.proposersInBrief == "周建平")
        #expect(Fixtures.fullCase().summary.proposersInBrief == "周建平等")
    }

    @Test func theLedgerLeavesEmptyWhatTheCaseDoesNotHave() throws {
        let meetings = try Fixtures.configuration().meetingNaming
        let row = Ledger.row(Self.fromReply(), meetings: meetings)
        func cell(_ column: String) -> String { row[Ledger.columns.firstIndex(of: column)!] }
        #expect(cell("编号") == "zx0-0-52" && cell("会议") == "" && cell("案号") == "第52号")
        #expect(cell("交办日期") == "" && cell("答复期限") == "" && cell("领衔人") == "")
        #expect(Ledger.row(Fixtures.fullCase(), meetings: meetings)[Ledger.columns.firstIndex(of: "案号")!] == "090")
    }

    @Test func statisticsGroupUnknownMeetingsUnderTheirOwnName() {
        let stats = CaseStatistics([Self.fromReply().summary, Fixtures.fullCase().summary], configuration: configuration)
        #expect(stats.meetings.map(\.meeting) == ["会议未知", "区政协第五届委员会第二次会议"])
        #expect(stats.text.contains("\n会议未知（委员提案）：共1件\n"))
    }

    @Test func aChangedPrintedNumberOrAssignmentDateIsADifferenceTheJournalNames() throws {
        let handling = CaseHandling(configuration: configuration, user: "wangli", clock: .fixed(Self.today))
        let old = Self.fromReply()
        var new = old
        new.printedNumber = "第52号（补）"
        new.assignedOn = LocalDate(year: 2026, month: 3, day: 1)!
        #expect(CaseDifference.fields(between: old, and: new) == ["案号", "交办日期"])
        let text = try #require(try handling.recordEdit(from: old, to: new)).entry.text
        #expect(text.contains("案号：第52号 → 第52号（补）") && text.contains("交办日期：2026-03-01"), "\(text)")
    }

    @Test func theIndexKeepsACaseWithoutMeetingOrAssignmentAsTheFileHasIt() throws {
        let store = try CaseStore.create(at: Fixtures.temporaryDirectory() + "/store", vocabulary: configuration.vocabulary)
        try store.create(Fixtures.fullCase())
        try store.create(Self.fromReply())
        var suggestion = Self.fromReply(deadline: LocalDate(year: 2026, month: 6, day: 1)!)
        suggestion.kind = .suggestion
        suggestion.printedNumber = "B〔2017〕9号"
        suggestion.number = "B2017-9"
        try store.create(suggestion)
        let expected = try store.loadAll().cases.map(\.summary).sorted { $0.id < $1.id }
        try FileManager.default.removeItem(atPath: store.indexPath)
        try Fixtures.waitForTheNextTick(after: store.directory)
        let built = try store.list()
        #expect(built.parsedCount == 3 && built.summaries == expected)
        let fromIndex = try store.list()
        #expect(fromIndex.parsedCount == 0 && fromIndex.summaries == expected)
        #expect(fromIndex.summaries.map(\.id.description) == ["zx0-0-52", "zx5-2-090", "rd0-0-B2017-9"])
        #expect(fromIndex.summaries.map(\.assignedOn) == [nil, LocalDate(year: 2018, month: 3, day: 20)!, nil])
        #expect(fromIndex.summaries.map(\.numberAsPrinted) == ["第52号", "090", "B〔2017〕9号"])
        let index = String(decoding: Fixtures.bytes(store.indexPath), as: UTF8.self)
        #expect(index.hasPrefix(StoreIndex.header + "\t") && StoreIndex.header == "banli-index/6")
    }
}

extension OptionalCaseFieldsTests {
    /// A 案号 written by hand with its 第 and 号 fills `第{number}号` once: the templates take the number
    /// as it stands between them.
    @Test func aPrintedNumberWithItsOwnCharactersIsPrintedOnce() throws {
        var c = Self.fromReply()
        c.meeting = Meeting(term: 6, session: 5)
        let title = ReplyDocument(for: c, configuration: configuration).blocks.compactMap { block -> String? in
            if case .title(let text) = block { return text } else { return nil }
        }.first
        #expect(title == "关于青浦区政协第六届委员会第五次会议第52号提案的办理意见")
    }
}
