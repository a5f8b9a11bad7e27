import Foundation
import Testing
@testable import Model
import TestSupport

@Suite struct ConfigurationTests {
    func load(user text: String) throws -> Configuration { try Fixtures.configuration(user: text) }

    /// A user's file that is empty or holds only comments (the shipped settings commented out, as a
    /// clerk starts one) overrides nothing; it stopped every command with “not a mapping”.
    @Test(arguments: ["", "\n", "# outcomes:\n#   scheme: national\n"])
    func aUserFileWithNothingButCommentsOverridesNothing(text: String) throws {
        let defaults = try Fixtures.configuration()
        let loaded = try load(user: text)
        #expect(loaded.outcomeScheme.map(\.label) == defaults.outcomeScheme.map(\.label))
        #expect(loaded.phrases == defaults.phrases && loaded.office.unit == defaults.office.unit)
    }

    @Test func defaultsAreShanghaiWithSevenStates() throws {
        let c = try Fixtures.configuration()
        #expect(c.outcomeScheme.map(\.label) == ["解决或采纳", "列入计划拟解决", "留作参考"])
        #expect(c.workflow.states.map(\.name) == ["待签收", "办理中", "待审核", "已签发", "已答复", "已办结", "退回"])
        #expect(c.workflow.state(named: "退回")?.needsReason == true && !c.workflow.isOpen("已办结"))
        #expect(c.office.unit == "青浦区民政局" && c.deadlines.replyMonths == 3)
        #expect(!c.phrases.isEmpty)
        let w = c.workflow
        #expect([w.review, w.sentBack, w.signed, w.replied, w.reopened] == ["待审核", "办理中", "已签发", "已答复", "办理中"])
        #expect(w.state(named: "已签发")?.requires == [.salutation, .opening, .body, .closing, .signature, .date, .outcome])
        #expect(w.answeredStates == ["已答复", "已办结"])
        #expect(c.deadlines.feedbackDays == 30)
    }

    @Test func aUserFileOverridesOnlyWhatItNames() throws {
        let c = try load(user: "outcomes:\n  scheme: national\noffice:\n  unit: 松江区民政局\ndeadlines:\n  warn_days: 10\n")
        #expect(c.outcomeScheme.map(\.label) == ["A类", "B类", "C类", "D类"])
        #expect(c.office.unit == "松江区民政局" && c.office.shortName == "民政局")
        #expect(c.deadlines.warnDays == 10 && c.deadlines.replyMonths == 3)
    }

    @Test func theCapOnACaseFileIsASetting() throws {
        #expect(try Fixtures.configuration().caseFileLimit == .caseFile(mebibytes: 16))
        #expect(try load(user: "case_file_max_mib: 64\n").caseFileLimit.bytes == 64 << 20)
    }

