import Foundation
import Testing
@testable import Model
import TestSupport

/// A signed or sent reply is read-only: every step that would write it is refused, and only a
/// configured reopening （撤回签发、更正答复）, with a reason, takes it back, keeping what was signed.
@Suite struct ReplyReopeningTests {
    let handling = HandlingFixture.handling
    let today = HandlingFixture.today

    @Test(arguments: [
        ("已签发", "已签发（顾卫东 2026-05-20），答复只读。要修改请先撤回签发"),
        ("已答复", "已答复（顾卫东 2026-05-20 签发），答复只读。要修改请先更正答复"),
        ("已办结", "已办结（顾卫东 2026-05-20 签发），答复只读。要修改请先更正答复"),
    ])
    func aLockedReplyRefusesEveryEdit(status: String, message: String) throws {
        let c = HandlingFixture.complete(in: status)
        var changed = c
        changed.reply.opening += "改动。"
        do {
            _ = try handling.recordEdit(from: c, to: changed)
            Issue.record("a changed \(status) reply was accepted")
        } catch {
            #expect(error.description == message)
        }
        HandlingFixture.expectRefused(message) { () throws(HandlingError) in try handling.setDisclosure(c, "不予公开", reason: "涉密") }
        // Fields outside the reply are not locked: the case is still handled.
        var retitled = c
        retitled.handler = "zhaomin"
        #expect(try handling.recordEdit(from: c, to: retitled) != nil)
    }

    @Test func aPlainMoveOutOfALockedStateIsRefusedInFavourOfTheReopening() {
        HandlingFixture.expectRefused("不能从“已答复”直接转为“办理中”：答复已签发，只读，须经“更正答复”并写明原因") {
            () throws(HandlingError) in try handling.move(HandlingFixture.complete(in: "已答复"), to: "办理中")
        }
        HandlingFixture.expectRefused("不能从“已办结”直接转为“办理中”：答复已签发，只读，须经“更正答复”并写明原因") {
            () throws(HandlingError) in try handling.move(HandlingFixture.complete(in: "已办结"), to: "办理中")
        }
    }

    @Test func withdrawingASignOffKeepsTheSignedReplyAndMakesTheDraftEditable() throws {
        let c = HandlingFixture.complete(in: "已签发")
        HandlingFixture.expectRefused("撤回签发须写明原因") { () throws(HandlingError) in try handling.move(c, to: "撤回签发", reason: "  ") }
        HandlingFixture.expectRefused("只有“已签发”的案件可以撤回签发（当前状态为“办理中”）") {
            () throws(HandlingError) in try handling.move(HandlingFixture.complete(in: "办理中"), to: "撤回签发", reason: "x")
        }
        let withdrawn = try handling.move(c, to: "撤回签发", reason: "答复日期写错")
        let v = withdrawn.value
        #expect(v.status == "办理中" && v.signOff == nil)
        #expect(v.previousReplies == [EarlierReply(reply: c.reply, supersededBy: "撤回签发", reason: "答复日期写错", date: today,
                                                   signOff: SignOff(signer: "顾卫东", date: today))])
        #expect(v.reply == c.reply, "the new draft starts from the signed text")
        #expect(withdrawn.entry.text == "撤回签发：答复日期写错；状态：已签发 → 办理中；原答复（签发 顾卫东 2026-05-20）存入往次答复")
        var edited = v
        edited.reply.opening += "改动。"
        #expect(try handling.recordEdit(from: v, to: edited)?.entry.text == "修改答复：开头")
    }

    @Test(arguments: ["已答复", "已办结"])
    func correctingASentReplyNeverRewritesItInPlace(status: String) throws {
        let c = HandlingFixture.complete(in: status)
        HandlingFixture.expectRefused("只有“已答复”“已办结”的案件可以更正答复（当前状态为“已签发”）") {
            () throws(HandlingError) in try handling.reopenReply(HandlingFixture.complete(in: "已签发"), step: "更正答复", reason: "x")
        }
        let corrected = try handling.reopenReply(c, step: "更正答复", reason: "第一部分数据有误")
        #expect(corrected.value.status == "办理中" && corrected.value.signOff == nil)
        #expect(corrected.value.previousReplies.last == EarlierReply(reply: c.reply, supersededBy: "更正答复", reason: "第一部分数据有误",
                                                                     date: today, signOff: c.signOff))
        #expect(corrected.entry.text == "更正答复：第一部分数据有误；状态：\(status) → 办理中；原答复（签发 顾卫东 2026-05-20）存入往次答复")
    }

    @Test func whichStatesLockTheReplyAndTheStepsAreConfiguration() throws {
        let workflow = HandlingFixture.configuration.workflow
        #expect(workflow.states.filter(\.locksReply).map(\.name) == ["已签发", "已答复", "已办结"])
        #expect(workflow.reopenings == [Workflow.ReplyReopening(name: "撤回签发", from: ["已签发"], to: "办理中"),
                                       Workflow.ReplyReopening(name: "更正答复", from: ["已答复", "已办结"], to: "办理中")])
        let toReview = try ConfigurationTests().load(user: """
            workflow:
              reopen_reply:
                撤回签发: {from: [已签发], to: 待审核}
            """)
        #expect(toReview.workflow.reopenings == [Workflow.ReplyReopening(name: "撤回签发", from: ["已签发"], to: "待审核")])
        #expect(throws: DataFileError.self) {
            try ConfigurationTests().load(user: "workflow:\n  reopen_reply:\n    收回: {from: [办理中], to: 待审核}\n")
        }
        #expect(throws: DataFileError.self) {
            try ConfigurationTests().load(user: "workflow:\n  reopen_reply:\n    收回: {from: [已签发], to: 已答复}\n")
        }
    }

    @Test func anEarlierReplyKeepsWhyItWasSupersededThroughTheCaseFile() throws {
        let vocabulary = HandlingFixture.configuration.vocabulary
        let withdrawn = try handling.move(HandlingFixture.complete(in: "已签发"), to: "撤回签发", reason: "答复日期写错").value
        let text = CaseFileEncoder.encode(withdrawn)
        #expect(text.contains("往次答复:\n- 收回方式: 撤回签发\n  收回原因: 答复日期写错\n  收回日期: 2026-05-20\n  签发:\n    签发人: 顾卫东\n    日期: 2026-05-20\n  日期: "))
        #expect(try CaseFileDecoder(vocabulary: vocabulary).decode(Array(text.utf8), path: "t.yaml") == withdrawn)
        // A file written before banli kept the reason holds the reply alone, and still reads.
        let old = "格式: banli-case/1\n类型: 建议\n会议: {届: 7, 次: 5}\n编号: \"008\"\n标题: 题\n领衔人: 李明\n交办日期: 2026-03-10\n状态: 办理中\n"
            + "往次答复:\n- 称呼: 李明代表：\n  开头: 旧的答复。\n"
        let decoded = try CaseFileDecoder(vocabulary: vocabulary).decode(Array(old.utf8), path: "rd7-5-008.yaml")
        #expect(decoded.previousReplies == [EarlierReply(reply: Reply(salutation: "李明代表：", opening: "旧的答复。"))])
    }
}
