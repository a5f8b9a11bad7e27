import Foundation
import Model
import Testing
import TestSupport

/// `banli new` with a number as documents print it, and a case without 交办日期 or meeting in the
/// commands that list, count and tabulate cases — through the real binary on a copy of the demo store.
@Suite struct PrintedNumberCommandTests: DemoStoreCommands {
    let banli = Banli()
    let store = Fixtures.demoStoreCopy()

    func new(_ number: String, _ more: [String] = ["--term", "6", "--session", "5"]) throws -> Banli.Output {
        try run(["new", "--kind", "提案", "--number", number, "--title", "关于加强社区养老服务的建议", "--lead", "周建平",
                 "--assigned", "2026-03-01"] + more)
    }

    @Test func aPrintedNumberIsKeptAndTheIDDerivedFromIt() throws {
        let created = try new("B〔2017〕9号")
        #expect(created.status == 0 && created.stdout.hasPrefix("已新建案件 zx6-5-B2017-9:"), "\(created.stderr)")
        let file = file("zx6-5-B2017-9")
        #expect(file.contains("\n编号: B2017-9\n案号: B〔2017〕9\n"), "\(file)")
        #expect(file.hasPrefix("# banli 案件文件 —— 区政协第六届委员会第五次会议 第B〔2017〕9号提案\n"))
        // The same printed number again: the next free ID, the printed number kept between 第 and 号,
        // read as typed (the full-width Ｂ of an IME is B).
        let again = try new("Ｂ〔2017〕9号")
        #expect(again.status == 0 && again.stdout.hasPrefix("已新建案件 zx6-5-B2017-9-2:"), "\(again.stderr)")
        #expect(self.file("zx6-5-B2017-9-2").contains("\n案号: B〔2017〕9\n"))
        let shown = try run(["show", "zx6-5-B2017-9"])
        #expect(shown.status == 0 && shown.lines.first == "zx6-5-B2017-9  区政协第六届委员会第五次会议 第B〔2017〕9号委员提案", "\(shown.stdout)")
        let listed = try run(["list", "--format", "tsv"]).lines
        let row = try #require(listed.first { $0.hasPrefix("zx6-5-B2017-9\t") }).split(separator: "\t", omittingEmptySubsequences: false)
        #expect(row[2] == "B2017-9" && row.last == "B〔2017〕9", "\(row)")
        #expect(listed.first { $0.hasPrefix("zx6-5-044\t") }?.hasSuffix("\t044") == true)
        // `第44号` derives 44, which `044` of the same meeting is: the new case takes 44-2.
        let taken = try new("第44号")
        #expect(taken.status == 0 && taken.stdout.hasPrefix("已新建案件 zx6-5-44-2:"), "\(taken.stderr)")
        // An ASCII number is the ID as typed, and one that exists is still refused.
        let exact = try new("044")
        #expect(exact.status != 0 && exact.stderr.contains("已存在"), "\(exact.stderr)")
    }

    @Test func aCaseWithoutMeetingTakesTheUnknownMeetingsID() throws {
        let created = try new("第52号", [])
        #expect(created.status == 0 && created.stdout.hasPrefix("已新建案件 zx0-0-52:"), "\(created.stderr)")
        #expect(!file("zx0-0-52").contains("\n会议:"))
        #expect(try run(["show", "zx0-0-52"]).lines.first == "zx0-0-52  第52号委员提案")
        let half = try new("第53号", ["--term", "6"])
        #expect(half.status != 0 && half.stderr.contains("--term 与 --session 须同时写出"), "\(half.stderr)")
    }

    @Test func aCaseWithoutAssignmentDateIsListedCountedAndTabulated() throws {
        Fixtures.write(Fixtures.caseFileWithoutMeetingAssignmentOrLead(kind: "建议", status: "办理中"), to: store + "/rd0-0-52.yaml")
        let check = try run(["check"])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let listed = try run(["list", "--format", "tsv"])
        #expect(listed.status == 0 && listed.stderr.isEmpty, "\(listed.stderr)")
        let row = try #require(listed.lines.first { $0.hasPrefix("rd0-0-52\t") }).split(separator: "\t", omittingEmptySubsequences: false)
        let field = { (name: String) in String(row[listed.lines[0].split(separator: "\t").firstIndex { $0 == name }!]) }
        #expect(field("assigned") == "" && field("deadline") == "" && field("days_left") == "" && field("lead") == "")
        #expect(field("printed_number") == "第52号")
        #expect(try run(["list"]).lines.contains { $0.hasPrefix("rd0-0-52 ") })
        #expect(try run(["list", "--overdue", "--format", "tsv"]).lines.allSatisfy { !$0.hasPrefix("rd0-0-52\t") })
        let stats = try run(["stats"])
        #expect(stats.status == 0 && stats.stdout.contains("\n会议未知（代表建议）：共1件\n"), "\(stats.stdout)\(stats.stderr)")
        let ledger = try run(["ledger", "--format", "tsv"])
        let columns = ledger.lines[0].split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        let cells = try #require(ledger.lines.first { $0.hasPrefix("rd0-0-52\t") }).split(separator: "\t", omittingEmptySubsequences: false)
        func cell(_ name: String) -> String { String(cells[columns.firstIndex(of: name)!]) }
        #expect(cell("交办日期") == "" && cell("答复期限") == "" && cell("会议") == "" && cell("案号") == "第52号", "\(cells)")
        let shown = try run(["show", "rd0-0-52"])
        #expect(shown.status == 0 && !shown.stdout.contains("交办日期") && shown.lines.first == "rd0-0-52  第52号代表建议", "\(shown.stdout)")
        #expect(try run(["due"]).status == 0)
    }
}
