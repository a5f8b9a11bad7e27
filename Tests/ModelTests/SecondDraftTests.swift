import Model
import Testing
import TestSupport

/// What the reply form shows while a reply is redrafted: the reviewer's 退回修改 comment while the
/// reply is back for changes, and the copy of a superseded reply a second reply may start from.
@Suite struct SecondDraftTests {
    let handling = HandlingFixture.handling
    let workflow = HandlingFixture.configuration.workflow

    @Test func theLatestSendBackCommentIsShownUntilTheReplyGoesBackForReview() throws {
        let inReview = HandlingFixture.complete(in: "待审核")
        #expect(inReview.sendBackComment(workflow) == nil)
        let first = try handling.sendBack(inReview, comment: "数据须注明来源；分工表述与区医保局核对").value
        #expect(first.status == "办理中")
        #expect(first.sendBackComment(workflow) == "数据须注明来源；分工表述与区医保局核对")
        // A step that is not a move (a contact) leaves it in view.
        let contacted = try handling.addContact(first, ContactEntry(date: HandlingFixture.today, method: .phone, people: "倪建荣代表",
                                                                     summary: "沟通修改")).value
        #expect(contacted.sendBackComment(workflow) == "数据须注明来源；分工表述与区医保局核对")
        // Sent for review again: gone; sent back a second time: the second comment.
        let again = try handling.move(contacted, to: "待审核").value
        #expect(again.sendBackComment(workflow) == nil)
        let second = try handling.sendBack(again, comment: "第二段“状态：”二字删去").value
        #expect(second.sendBackComment(workflow) == "第二段“状态：”二字删去")
        // A case in the sent-back state by another way (签收) has no comment.
        let signedFor = try handling.move(Case(kind: .proposal, meeting: Meeting(term: 6, session: 5), number: "1", title: "t",
                                               leadProposer: "p", assignedOn: HandlingFixture.today, status: "待签收"), to: "办理中").value
        #expect(signedFor.sendBackComment(workflow) == nil)
    }

    @Test func aSupersededReplyIsCopiedWithoutWhatWasSigned() throws {
        let answered = HandlingFixture.complete(in: "已答复")
        #expect(answered.supersededReplyCopy == nil)
        var sent = answered
        sent.reply.date = HandlingFixture.today
        sent.reply.documentNumber = "沪民函〔2026〕12号"
        let reopened = try handling.recordFeedback(sent, Feedback(date: HandlingFixture.today, satisfaction: .dissatisfied,
                                                                  comment: "床位数据不实")).value
        #expect(reopened.reply.isEmpty && reopened.signOff == nil)
        let copy = try #require(reopened.supersededReplyCopy)
        #expect(copy.date == nil && copy.documentNumber.isEmpty)
        var expected = sent.reply
        expected.date = nil
        expected.documentNumber = ""
        #expect(copy == expected)
        // Once the second reply has text of its own, there is nothing to offer.
        var drafted = reopened
        drafted.reply = copy
        #expect(drafted.supersededReplyCopy == nil)
    }
}
