import Foundation
import Model
import Testing
import TestSupport

/// Feedback kept as a history, dates checked, corrections and undo, run as a user would on a copy of
/// the demo store.
@Suite struct RecordsCommandTests {
    let banli = Banli()
    let store = Fixtures.demoStoreCopy()
    let today = Banli.today

    func run(_ arguments: [String], as user: String = "tester") throws -> Banli.Output {
        try banli.run(arguments + ["--store", store], environment: ["USER": user])
    }

    func file(_ id: String) -> String { String(decoding: Fixtures.bytes(store + "/" + id + ".yaml"), as: UTF8.self) }

    @Test func feedbackIsAddedNotReplacedAndAFutureDateIsRefused() throws {
        let before = file("zx6-5-044")
        let future = try run(["feedback", "044", "满意", "--date", "2030-01-01"])
        #expect(future.status != 0 && future.stderr == "banli: zx6-5-044：反馈日期 2030-01-01 晚于今天 \(today)\n")
        let early = try run(["feedback", "044", "满意", "--date", "2026-03-15"])
        #expect(early.stderr == "banli: zx6-5-044：反馈日期 2026-03-15 早于交办日期 2026-03-16\n")
        #expect(file("zx6-5-044") == before)
        let again = try run(["feedback", "044", "满意", "--visited", "--attitude", "理解", "--comment", "已推开"])
        #expect(again.lines == ["zx6-5-044：反馈：基本满意 → 满意（\(today)）"], "\(again.stderr)")
        // The earlier form stays whole: its date, 走访, 工作态度, 针对性, 结果看法 and 意见.
        #expect(file("zx6-5-044").contains("""
            反馈:
            - 日期: 2026-07-01
              满意度: 基本满意
              是否走访: 否
              工作态度: 满意
              针对性: 基本针对
              结果看法: 理解
              意见: 试点范围偏小，希望尽快在全区推开。
            - 日期: \(today)
              满意度: 满意
              是否走访: 是
              工作态度: 理解
              意见: 已推开

            """))
        let shown = try run(["show", "044"]).stdout
        #expect(shown.contains("  当前  \(today)  满意  走访：是  工作态度：理解  意见：已推开"))
        let ledger = try run(["ledger", "--format", "tsv"]).lines.first { $0.hasPrefix("zx6-5-044\t") }!.split(separator: "\t").map(String.init)
        #expect(ledger.suffix(2) == ["满意", today])
        let dissatisfied = try run(["feedback", "044", "不满意"])
        #expect(dissatisfied.stderr == "banli: zx6-5-044：登记“不满意”须写明提出人的意见（--comment 意见）\n")
    }

    @Test func aContactDatedInTheFutureOrBefore交办IsRefused() throws {
        let future = try run(["contact", "101", "--method", "电话", "--people", "苏立群", "--summary", "沟通", "--date", "2030-01-01"])
        #expect(future.stderr == "banli: zx6-5-101：面商日期 2030-01-01 晚于今天 \(today)\n")
        let early = try run(["contact", "101", "--method", "电话", "--people", "苏立群", "--summary", "沟通", "--date", "2026-11-19"])
        #expect(early.stderr == "banli: zx6-5-101：面商日期 2026-11-19 早于交办日期 2026-11-20\n")
    }

    @Test func aCorrectedOutcomeIsCountedAsCorrected() throws {
        // 044 has been answered: its reply printed the result, so the reply is taken back first.
        let sent = try run(["correct", "044", "办理结果", "解决或采纳", "--reason", "误选"])
        #expect(sent.stderr == "banli: zx6-5-044：已答复（顾卫东 2026-06-09 签发），答复只读。要修改请先更正答复（用 banli move zx6-5-044 更正答复 --reason 原因）\n")
        let statsBefore = try run(["stats", "--format", "json"]).stdout
        let corrected = try run(["correct", "088", "办理结果", "解决或采纳", "--reason", "误选"])
        #expect(corrected.lines == ["zx6-5-088：更正办理结果：列入计划拟解决 → 解决或采纳，原因：误选"], "\(corrected.stderr)")
        let row = try run(["ledger", "--format", "tsv"]).lines.first { $0.hasPrefix("zx6-5-088\t") }!
            .split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        #expect(row[16...19] == ["解决或采纳", "2026-11-20", "解决或采纳", "2026-11-20"])
        #expect(try run(["show", "088"]).stdout.contains("列入计划拟解决（已更正为 解决或采纳：误选，tester \(today)）"))
        #expect(file("zx6-5-088").contains("  更正:\n    更正为: 解决或采纳\n    更正人: tester\n    日期: \(today)\n    原因: 误选\n"))
        let stats = try run(["stats"]).stdout
        let statsAfter = try run(["stats", "--format", "json"]).stdout
        #expect(stats.contains("办理结果：解决或采纳 12，列入计划拟解决 4") && statsBefore != statsAfter)
        let noReason = try run(["correct", "088", "办理结果", "留作参考"])
        #expect(noReason.status != 0)
        let noResult = try run(["correct", "088", "办理结果", "--reason", "x"])
        #expect(noResult.status != 0 && noResult.stderr.contains("须写出更正后的办理结果"))
    }

    @Test func aStatusMoveIsCorrectedButNotOutOfASignedState() throws {
        #expect(try run(["move", "101", "办理中"]).status == 0)
        let corrected = try run(["correct", "101", "状态", "--reason", "误签收"])
        #expect(corrected.lines == ["zx6-5-101：更正状态：办理中 → 待签收，原因：误签收"], "\(corrected.stderr)")
        #expect(file("zx6-5-101").contains("状态: 待签收"))
        let signed = try run(["correct", "rd7-5-019", "状态", "--reason", "误签"])
        #expect(signed.stderr == "banli: rd7-5-019：已签发（顾卫东 2026-11-24），答复只读。要修改请先撤回签发（用 banli move rd7-5-019 撤回签发 --reason 原因）\n")
    }

    @Test func undoRestoresTheCaseAndJournalsIt() throws {
        let cases = try CaseStore(directory: store, vocabulary: try Fixtures.configuration().vocabulary)
        let id = CaseID("zx6-5-101")!
        let before = try cases.load(id).value
        #expect(try run(["move", "101", "办理中"]).status == 0)
        let undone = try run(["undo", "101"])
        #expect(undone.status == 0 && undone.lines == ["zx6-5-101：撤销：状态：待签收 → 办理中"], "\(undone.stderr)")
        var after = try cases.load(id).value
        #expect(after.journal.suffix(2).map(\.text) == ["状态：待签收 → 办理中", "撤销：状态：待签收 → 办理中"])
        after.journal = before.journal
        #expect(after == before, "the case is as it was, but for the journal")
        let nothing = try run(["undo", "101"])
        #expect(nothing.status != 0 && nothing.stderr == "banli: zx6-5-101：没有可撤销的更改\n")
    }

    @Test func undoIsRefusedWhenSomeoneElseChangedTheCaseOrTheFileChangedOutsideBanli() throws {
        #expect(try run(["move", "101", "办理中"]).status == 0)
        #expect(try run(["outcome", "101", "留作参考"], as: "lihua").status == 0)
        let other = try run(["undo", "101"])
        #expect(other.status != 0 && other.stderr == "banli: zx6-5-101：此后 lihua 已修改本案件（办理结果：留作参考），不能撤销\n")
        #expect(try run(["move", "104", "办理中"]).status == 0)
        Fixtures.write(file("zx6-5-104").replacingOccurrences(of: "主题: ", with: "主题: 手改"), to: store + "/zx6-5-104.yaml")
        let outside = try run(["undo", "104"])
        #expect(outside.stderr == "banli: zx6-5-104：此后案件文件已在 banli 之外被修改，不能撤销\n")
        #expect(file("zx6-5-104").contains("状态: 办理中"))
    }
}
