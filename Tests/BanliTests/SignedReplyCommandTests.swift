import Foundation
import Model
import Testing
import TestSupport

/// A signed or sent reply from the command line: every command that would write it refuses, naming
/// the step that takes it back; `banli move ID 撤回签发|更正答复 --reason …` does, and `banli show`
/// lists the earlier reply with its reason and sign-off.
@Suite struct SignedReplyCommandTests: DemoStoreCommands {
    let banli = Banli()
    let store = Fixtures.demoStoreCopy()

    @Test func commandsThatWouldWriteASentReplyAreRefused() throws {
        let before = file("zx6-5-061")
        let disclose = try run(["disclose", "zx6-5-061", "不予公开", "--reason", "涉及个人信息"])
        #expect(disclose.status != 0 && disclose.stdout.isEmpty)
        #expect(disclose.stderr == "banli: zx6-5-061：已答复（顾卫东 2026-06-12 签发），答复只读。要修改请先更正答复（用 banli move zx6-5-061 更正答复 --reason 原因）\n")
        let back = try run(["move", "zx6-5-061", "办理中"])
        #expect(back.stderr == "banli: zx6-5-061：不能从“已答复”直接转为“办理中”：答复已签发，只读，须经“更正答复”并写明原因（用 banli move zx6-5-061 更正答复 --reason 原因）\n")
        let noReason = try run(["move", "zx6-5-061", "更正答复"])
        #expect(noReason.stderr == "banli: zx6-5-061：更正答复须写明原因（--reason 原因）\n")
        #expect(file("zx6-5-061") == before)
    }

    @Test func correctingASentReplyKeepsItWithItsSignOff() throws {
        let corrected = try run(["move", "zx6-5-061", "更正答复", "--reason", "第二部分数据有误"])
        #expect(corrected.status == 0, "\(corrected.stderr)")
        #expect(corrected.lines == ["zx6-5-061：更正答复：第二部分数据有误；状态：已答复 → 办理中；原答复（签发 顾卫东 2026-06-12）存入往次答复"])
        let text = file("zx6-5-061")
        #expect(text.contains("状态: 办理中") && !text.contains("\n签发:"))
        #expect(text.contains("往次答复:\n- 收回方式: 更正答复\n  收回原因: 第二部分数据有误\n  收回日期: \(Banli.today)\n  签发:\n    签发人: 顾卫东\n    日期: 2026-06-12\n"))
        let show = try run(["show", "zx6-5-061"])
        #expect(show.stdout.contains("【往次答复 1】  更正答复 \(Banli.today)  原因：第二部分数据有误  原签发：顾卫东 2026-06-12\n"))
        // Editable again: the disclosure may change.
        #expect(try run(["disclose", "zx6-5-061", "不予公开", "--reason", "涉及个人信息"]).status == 0)
    }

    @Test func withdrawingASignOffMovesTheCaseBackForChanges() throws {
        let withdrawn = try run(["move", "rd7-5-019", "撤回签发", "--reason", "答复日期写错"])
        #expect(withdrawn.status == 0, "\(withdrawn.stderr)")
        #expect(withdrawn.lines == ["rd7-5-019：撤回签发：答复日期写错；状态：已签发 → 办理中；原答复（签发 顾卫东 2026-11-24）存入往次答复"])
        let wrong = try run(["move", "rd7-5-019", "撤回签发", "--reason", "再撤一次"])
        #expect(wrong.stderr == "banli: rd7-5-019：只有“已签发”的案件可以撤回签发（当前状态为“办理中”）\n")
        let journal = try run(["show", "rd7-5-019"]).stdout
        #expect(journal.contains("撤回签发：答复日期写错；状态：已签发 → 办理中"))
    }

    /// A reason given with a line break stays one line of `show`: the earlier reply's header and
    /// the journal entry each keep it on their own line.
    @Test func aReasonWithALineBreakIsShownOnOneLine() throws {
        #expect(try run(["move", "rd7-5-019", "撤回签发", "--reason", "第一行\r\n第二行"]).status == 0)
        let shown = try run(["show", "rd7-5-019"]).stdout.split(separator: "\n")
        #expect(shown.contains { $0.hasPrefix("【往次答复") && $0.contains("第一行") && $0.contains("第二行") }, "\(shown)")
        #expect(shown.contains { $0.contains("撤回签发：第一行") && $0.contains("第二行") }, "\(shown)")
    }
}
