import Foundation
import Testing
import TestSupport

/// The command line as a user writes it: global options before the command's name, a mistyped
/// command, `--version`, a value a command refuses once parsed (exit 64, like the parser's), and a
/// refused step that says which option or command puts it right — each error one line on stderr.
@Suite struct CommandLineUsageTests {
    let banli = Banli()
    let store = Fixtures.demoStoreCopy()

    func run(_ arguments: [String]) throws -> Banli.Output {
        try banli.run(arguments + ["--store", store], environment: ["USER": "tester"])
    }

    /// Checks that `out` failed with exactly `line` on stderr, nothing on stdout.
    func expectOneLine(_ out: Banli.Output, _ line: String, status: Int32, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(out.status == status, "\(out.stderr)", sourceLocation: sourceLocation)
        #expect(out.stderr == line + "\n", sourceLocation: sourceLocation)
        #expect(out.stdout.isEmpty, sourceLocation: sourceLocation)
    }

    @Test func globalOptionsBeforeTheCommandsNameAreTheCommands() throws {
        let expected = try banli.run(["list", "--kind", "建议", "--format", "tsv", "--store", store])
        #expect(expected.status == 0 && expected.lines.count > 2, "\(expected.stderr)")
        for arguments in [["--store", store, "list", "--kind", "建议", "--format", "tsv"],
                          ["--store=\(store)", "list", "--kind", "建议", "--format", "tsv"]] {
            let out = try banli.run(arguments)
            #expect(out.status == 0 && out.stderr.isEmpty, "\(arguments): \(out.stderr)")
            #expect(out.stdout == expected.stdout, "\(arguments)")
        }
        // --config before the command is the command's too: the file it names is read (and missing).
        let missing = Fixtures.temporaryDirectory() + "/config.yaml"
        let config = try banli.run(["--config", missing, "--store", store, "show", "090"])
        #expect(config.status == 1 && config.stderr == "banli: \(missing): 无法读取文件（不存在）\n", "\(config.stderr)")
        // A store whose name is a command's is still the option's value.
        let named = Fixtures.temporaryDirectory() + "/list"
        try FileManager.default.copyItem(atPath: store, toPath: named)
        let show = try banli.run(["--store", named, "show", "090"])
        #expect(show.status == 0 && show.stdout.contains("zx5-2-090"), "\(show.stderr)")
        // With no command named, the options stay the default command's (the list, into a pipe).
        let open = try banli.run(["--store", store])
        #expect(open.status == 0 && open.stdout.contains("zx5-2-090"), "\(open.stderr)")
    }

    @Test func aWordWhereTheCommandGoesThatNamesNoCommandIsSaidToBeNoCommand() throws {
        let line = "banli：没有命令“unknown-cmd”。可用的命令见 banli --help"
        expectOneLine(try banli.run(["unknown-cmd", "--x"]), line, status: 64)
        expectOneLine(try banli.run(["--store", store, "unknown-cmd", "--format", "tsv"]), line, status: 64)
        // An unknown option with no word before it is still the option.
        expectOneLine(try banli.run(["--x"]), "banli：没有选项 --x。用法见 banli --help", status: 64)
    }

    /// `--version` prints the version written in Sources/banli/Version.swift, the one place it is.
    @Test func versionPrintsTheVersionAndSucceeds() throws {
        let source = try String(contentsOfFile: Fixtures.repositoryRoot + "/Sources/banli/Version.swift", encoding: .utf8)
        let written = try #require(source.firstMatch(of: #/static let current = "([^"]+)"/#)).1
        let out = try banli.run(["--version"])
        #expect(out.status == 0 && out.stderr.isEmpty, "\(out.stderr)")
        #expect(out.stdout == "\(written)\n")
        #expect(out.stdout.wholeMatch(of: #/\d+\.\d+\.\d+\n/#) != nil, "\(out.stdout)")
    }

