import Foundation
import Testing
import TestSupport

/// `banli check` lists every problem of a store, one `path:line: 原因` a line, and fails when any is
/// an error.
@Suite struct CheckCommandTests {
    let banli = Banli()

    /// A valid case file for number `number`, its lines changed by `edit`.
    static func caseFile(_ number: String, _ edit: (inout [String]) -> Void = { _ in }) -> [UInt8] {
        var lines = ["格式: banli-case/1", "类型: 提案", "会议: {届: 6, 次: 5}", "编号: \"\(number)\"", "标题: 关于路灯的建议",
                     "领衔人: 李明", "交办日期: 2026-03-10", "状态: 办理中", "提案正文: |", "  # 正文里的井号", "  第二段"]
        edit(&lines)
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    func store(_ files: [String: [UInt8]]) throws -> String {
        let store = Fixtures.temporaryDirectory() + "/store"
        #expect(try banli.run(["init", store]).status == 0)
        for (name, bytes) in files { #expect(FileManager.default.createFile(atPath: store + "/" + name, contents: Data(bytes))) }
        return store
    }

    @Test func everyKindOfBadFileIsListedWithItsLine() throws {
        var gbk = Self.caseFile("005")
        let title = Array("关于路灯的建议".utf8)
        let at = gbk.firstRange(of: title)!
        gbk.replaceSubrange(at, with: [0xB9, 0xD8, 0xD3, 0xDA]) // 关于 in GBK
        let store = try store([
            "zx6-5-001.yaml": Self.caseFile("001") { $0[2] = "会议: {届: 6, 次: 5" },
            "zx6-5-002.yaml": Self.caseFile("002") { $0[6] = "交办日期: 2018-02-30" },
            "zx6-5-003.yaml": Self.caseFile("003") { $0[7] = "状态: 已完成" },
            "zx6-5-004.yaml": Self.caseFile("004") { $0.remove(at: 4) },
            "zx6-5-005.yaml": gbk,
            "zx6-5-006.yaml": Self.caseFile("006") { $0[5] = "领衔人: 李明  # 待核实" },
            "zx6-5-007.yaml": Self.caseFile("007"),
        ])
        let out = try banli.run(["check", "--store", store])
        #expect(out.status == 1, "\(out.stdout)\(out.stderr)")
        let lines = out.lines
        #expect(lines.count == 7, "\(out.stdout)")
        func line(_ number: String) -> String { lines.first { $0.hasPrefix("\(store)/zx6-5-\(number).yaml") } ?? "" }
        #expect(line("001") == "\(store)/zx6-5-001.yaml:3: 花括号映射没有正确结束（缺少“,”或“}”）", "\(line("001"))")
        #expect(line("002").hasPrefix("\(store)/zx6-5-002.yaml:7: ") && line("002").contains("2018-02-30"), "\(line("002"))")
        #expect(line("003").hasPrefix("\(store)/zx6-5-003.yaml:8: ") && line("003").contains("“已完成”无效"), "\(line("003"))")
        #expect(line("004").hasPrefix("\(store)/zx6-5-004.yaml:1: 缺少必填字段“标题”"), "\(line("004"))")
        #expect(line("005").hasPrefix("\(store)/zx6-5-005.yaml:5: ") && line("005").contains("UTF-8"), "\(line("005"))")
        // A comment is a warning; the `#` inside the text block is not one.
        #expect(line("006") == "\(store)/zx6-5-006.yaml:6: 警告：注释：banli 保存此案件时不保留注释（见 docs/case-file.md）")
        #expect(line("007") == "")
        #expect(lines.last == "检查了 7 个案件文件和配置：5 个错误，1 个警告")
    }

    @Test func warningsAloneDoNotFail() throws {
        let store = try store(["zx6-5-006.yaml": Self.caseFile("006") { $0.insert("# 手写说明", at: 0) }, "说明.txt": Array("备忘".utf8)])
        let out = try banli.run(["check", "--store", store])
        #expect(out.status == 0, "\(out.stdout)\(out.stderr)")
        #expect(out.lines == ["\(store)/zx6-5-006.yaml:1: 警告：注释：banli 保存此案件时不保留注释（见 docs/case-file.md）",
                              "\(store)/说明.txt: 警告：不是 .yaml 文件，banli 不把它当作案件读取",
                              "检查了 1 个案件文件和配置：0 个错误，2 个警告"])
        let clean = try banli.run(["check", "--store", try self.store(["zx6-5-007.yaml": Self.caseFile("007")])])
        #expect(clean.status == 0 && clean.lines == ["检查了 1 个案件文件和配置：没有发现问题"], "\(clean.stdout)")
    }

    /// A save from the command line of a file with a comment says the comment is gone.
    @Test func aCommandThatDropsACommentSaysSo() throws {
        let store = try store(["zx6-5-006.yaml": Self.caseFile("006") { $0[5] = "领衔人: 李明  # 待核实" }])
        let out = try banli.run(["move", "006", "待审核", "--store", store])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stderr.contains("注意：\(store)/zx6-5-006.yaml：已删除文件中的注释（第6行；banli 不保留注释）"), "\(out.stderr)")
    }

    /// The configuration is checked as banli reads it: a broken user file is an error with its line.
    @Test func aBrokenConfigurationIsAnError() throws {
        let store = try store(["zx6-5-007.yaml": Self.caseFile("007")])
        let config = Fixtures.temporaryDirectory() + "/config.yaml"
        Fixtures.write("warn_days: 7\nworkflow: [\n", to: config)
        let out = try banli.run(["check", "--store", store, "--config", config])
        #expect(out.status == 1, "\(out.stdout)\(out.stderr)")
        #expect(out.lines.count == 1 && out.lines[0].hasPrefix("\(config):3: "), "\(out.stdout)")
    }
}
