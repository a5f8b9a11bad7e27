import Foundation
import Model
import Testing
import TestSupport
import TUI

/// Writing a reply through the form of the real binary in tmux: it survives a restart, and a draft
/// survives SIGKILL.
@Suite(.serialized) struct ReplyFormEndToEndTests {
    let heading = "建立专职养老顾问队伍"
    let secondHeading = "提高顾问点知晓率"
    let secondText = "通过社区公告栏、微信公众号和楼组长上门宣传，让老年人和家属知道身边的养老顾问点。"
    let paragraphs = ["今年起，区民政局在各街镇推行专职养老顾问制度，由社会工作专业人员担任顾问，并开展系统培训，实行持证上岗。",
                      "下一步，我局将推动“养老顾问+家庭医生”联合上门服务，建立个案服务档案，对重点对象全程跟踪。"]

    /// Selects case 101 with a search and opens its reply form.
    func openReplyOf101(_ tmux: TmuxSession) throws {
        try tmux.send("/")
        try tmux.send("-l", "zx6-5-101")
        try tmux.send("Enter", "r")
        _ = try tmux.wait(for: "the reply form") { $0.contains("答复 zx6-5-101") }
    }

    /// Opens 101's reply and types the first section's heading and first paragraph.
    func startFirstSection(_ tmux: TmuxSession) throws {
        try openReplyOf101(tmux)
        try tmux.send("-l", heading)
        try tmux.send("Tab")
        try tmux.send("-l", paragraphs[0])
    }

    /// Saves the form, leaves it and quits banli.
    func saveAndQuit(_ tmux: TmuxSession) throws {
        try tmux.send("C-s")
        _ = try tmux.wait(for: "the save") { $0.contains("已保存 zx6-5-101") }
        try tmux.send("Escape", "q")
        _ = try tmux.wait(for: "banli to exit") { $0.contains("BANLI-EXITED 0") }
    }

