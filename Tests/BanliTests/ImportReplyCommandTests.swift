import Foundation
import Testing
import TestSupport
import Model

/// `banli import-reply` through the real binary: a plain-text reply and a saved web page become
/// cases that export as the reply; a file that is not a reply is refused with one line, exit 65,
/// and nothing is written.
@Suite struct ImportReplyCommandTests {
    let banli = Banli()
    let store: String

    init() throws {
        store = Fixtures.temporaryDirectory("banli-import") + "/store"
        let out = try Banli().run(["init", store])
        #expect(out.status == 0, "\(out.stderr)")
    }

    func run(_ arguments: [String]) throws -> Banli.Output { try banli.run(arguments + ["--store", store]) }

    var caseFiles: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: store)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted() }

    @Test func aPlainTextReplyBecomesACaseThatExportsAsTheReply() throws {
        let file = Fixtures.fixture("replies/04-town-run-in-hanzi-date.txt")
        let out = try run(["import-reply", file])
        #expect(out.status == 0 && out.stderr.isEmpty, "\(out.stderr)")
        #expect(out.lines.first?.hasPrefix("已新建案件 rd18-3-62:") == true, "\(out.stdout)")
        for line in ["版式：镇政府（自动识别；原文 10 行，照原样导出 10 行）", "状态：已答复", "称呼：周海波代表：（领衔 周海波）", "正文 2 节（一级 2，接排 2）",
                     "结尾 1 段", "落款：云河镇人民政府", "落款日期：二〇二一年六月三日", "联系方式 3 项（1 行）", "抄报 1 个单位"] {
            #expect(out.lines.contains(line), "\(line)\n\(out.stdout)")
        }
        #expect(caseFiles == ["rd18-3-62.yaml"])
        let exported = try run(["export", "rd18-3-62", "--format", "text"])
        #expect(exported.status == 0, "\(exported.stderr)")
        let reply = PublishedLine.lines(of: String(decoding: Fixtures.bytes(file), as: UTF8.self))
        #expect(PublishedLine.lines(of: exported.stdout) == reply)
        // The same reply again is another case, under the next free number.
        let again = try run(["import-reply", file, "--status", "办理中"])
        #expect(again.status == 0 && again.lines.first?.hasPrefix("已新建案件 rd18-3-62-2:") == true, "\(again.stdout)\(again.stderr)")
        #expect(again.lines.contains("状态：办理中") && caseFiles == ["rd18-3-62-2.yaml", "rd18-3-62.yaml"])
        let journal = String(decoding: Fixtures.bytes(store + "/rd18-3-62.yaml"), as: UTF8.self)
        #expect(journal.contains("从 \(file) 导入已公开的答复") && journal.contains("版式: 镇政府"))
    }

    /// Defects: a taken ID gave the printed number `62-2` (`第62-2号`), and the dry run named the
    /// taken ID. Only the file's name may change, and the dry run names the ID the import takes;
    /// `banli new` with a taken printed number keeps it as printed too.
    @Test func aTakenNumberChangesOnlyTheFileNameAndTheDryRunNamesIt() throws {
        let file = Fixtures.fixture("replies/04-town-run-in-hanzi-date.txt")
        #expect(try run(["import-reply", file]).status == 0)
        let dry = try run(["import-reply", file, "--dry-run"])
        #expect(dry.lines.first == "试导入（未新建案件）：将新建 rd18-3-62-2" && dry.lines.contains { $0.contains("编号 62，") }, "\(dry.stdout)")
        let again = try run(["import-reply", file])
        #expect(again.lines.first?.hasPrefix("已新建案件 rd18-3-62-2:") == true, "\(again.stdout)")
        let exported = try run(["export", "rd18-3-62-2", "--format", "text"])
        let reply = PublishedLine.lines(of: String(decoding: Fixtures.bytes(file), as: UTF8.self))
        #expect(PublishedLine.lines(of: exported.stdout) == reply, "\(exported.stdout)")
        let new = try run(["new", "--kind", "建议", "--term", "18", "--session", "3", "--number", "第62号", "--title", "关于某事的建议", "--lead", "周海波"])
        #expect(new.status == 0, "\(new.stderr)")
        let created = String(decoding: Fixtures.bytes(store + "/rd18-3-62-3.yaml"), as: UTF8.self)
        #expect(created.contains("案号: \"62\"") || created.contains("案号: 62"), "\(created)")
    }

    @Test func aSavedWebPageLosesItsChromeAndKeepsTheLetter() throws {
        let out = try run(["import-reply", Fixtures.fixture("replies/08-web-title-and-letter-title.html")])
        #expect(out.status == 0 && out.stderr.isEmpty, "\(out.stderr)")
        #expect(out.lines.first?.hasPrefix("已新建案件 zx15-1-0312:") == true, "\(out.stdout)")
        #expect(out.lines.contains("网页外框 3 行（已去掉）") && out.lines.contains("网页标题：区民政局对区政协十五届一次会议第0312号提案的答复（网页的，不属于答复）"))
        #expect(out.lines.contains("版式：区局函（自动识别；原文 8 行，照原样导出 8 行）"), "\(out.stdout)")
        let exported = try run(["export", "zx15-1-0312", "--format", "text"])
        let expected = PublishedLine.lines(of: String(decoding: Fixtures.bytes(Fixtures.fixture("replies/expected/08-web-title-and-letter-title.txt")), as: UTF8.self))
        #expect(PublishedLine.lines(of: exported.stdout) == expected, "\(exported.stdout)\(exported.stderr)")
    }

    @Test func aDryRunReportsAndWritesNothing() throws {
        let out = try run(["import-reply", Fixtures.fixture("replies/17-gb18030-signer-beside-number.txt"), "--dry-run"])
        #expect(out.status == 0 && out.lines.first == "试导入（未新建案件）：将新建 zx10-3-58", "\(out.stdout)\(out.stderr)")
        #expect(out.lines.contains("版头 2 行：青溪县民政局文件、文号 青民发【2024】201号、签发人 林国栋") && caseFiles.isEmpty)
        let forced = try run(["import-reply", Fixtures.fixture("replies/17-gb18030-signer-beside-number.txt"), "--dry-run", "--profile", "上海区"])
        #expect(forced.lines.contains { $0.hasPrefix("版式：上海区（指定；") } && forced.lines.contains("按版式“上海区”导出时与原文不同的行："))
        let unknown = try run(["import-reply", Fixtures.fixture("replies/17-gb18030-signer-beside-number.txt"), "--profile", "火星"])
        #expect(unknown.status == 1 && unknown.stderr.contains("没有名为“火星”的版式") && caseFiles.isEmpty, "\(unknown.stderr)")
    }

    @Test func aFileThatIsNotAReplyIsRefusedInOneLine() throws {
        let directory = Fixtures.temporaryDirectory("banli-not-replies")
        let files: [(String, [UInt8])] = [("说明.txt", Array("# banli\n\nbanli 是终端软件。用法见 README。\n".utf8)), ("空.txt", []),
                                          ("程序.bin", [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0] + Array(repeating: 0, count: 64)),
                                          ("页面.html", Array("<html><body><p>欢迎访问本站</p></body></html>".utf8))]
        for (name, bytes) in files {
            let path = directory + "/" + name
            _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
            let out = try run(["import-reply", path])
            #expect(out.status == 65 && out.stdout.isEmpty, "\(name): \(out.status) \(out.stdout)")
            let lines = out.stderr.split(separator: "\n")
            #expect(lines.count == 1 && lines[0].hasPrefix("banli: \(path) 不是答复："), "\(name): \(out.stderr)")
        }
        #expect(caseFiles.isEmpty)
        let missing = try run(["import-reply", directory + "/没有这个文件.txt"])
        #expect(missing.status == 1 && missing.stderr.contains("没有这个文件.txt"), "\(missing.stderr)")
    }
}
