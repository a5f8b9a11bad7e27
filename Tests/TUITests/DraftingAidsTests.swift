import Model
import Testing
import TestSupport
@testable import TUI

/// What the reply form shows besides the reply while it is drafted: the proposal text beside or
/// above the form (F3, paged with F4), the reviewer's 退回修改 comment, and a second reply that may
/// start from a copy of the first; at 80×24 and 40×12, the cursor on the caret.
@Suite struct DraftingAidsTests {
    /// A copy of the demo store with case `id` changed by a handling step, as another user's step
    /// would have left it.
    static func store(changing id: String, _ step: (CaseHandling, Case) throws -> Handled) throws -> String {
        let directory = Fixtures.demoStoreCopy()
        let configuration = try Fixtures.configuration()
        let store = try CaseStore(directory: directory, vocabulary: configuration.vocabulary, access: .readWrite)
        let stored = try store.load(CaseID(id)!)
        let handling = CaseHandling(configuration: configuration, user: "gu", clock: .fixed(AppSession.today))
        _ = try store.save(try step(handling, stored.value).value, replacing: stored.revision)
        return directory
    }

    /// The cursor is on the focused field's caret: the row marked `>`, after the text typed.
    func expectCursorOnCaret(_ s: AppSession, after typed: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let cursor = try #require(s.terminal.cursor, sourceLocation: sourceLocation)
        let line = s.lines[cursor.y]
        #expect(line.hasPrefix("> ") && line.hasPrefix("> " + typed), "\(line)", sourceLocation: sourceLocation)
        #expect(cursor.x == 2 + TextMetrics.width(of: typed), sourceLocation: sourceLocation)
    }

    @Test func theProposalTextIsShownAboveTheFormAndRememberedForTheSession() throws {
        let s = try AppSession()
        s.openReply("zx6-5-097")
        #expect(s.hints.contains("F3 原文"))
        s.keys(.function(3))
        #expect(s.status == "提案原文显示在表单上方")
        #expect(s.lines[1] == "提案原文 1–6/11行 · F4 翻页" && s.terminal.frame[0, 1].style == .header)
        #expect(s.lines[2] == "关于加强养老服务领域诈骗风险防范的建议" && s.lines[3] == "提出人：傅志明" && s.lines[5].hasPrefix("近年来"))
        // Typing still goes into the form, the cursor on its caret.
        s.type("谢谢")
        #expect(s.form?.text(.closing) == "谢谢")
        try expectCursorOnCaret(s, after: "谢谢")
        // F4 pages the text, back to the top after the end.
        s.keys(.function(4))
        #expect(s.lines[1].hasPrefix("提案原文 7–11/11行") && s.lines[2].hasPrefix("调研中发现"))
        s.keys(.function(4))
        #expect(s.lines[1].hasPrefix("提案原文 1–6/11行"))
        try expectCursorOnCaret(s, after: "谢谢")
        s.keys(.control("s"), .escape)
        // Another form opens with the text where it was left.
        s.openReply("zx6-5-052")
        #expect(s.lines[1].hasPrefix("提案原文 1–") && s.lines[2] == "关于加强困境儿童关爱保护工作的建议")
        s.keys(.function(3))
        #expect(s.status == "不显示提案原文" && !s.lines.contains { $0.hasPrefix("提案原文") })
        s.keys(.function(4))
        #expect(s.status == "提案原文未显示；按 F3 显示")
    }

    @Test func theProposalTextStandsBesideAWideForm() throws {
        let s = try AppSession(width: 120, height: 30)
        s.openReply("zx6-5-097")
        s.keys(.function(3))
        #expect(s.status == "提案原文显示在表单旁边")
        #expect(s.lines[1].contains("│提案原文 1–15/15行 · F4 翻页") && s.lines[2].hasSuffix("│关于加强养老服务领域诈骗风险防范的建议"))
        // The form wraps to its 72 columns: nothing of it passes the divider.
        #expect(s.lines[1...27].allSatisfy { TextMetrics.width(of: $0.prefix { $0 != "│" }) <= 72 })
        s.type("此复")
        try expectCursorOnCaret(s, after: "此复")
        s.keys(.function(3))
        #expect(s.status == "提案原文显示在表单上方" && s.lines[1].hasPrefix("提案原文 1–"))
    }

