import Foundation
import Model
import Testing
import TestSupport

/// `banli import-reply FILE.docx` through the real binary: a Word document LibreOffice wrote
/// becomes the case its text would, banli's own `export --format docx` comes back as the reply
/// its text export does, and each file that is no readable Word document is refused in one line
/// naming it, exit 65, nothing written.
@Suite struct WordImportCommandTests {
    let banli = Banli()

    func caseFiles(in store: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: store)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
    }

    func emptyStore() throws -> String {
        let store = Fixtures.temporaryDirectory("banli-word-import") + "/store"
        #expect(try banli.run(["init", store]).status == 0)
        return store
    }

    @Test func aWordDocumentLibreOfficeWroteBecomesTheCaseItsTextWould() throws {
        let store = try emptyStore()
        let out = try banli.run(["import-reply", Fixtures.fixture("docx/09-three-levels.docx"), "--store", store])
        #expect(out.status == 0 && out.stderr.isEmpty, "\(out.stderr)")
        #expect(out.lines.first?.hasPrefix("已新建案件 zx13-3-0088:") == true, "\(out.stdout)")
        #expect(out.lines.contains("版式：市局（自动识别；原文 18 行，照原样导出 18 行）") && out.lines.contains("正文 6 节（一级 2，二级 2，三级 2）"),
                "\(out.stdout)")
        let exported = try banli.run(["export", "zx13-3-0088", "--store", store])
        let reply = String(decoding: Fixtures.bytes(Fixtures.fixture("replies/09-three-levels.txt")), as: UTF8.self)
        #expect(PublishedLine.lines(of: exported.stdout) == PublishedLine.lines(of: reply), "\(exported.stdout)")
    }

    /// The demo reply 090 exported as Word and as text, each imported in the same profile, is the
    /// same case: the Word document's layout adds nothing to the reply.
    @Test func banlisWordExportImportsAsItsTextExportDoes() throws {
        let store = Fixtures.demoStoreCopy(), directory = Fixtures.temporaryDirectory("banli-word-export")
        let docx = directory + "/090.docx", text = directory + "/090.txt"
        #expect(try banli.run(["export", "090", "--format", "docx", "-o", docx, "--store", store]).status == 0)
        #expect(try banli.run(["export", "090", "--format", "text", "-o", text, "--store", store]).status == 0)
        var exports: [String] = []
        for (file, id) in [(text, "zx5-2-090-2"), (docx, "zx5-2-090-3")] {
            let out = try banli.run(["import-reply", file, "--profile", "上海区", "--store", store])
            #expect(out.status == 0 && out.lines.first?.hasPrefix("已新建案件 \(id):") == true, "\(out.stdout)\(out.stderr)")
            let exported = try banli.run(["export", id, "--draft", "--store", store])
            #expect(exported.status == 0, "\(exported.stderr)")
            exports.append(exported.stdout)
        }
        #expect(exports[0] == exports[1] && exports[0].contains("三、发挥纽带作用，加强为民服务"), "\(exports)")
    }

    @Test func aFileThatIsNoReadableWordDocumentIsRefusedInOneLine() throws {
        let store = try emptyStore(), directory = Fixtures.temporaryDirectory("banli-not-word")
        let body = WordPackageFixture.paragraphs(["关于第1号提案的答复", "张三委员：", "正文。"])
        func replacingDocument(with xml: Data) throws -> [UInt8] {
            try WordPackageFixture.zip(WordPackageFixture.parts(body: body).map { $0.path == "word/document.xml" ? ($0.path, xml) : $0 })
        }
        let files: [(String, [UInt8], String)] = [
            ("文本.docx", Array("关于第1号提案的答复\n张三委员：\n正文。\n".utf8), "不是 Word 文档（.docx 应是 zip 压缩包），未导入"),
            ("压缩包.docx", try WordPackageFixture.zip([("说明.txt", Data("不是答复".utf8))]), "不是 Word 文档（压缩包中没有 word/document.xml），未导入"),
            ("旧版.doc", WordPackageFixture.compoundFile, "是旧版 Word（.doc）文件，请另存为 .docx 后再导入"),
            ("炸弹.docx", try replacingDocument(with: Data(count: 65 << 20)), "解压后超过 64 MiB，不像一份答复，未导入"),
            ("损坏.docx", try replacingDocument(with: Data("<w:document><w:body>".utf8)), "Word 文档已损坏：word/document.xml 第"),
        ]
        for (name, bytes, reason) in files {
            let path = directory + "/" + name
            _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
            let out = try banli.run(["import-reply", path, "--store", store])
            #expect(out.status == 65 && out.stdout.isEmpty, "\(name): \(out.status) \(out.stdout)")
            let lines = out.stderr.split(separator: "\n")
            #expect(lines.count == 1 && lines[0].hasPrefix("banli: \(path) \(reason)"), "\(name): \(out.stderr)")
        }
        #expect(caseFiles(in: store).isEmpty)
    }
}
