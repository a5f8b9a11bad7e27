import Foundation
import Testing
import TestSupport
import TUI

/// Runs the built `banli` binary as a user would, with its own HOME so nothing of the real user's
/// is read or written.
struct Banli {
    let home = Fixtures.temporaryDirectory("banli-home")

    static let binary: String = {
        let candidates = [Bundle.main.bundleURL.path, Bundle.main.bundleURL.deletingLastPathComponent().path,
                          Fixtures.repositoryRoot + "/.build/debug"]
        return candidates.map { $0 + "/banli" }.first { FileManager.default.isExecutableFile(atPath: $0) }
            ?? Fixtures.repositoryRoot + "/.build/debug/banli"
    }()

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
        var lines: [String] { stdout.split(separator: "\n").map(String.init) }
    }

    /// Runs `executable` (the built banli unless named) in `directory` (the test's own unless named).
    func run(_ arguments: [String], environment extra: [String: String] = [:], executable: String = Banli.binary,
             in directory: String? = nil) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var environment = ["HOME": home, "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin", "USER": "tester"]
        environment.merge(extra) { $1 }
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }
}

@Suite struct CommandLineTests {
    let banli = Banli()

    @Test func listPrintsTheDemoCasesInAlignedColumns() throws {
        let out = try banli.run(["list", "--store", Fixtures.demoStoreCopy()])
        #expect(out.status == 0 && out.stderr.isEmpty, "\(out.stderr)")
        #expect(out.lines.count >= 31)
        #expect(out.lines[0].hasPrefix("编号"))
        // Every row's kind column （提案/建议） starts at the same display column.
        let kindColumns = Set(out.lines.dropFirst().map { line -> Int in
            let range = line.range(of: "  提案  ") ?? line.range(of: "  建议  ")!
            return TextMetrics.width(of: line[..<range.lowerBound])
        })
        #expect(kindColumns.count == 1)
    }

    @Test func listFiltersAndFormats() throws {
        let store = Fixtures.demoStoreCopy()
        let proposals = try banli.run(["list", "--store", store, "--kind", "提案", "--format", "tsv"])
        #expect(proposals.lines.dropFirst().allSatisfy { $0.split(separator: "\t")[1] == "提案" })
        let done = try banli.run(["list", "--store", store, "--outcome", "解决或采纳", "--format", "json"])
        let rows = try JSONSerialization.jsonObject(with: Data(done.stdout.utf8)) as! [[String: String]]
        #expect(!rows.isEmpty && rows.allSatisfy { $0["outcome"] == "解决或采纳" })
        let overdue = try banli.run(["list", "--store", store, "--overdue", "--format", "tsv"])
        #expect(overdue.status == 0 && overdue.lines.dropFirst().allSatisfy { Int($0.split(separator: "\t", omittingEmptySubsequences: false)[8])! < 0 })
        let bad = try banli.run(["list", "--store", store, "--status", "飞了"])
        #expect(bad.status != 0 && bad.stderr.contains("未知状态"))
    }

    @Test func showPrintsCase090WithItsReply() throws {
        let out = try banli.run(["show", "090", "--store", Fixtures.demoStoreCopy()])
        #expect(out.status == 0)
        #expect(out.stdout.contains("关于青浦区政协第五届委员会第二次会议第090号提案的办理意见"))
        #expect(out.stdout.contains("一、规范居委会功能，推进社区减负"))
        #expect(out.stdout.contains("办理结果：解决或采纳"))
    }

    @Test func exportPrintsCase090AsTextByDefault() throws {
        let out = try banli.run(["export", "090", "--store", Fixtures.demoStoreCopy()])
        #expect(out.status == 0 && out.stderr.isEmpty, "\(out.stderr)")
        #expect(out.lines.first == "关于青浦区政协第五届委员会第二次会议第090号提案的办理意见")
        #expect(out.lines.contains("办理结果：解决或采纳") && out.lines.contains("三、发挥纽带作用，加强为民服务"))
        #expect(out.lines.last == "主办单位：民政局")
    }

    @Test func exportWritesEachFormatToAFile() throws {
        let store = Fixtures.demoStoreCopy()
        let directory = Fixtures.temporaryDirectory()
        let expected: [(format: String, start: String, contains: String)] = [
            ("text", "关于青浦区", "\n一、规范居委会功能，推进社区减负\n"),
            ("markdown", "# 关于青浦区", "\n## 一、规范居委会功能，推进社区减负\n"),
            ("html", "<!DOCTYPE html>", "<h2>一、规范居委会功能，推进社区减负</h2>"),
        ]
        for (format, start, contains) in expected {
            let path = directory + "/090." + format
            Fixtures.write("旧内容", to: path)
            let out = try banli.run(["export", "zx5-2-090", "--format", format, "-o", path, "--force", "--store", store])
            #expect(out.status == 0 && out.stdout.isEmpty && out.stderr.isEmpty, "\(format): \(out.stderr)")
            let written = String(decoding: Fixtures.bytes(path), as: UTF8.self)
            #expect(written.hasPrefix(start) && written.contains(contains) && !written.contains("旧内容"), "\(format)")
        }
        // Only the three files: the atomic write leaves no temporary file behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["090.html", "090.markdown", "090.text"])
    }