    @Test func atFortyColumnsAFewLinesOfTheTextGoAbove() throws {
        let s = try AppSession(width: 40, height: 12)
        s.openReply("zx6-5-097")
        s.keys(.function(3))
        #expect(s.lines[1] == "提案原文 1–2/17行 · F4 翻页")
        #expect(s.lines[2] == "关于加强养老服务领域诈骗风险防范的建议" && s.lines[3] == "提出人：傅志明")
        #expect(s.lines.allSatisfy { TextMetrics.width(of: $0) <= 40 })
        s.type("谢")
        try expectCursorOnCaret(s, after: "谢")
        #expect(s.terminal.cursor!.y > 3 && s.terminal.cursor!.y < 10)
        s.keys(.function(4))
        #expect(s.lines[1].hasPrefix("提案原文 3–4/17行") && s.lines[3].hasPrefix("近年来"))
        try expectCursorOnCaret(s, after: "谢")
    }

    /// Near the smallest terminal (20×6: three body rows) the form keeps at least two rows: the
    /// proposal text is left out, the comment takes one line.
    @Test func nearTheSmallestSizeTheFormKeepsItsRows() {
        let panes = ReplyFormPanes(width: 20, bodyHeight: 3, placement: .above, notes: ["审核退回意见：数据须注明来源，第二部分补充区妇联的分工"])
        #expect(panes.proposal == nil && panes.comment.count == 1 && panes.comment[0].hasPrefix("审核退回意见") && panes.comment[0].hasSuffix("…"))
        #expect(TextMetrics.width(of: panes.comment[0]) <= 18, "\(panes.comment)")
        #expect(panes.form.top == 1 && panes.form.rows == 2 && panes.ruleRow == nil)
        // Above the form, a rule between the text and the form.
        let roomy = ReplyFormPanes(width: 40, bodyHeight: 9, placement: .beside, notes: [])
        #expect(roomy.proposal?.rows == 3 && roomy.proposal?.width == 40 && roomy.ruleRow == 3 && roomy.form.top == 4 && roomy.form.rows == 5)
    }

    @Test func theReviewersCommentHeadsTheFormAndTheDetailUntilTheReplyIsSentForReviewAgain() throws {
        let comment = "数据须注明来源，第二部分补充区妇联的分工，删去“全面落实”等空话"
        let directory = try DraftingAidsTests.store(changing: "zx6-5-052") { try $0.sendBack($1, comment: comment) }
        let s = try AppSession(store: directory)
        s.select("zx6-5-052")
        s.keys(.enter)
        #expect(s.lines.contains { $0.hasPrefix("退回意见  \(comment)") })
        s.keys(.character("r"))
        // In the form's indent, who sent it back and when.
        #expect(s.lines[1].hasPrefix("  审核退回意见（gu 11月29日）：数据须注明来源，第二部分补充区妇联的分工"), "\(s.lines[1])")
        #expect(s.terminal.frame[2, 1].style == .dueSoon)
        #expect(s.lines[2].hasPrefix("  面落实") && s.lines[3].hasPrefix("  公开属性"), "\(s.lines)")
        s.type("好")
        let cursor = try #require(s.terminal.cursor)
        #expect(s.lines[cursor.y].hasPrefix(">") && cursor.y > 1)
        s.keys(.control("s"), .escape, .escape)
        // Sent for review again, the comment is no longer the reply's business.
        s.keys(.character("m"), .character("1"))
        #expect(try s.load("zx6-5-052").status == "待审核")
        s.keys(.character("r"))
        #expect(!s.lines.contains { $0.contains("审核退回意见") })
    }

