import Foundation
import Model
import Testing
import TestSupport

/// `banli withdraw`, `merge`, `unmerge`, `delete` and `restore`, run as a user would on a copy of the
/// demo store, with what `list`, `show`, `stats`, `ledger`, `export` and `check` then say.
@Suite struct LifecycleCommandTests: DemoStoreCommands {
    let banli = Banli()
    let store = Fixtures.demoStoreCopy()

    @Test func aWithdrawnCaseLeavesTheDueListAndIsCountedApart() throws {
        #expect(try run(["due"]).stdout.contains("zx6-5-093"))
        let noReason = try run(["withdraw", "093"])
        #expect(noReason.status != 0 && noReason.stderr == "banli: zx6-5-093：撤案须写明理由（--reason 理由）\n")
        let done = try run(["withdraw", "093", "--reason", "提出人书面申请撤回"])
        #expect(done.status == 0 && done.lines == ["zx6-5-093：撤案（\(Banli.today)）：提出人书面申请撤回"], "\(done.stderr)")
        #expect(file("zx6-5-093").contains("\n撤案:\n  日期: \(Banli.today)\n  理由: 提出人书面申请撤回\n  登记人: tester\n"))
        #expect(!(try run(["due"]).stdout.contains("zx6-5-093")))
        let row = try run(["list"]).lines.first { $0.hasPrefix("zx6-5-093") }!
        // No deadline for a withdrawn case: `-`, as the TUI's list shows it.
        #expect(row.hasSuffix("已撤案") && row.contains(" - ") && !row.contains("2026-10-20"), "\(row)")
        // A status filter sees it as 已撤案, not as the state it kept.
        #expect(try run(["list", "--status", "已撤案", "--format", "tsv"]).lines.dropFirst().map { $0.prefix(9) } == ["zx6-5-093"])
        #expect(!(try run(["list", "--status", "办理中"]).stdout.contains("zx6-5-093")))
        #expect(try run(["stats"]).lines.contains("撤案 1 件；并案 0 件，并入 0 件答复"))
        let answered = try run(["withdraw", "zx6-5-008", "--reason", "x"])
        #expect(answered.stderr == "banli: zx6-5-008：案件为“已答复”，已不在办理中，不能撤案\n")
        let undone = try run(["undo", "093"])
        #expect(undone.lines == ["zx6-5-093：撤销：撤案（\(Banli.today)）：提出人书面申请撤回"])
        #expect(!file("zx6-5-093").contains("\n撤案:"))
    }