    @Test func exportRefusesAnIncompleteReplyUnlessDraft() throws {
        let store = Fixtures.demoStoreCopy()
        let refused = try banli.run(["export", "rd7-5-030", "--store", store])
        #expect(refused.status != 0 && refused.stdout.isEmpty)
        #expect(refused.stderr == "banli: 无法导出 rd7-5-030：缺少 称呼、开头、第一部分、结尾、落款、日期、办理结果（加 --draft 可导出草稿）\n",
                "\(refused.stderr)")
        let draft = try banli.run(["export", "rd7-5-030", "--draft", "--store", store])
        #expect(draft.status == 0 && draft.lines.first == "草稿（缺少 称呼、开头、第一部分、结尾、落款、日期、办理结果）", "\(draft.stderr)")
        let badFormat = try banli.run(["export", "090", "--format", "doc", "--store", store])
        #expect(badFormat.status != 0 && badFormat.stderr.contains("doc"))
        let badPath = try banli.run(["export", "090", "-o", "/nonexistent/dir/090.txt", "--store", store])
        #expect(badPath.status != 0 && badPath.stderr == "banli: 不能写入 /nonexistent/dir/090.txt：目录 /nonexistent/dir 不存在（请先创建，或写到已有的目录）\n", "\(badPath.stderr)")
    }

    @Test func initNewShowAndErrors() throws {
        let store = Fixtures.temporaryDirectory() + "/store"
        #expect(try banli.run(["init", store]).status == 0)
        let created = try banli.run(["new", "--store", store, "--kind", "建议", "--term", "7", "--session", "5",
                                     "--number", "031", "--title", "关于增设社区长者食堂的建议", "--lead", "李明",
                                     "--signers", "王芳、张伟", "--assigned", "2026-11-02", "--text", "第一段\n第二段"])
        #expect(created.status == 0, "\(created.stderr)")
        let shown = try banli.run(["show", "rd7-5-031", "--store", store])
        #expect(shown.stdout.contains("答复期限  2027-02-02") && shown.stdout.contains("王芳、张伟"), "\(shown.stdout)")
        #expect(shown.stdout.contains("tester  新建案件"))
        let again = try banli.run(["new", "--store", store, "--kind", "建议", "--term", "7", "--session", "5",
                                   "--number", "031", "--title", "x", "--lead", "y"])
        #expect(again.status != 0 && again.stderr.contains("已存在"))
        // A number that is no file name is taken as printed: the file gets a safe name inside the store.
        let escape = try banli.run(["new", "--store", store, "--kind", "建议", "--term", "7", "--session", "5",
                                    "--number", "../../x9", "--title", "x", "--lead", "y"])
        #expect(escape.status == 0 && escape.stdout.hasPrefix("已新建案件 rd7-5-x9:\(store)/rd7-5-x9.yaml"), "\(escape.stderr)")
        #expect(!FileManager.default.fileExists(atPath: store + "/../../x9") && !FileManager.default.fileExists(atPath: store + "/../../x9.yaml"))
        let missing = try banli.run(["show", "999", "--store", store])
        #expect(missing.status != 0 && missing.stderr.contains("没有案件"))
        #expect(try banli.run(["list", "--store", "/nonexistent"]).status != 0)
    }

    @Test func aBrokenConfigStopsWithFileAndLine() throws {
        let config = Fixtures.temporaryDirectory() + "/config.yaml"
        Fixtures.write("outcomes:\n  scheme: 不存在\n", to: config)
        let out = try banli.run(["list", "--store", Fixtures.demoStoreCopy(), "--config", config])
        #expect(out.status != 0)
        #expect(out.stderr.contains("config.yaml:2:"), "\(out.stderr)")
        #expect(out.stdout.isEmpty)
    }

    @Test func withNoStoreTheDemoIsCopiedAndTheRepositoryLeftAlone() throws {
        let out = try banli.run(["list", "--format", "tsv"])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(FileManager.default.fileExists(atPath: banli.home + "/.local/share/banli/demo/zx5-2-090.yaml"))
        #expect(out.lines.count >= 31)
    }
}
