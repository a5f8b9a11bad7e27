import Foundation
import Model
import Testing
import TestSupport

/// The workflow, statistics and ledger commands, run as a user would on a copy of the demo store.
@Suite struct WorkflowCommandTests: DemoStoreCommands {
    let banli = Banli()
    let store = Fixtures.demoStoreCopy()

    @Test func severalCasesMoveTogetherAndARefusalSavesNone() throws {
        let moved = try run(["move", "101", "104", "办理中"])
        #expect(moved.status == 0 && moved.stderr.isEmpty, "\(moved.stderr)")
        #expect(moved.lines == ["zx6-5-101：状态：待签收 → 办理中", "zx6-5-104：状态：待签收 → 办理中"])
        #expect(file("zx6-5-101").contains("状态: 办理中") && file("zx6-5-101").hasSuffix("用户: tester\n  内容: 状态：待签收 → 办理中\n"))
        let before = file("zx6-5-101")
        let refused = try run(["move", "zx6-5-101", "rd7-5-061", "待审核"])
        #expect(refused.status != 0 && refused.stdout.isEmpty)
        #expect(refused.stderr == "banli: 2件中有1件不能办理，均未更改：rd7-5-061：不能从“待签收”转为“待审核”（“待签收”只能转为：办理中、退回）\n")
        #expect(file("zx6-5-101") == before, "the case that could move was not saved either")
        let noReason = try run(["move", "zx6-5-104", "退回"])
        #expect(noReason.stderr == "banli: zx6-5-104：转为“退回”须写明理由（--reason 理由）\n")
        let signed = try run(["move", "052", "已签发"])
        #expect(signed.stderr == "banli: zx6-5-052：转为“已签发”须经签发，登记签发人（用 banli sign zx6-5-052 --signer 姓名）\n")
        #expect(try run(["move", "101"]).status != 0)
    }

    @Test func signingOffChecksTheReplyAndWarnsWithoutContact() throws {
        let incomplete = try run(["sign", "052", "--signer", "顾卫东"])
        #expect(incomplete.status != 0 && incomplete.stderr == "banli: zx6-5-052：不能转为“已签发”：缺少 日期\n")
        var c = Fixtures.fullCase(number: "091")
        (c.role, c.status, c.signOff, c.contacts, c.feedback) = (.lead, "待审核", nil, [], [])
        c.reply.sections[1].text = "一是……。"
        try CaseStore(directory: store, vocabulary: try Fixtures.configuration().vocabulary).create(c)
        let signed = try run(["sign", "zx5-2-091", "--signer", "钱志明"])
        #expect(signed.status == 0 && signed.lines == ["zx5-2-091：签发（签发人：钱志明）；状态：待审核 → 已签发"])
        #expect(signed.stderr == "警告：zx5-2-091：尚无面商记录：答复签发前通常应与提出人面商或沟通\n")
        #expect(file("zx5-2-091").contains("签发:\n  签发人: 钱志明\n  日期: "))
    }

    @Test func anOutcomeFollowedUpKeepsBothResults() throws {
        let first = try run(["outcome", "zx6-5-097", "列入计划拟解决"])
        #expect(first.status == 0 && first.lines == ["zx6-5-097：办理结果：列入计划拟解决"], "\(first.stderr)")
        let noNote = try run(["outcome", "zx6-5-097", "解决或采纳"])
        #expect(noNote.stderr == "banli: zx6-5-097：跟踪办理须写明说明（--note 说明）\n")
        let followed = try run(["outcome", "zx6-5-097", "解决或采纳", "--note", "已完成"])
        #expect(followed.lines == ["zx6-5-097：跟踪办理，办理结果：列入计划拟解决 → 解决或采纳（已完成）"])
        let row = try run(["ledger", "--format", "tsv"]).lines.first { $0.hasPrefix("zx6-5-097\t") }!
            .split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        let today = Banli.today
        #expect(row[16...19] == ["列入计划拟解决", today, "解决或采纳", today])
        let unknown = try run(["outcome", "097", "A类"])
        #expect(unknown.stderr == "banli: zx6-5-097：未知办理结果“A类”（可选：解决或采纳、列入计划拟解决、留作参考）\n")
    }

