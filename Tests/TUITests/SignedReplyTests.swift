import Foundation
import Model
import Testing
import TestSupport
@testable import TUI

/// A signed or sent reply in the terminal UI: the form shows it read-only and says why, and the
/// status menu takes it back （撤回签发、更正答复） with a reason, keeping what was signed.
@Suite struct SignedReplyTests {
    /// The demo's cases in each state that locks the reply, with the status line their form shows.
    @Test(arguments: [
        ("rd7-5-019", "已签发（顾卫东 2026-11-24），答复只读。要修改请先撤回签发"),
        ("zx6-5-061", "已答复（顾卫东 2026-06-12 签发），答复只读。要修改请先更正答复"),
        ("zx5-2-090", "已办结（钱志明 2018-10-30 签发），答复只读。要修改请先更正答复"),
    ])
    func theFormOpensASignedReplyReadOnlyAndSaysWhy(id: String, lock: String) throws {
        let s = try AppSession(environment: ["VISUAL": "true"])
        let before = Fixtures.bytes(s.store.path(of: CaseID(id)!))
        s.openReply(id)
        #expect(s.lines[0].hasSuffix("只读"), "\(s.lines[0])")
        #expect(s.status == lock)
        let opening = s.form?.text(.opening)
        // Keys that would change the text are refused with the reason; moving still works.
        s.focus(.opening)
        #expect(s.form?.focused.role == .opening)
        s.keys(.down, .right)
        s.type("改")
        #expect(s.message == lock)
        for key: Key in [.backspace, .enter, .control("k"), .control("n"), .control("o"), .control("p"), .control("s"),
                         .alt(.right), .alt(.left), .alt(.character("j")), .alt(.character("n"))] {
            s.keys(key)
            #expect(s.message == lock, "\(key)")
        }
        s.send(.paste("粘贴"))
        #expect(s.form?.text(.opening) == opening && s.form?.isModified == false && s.state.menu == nil)
        // A section's level and run-in are as locked as its text.
        let sections = s.form?.reply.sections
        s.focus(.heading(0))
        s.keys(.alt(.right), .alt(.character("j")), .alt(.character("n")))
        #expect(s.message == lock && s.form?.reply.sections == sections && s.form?.isModified == false)
        // Preview still opens, and leaving asks nothing.
        s.keys(.control("r"))
        #expect(s.state.top is PreviewScreen)
        s.keys(.escape, .escape)
        #expect(s.form == nil && s.state.menu == nil)
        #expect(Fixtures.bytes(s.store.path(of: CaseID(id)!)) == before)
    }

    @Test func aDraftOfACaseSignedMeanwhileIsKeptButNotApplied() throws {
        let directory = Fixtures.demoStoreCopy()
        let id = CaseID("rd7-5-036")!
        try AppSession.leavingADraft(in: directory, case: id.description, text: "草稿中的字")
        // Someone signs the case off before the draft is restored.
        let store = try CaseStore(directory: directory, vocabulary: try Fixtures.configuration().vocabulary)
        var stored = try store.load(id)
        stored.value.status = "已签发"
        stored.value.signOff = SignOff(signer: "顾卫东", date: AppSession.today)
        try store.save(stored.value, replacing: stored.revision)
        let s = try AppSession(store: directory)
        s.openReply(id.description)
        #expect(s.state.menu == nil, "the draft is not offered over a signed reply")
        #expect(s.message.hasPrefix("发现 ") && s.message.contains("未保存的草稿，未恢复：已签发（顾卫东 2026-11-29），答复只读。要修改请先撤回签发；草稿仍在恢复文件"))
        #expect(s.form?.isModified == false && s.form?.text(.opening).contains("草稿中的字") == false)
        s.keys(.escape)
        #expect(try store.recovery(for: id, user: "tester")?.get().value.reply.opening.contains("草稿中的字") == true)
    }

