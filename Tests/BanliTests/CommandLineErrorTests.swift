import Foundation
import Testing
import TestSupport

/// Every error the command line reports is one line of Chinese on stderr saying what to do, the
/// argument parser's own included, with nothing of Foundation's or the C library's English, and
/// anything quoted from a file or an argument made inert.
@Suite struct CommandLineErrorTests {
    let banli = Banli()

    /// Checks that `out` failed with exactly `line` (plus its newline) on stderr and nothing on stdout.
    func expectOneLine(_ out: Banli.Output, _ line: String, status: Int32 = 1, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(out.status == status, "\(out.stderr)", sourceLocation: sourceLocation)
        #expect(out.stderr == line + "\n", sourceLocation: sourceLocation)
        #expect(out.stdout.isEmpty, sourceLocation: sourceLocation)
    }

    @Test func argumentParserErrorsAreOneChineseLineEndingInWhereToReadTheUsage() throws {
        let store = Fixtures.demoStoreCopy()
        let expected: [([String], String)] = [
            (["show"], "banli show：缺少案件编号。用法见 banli show --help"),
            (["sign", "090"], "banli sign：缺少选项 --signer（签发人）。用法见 banli sign --help"),
            (["list", "--format", "xml"], "banli list：选项 --format 的值“xml”无效（可选：table、tsv、json）。用法见 banli list --help"),
            (["list", "--format"], "banli list：选项 --format 后缺少值（输出格式）。用法见 banli list --help"),
            (["list", "--frmat", "tsv"], "banli list：没有选项 --frmat（是否想写 --format？）。用法见 banli list --help"),
            (["list", "-x"], "banli list：没有选项 -x。用法见 banli list --help"),
            (["show", "090", "091"], "banli show：多余的参数“091”。用法见 banli show --help"),
            (["export", "090", "--draft=yes"], "banli export：选项 --draft 不带值，却写了“yes”。用法见 banli export --help"),
            (["feedback", "090", "好"], "banli feedback：满意度“好”无效（可选：满意、基本满意、不满意）。用法见 banli feedback --help"),
            (["contact", "090", "--method", "飞鸽", "--people", "甲", "--summary", "乙"],
             "banli contact：选项 --method 的值“飞鸽”无效（可选：走访、电话、座谈、其他）。用法见 banli contact --help"),
            (["move", "090"], "banli move：须写出案件编号和目标状态，如 banli move 101 办理中。用法见 banli move --help"),
            (["frobnicate"], "banli：没有命令“frobnicate”。可用的命令见 banli --help"),
        ]
        for (arguments, line) in expected {
            expectOneLine(try banli.run(arguments + ["--store", store]), line, status: 64)
        }
    }

    /// A date that does not exist: whatever the date parser says about it arrives as one line.
    @Test func anImpossibleDateIsOneLineNamingTheOptionAndTheValue() throws {
        let out = try banli.run(["due", "--date", "2018-02-30", "--store", Fixtures.demoStoreCopy()])
        #expect(out.status == 64 && out.stdout.isEmpty)
        #expect(out.stderr.hasPrefix("banli due：选项 --date 的值“2018-02-30”无效"), "\(out.stderr)")
        #expect(out.stderr.hasSuffix("。用法见 banli due --help\n") && out.stderr.filter { $0 == "\n" }.count == 1, "\(out.stderr)")
    }

    @Test func helpStillPrintsHelpAndSucceeds() throws {
        for arguments in [["--help"], ["-h"], ["help"], ["show", "--help"], ["show", "-h"], ["help", "show"]] {
            let out = try banli.run(arguments)
            #expect(out.status == 0 && out.stderr.isEmpty, "\(arguments): \(out.stderr)")
            #expect(out.stdout.contains("USAGE: banli"), "\(arguments)")
        }
        #expect(try banli.run(["help", "show"]).stdout.contains("banli show <ID>"))
    }

