import Foundation
import Model

/// Shared test helpers: the repository's paths, temporary directories and a fully filled case.
public enum Fixtures {
    /// The checkout this test was built from.
    public static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" && !FileManager.default.fileExists(atPath: url.path + "/Package.swift") {
            url.deleteLastPathComponent()
        }
        return url.path
    }()

    public static var defaultConfigurationPath: String { repositoryRoot + "/config/banli.yaml" }
    public static var demoStore: String { repositoryRoot + "/demo/store" }

    /// A file kept for tests in `Tests/Fixtures`, such as a published reply to compare exports with.
    /// A case file as an import of a published reply writes it: no 会议, 交办日期 or 领衔人, its number
    /// printed as `第52号`.
    public static func caseFileWithoutMeetingAssignmentOrLead(kind: String = "提案", status: String = "待签收") -> String {
        """
        格式: banli-case/1
        类型: \(kind)
        编号: "52"
        案号: 第52号
        标题: 关于加强社区养老服务的建议
        承办方式: 主办
        状态: \(status)
        提案正文: 建议……。

        """
    }

    /// The shipped configuration with `text` as the user's file over it.
    /// - Throws: `DataFileError` for a file the loader refuses.
    public static func configuration(user text: String) throws -> Configuration {
        let path = temporaryDirectory() + "/config.yaml"
        write(text, to: path)
        return try ConfigurationLoader.load(defaultsPath: defaultConfigurationPath, userPath: path)
    }

    public static func fixture(_ name: String) -> String { repositoryRoot + "/Tests/Fixtures/" + name }

    public static func configuration() throws -> Configuration {
        try ConfigurationLoader.load(defaultsPath: defaultConfigurationPath, userPath: nil)
    }

    /// Where this test process makes its temporary directories: one directory, removed when the
    /// process exits, so that test runs do not leave thousands of stores behind in /tmp.
    private static let temporaryRoot: String = {
        let root = NSTemporaryDirectory() + "banli-tests-\(getpid())"
        try! FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: Fixtures.temporaryRoot) }
        return root
    }()

    /// A new empty directory under the system's temporary directory.
    /// A new store in a temporary directory holding one case, `fullCase()` (zx5-2-090).
    public static func storeHoldingFullCase(vocabulary: CaseVocabulary) throws -> CaseStore {
        let store = try CaseStore.create(at: temporaryDirectory() + "/store", vocabulary: vocabulary)
        try store.create(fullCase())
        return store
    }

    public static func temporaryDirectory(_ name: String = "banli-test") -> String {
        let path = temporaryRoot + "/\(name)-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A copy of the demo store in a temporary directory: its case files and its marker.
    public static func demoStoreCopy() -> String {
        let target = temporaryDirectory("banli-demo")
        for name in try! FileManager.default.contentsOfDirectory(atPath: demoStore)
        where name.hasSuffix(".yaml") || name == StoreMarker.fileName {
            try! FileManager.default.copyItem(atPath: demoStore + "/" + name, toPath: target + "/" + name)
        }
        return target
    }

    /// A copy of the demo store in which the signed or sent replies of `ids` were taken back for
    /// changes by the configured step （更正答复、撤回签发）, as a clerk would before editing them: for
    /// tests that edit a reply, such as the published one to 090, which is 已办结 and read-only.
    public static func demoStoreCopy(reopening ids: [String]) -> String {
        let target = demoStoreCopy()
        let configuration = try! configuration()
        let store = try! CaseStore(directory: target, vocabulary: configuration.vocabulary)
        let handling = CaseHandling(configuration: configuration, user: "wangli", clock: .fixed(LocalDate(year: 2026, month: 11, day: 1)!))
        for id in ids {
            let stored = try! store.load(CaseID(id)!)
            let step = configuration.workflow.reopenings(from: stored.value.status)[0].name
            try! store.save(handling.reopenReply(stored.value, step: step, reason: "测试中修改答复").value, replacing: stored.revision)
        }
        return target
    }

    public static func bytes(_ path: String) -> [UInt8] { Array(FileManager.default.contents(atPath: path) ?? Data()) }

    public static func write(_ text: String, to path: String) {
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    }

    /// A store of `count` cases numbered 001 onwards, written straight to disk (no fsync, for speed).
    /// Case `i`'s text says `江南第{i}号` and, for every seventh case, 加装电梯; every third case's
    /// title holds 居委会. No case has a reply.
    public static func numberedStore(count: Int) throws -> CaseStore {
        let store = try CaseStore.create(at: temporaryDirectory("banli-numbered"), vocabulary: configuration().vocabulary)
        for i in 1...count {
            var c = fullCase(number: String(format: "%03d", i))
            c.title = i % 3 == 0 ? "关于居委会减负的建议（\(i)）" : "关于社区服务的建议（\(i)）"
            c.text = "江南第\(i)号。" + (i % 7 == 0 ? "建议在老旧小区加装电梯。\n" : "建议完善社区服务。\n")
            c.reply = Reply()
            c.previousReplies = []
            write(CaseFileEncoder.encode(c), to: store.path(of: c.id))
        }
        return store
    }

    /// A case with every field filled, including awkward text: quotes, colons, leading spaces,
    /// numbers-as-text and blank lines.
    public static func fullCase(number: String = "090") -> Case {
        Case(
            kind: .proposal, meeting: Meeting(term: 5, session: 2), number: number,
            title: "关于我区居民委员会若干问题的建议", leadProposer: "周建平", jointSigners: ["沈雅琴", "陆卫国"],
            topic: "基层治理", isKey: true, role: .coHandler, leadUnit: "区卫健委", otherUnits: ["区财政局", "区房管局"],
            assignedOn: LocalDate(year: 2018, month: 3, day: 20)!, deadline: LocalDate(year: 2018, month: 6, day: 20)!,
            deadlineNote: "经提案委同意延期", status: "已办结", handler: "wangli", returnReason: "不属本单位职能: 见说明",
            disclosure: Disclosure(category: "依申请公开", reason: "涉及个人信息"),
            outcomes: [OutcomeRecord(result: "列入计划拟解决", date: LocalDate(year: 2018, month: 8, day: 1)!, recordedBy: "wangli"),
                       OutcomeRecord(result: "解决或采纳", date: LocalDate(year: 2019, month: 3, day: 1)!, recordedBy: "zhaomin",
                                     note: "跟踪办理：已完成")],
            signOff: SignOff(signer: "钱志明", date: LocalDate(year: 2018, month: 10, day: 30)!),
            feedback: [Feedback(date: LocalDate(year: 2018, month: 11, day: 20)!, satisfaction: .basicallySatisfied, visited: true,
                                attitude: "满意", relevance: "基本针对", viewOfResult: "理解", comment: "希望\n继续跟进")],
            contacts: [ContactEntry(date: LocalDate(year: 2018, month: 4, day: 16)!, method: .visit, people: "周建平委员",
                                    summary: "当面听取意见。\n约定再次沟通。")],
            text: "第一段：居委会。\n\n  缩进的第二段 \"引号\" 'single' # 不是注释\n090\n- 不是列表\n",
            reply: Reply(documentNumber: "青民函〔2018〕12号", date: LocalDate(year: 2018, month: 11, day: 1)!,
                         salutation: "周建平、沈雅琴、陆卫国委员：", opening: "您在区政协第五届委员会第二次会议上提出的……\n前言段落。",
                         sections: [ReplySection(heading: "规范居委会功能，推进社区减负", text: "一是……。二是……。"),
                                    ReplySection(heading: "挖掘特色优势", text: "")],
                         closing: "感谢您对民政工作的关心和支持。", signature: "青浦区民政局", contactPerson: "王丽",
                         contactPhone: "021-59720000", contactAddress: "青浦区公园路100号", postcode: "201700",
                         copyTo: ["区人大常委会代表工委", "区政协提案委"]),
            previousReplies: [EarlierReply(reply: Reply(salutation: "周建平委员：", opening: "旧的答复。"), supersededBy: "更正答复",
                                           reason: "日期写错: 应为11月", date: LocalDate(year: 2018, month: 10, day: 31)!,
                                           signOff: SignOff(signer: "钱志明", date: LocalDate(year: 2018, month: 10, day: 29)!))],
            journal: [JournalEntry(time: "2018-03-20T10:15:00+08:00", user: "wangli", text: "新建案件"),
                      JournalEntry(time: "2018-03-21T09:02:00+08:00", user: "wangli", text: "签收")])
    }
}