    @Test func aCaseSignedWhileItsFormIsOpenCannotBeSavedOverOrMergedInto() throws {
        let directory = Fixtures.demoStoreCopy(reopening: ["zx5-2-090"])
        let id = CaseID("zx5-2-090")!
        let desk = try AppSession(store: directory, user: "bob")
        desk.openReply(id.description)
        desk.focus(.opening)
        desk.type("乙改开头。")
        // Meanwhile the reply is signed off from the command line.
        let configuration = try Fixtures.configuration()
        let store = try CaseStore(directory: directory, vocabulary: configuration.vocabulary)
        let stored = try store.load(id)
        let signed = try CaseHandling(configuration: configuration, user: "gu", clock: .fixed(AppSession.today))
            .move(stored.value, to: "待审核")
        let afterReview = try store.save(signed.value, replacing: stored.revision)
        let handling = CaseHandling(configuration: configuration, user: "gu", clock: .fixed(AppSession.today))
        try store.save(try handling.signOff(afterReview.value, signer: "顾卫东").value, replacing: afterReview.revision)
        let before = Fixtures.bytes(store.path(of: id))
        desk.send(.control("s"))
        #expect(desk.state.menu?.items.count == 3)
        desk.send(.character("2"))
        let lock = "已签发（顾卫东 2026-11-29），答复只读。要修改请先撤回签发"
        #expect(desk.message == "未保存：\(lock)；你的文字已存入恢复文件")
        #expect(desk.lines[0].hasSuffix("未保存") && desk.form?.text(.opening).hasPrefix("乙改开头。") == true)
        desk.type("再改")
        #expect(desk.message == lock && desk.form?.text(.opening).hasPrefix("乙改开头。") == true)
        desk.send(.control("s"))
        #expect(desk.message == "未保存：\(lock)；你的文字已存入恢复文件")
        #expect(Fixtures.bytes(store.path(of: id)) == before, "the signed reply is untouched")
        #expect(try store.recovery(for: id, user: "bob")?.get().value.reply.opening.hasPrefix("乙改开头。") == true)
    }

    @Test func withdrawingTheSignOffAsksForAReasonAndMakesTheReplyEditable() throws {
        let s = try AppSession()
        let id = "rd7-5-019"
        let signed = try s.load(id)
        s.select(id)
        s.keys(.character("m"))
        let menu = try #require(s.state.menu)
        #expect(menu.items.map(\.label) == ["已答复", "撤回签发（回到“办理中”，须写明原因）", "更正上一次状态变更（写明原因）"])
        s.keys(.character("2"))
        #expect(s.status == "撤回签发的原因：")
        s.keys(.enter)
        #expect(s.message == "撤回签发须写明原因" && s.state.top is QuestionLayer, "an empty reason keeps the question open")
        s.type("答复日期写错")
        s.keys(.enter)
        #expect(s.lines.joined().contains("撤回签发 rd7-5-019：签发作废，原答复连同签发存入往次答复"))
        s.keys(.character("y"))
        let c = try s.load(id)
        #expect(c.status == "办理中" && c.signOff == nil && c.reply == signed.reply)
        #expect(c.previousReplies == signed.previousReplies + [EarlierReply(reply: signed.reply, supersededBy: "撤回签发", reason: "答复日期写错",
                                                   date: AppSession.today, signOff: signed.signOff)])
        #expect(c.journal.last?.text == "撤回签发：答复日期写错；状态：已签发 → 办理中；原答复（签发 顾卫东 2026-11-24）存入往次答复")
        #expect(s.message == "rd7-5-019：" + c.journal.last!.text)
        // The form now edits it.
        s.keys(.character("r"))
        #expect(!s.lines[0].hasSuffix("只读"))
        s.focus(.closing)
        s.type("补充。")
        s.keys(.control("s"))
        #expect(try s.load(id).reply.closing.hasPrefix("补充。"))
        // The detail screen shows the earlier reply with why it was superseded and its sign-off.
        s.keys(.escape, .enter)
        let detail = try #require(s.state.screen(DetailScreen.self)).pager.text
        #expect(detail.contains("【往次答复 \(c.previousReplies.count)】  撤回签发 2026-11-29  原因：答复日期写错  原签发：顾卫东 2026-11-24"))
    }

    @Test func correctingASentReplyIsOfferedInsteadOfAPlainMoveBack() throws {
        let s = try AppSession()
        s.select("zx6-5-061")
        s.keys(.character("m"))
        #expect(s.state.menu?.items.map(\.label) == ["已办结", "更正答复（回到“办理中”，须写明原因）", "更正上一次状态变更（写明原因）"])
        s.keys(.character("2"))
        s.type("第二部分数据有误")
        s.keys(.enter, .character("y"))
        let c = try s.load("zx6-5-061")
        #expect(c.status == "办理中" && c.signOff == nil && c.previousReplies.last?.supersededBy == "更正答复")
        #expect(c.journal.last?.text == "更正答复：第二部分数据有误；状态：已答复 → 办理中；原答复（签发 顾卫东 2026-06-12）存入往次答复")
    }
}