    @Test func filesThatCannotBeReadAreNamedWithTheReasonInChinese() throws {
        let store = Fixtures.demoStoreCopy()
        let directory = Fixtures.temporaryDirectory()
        let new = ["new", "--store", store, "--kind", "建议", "--term", "7", "--session", "5", "--number", "031",
                   "--title", "关于增设社区长者食堂的建议", "--lead", "李明"]
        expectOneLine(try banli.run(new + ["--text-file", directory + "/正文.txt"]), "banli: \(directory)/正文.txt: 读取失败：不存在")
        expectOneLine(try banli.run(new + ["--text-file", directory]), "banli: \(directory): 读取失败：是目录")
        expectOneLine(try banli.run(["new", "--from", directory + "/案件.yaml", "--store", store]),
                      "banli: \(directory)/案件.yaml: 读取失败：不存在")
        expectOneLine(try banli.run(["list", "--config", directory + "/config.yaml", "--store", store]),
                      "banli: \(directory)/config.yaml: 无法读取文件（不存在）")
        // 你好 in GBK.
        _ = FileManager.default.createFile(atPath: directory + "/gbk.txt", contents: Data([0xC4, 0xE3, 0xBA, 0xC3, 0x0A]))
        let gbk = try banli.run(new + ["--text-file", directory + "/gbk.txt"])
        #expect(gbk.status == 1 && gbk.stderr.hasPrefix("banli: ") && gbk.stderr.contains("gbk.txt") && gbk.stderr.contains("UTF-8"))
        #expect(gbk.stderr.filter { $0 == "\n" }.count == 1, "\(gbk.stderr)")
        #expect(!FileManager.default.fileExists(atPath: store + "/rd7-5-031.yaml"))
    }

    /// A title carrying an OSC title change, a screen clear and a line break, and a malformed file
    /// whose bad value carries the same: `list` (each format), `show` and the messages about them
    /// reach the terminal with every control character shown as a mark and each on its own line.
    @Test func textFromAFileOrAnArgumentReachesTheTerminalInert() throws {
        let store = Fixtures.demoStoreCopy()
        let hostile = #"关于\e]0;pwned\a\e[2J恶意\n第二行的建议"#
        try rewrite(store + "/zx6-5-101.yaml", line: "标题:", to: "标题: \"\(hostile)\"")
        try rewrite(store + "/zx5-2-090.yaml", line: "状态:", to: "状态: \"\(hostile)\"")

        for format in ["table", "tsv", "json"] {
            let out = try banli.run(["list", "--format", format, "--store", store])
            #expect(out.status == 0, "\(format): \(out.stderr)")
            #expect(isInert(out.stdout) && isInert(out.stderr), "\(format)")
            // The title is one row (JSON escapes the break as \n); the broken file is one warning line.
            let row = out.lines.first { $0.contains("zx6-5-101") } ?? ""
            let titleLine = format == "json" ? (out.lines.first { $0.contains("pwned") } ?? "") : row
            #expect(titleLine.contains("pwned") && titleLine.contains("第二行的建议"), "\(format): \(out.stdout)")
            let warnings = out.stderr.split(separator: "\n")
            #expect(warnings.count == 1 && warnings[0].hasPrefix("警告：\(store)/zx5-2-090.yaml:") && warnings[0].contains("第二行的建议"),
                    "\(format): \(out.stderr)")
        }

        let shown = try banli.run(["show", "101", "--store", store])
        #expect(shown.status == 0 && isInert(shown.stdout))
        #expect(shown.lines.contains { $0.hasPrefix("标题：关于") && $0.contains("pwned") && $0.contains("第二行的建议") }, "\(shown.stdout)")

        let broken = try banli.run(["show", "090", "--store", store])
        #expect(broken.status == 1 && broken.stderr.hasPrefix("banli: \(store)/zx5-2-090.yaml:"), "\(broken.stderr)")
        #expect(isInert(broken.stderr) && broken.stderr.filter { $0 == "\n" }.count == 1, "\(broken.stderr)")

        let argument = try banli.run(["show", "\u{1B}]0;pwned\u{07}\u{1B}[2J\n9\u{202E}99", "--store", store])
        // Refused before anything quotes it: a control character in an argument is never taken in.
        #expect(argument.status == 64 && argument.stderr.hasPrefix("banli：第2个参数含有控制字符 ESC（U+001B）")
                && argument.stderr.filter { $0 == "\n" }.count == 1, "\(argument.stderr)")
        let bidi = try banli.run(["show", "9\u{202E}99", "--store", store])
        #expect(bidi.status == 1 && bidi.stderr.contains("999") && isInert(bidi.stderr), "\(bidi.stderr)")
        #expect(isInert(argument.stderr), "\(argument.stderr)")
    }

    /// No control character but the line feed that ends each line and the tab between TSV fields
    /// (so no escape sequence, BEL or carriage return), no C1 control and no bidi override.
    private func isInert(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            let v = scalar.value
            return v == 0x0A || v == 0x09 || !((0x00..<0x20).contains(v) || (0x7F..<0xA0).contains(v) || (0x202A...0x202E).contains(v))
        }
    }

    /// Replaces the line of `path` that starts with `prefix`.
    private func rewrite(_ path: String, line prefix: String, to replacement: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        let at = try #require(lines.firstIndex { $0.hasPrefix(prefix) })
        lines[at] = replacement
        Fixtures.write(lines.joined(separator: "\n"), to: path)
    }
}
