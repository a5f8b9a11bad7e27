import Foundation
import Testing
import TestSupport

/// Files named on the command line are taken in as `IncomingText`: Windows line ends and a
/// byte-order mark gone, a GBK file refused in one line that says what to do, or read with
/// `--encoding gb18030`.
@Suite struct IncomingTextCommandTests {
    let banli = Banli()

    /// A new empty store and the options that create case 031 in it from `file`.
    func newCase(from file: [UInt8], extra: [String] = []) throws -> (store: String, output: Banli.Output) {
        let store = Fixtures.temporaryDirectory() + "/store"
        #expect(try banli.run(["init", store]).status == 0)
        let path = Fixtures.temporaryDirectory() + "/正文.txt"
        #expect(FileManager.default.createFile(atPath: path, contents: Data(file)))
        let output = try banli.run(["new", "--store", store, "--kind", "提案", "--term", "6", "--session", "5", "--number", "031",
                                    "--title", "关于加装电梯的建议", "--lead", "王𪚥", "--text-file", path] + extra)
        return (store, output)
    }

    func caseFile(in store: String) -> String {
        String(decoding: Fixtures.bytes(store + "/zx6-5-031.yaml"), as: UTF8.self)
    }

    @Test func aWindowsFileLosesItsCarriageReturnsAndByteOrderMark() throws {
        let (store, out) = try newCase(from: [0xEF, 0xBB, 0xBF] + Array("第一段。\r\n第二段。\r\n".utf8))
        #expect(out.status == 0, "\(out.stderr)")
        let file = caseFile(in: store)
        #expect(file.contains("提案正文: |\n  第一段。\n  第二段。\n") && !file.contains("\\r") && !file.contains("\u{FEFF}"), "\(file)")
        #expect(file.contains("领衔人: 王𪚥\n"))
    }

    /// An escape sequence in a file or an argument is refused where it arrives, never kept in a case.
    @Test func controlCharactersAreRefusedInFilesAndArguments() throws {
        let (store, file) = try newCase(from: Array("第一段。\n\u{1B}[2J第二段。\n".utf8))
        #expect(file.status != 0 && file.stderr.hasSuffix("正文.txt：第2行含有控制字符 ESC（U+001B），banli 不收入这样的文字（请删去后再试）\n"),
                "\(file.stderr)")
        let argument = try banli.run(["new", "--store", store, "--kind", "提案", "--term", "6", "--session", "5", "--number", "031",
                                      "--title", "恶意\u{1B}]0;PWNED\u{07}标题", "--lead", "王"])
        #expect(argument.status == 64)
        #expect(argument.stderr == "banli：第13个参数含有控制字符 ESC（U+001B），banli 不收入这样的文字（请删去后再试）\n")
        #expect(!FileManager.default.fileExists(atPath: store + "/zx6-5-031.yaml"))
    }

    @Test func aGBKFileIsRefusedInOneLineOrReadWhenItsEncodingIsGiven() throws {
        let gbk: [UInt8] = [0xB5, 0xDA, 0xD2, 0xBB, 0xB6, 0xCE, 0xA1, 0xA3, 0x0D, 0x0A] // 第一段。\r\n
        let (store, refused) = try newCase(from: gbk)
        #expect(refused.status != 0 && !FileManager.default.fileExists(atPath: store + "/zx6-5-031.yaml"))
        let lines = refused.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasSuffix("正文.txt：不是 UTF-8 文本：第1行第1字节；若是 GBK/GB18030 文件，请加 --encoding gb18030"),
                "\(refused.stderr)")
        let (decodedStore, read) = try newCase(from: gbk, extra: ["--encoding", "gb18030"])
        #expect(read.status == 0, "\(read.stderr)")
        #expect(caseFile(in: decodedStore).contains("提案正文: |\n  第一段。\n"))
    }

    /// `--from` reads a case file the same way: a GBK file with Windows line ends is imported with
    /// `--encoding gb18030` and stored as UTF-8.
    @Test func anImportedCaseFileIsTakenInTheSameWay() throws {
        let store = Fixtures.temporaryDirectory() + "/store"
        #expect(try banli.run(["init", store]).status == 0)
        let text = "格式: banli-case/1\r\n类型: 提案\r\n会议: {届: 6, 次: 5}\r\n编号: \"032\"\r\n标题: 关于路灯的建议\r\n领衔人: 李明\r\n交办日期: 2026-03-10\r\n状态: 待签收\r\n"
        let path = Fixtures.temporaryDirectory() + "/import.yaml"
        let gb18030 = String.Encoding(rawValue: 0x8000_0632) // kCFStringEncodingGB_18030_2000
        #expect(FileManager.default.createFile(atPath: path, contents: text.data(using: gb18030)))
        let refused = try banli.run(["new", "--store", store, "--from", path])
        #expect(refused.status != 0 && refused.stderr.contains("import.yaml：不是 UTF-8 文本：第1行第1字节"), "\(refused.stderr)")
        let out = try banli.run(["new", "--store", store, "--from", path, "--encoding", "GBK"])
        #expect(out.status == 0, "\(out.stderr)")
        #expect(String(decoding: Fixtures.bytes(store + "/zx6-5-032.yaml"), as: UTF8.self).contains("标题: 关于路灯的建议\n"))
    }
}