    @Test func mergedCasesPointToTheCarrierWhoseReplyNamesThemAll() throws {
        let refused = try run(["merge", "093", "rd7-5-061"])
        #expect(refused.stderr == "banli: 2件中有1件不能办理，均未更改：rd7-5-061：是代表建议，不能并入委员提案\n")
        let withReply = try run(["merge", "101", "093"])
        #expect(withReply.stderr.hasSuffix("zx6-5-093：已有自己的答复，不能并入其他案件（并案的案件由承接的案件一并答复）\n"))
        let merged = try run(["merge", "093", "101", "104"])
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.lines == ["zx6-5-101：并案：并入 zx6-5-093，由其答复", "zx6-5-104：并案：并入 zx6-5-093，由其答复",
                                 "zx6-5-093：并案：zx6-5-101、zx6-5-104 并入本案，一并答复；答复的称呼随之更新"])
        #expect(file("zx6-5-101").contains("\n并入: zx6-5-093\n"))
        #expect(file("zx6-5-093").contains("\n并案:\n- 编号: zx6-5-101\n  案号: \"101\"\n  提出人: [苏立群]\n- 编号: zx6-5-104\n"))
        // 093's opening is the clerk's own, left as written: the merge warns what it leaves out.
        #expect(merged.stderr == "警告：zx6-5-093：答复开头未提及并入的第101号、第104号（开头为自拟文字，未自动改写），请补写\n", "\(merged.stderr)")
        // The carrier's reply addresses every case's lead, then the others up to salutation_max_names.
        let exported = try run(["export", "093", "--draft"])
        #expect(exported.stdout.contains("\n金海燕、苏立群、冯建勋、任志刚、沈佳琪等委员：\n"))
        // Exported straight after, the opening's omission is still said.
        #expect(exported.stderr == merged.stderr, "\(exported.stderr)")
        #expect(try run(["list"]).lines.first { $0.hasPrefix("zx6-5-104") }!.hasSuffix("已并案 → 093"))
        #expect(try run(["list", "--status", "已并案"]).stdout.contains("zx6-5-104"))
        #expect(try run(["stats"]).lines.contains("撤案 0 件；并案 2 件，并入 1 件答复"))
        let ledger = try run(["ledger", "--format", "tsv"]).lines
        #expect(ledger[0].hasSuffix("\t撤案并案"))
        #expect(ledger.first { $0.hasPrefix("zx6-5-093\t") }!.hasSuffix("\t并案：zx6-5-101、zx6-5-104"))
        #expect(try run(["check"]).status == 0)
        // Taking one out again.
        let unmerged = try run(["unmerge", "104"])
        #expect(unmerged.lines == ["zx6-5-093：取消并案：zx6-5-104 不再并入本案；答复的称呼随之更新", "zx6-5-104：取消并案：不再并入 zx6-5-093"],
                "\(unmerged.stderr)")
        #expect(!file("zx6-5-104").contains("并入:") && !file("zx6-5-093").contains("- 编号: zx6-5-104"))
        #expect(file("zx6-5-093").contains("  称呼: 金海燕、苏立群、任志刚、沈佳琪委员：\n"))
        #expect(try run(["unmerge", "104"]).stderr == "banli: zx6-5-104：没有并入其他案件\n")
    }

    @Test func checkReportsAMergeCutShort() throws {
        #expect(try run(["merge", "093", "101"]).status == 0)
        // As a crash between the two writes would leave it.
        let carrier = file("zx6-5-093").replacingOccurrences(of: "并案:\n- 编号: zx6-5-101\n  案号: \"101\"\n  提出人: [苏立群]\n", with: "")
        Fixtures.write(carrier, to: store + "/zx6-5-093.yaml")
        let check = try run(["check"])
        #expect(check.status == 0 && check.stdout.contains(
            "zx6-5-101.yaml: 警告：并入 zx6-5-093，但 zx6-5-093 的“并案”中没有本案（补全：banli merge zx6-5-093 zx6-5-101；或取消：banli unmerge zx6-5-101）"))
        #expect(try run(["merge", "093", "101"]).status == 0)
        #expect(try run(["check"]).stdout.hasSuffix("没有发现问题\n"))
    }

    @Test func onlyAMistakenCaseIsDeletedAndItComesBack() throws {
        let refused = try run(["delete", "093"])
        #expect(refused.status != 0 && refused.stderr.hasPrefix("banli: zx6-5-093：已有办理记录（日志："))
        #expect(refused.stderr.hasSuffix("不能删除；只有误建、误导入的案件可以删除（用 banli withdraw 或 banli merge）\n"))
        let before = file("zx6-5-101")
        let deleted = try run(["delete", "101"])
        #expect(deleted.status == 0, "\(deleted.stderr)")
        let moved = try #require(FileManager.default.contentsOfDirectory(atPath: store + "/.banli/deleted").first)
        #expect(moved.hasPrefix("zx6-5-101.") && moved.hasSuffix(".yaml"))
        #expect(deleted.lines == ["zx6-5-101：已删除，文件移至 \(store)/.banli/deleted/\(moved)（恢复：banli restore zx6-5-101）"])
        #expect(String(decoding: Fixtures.bytes(store + "/.banli/deleted/" + moved), as: UTF8.self) == before)
        #expect(!(try run(["list"]).stdout.contains("zx6-5-101")))
        #expect(try run(["show", "101"]).status != 0)
        let restored = try run(["restore", "101"])
        #expect(restored.lines == ["zx6-5-101：已恢复为 \(store)/zx6-5-101.yaml"] && file("zx6-5-101") == before)
        #expect(try run(["restore", "101"]).stderr == "banli: \(store)/.banli/deleted 中没有删除过的案件“101”\n")
    }
}