    @Test func dissatisfiedFeedbackReopensForASecondReply() throws {
        let out = try run(["feedback", "rd7-5-027", "不满意", "--date", "2026-11-28", "--no-visited", "--relevance", "未针对",
                           "--comment", "未说明经费来源"])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.lines == ["rd7-5-027：反馈：不满意（2026-11-28）；状态：已答复 → 办理中；原答复移入往次答复，重新办理；答复期限：2026-11-03 → 2027-01-28"])
        let text = file("rd7-5-027")
        #expect(text.contains("状态: 办理中") && text.contains("答复期限: 2027-01-28") && text.contains("是否走访: 否"))
        // The reply that went out is kept with why it was superseded and its sign-off.
        #expect(text.contains("往次答复:\n- 收回方式: 不满意\n  收回原因: 未说明经费来源\n  收回日期: 2026-11-28\n  签发:\n    签发人: 陆晓燕\n    日期: 2026-10-26\n  文号: 青民函〔2026〕71号\n"))
        #expect(!text.contains("\n签发:"))
        let early = try run(["feedback", "zx6-5-093", "满意"])
        #expect(early.stderr == "banli: zx6-5-093：案件尚未答复（当前状态为“办理中”），不能登记反馈\n")
    }

    @Test func contactsDisclosureDeadlineAndReview() throws {
        let contact = try run(["contact", "093", "--method", "走访", "--people", "张三委员", "--summary", "听取意见", "--date", "2026-11-20"])
        #expect(contact.lines == ["zx6-5-093：登记面商（走访，2026-11-20）：张三委员"], "\(contact.stderr)")
        let disclose = try run(["disclose", "099", "不予公开"])
        #expect(disclose.stderr == "banli: zx6-5-099：公开属性为“不予公开”时须写明理由（--reason 理由）\n")
        #expect(try run(["disclose", "099", "依申请公开", "--reason", "涉及个人信息"]).status == 0)
        let deadline = try run(["deadline", "097", "2026-12-31", "--reason", "经提案委同意延期"])
        #expect(deadline.lines == ["zx6-5-097：答复期限：2026-09-30 → 2026-12-31（理由：经提案委同意延期）"])
        let back = try run(["send-back", "036", "--comment", "请补充数据"])
        #expect(back.lines == ["rd7-5-036：退回修改：请补充数据；状态：待审核 → 办理中"])
    }

    @Test func theDueListForAGivenDay() throws {
        let out = try run(["due", "--date", "2026-11-29", "--format", "tsv"])
        #expect(out.status == 0 && out.stderr.isEmpty, "\(out.stderr)")
        #expect(out.lines.map { $0.split(separator: "\t").prefix(3).joined(separator: " ") } == [
            "id due attention",
            "zx6-5-097 2026-09-30 ！逾期60天",
            "zx6-5-093 2026-10-20 ！逾期40天",
            "zx6-5-088 2026-11-10 ！逾期19天",
            "zx6-5-104 2026-11-26 ！退回/改办申请期限已过3天，尚未签收",
            "rd7-5-027 2026-11-27 答复后32天未收到反馈",
            "rd7-5-061 2026-11-28 ！退回/改办申请期限已过1天，尚未签收",
            "zx6-5-101 2026-11-30 退回/改办申请剩1天",
            "rd7-5-019 2026-11-30 ！剩1天",
            "rd7-5-041 2026-12-01 ！剩2天",
        ])
        let table = try run(["due", "--date", "2018-01-01"])
        #expect(table.lines == ["没有需要处理的案件"])
    }

    @Test func statisticsAsTextAndJSON() throws {
        let text = try run(["stats"])
        #expect(text.status == 0 && text.stderr.isEmpty, "\(text.stderr)")
        #expect(text.lines.prefix(5) == ["共32件", "类型：委员提案 18，代表建议 14", "状态：待签收 3，办理中 5，待审核 4，已签发 2，已答复 6，已办结 10，退回 2",
                                         "办理结果：解决或采纳 11，列入计划拟解决 5，留作参考 3，无 13", "满意度：满意 10，基本满意 4，不满意 1"])
        let json = try run(["stats", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        let onTime = (object["overall"] as! [String: Any])["onTime"] as! [String: Any]
        #expect(onTime["part"] as? Int == 15 && onTime["whole"] as? Int == 16)
    }

    @Test func theLedgerAsCSVToAFileWithABOM() throws {
        let path = Fixtures.temporaryDirectory() + "/台账.csv"
        let out = try run(["ledger", "--format", "csv", "--bom", "-o", path])
        #expect(out.status == 0 && out.stdout.isEmpty && out.stderr.isEmpty, "\(out.stderr)")
        let bytes = Fixtures.bytes(path)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let lines = String(decoding: bytes.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
        #expect(lines.count == 34 && lines[0].hasPrefix("编号,类型,会议,案号,标题") && lines[33].isEmpty)
        let tsv = try run(["ledger", "--format", "tsv"])
        #expect(tsv.lines.count == 33 && !tsv.stdout.hasPrefix("\u{FEFF}"))
        let badPath = try run(["ledger", "-o", "/nonexistent/dir/台账.csv"])
        #expect(badPath.status != 0 && badPath.stderr == "banli: 不能写入 /nonexistent/dir/台账.csv：目录 /nonexistent/dir 不存在（请先创建，或写到已有的目录）\n", "\(badPath.stderr)")
    }
}

extension Banli {
    /// Today as the binary sees it (the system clock), in the form files use.
    static var today: String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        let c = calendar.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }
}
