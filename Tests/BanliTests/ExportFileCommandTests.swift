import Foundation
import Testing
import TestSupport

/// `banli export --format docx|pdf`: files that are not text go to a file named with `-o`, a PDF is
/// made by LibreOffice when it is installed and refused in one line saying how to install it when
/// it is not, and an incomplete reply is refused in every format alike.
@Suite struct ExportFileCommandTests {
    let banli = Banli()
    let store = Fixtures.demoStoreCopy()

    @Test func aWordDocumentIsWrittenToTheFileNamedAndTheSameEveryTime() throws {
        let directory = Fixtures.temporaryDirectory("docx")
        let out = try banli.run(["export", "090", "--format", "docx", "-o", directory + "/a.docx", "--store", store])
        #expect(out.status == 0 && out.stdout.isEmpty && out.stderr.isEmpty, "\(out.stderr)")
        let bytes = Fixtures.bytes(directory + "/a.docx")
        #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]), "a zip file")
        _ = try banli.run(["export", "090", "--format", "docx", "-o", directory + "/b.docx", "--store", store])
        #expect(Fixtures.bytes(directory + "/b.docx") == bytes, "one document, one file")
    }

    /// Defect: `--format docx -o x.pdf` wrote a Word document named as a PDF without a word.
    @Test func theFileNameSaysTheFormatAndMayNotNameAnother() throws {
        let directory = Fixtures.temporaryDirectory("named")
        let inferred = try banli.run(["export", "090", "-o", directory + "/090.DOCX", "--store", store])
        #expect(inferred.status == 0 && Fixtures.bytes(directory + "/090.DOCX").starts(with: [0x50, 0x4B, 0x03, 0x04]), "\(inferred.stderr)")
        let markdown = try banli.run(["export", "090", "-o", directory + "/090.md", "--store", store])
        #expect(markdown.status == 0 && String(decoding: Fixtures.bytes(directory + "/090.md"), as: UTF8.self).hasPrefix("# 关于"))
        let mismatched = try banli.run(["export", "090", "--format", "docx", "-o", directory + "/x.pdf", "--store", store])
        #expect(mismatched.status == 64 && mismatched.stderr.hasPrefix(
            "banli export：文件名的扩展名 .pdf 是PDF，与所选格式Word不符（改 -o 的扩展名，或去掉 --format 由扩展名决定）"), "\(mismatched.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory + "/x.pdf"))
        // Any other name is written in the format given, text by default.
        let plain = try banli.run(["export", "090", "-o", directory + "/090.回复", "--store", store])
        #expect(plain.status == 0 && String(decoding: Fixtures.bytes(directory + "/090.回复"), as: UTF8.self).hasPrefix("关于青浦区"))
    }

    /// The same rule for the ledger: `台账.tsv` is written as TSV, and CSV may not be named `.tsv`.
    @Test func theLedgersFileNameSaysItsFormatToo() throws {
        let directory = Fixtures.temporaryDirectory("ledger")
        let tsv = try banli.run(["ledger", "-o", directory + "/台账.TSV", "--store", store])
        #expect(tsv.status == 0, "\(tsv.stderr)")
        let header = String(decoding: Fixtures.bytes(directory + "/台账.TSV"), as: UTF8.self).split(separator: "\n").first ?? ""
        #expect(header.contains("\t") && !header.contains(","), "\(header)")
        let mismatched = try banli.run(["ledger", "--format", "csv", "-o", directory + "/台账.tsv", "--store", store])
        #expect(mismatched.status == 64 && mismatched.stderr.hasPrefix("banli ledger：文件名的扩展名 .tsv 是TSV，与所选格式CSV不符"), "\(mismatched.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory + "/台账.tsv"))
    }

    @Test func aFileThatIsNotTextIsNotPrintedToTheTerminal() throws {
        for format in ["docx", "pdf"] {
            let out = try banli.run(["export", "090", "--format", format, "--store", store])
            #expect(out.status == 64 && out.stdout.isEmpty, "\(format)")
            #expect(out.stderr == "banli export：\(format) 不是文本，请用 -o 写入文件，如 -o zx5-2-090.\(format)。用法见 banli export --help\n",
                    "\(out.stderr)")
        }
    }

    @Test func withoutLibreOfficeAPDFIsRefusedSayingHowToInstallIt() throws {
        let path = Fixtures.temporaryDirectory("pdf") + "/090.pdf"
        let out = try banli.run(["export", "090", "--format", "pdf", "-o", path, "--store", store], environment: ["PATH": "/nonexistent"])
        #expect(out.status != 0 && out.stdout.isEmpty)
        #expect(out.stderr == "banli: 无法导出 PDF：未找到 LibreOffice（soffice）。请安装：sudo apt install libreoffice-writer-nogui fonts-noto-cjk，或导出 docx 后用 WPS/Word 另存为 PDF\n",
                "\(out.stderr)")
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func aPDFIsMadeByLibreOffice() throws {
        let path = Fixtures.temporaryDirectory("pdf") + "/090.pdf"
        let out = try banli.run(["export", "090", "--format", "pdf", "-o", path, "--store", store])
        #expect(out.status == 0 && out.stderr.isEmpty, "\(out.stderr)")
        #expect(Fixtures.bytes(path).starts(with: Array("%PDF-".utf8)))
    }

    @Test func anIncompleteReplyIsRefusedInEveryFormatUnlessDraft() throws {
        let directory = Fixtures.temporaryDirectory("incomplete")
        for format in ["docx", "pdf"] {
            let path = directory + "/030." + format
            let refused = try banli.run(["export", "rd7-5-030", "--format", format, "-o", path, "--store", store])
            #expect(refused.status != 0 && refused.stderr.hasSuffix("（加 --draft 可导出草稿）\n"), "\(refused.stderr)")
            #expect(!FileManager.default.fileExists(atPath: path))
        }
        let draft = try banli.run(["export", "rd7-5-030", "--format", "docx", "--draft", "-o", directory + "/030.docx", "--store", store])
        #expect(draft.status == 0 && Fixtures.bytes(directory + "/030.docx").starts(with: [0x50, 0x4B]), "\(draft.stderr)")
    }
}