    /// A configuration file is read only when it is a regular file, and only up to its cap: a link
    /// to one is fine (dotfiles), a link to a device is not.
    @Test func aConfigurationThatIsADeviceIsRefused() throws {
        let path = Fixtures.temporaryDirectory() + "/config.yaml"
        #expect(symlink("/dev/zero", path) == 0)
        #expect {
            try ConfigurationLoader.load(defaultsPath: Fixtures.defaultConfigurationPath, userPath: path)
        } throws: { error in
            "\(error)" == "\(path): 是字符设备文件，banli 只读写普通文件"
        }
        let linked = Fixtures.temporaryDirectory() + "/config.yaml"
        #expect(symlink(Fixtures.defaultConfigurationPath, linked) == 0)
        #expect(try ConfigurationLoader.load(defaultsPath: Fixtures.defaultConfigurationPath, userPath: linked).caseFileMaxMebibytes == 16)
    }

    @Test(arguments: [
        ("outcomes:\n  scheme: local\n", 2, "“outcomes.scheme”的值“local”无效"),
        ("office:\n  unitt: x\n", 2, "未知字段“office.unitt”"),
        ("deadlines:\n  reply_months: 三\n", 2, "reply_months"),
        ("templates:\n  proposal:\n    title: 关于{nmuber}号\n", 3, "未知的占位符"),
        ("workflow:\n  states:\n    - name: 待签收\n    - name: 办理中\n", 3, "流程转换仍引用此状态"),
        ("language: zh\n  bad: [\n", 2, "第 6 个字符处的冒号不能出现在这里"),
        ("disclosure:\n  default: 公开\n", 2, "“disclosure.default”的值“公开”无效"),
        ("workflow:\n  review: 审核中\n", 2, "“workflow.review”的值“审核中”无效"),
        ("workflow:\n  transitions:\n    待审核: [已签发]\n", 2, "流程转换中没有“待审核 → 办理中”"),
        ("workflow:\n  states:\n    - name: 已签发\n      requires: [签名]\n", 4, "“workflow.states[1].requires”的值“签名”无效"),
        ("deadlines:\n  feedback_days: 0\n", 2, "feedback_days"),
        ("templates:\n  proposal:\n    you_plural: \"{you}\"\n", 3, "“templates.proposal.you_plural”的值“{you}”无效"),
        ("case_file_max_mib: 0\n", 1, "case_file_max_mib"),
        // A brace with no partner would be printed as written in every reply.
        // The whole value is quoted, and the message says which character is the brace.
        ("templates:\n  proposal:\n    title: 关于{title\n", 3, "“templates.proposal.title”的值“关于{title”无效：第 3 个字符“{”没有配对的“}”"),
        ("templates:\n  co_handler:\n    closing: 以上供参考。}\n", 3, "“templates.co_handler.closing”的值“以上供参考。}”无效：第 7 个字符“}”前面没有配对的“{”"),
        ("templates:\n  suggestion:\n    opening: \"{{title}}\"\n    footer: \"{unit}}\"\n", 4,
         "“templates.suggestion.footer”的值“{unit}}”无效：第 7 个字符“}”前面没有配对的“{”"),
        ("templates:\n  proposal:\n    title: \"}}关于{title}{{号{x\"\n", 3, "“templates.proposal.title”的值“}}关于{title}{{号{x”无效：第 15 个字符“{”没有配对的“}”"),
        // The phrase menu shows every phrase: a list and a text have limits.
        ("phrases:\n" + String(repeating: "  - 此复。\n", count: 2_001), 2_002, "“phrases”有 2001 项，超过上限 2000 项"),
        ("phrases:\n  - 此复。\n  - " + String(repeating: "长", count: 2_001) + "\n", 3, "“phrases[2]”的文字有 2001 个字，超过上限 2000 个字"),
        ("office:\n  copy_to:\n" + String(repeating: "    - 区政协\n", count: 2_001), 2_003, "“office.copy_to”有 2001 项"),
        ("templates:\n  proposal:\n    opening: " + String(repeating: "您", count: 2_001) + "\n", 3,
         "“templates.proposal.opening”的文字有 2001 个字，超过上限 2000 个字"),
        ("workflow:\n  transitions:\n" + (0...2_000).map { "    状态\($0): []\n" }.joined(), 2_003, "“workflow.transitions”有 2001 项"),
    ])
    func invalidUserFilesStopWithFileAndLine(text: String, line: Int, message: String) {
        #expect {
            _ = try load(user: text)
        } throws: { error in
            let e = error as! DataFileError
            return e.path.hasSuffix("config.yaml") && e.line == line && e.description.contains(message)
        }
    }

    /// 2,000 phrases of 2,000 characters are kept; one more of either is refused.
    @Test func phrasesAreKeptUpToTheLimits() throws {
        let longest = String(repeating: "长", count: ConfigurationLimits.characters)
        let most = "phrases:\n  - \(longest)\n" + String(repeating: "  - 此复。\n", count: ConfigurationLimits.items - 1)
        let c = try load(user: most)
        #expect(c.phrases.count == 2_000 && c.phrases[0] == longest)
        #expect(throws: DataFileError.self) { try load(user: most + "  - 此复。\n") }
        #expect(throws: DataFileError.self) { try load(user: most.replacingOccurrences(of: longest, with: longest + "长")) }
        #expect(try load(user: "templates:\n  proposal:\n    title: \"{{{title}}}\"\n").profile.templates[.proposal]?.title == "{{{title}}}")
    }

    @Test func aNamedButMissingUserFileIsAnError() {
        #expect(throws: DataFileError.self) {
            try ConfigurationLoader.load(defaultsPath: Fixtures.defaultConfigurationPath, userPath: "/nonexistent/x.yaml",
                                         userFileRequired: true)
        }
    }

    @Test func userConfigFollowsXDG() {
        #expect(ConfigurationLoader.userConfigPath(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"]) == "/x/banli/config.yaml")
        #expect(ConfigurationLoader.userConfigPath(environment: ["HOME": "/h"]) == "/h/.config/banli/config.yaml")
    }

    @Test func templatesFillFromTheCase() throws {
        let c = try Fixtures.configuration()
        var value = Fixtures.fullCase()
        value.role = .lead
        value.jointSigners = []
        let wording = ReplyWording(for: value, configuration: c)
        #expect(wording.title == "关于青浦区政协第五届委员会第二次会议第090号提案的办理意见")
        #expect(wording.opening.hasPrefix("您在区政协第五届委员会第二次会议上提出的090号《关于我区居民委员会若干问题的建议》的委员提案已收悉。"))
        #expect(TemplateText.fill("{{x}} {a}{b", ["a": "1"]) == "{x} 1{b")
    }

    @Test func thePronounForSeveralProposersIsATemplateChoice() throws {
        var value = Fixtures.fullCase()
        value.role = .lead
        #expect(value.proposers.count == 3)
        #expect(ReplyWording(for: value, configuration: try Fixtures.configuration()).closing == "感谢您对民政工作的关心和支持。")
        let c = try load(user: "templates:\n  proposal:\n    you_plural: 你们\n")
        #expect(ReplyWording(for: value, configuration: c).opening.hasPrefix("你们在区政协第五届委员会第二次会议上"))
        #expect(c.profile.templates[.suggestion]?.pluralYou == "您")
        value.jointSigners = []
        #expect(ReplyWording(for: value, configuration: c).opening.hasPrefix("您在区政协"))
    }
}