    @Test func atFortyColumnsTheCommentTakesOneLineCutWithAnEllipsis() throws {
        let directory = try DraftingAidsTests.store(changing: "zx6-5-052") {
            try $0.sendBack($1, comment: "数据须注明来源，第二部分补充区妇联的分工")
        }
        let s = try AppSession(width: 40, height: 12, store: directory)
        s.select("zx6-5-052")
        s.keys(.enter)
        // Below the first page of the detail at this height.
        var pages = s.lines
        s.keys(.pageDown)
        pages += s.lines
        #expect(pages.contains { $0.hasPrefix("退回意见  数据须注明来源") }, "\(pages)")
        s.keys(.character("r"))
        #expect(s.lines[1].hasPrefix("  审核退回意见（gu 11月29日）：") && s.lines[1].hasSuffix("…"), "\(s.lines[1])")
        #expect(s.lines.allSatisfy { TextMetrics.width(of: $0) <= 40 })
        s.type("好")
        try expectCursorOnCaret(s, after: "好")
        #expect(s.terminal.cursor!.y >= 2)
        // With the text above as well, both fit, the form below them.
        s.keys(.function(3))
        #expect(s.lines[1].hasPrefix("提案原文") && s.lines[4].hasPrefix("────") && s.lines[5].hasPrefix("  审核退回意见"), "\(s.lines)")
        try expectCursorOnCaret(s, after: "好")
        #expect(s.terminal.cursor!.y >= 6)
    }

    @Test func aSecondReplyMayStartFromACopyOfTheFirst() throws {
        let directory = try DraftingAidsTests.store(changing: "zx6-5-044") {
            try $0.recordFeedback($1, Feedback(date: AppSession.today, satisfaction: .dissatisfied, comment: "超市货品太少"))
        }
        let s = try AppSession(store: directory)
        let first = try s.load("zx6-5-044").previousReplies.last!.reply
        s.openReply("zx6-5-044")
        #expect(s.state.menu?.title == "上一份答复因不满意（2026-11-29）已作废。新答复：", "\(s.state.menu?.title ?? "")")
        #expect(s.state.menu?.items.map(\.label) == ["复制上一份答复修改（日期、文号清空）", "按模板重新起草"])
        s.keys(.character("1"))
        #expect(s.status == "已复制上一份答复作为草稿：日期、文号已清空，签发须重新办理；尚未保存")
        #expect(s.form?.text(.opening) == first.opening && s.form?.text(.date) == "" && s.form?.text(.documentNumber) == "")
        // The proposer's opinion heads the form; the copy is unsaved: Esc asks.
        #expect(s.lines.contains { $0.hasPrefix("  提出人不满意意见（11月29日）：超市货品太少") }, "\(s.lines)")
        #expect(s.lines[0].contains("未保存") || s.form?.isModified == true)
        s.keys(.escape)
        #expect(s.state.menu != nil && s.state.top is MenuLayer, "\(s.lines)")
        s.keys(.escape)
        s.keys(.control("s"))
        let saved = try s.load("zx6-5-044")
        #expect(saved.reply.opening == first.opening && saved.reply.sections == first.sections && saved.reply.date == nil)
        #expect(saved.signOff == nil && saved.previousReplies.count == 1)
        // With a reply of its own now, the form opens on it without asking.
        s.keys(.escape)
        s.keys(.character("r"))
        #expect(s.state.top is ReplyFormScreen)
    }

    @Test func atFortyColumnsTheTemplateMayBeChosenInstead() throws {
        let directory = try DraftingAidsTests.store(changing: "zx6-5-044") {
            try $0.recordFeedback($1, Feedback(date: AppSession.today, satisfaction: .dissatisfied, comment: "超市货品太少"))
        }
        let s = try AppSession(width: 40, height: 12, store: directory)
        let first = try s.load("zx6-5-044").previousReplies.last!.reply
        s.openReply("zx6-5-044")
        #expect(s.lines.contains { $0.contains("2 按模板重新起草") })
        #expect(s.lines.allSatisfy { TextMetrics.width(of: $0) <= 40 })
        s.keys(.character("2"))
        #expect(s.state.top is ReplyFormScreen && s.form?.text(.opening) != first.opening)
        try expectCursorOnCaret(s, after: "")
    }
}
