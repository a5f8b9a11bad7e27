import Foundation
import Testing
@testable import Model
import TestSupport

@Suite struct LedgerTests {
    let configuration = try! Fixtures.configuration()

    func demoCases() throws -> [Case] {
        try CaseStore(directory: Fixtures.demoStoreCopy(), vocabulary: configuration.vocabulary).loadAll().cases
    }

    @Test func oneRowPerCaseWithFirstAndCurrentResults() throws {
        let text = Ledger.text(try demoCases(), meetings: configuration.meetingNaming, format: .tsv)
        let rows = text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.count == 33 && rows.allSatisfy { $0.count == Ledger.columns.count })
        #expect(rows[0] == Ledger.columns)
        let row = { (id: String) in Dictionary(uniqueKeysWithValues: zip(Ledger.columns, rows.first { $0[0] == id }!)) }
        let followedUp = row("zx6-4-015")
        #expect(followedUp["首次办理结果"] == "列入计划拟解决" && followedUp["首次结果日期"] == "2025-06-05")
        #expect(followedUp["当前办理结果"] == "解决或采纳" && followedUp["当前结果日期"] == "2025-12-18")
        let published = row("zx5-2-090")
        #expect(published["会议"] == "区政协第五届委员会第二次会议" && published["案号"] == "090" && published["联名人"] == "沈雅琴、陆卫国")
        #expect(published["答复日期"] == "2018-11-01" && published["满意度"] == "满意" && published["面商次数"] == "2")
        #expect(published["签发人"] == "钱志明" && published["状态"] == "已办结")
    }

    /// Case text comes from outside: it must neither break the format nor run in a spreadsheet.
    static func hostileCase() -> Case {
        var c = Fixtures.fullCase()
        c.title = "=HYPERLINK(\"http://x\",\"点此\")"
        c.leadProposer = "张三, \"李四\""
        c.topic = "第一行\n第二行\t制表"
        c.handler = "@SUM(A1)"
        c.otherUnits = ["-1+2", "+区财政局"]
        return c
    }

    @Test func csvQuotesAndDefusesUntrustedCells() {
        let csv = Ledger.text([Self.hostileCase()], meetings: configuration.meetingNaming, format: .csv)
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines.count == 3 && lines[2].isEmpty, "CRLF after every row, the last included")
        let row = lines[1]
        #expect(row.hasPrefix("zx5-2-090,委员提案,区政协第五届委员会第二次会议,090,\"'=HYPERLINK(\"\"http://x\"\",\"\"点此\"\")\",\"张三, \"\"李四\"\"\","))
        #expect(row.contains(",第一行 第二行 制表,"))
        #expect(row.contains(",'-1+2、+区财政局,") && row.contains(",'@SUM(A1),"))
        #expect(!row.contains("\n") && !row.contains("\t"))
    }

    @Test func tsvHasNoTabsOrBreaksInsideCells() {
        let tsv = Ledger.text([Self.hostileCase()], meetings: configuration.meetingNaming, format: .tsv)
        let lines = tsv.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3 && lines[2].isEmpty)
        let cells = lines[1].split(separator: "\t", omittingEmptySubsequences: false)
        #expect(cells.count == Ledger.columns.count)
        #expect(cells[4] == "'=HYPERLINK(\"http://x\",\"点此\")" && cells[7] == "第一行 第二行 制表")
    }

    @Test func aByteOrderMarkOnlyWhenAsked() {
        #expect(Ledger.text([], meetings: configuration.meetingNaming, format: .csv) == Ledger.columns.joined(separator: ",") + "\r\n")
        #expect(Array(Ledger.text([], meetings: configuration.meetingNaming, format: .csv, byteOrderMark: true).utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
    }
}