    @Test func aReplyTypedThroughTheFormIsThereAfterARestart() throws {
        let store = Fixtures.demoStoreCopy()
        let tmux = try TmuxSession.banli(store: store)
        try startFirstSection(tmux)
        try tmux.send("Enter")
        try tmux.send("-l", paragraphs[1])
        _ = try tmux.wait(for: "the typed text") { $0.contains("全程跟踪。") }
        // A second section, added after the first.
        try tmux.send("C-n")
        try tmux.send("-l", secondHeading)
        try tmux.send("Tab")
        try tmux.send("-l", secondText)
        _ = try tmux.wait(for: "the second section") { $0.contains("二、" + secondHeading) }
        try saveAndQuit(tmux)

        let again = try TmuxSession.banli(store: store)
        try openReplyOf101(again)
        let screen = try again.wait(for: "the saved reply") { $0.contains("一、" + heading) }
        #expect(screen.contains("今年起，区民政局在各街镇推行专职养老顾问制度"))
        let saved = try CaseStore(directory: store, vocabulary: Fixtures.configuration().vocabulary).load(CaseID("zx6-5-101")!).value
        #expect(saved.reply.sections == [ReplySection(heading: heading, text: paragraphs.joined(separator: "\n")),
                                         ReplySection(heading: secondHeading, text: secondText)])
        #expect(saved.reply.opening.hasPrefix("您在区政协第六届委员会第五次会议上提出的101号"))
    }

    @Test func aSectionsLevelItsRunInAndTheLeaderTypedInTheFormAreInTheCaseFile() throws {
        let store = Fixtures.demoStoreCopy()
        let tmux = try TmuxSession.banli(store: store)
        try startFirstSection(tmux)
        // A second section, then one level down (Alt-→) and run in with its paragraph (Alt-j).
        try tmux.send("C-n")
        try tmux.send("-l", secondHeading)
        _ = try tmux.wait(for: "the second section") { $0.contains("二、" + secondHeading) }
        try tmux.send("M-Right")
        _ = try tmux.wait(for: "the second level") { $0.contains("  （一）" + secondHeading) }
        try tmux.send("M-j")
        // The heading ends in no stop: the tag says the document adds 。.
        _ = try tmux.wait(for: "the run-in tag") { $0.contains(secondHeading + " 〔接排，印时补。〕") }
        try tmux.send("Tab")
        try tmux.send("-l", secondText)
        // 结尾, 附件, 落款, 联合落款, then 分管领导.
        try tmux.send("Tab", "Tab", "Tab", "Tab", "Tab")
        _ = try tmux.wait(for: "the leader field") { $0.contains("> 分管领导") }
        try tmux.send("-l", "王副局长")
        try saveAndQuit(tmux)

        let saved = try CaseStore(directory: store, vocabulary: Fixtures.configuration().vocabulary).load(CaseID("zx6-5-101")!).value
        #expect(saved.reply.sections == [ReplySection(heading: heading, text: paragraphs[0]),
                                         ReplySection(heading: secondHeading, text: secondText, level: 2, runIn: true)])
        #expect(saved.reply.leader == "王副局长")
        let file = String(decoding: Fixtures.bytes(store + "/zx6-5-101.yaml"), as: UTF8.self)
        #expect(file.contains("层级: 2") && file.contains("接排: 是") && file.contains("分管领导: 王副局长"))
    }

    @Test func aDraftKilledWithSIGKILLIsRecovered() throws {
        let store = Fixtures.demoStoreCopy()
        let pidFile = Fixtures.temporaryDirectory() + "/pid"
        let tmux = try TmuxSession.banli(store: store, prefix: "echo $$ > \(pidFile); exec ")
        try openReplyOf101(tmux)
        try tmux.send("-l", heading)
        try tmux.send("Tab")
        try tmux.send("-l", paragraphs[0])
        _ = try tmux.wait(for: "the typed text") { $0.contains("持证上岗。") }
        // The draft reaches the recovery file once typing pauses.
        let recovery = store + "/.banli/recovery/zx6-5-101.tester.yaml"
        let deadline = Date().addingTimeInterval(10)
        while !(String(decoding: Fixtures.bytes(recovery), as: UTF8.self).contains("持证上岗。")) && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.1)
        }
        let pid = try #require(Int32(String(decoding: Fixtures.bytes(pidFile), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(kill(pid, SIGKILL) == 0)

        let again = try TmuxSession.banli(store: store)
        try openReplyOf101(again)
        _ = try again.wait(for: "the restore question") { $0.contains("未保存的草稿") }
        try again.send("1")
        let restored = try again.wait(for: "the restored draft") { $0.contains("已恢复") }
        #expect(restored.contains("一、" + heading))
        try again.send("C-s")
        _ = try again.wait(for: "the save") { $0.contains("已保存 zx6-5-101") }
        let saved = try CaseStore(directory: store, vocabulary: Fixtures.configuration().vocabulary).load(CaseID("zx6-5-101")!).value
        #expect(saved.reply.sections == [ReplySection(heading: heading, text: paragraphs[0])])
        #expect(!FileManager.default.fileExists(atPath: recovery))
    }

    @Test func aSecondTerminalIsToldWhoIsEditingAndAKilledEditorsMarkIsCleared() throws {
        let store = Fixtures.demoStoreCopy()
        let pidFile = Fixtures.temporaryDirectory() + "/pid"
        let first = try TmuxSession.banli(store: store, prefix: "echo $$ > \(pidFile); exec ")
        try openReplyOf101(first)
        let second = try TmuxSession.banli(store: store)
        try openReplyOf101(second)
        _ = try second.wait(for: "who is editing") { $0.contains("tester（") && $0.contains("起正在编辑此案件") }
        // The second leaves (discarding the template it was given); the first is killed.
        try second.send("Escape", "2")
        _ = try second.wait(for: "the list") { $0.contains("共32件") && !$0.contains("答复 zx6-5-101") }
        let pid = try #require(Int32(String(decoding: Fixtures.bytes(pidFile), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(kill(pid, SIGKILL) == 0)
        let third = try TmuxSession.banli(store: store)
        try openReplyOf101(third)
        let screen = try third.wait(for: "the stale mark cleared") { $0.contains("已清除过期的编辑标记：tester（") }
        #expect(!screen.contains("正在编辑此案件"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: store + "/.banli/editing").count == 1)
    }
}
