import Foundation
import Testing
@testable import Model
import TestSupport

/// Starting a reply from the template, naming what a save changed, and the recovery file.
@Suite struct ReplyDraftingTests {
    let configuration = try! Fixtures.configuration()
    let today = LocalDate(year: 2018, month: 11, day: 1)!

    @Test func aNewReplyStartsFromTheTemplateForTheCase() {
        var c = Fixtures.fullCase()
        c.role = .lead
        let r = Reply.started(for: c, configuration: configuration, today: today)
        #expect(r.salutation == "周建平、沈雅琴、陆卫国委员：")
        // Three proposers are 您, as in the published reply to this proposal.
        #expect(r.opening == "您在区政协第五届委员会第二次会议上提出的090号《关于我区居民委员会若干问题的建议》的委员提案已收悉。现将意见答复如下：")
        #expect(r.closing == "感谢您对民政工作的关心和支持。")
        #expect(r.signature == "青浦区民政局" && r.date == today)
        #expect(r.contactPerson == "王丽" && r.postcode == "201700" && r.copyTo.count == 3)
        #expect(r.sections == [ReplySection(heading: "", text: "")])
        c.jointSigners = []
        #expect(Reply.started(for: c, configuration: configuration, today: today).opening.hasPrefix("您在区政协第五届委员会第二次会议上提出的090号"))
    }

    @Test func aCoHandlersOpinionIsAddressedToTheLeadUnit() {
        let r = Reply.started(for: Fixtures.fullCase(), configuration: configuration, today: today)
        #expect(r.salutation == "区卫健委：")
        #expect(r.closing == "以上供你单位答复委员时参考。")
    }

    @Test func changedPartsNameWhatASaveChanged() {
        let old = Fixtures.fullCase().reply
        var new = old
        #expect(new.changedParts(from: old).isEmpty)
        new.opening += "补充。"
        new.sections[1].text = "新写的正文。"
        new.sections.append(ReplySection(heading: "第三", text: "正文"))
        new.contactPhone = "021-1"
        #expect(new.changedParts(from: old) == ["开头", "第二部分", "第三部分", "联系方式"])
    }

    @Test func aDraftSurvivesInItsRecoveryFileUntilDiscarded() throws {
        let store = try CaseStore.create(at: Fixtures.temporaryDirectory() + "/store", vocabulary: configuration.vocabulary)
        let stored = try store.create(Fixtures.fullCase())
        let id = stored.value.id
        #expect(store.recovery(for: id, user: "wangli") == nil)
        var draft = stored.value
        draft.reply.sections[1].text = "写到一半的正文：\n第二段"
        try store.writeRecovery(draft, base: stored.revision, time: "2026-11-29T10:00:00+08:00", user: "wangli")
        let recovered = try #require(try store.recovery(for: id, user: "wangli")?.get())
        #expect(recovered.value == draft && recovered.base == stored.revision && recovered.time == "2026-11-29T10:00:00+08:00")
        // A recovery file is not a case: listing the store does not see it.
        #expect(try store.list().summaries.count == 1)
        store.discardRecovery(for: id, user: "wangli")
        #expect(store.recovery(for: id, user: "wangli") == nil)
    }

    @Test func aDamagedRecoveryFileIsReportedAndKept() throws {
        let store = try CaseStore.create(at: Fixtures.temporaryDirectory() + "/store", vocabulary: configuration.vocabulary)
        let id = try store.create(Fixtures.fullCase()).value.id
        try FileSystem.makeDirectory(store.recoveryDirectory)
        Fixtures.write("不是恢复文件\n", to: store.recoveryPath(of: id, user: "wangli"))
        guard case .failure(let problem) = store.recovery(for: id, user: "wangli") else { Issue.record("expected a failure"); return }
        #expect(problem.path == store.recoveryPath(of: id, user: "wangli") && problem.line == 1)
        #expect(FileManager.default.fileExists(atPath: store.recoveryPath(of: id, user: "wangli")))
    }
}