    /// A value the command refuses once parsed is a usage error like the parser's: exit 64, a line
    /// ending in the command's help. What goes wrong while working is still exit 1.
    @Test func aValueTheCommandRefusesIsAUsageError() throws {
        expectOneLine(try run(["list", "--kind", "议案"]), "banli list：未知类型“议案”（可选：提案、建议）。用法见 banli list --help", status: 64)
        expectOneLine(try run(["list", "--status", "飞了"]),
                      "banli list：未知状态“飞了”（可选：待签收、办理中、待审核、已签发、已答复、已办结、退回、已撤案、已并案）。用法见 banli list --help", status: 64)
        expectOneLine(try run(["list", "--outcome", "A类"]),
                      "banli list：未知办理结果“A类”（可选：解决或采纳、列入计划拟解决、留作参考、无）。用法见 banli list --help", status: 64)
        let new = ["new", "--kind", "提案", "--term", "6", "--session", "5", "--number", "131", "--title", "标题", "--lead", "张三"]
        expectOneLine(try run(new + ["--role", "协办"]), "banli new：承办方式：未知“协办”（可选：主办、会办、分办、独办）。用法见 banli new --help", status: 64)
        expectOneLine(try run(Array(new.prefix(7))), "banli new：缺少 --number（或用 --from 导入案件文件）。用法见 banli new --help", status: 64)
        expectOneLine(try run(new + ["--role", "会办"]), "banli new：主办单位：会办案件须写明。用法见 banli new --help", status: 64)
        // Written before the command's name, the command is still the one named.
        expectOneLine(try banli.run(["--store", store, "list", "--kind", "议案"]),
                      "banli list：未知类型“议案”（可选：提案、建议）。用法见 banli list --help", status: 64)
        #expect(!FileManager.default.fileExists(atPath: store + "/zx6-5-131.yaml"))
        // Not a usage error: the case is not there, the reply is incomplete.
        #expect(try run(["show", "999"]).status == 1)
        expectOneLine(try run(["export", "030"]),
                      "banli: 无法导出 rd7-5-030：缺少 称呼、开头、第一部分、结尾、落款、日期、办理结果（加 --draft 可导出草稿）", status: 1)
    }

    /// A refused step whose way out is an option or another command says what to type; the command
    /// it names does what it says.
    @Test func aRefusedStepNamesTheOptionOrCommandThatPutsItRight() throws {
        expectOneLine(try run(["move", "zx6-5-061", "更正答复"]), "banli: zx6-5-061：更正答复须写明原因（--reason 原因）", status: 1)
        expectOneLine(try run(["feedback", "044", "不满意"]), "banli: zx6-5-044：登记“不满意”须写明提出人的意见（--comment 意见）", status: 1)
        expectOneLine(try run(["outcome", "008", "留作参考"]),
                      "banli: zx6-5-008：跟踪办理须写明说明（--note 说明）", status: 1)
        expectOneLine(try run(["move", "104", "101", "退回"]),
                      "banli: 2件中有2件不能办理，均未更改：zx6-5-104：转为“退回”须写明理由（--reason 理由）；zx6-5-101：转为“退回”须写明理由（--reason 理由）",
                      status: 1)
        expectOneLine(try run(["move", "052", "已签发"]), "banli: zx6-5-052：转为“已签发”须经签发，登记签发人（用 banli sign zx6-5-052 --signer 姓名）", status: 1)

        // The status move was part of sending the reply back: only undo takes it back, as `banli undo ID`.
        #expect(try run(["send-back", "052", "--comment", "补充数据"]).status == 0)
        expectOneLine(try run(["correct", "052", "状态", "--reason", "误退回"]),
                      "banli: zx6-5-052：上一次状态变更是“退回修改：补充数据；状态：待审核 → 办理中”的一部分，不能单独更正；可撤销这一步（用 banli undo zx6-5-052）",
                      status: 1)
        let undone = try run(["undo", "zx6-5-052"])
        #expect(undone.status == 0 && undone.lines == ["zx6-5-052：撤销：退回修改：补充数据；状态：待审核 → 办理中"], "\(undone.stderr)")
    }

    @Test func anOutputIntoADirectoryThatDoesNotExistSaysSo() throws {
        let missing = Fixtures.temporaryDirectory() + "/没有的目录"
        expectOneLine(try run(["export", "090", "-o", missing + "/090.txt"]),
                      "banli: 不能写入 \(missing)/090.txt：目录 \(missing) 不存在（请先创建，或写到已有的目录）", status: 1)
        expectOneLine(try run(["ledger", "-o", missing + "/台账.csv"]),
                      "banli: 不能写入 \(missing)/台账.csv：目录 \(missing) 不存在（请先创建，或写到已有的目录）", status: 1)
    }
}
