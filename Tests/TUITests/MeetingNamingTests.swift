import Foundation
import Model
import Testing
import TestSupport
@testable import TUI

/// One case shows one meeting name everywhere — the detail screen and `banli show`, the ledger,
/// the case file's comment line, its reply's title — in the style of the profile it is laid out
/// with, not a fixed district form.
@Suite struct MeetingNamingTests {
    static let configuration = try! Fixtures.configuration()
    static let today = LocalDate(year: 2026, month: 12, day: 7)!

    /// A proposal of the city's 13th committee, 2nd session, its reply laid out with `市局`.
    static func cityCase() -> Case {
        var c = Fixtures.fullCase()
        c.meeting = Meeting(term: 13, session: 2)
        c.reply.layout = "市局"
        return c
    }

    @Test func aCaseLaidOutWithTheCityProfileIsNamedAsTheCityNamesItEverywhere() throws {
        let c = Self.cityCase(), configuration = Self.configuration
        let name = "市政协十三届二次会议"
        #expect(configuration.meetingNaming.name(of: c) == name)
        let document = ReplyDocument(for: c, configuration: configuration)
        #expect(document.blocks.contains { if case .title(let t) = $0 { return t.contains(name) } else { return false } })
        let report = CaseReport(c, configuration: configuration, today: Self.today).text
        #expect(report.hasPrefix("zx13-2-090  \(name) 第090号"), "\(report)")
        #expect(!report.contains("区政协第十三届"))
        let row = Ledger.row(c, meetings: configuration.meetingNaming)
        #expect(row[Ledger.columns.firstIndex(of: "会议")!] == name)
        var store = try CaseStore.create(at: Fixtures.temporaryDirectory() + "/store", vocabulary: configuration.vocabulary)
        store.meetingNaming = configuration.meetingNaming
        try store.save(c, replacing: nil)
        let file = String(decoding: Fixtures.bytes(store.path(of: c.id)), as: UTF8.self)
        #expect(file.hasPrefix("# banli 案件文件 —— \(name) 第090号提案\n"), "\(file.prefix(80))")
    }

    /// A case naming no profile is named as the profile in use (the store's); one naming a profile
    /// this configuration lacks, likewise, as it is listed and edited in it.
    @Test func aCaseWithoutItsOwnProfileIsNamedAsTheProfileInUse() throws {
        var configuration = Self.configuration
        var c = Self.cityCase()
        c.reply.layout = ""
        #expect(configuration.meetingNaming.name(of: c) == "区政协第十三届委员会第二次会议")
        try configuration.useProfile(named: "镇政府", source: "test")
        #expect(configuration.meetingNaming.name(of: c) == "县政协十三届二次会议")
        c.reply.layout = "省厅"
        #expect(configuration.meetingNaming.name(of: c) == "县政协十三届二次会议")
        #expect(configuration.meetingNaming.name(Meeting(term: 7, session: 5), kind: .suggestion) == "县七届人大五次会议")
        #expect(configuration.meetingNaming.name(.unknown, kind: .proposal).isEmpty)
    }
}
