import Foundation
import Model
import Testing
import TestSupport
@testable import TUI

/// The export dialog (`e` on the list, the due list and the detail, Ctrl-X in the reply form): the
/// format, 草稿 and the suggested path in the directory last used; the file written with the bytes
/// `ReplyDocument.file` makes; the path refused by the command line's rules (in the store, a file
/// there already unless the user says to replace it, a missing directory); Esc writes nothing.
@Suite struct ExportDialogTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 40, height: 12)]
    static let title090 = "关于青浦区政协第五届委员会第二次会议第090号提案的办理意见"

    /// A session whose user last exported to a directory of the test's own, so nothing is written
    /// to the working directory.
    static func session(width: Int = 80, height: Int = 24, store: String = Fixtures.demoStoreCopy(),
                        environment: [String: String] = [:]) throws -> (AppSession, directory: String) {
        let s = try AppSession(width: width, height: height, store: store, environment: environment)
        let directory = Fixtures.temporaryDirectory("banli-export")
        try s.store.rememberExportDirectory(directory, user: s.user)
        return (s, directory)
    }

    /// Opens the dialog on `id` from the list.
    static func open(_ id: String, in s: AppSession) {
        s.select(id)
        s.keys(.character("e"))
    }

    /// Replaces the path with `path` (the caret is at its end once the path row has the focus).
    static func typePath(_ path: String, in s: AppSession) {
        while s.state.screen(ExportDialog.self)?.focus != .path { s.keys(.tab) }
        s.keys(.control("u"))
        s.type(path)
    }

    static func document(_ value: Case, _ format: ExportFormat, draft: Bool = false) throws -> [UInt8] {
        try ReplyDocument(for: value, configuration: Fixtures.configuration()).file(as: format, draft: draft)
    }

    @Test(arguments: sizes) func theDialogFitsAndShowsTheFileNameWithTheCaretOnIt(size: Size) throws {
        let (s, directory) = try Self.session(width: size.width, height: size.height)
        Self.open("090", in: s)
        let dialog = try #require(s.state.top as? ExportDialog)
        #expect(dialog.format == .docx && !dialog.draft && dialog.missing.isEmpty)
        #expect(dialog.path.text == directory + "/zx5-2-090 \(Self.title090).docx")
        for line in s.lines { #expect(TextMetrics.width(of: line) <= size.width, "\(line)") }
        #expect(ImportReplyScreenTests.hasNoHalfCharacters(s.terminal.frame))
        #expect(s.lines.contains { $0.contains("导出 zx5-2-090") }, "\(s.lines)")
        #expect(s.lines.contains { $0.contains("[") && $0.contains("Word]") && $0.contains("PDF") }, "\(s.lines)")
        // The path's end — the file name — is in view, its start cut.
        let row = try #require(s.lines.firstIndex { $0.contains("文件 ") })
        let line = s.lines[row]
        #expect(line.hasSuffix("办理意见.docx") && line.contains("…"), "\(line)")
        // On the format row the cursor is hidden; on the path row it is on the caret, after `.docx`.
        #expect(s.terminal.cursor == nil)
        s.keys(.backTab)
        #expect(s.state.screen(ExportDialog.self)?.focus == .path)
        #expect(s.terminal.cursor! == (x: TextMetrics.width(of: line), y: row), "\(String(describing: s.terminal.cursor)) \(line)")
        // ← moves the caret in the path, and the cursor with it: before `.docx`.
        s.keys(.left, .left, .left, .left, .left)
        let cursor = try #require(s.terminal.cursor)
        var before = ""
        for c in s.lines[row] where TextMetrics.width(of: before + String(c)) <= cursor.x { before.append(c) }
        #expect(cursor.y == row && before.hasSuffix("办理意见"), "\(cursor) \(s.lines[row])")
        s.keys(.escape)
        #expect(!(s.state.top is ExportDialog))
    }

    /// At the smallest size the rows scroll to keep the focused one in view, the caret with it.
    @Test func atTheSmallestSizeThePathRowScrollsIntoViewWithTheCaret() throws {
        let (s, _) = try Self.session(width: 20, height: 6)
        Self.open("090", in: s)
        #expect(!s.lines.contains { $0.contains("文件 ") })
        s.keys(.backTab)
        let row = try #require(s.lines.firstIndex { $0.contains("文件 ") }, "\(s.lines)")
        #expect(s.lines[row].hasSuffix(".docx"), "\(s.lines[row])")
        #expect(s.terminal.cursor! == (x: TextMetrics.width(of: s.lines[row]), y: row))
    }

    @Test func enterWritesTheWordDocumentAndSaysWhere() throws {
        let (s, directory) = try Self.session()
        Self.open("090", in: s)
        s.keys(.enter)
        let path = directory + "/zx5-2-090 \(Self.title090).docx"
        let written = Fixtures.bytes(path)
        #expect(written == (try Self.document(s.load("zx5-2-090"), .docx)))
        #expect(written.starts(with: Array("PK".utf8)))
        #expect(!(s.state.top is ExportDialog))
        #expect(s.message == "已导出 Word：\(path)", "\(s.message)")
        #expect(s.status.hasPrefix("已导出 Word："), "\(s.status)")
    }

    @Test(arguments: [ExportFormat.text, .markdown, .html])
    func aNumberChoosesTheFormatAndTheExtensionFollows(format: ExportFormat) throws {
        let (s, directory) = try Self.session()
        Self.open("090", in: s)
        s.keys(.character(Character(String(ExportFormat.allCases.firstIndex(of: format)! + 1))))
        #expect(s.state.screen(ExportDialog.self)?.format == format)
        s.keys(.enter)
        let path = directory + "/zx5-2-090 \(Self.title090).\(format.fileExtension)"
        #expect(Fixtures.bytes(path) == (try Self.document(s.load("zx5-2-090"), format)))
        #expect((try FileManager.default.contentsOfDirectory(atPath: directory)) == [(path as NSString).lastPathComponent])
    }

    @Test func leftAndRightChangeTheFormatAroundTheRow() throws {
        let (s, _) = try Self.session()
        Self.open("090", in: s)
        s.keys(.right)
        #expect(s.state.screen(ExportDialog.self)?.format == .pdf)
        #expect(s.state.screen(ExportDialog.self)?.path.text.hasSuffix("意见.pdf") == true)
        s.keys(.right)
        #expect(s.state.screen(ExportDialog.self)?.format == .text)
        s.keys(.left, .left)
        #expect(s.state.screen(ExportDialog.self)?.format == .docx)
        s.keys(.character("x"))
        #expect(s.message.hasPrefix("格式：按数字 1–5"), "\(s.message)")
    }

    @Test func theDirectoryUsedIsSuggestedInTheNextSession() throws {
        let store = Fixtures.demoStoreCopy()
        let first = try AppSession(store: store)
        Self.open("090", in: first)
        // Never exported: the current directory.
        #expect(first.state.screen(ExportDialog.self)?.path.text == first.currentDirectory + "/zx5-2-090 \(Self.title090).docx")
        // A relative path is taken in the current directory.
        let chosen = first.currentDirectory + "/导出"
        try FileManager.default.createDirectory(atPath: chosen, withIntermediateDirectories: false)
        Self.typePath("导出/../导出/答复.docx", in: first)
        first.keys(.enter)
        #expect(first.message == "已导出 Word：\(chosen)/答复.docx")
        #expect(FileManager.default.fileExists(atPath: chosen + "/答复.docx"), "\(first.message)")

        let next = try AppSession(store: store)
        Self.open("033", in: next)
        let suggested = try #require(next.state.screen(ExportDialog.self)?.path.text)
        #expect(suggested.hasPrefix(chosen + "/rd7-4-033 "), "\(suggested)")
        // Another user of the same store has a suggestion of their own.
        let colleague = try AppSession(store: store, user: "lisi")
        Self.open("033", in: colleague)
        #expect(colleague.state.screen(ExportDialog.self)?.path.text.hasPrefix(colleague.currentDirectory + "/rd7-4-033 ") == true)
    }

    @Test func aPathInsideTheStoreIsRefusedNamingIt() throws {
        let (s, _) = try Self.session()
        Self.open("090", in: s)
        let before = try FileManager.default.contentsOfDirectory(atPath: s.store.directory).sorted()
        let path = s.store.directory + "/zx5-2-090.yaml"
        Self.typePath(path, in: s)
        s.keys(.enter)
        // The reason first, so a narrow status line shows it and cuts the path's end.
        #expect(s.message.hasPrefix("位于案件库 ") && s.message.hasSuffix("（请写到库外）：\(path)"), "\(s.message)")
        #expect(s.status.hasPrefix("位于案件库 "), "\(s.status)")
        #expect(s.state.top is ExportDialog, "the dialog stays for another path")
        #expect(try FileManager.default.contentsOfDirectory(atPath: s.store.directory).sorted() == before)
        #expect(try s.load("zx5-2-090").id.description == "zx5-2-090")
    }

    /// Defect: a Word document could be written under a name ending in `.pdf`.
    @Test func aNameWhoseExtensionNamesAnotherFormatIsRefused() throws {
        let (s, directory) = try Self.session()
        Self.open("090", in: s)
        Self.typePath(directory + "/答复.pdf", in: s)
        s.keys(.enter)
        #expect(s.message == "文件名的扩展名 .pdf 是PDF，与所选格式Word不符（请改扩展名，或换格式）", "\(s.message)")
        #expect(s.state.top is ExportDialog)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
    }

    @Test func aMissingDirectoryAndADirectoryAreRefused() throws {
        let (s, directory) = try Self.session()
        Self.open("090", in: s)
        Self.typePath(directory + "/没有/答复.docx", in: s)
        s.keys(.enter)
        #expect(s.message == "目录 \(directory)/没有 不存在（请先创建，或写到已有的目录）：\(directory)/没有/答复.docx", "\(s.message)")
        Self.typePath(directory, in: s)
        s.keys(.enter)
        #expect(s.message == "是目录，不能写入（请在路径末尾写出文件名）：\(directory)", "\(s.message)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
    }

    @Test func anExistingFileIsReplacedOnlyWhenTheUserSaysYes() throws {
        let (s, directory) = try Self.session()
        let path = directory + "/zx5-2-090 \(Self.title090).docx"
        Fixtures.write("旧的文件", to: path)
        Self.open("090", in: s)
        s.keys(.enter)
        let question = try #require(s.state.top as? ConfirmationLayer)
        #expect(question.question == "\(path) 已存在，替换它吗？")
        #expect(s.status.hasPrefix("确定？(y/N)"), "\(s.status)")
        s.keys(.character("n"))
        #expect(s.state.top is ExportDialog)
        #expect(Fixtures.bytes(path) == Array("旧的文件".utf8))
        s.keys(.enter, .character("y"))
        #expect(Fixtures.bytes(path) == (try Self.document(s.load("zx5-2-090"), .docx)))
        #expect(s.message == "已导出 Word：\(path)")
    }

    @Test func escWritesNothing() throws {
        let (s, directory) = try Self.session()
        Self.open("090", in: s)
        s.keys(.character("1"), .escape)
        #expect(s.message == "未导出")
        #expect(s.state.top is ListScreen)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
    }

    @Test(arguments: sizes) func anIncompleteReplyIsOfferedAsADraftNamingWhatIsMissing(size: Size) throws {
        let (s, directory) = try Self.session(width: size.width, height: size.height)
        Self.open("zx6-5-052", in: s)
        let dialog = try #require(s.state.top as? ExportDialog)
        #expect(dialog.missing == ["日期"] && dialog.draft)
        #expect(s.lines.joined().contains("缺少 日期"), "\(s.lines)")
        #expect(s.lines.contains { $0.contains("草稿 [是]") }, "\(s.lines)")
        // Without the draft the reply is refused, naming what it lacks.
        s.keys(.tab, .character(" "), .enter)
        #expect(s.message == "无法导出 zx6-5-052：缺少 日期", "\(s.message)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
        s.keys(.right, .enter)
        let written = try #require(try FileManager.default.contentsOfDirectory(atPath: directory).first)
        #expect(written.hasPrefix("zx6-5-052 ") && written.hasSuffix(".docx"))
        #expect(Fixtures.bytes(directory + "/" + written) == (try Self.document(s.load("zx6-5-052"), .docx, draft: true)))
    }

    @Test func theDetailAndTheFormOpenItTooAndTheFormExportsWhatItShows() throws {
        let (s, directory) = try Self.session(store: Fixtures.demoStoreCopy(reopening: ["zx5-2-090"]))
        s.select("090")
        s.keys(.enter, .character("e"))
        #expect(s.state.top is ExportDialog)
        s.keys(.escape, .escape, .character("r"))
        s.focus(.closing)
        s.keys(.control("e"))
        s.type("（表单中新加的一句）")
        s.keys(.control("x"))
        #expect(s.lines.joined().contains("含尚未保存的修改"), "\(s.lines)")
        s.keys(.character("1"), .enter)
        #expect(s.message.hasSuffix("（含表单中尚未保存的修改）"), "\(s.message)")
        let text = String(decoding: Fixtures.bytes(directory + "/zx5-2-090 \(Self.title090).txt"), as: UTF8.self)
        #expect(text.contains("（表单中新加的一句）"))
        #expect(s.state.top is ReplyFormScreen && s.form?.isModified == true, "the form is left as it was")
    }

    @Test func aPDFWithoutLibreOfficeSaysHowToInstallIt() throws {
        let (s, directory) = try Self.session(environment: ["PATH": "/nonexistent"])
        Self.open("090", in: s)
        s.keys(.character("5"), .enter)
        #expect(s.message == PDFConverter.Failure.notInstalled.description, "\(s.message)")
        #expect(s.state.top is ExportDialog)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
    }
}

/// A PDF is converted by LibreOffice; the status says so in a frame drawn before the conversion
/// blocks. A stand-in `soffice` on `PATH` writes a small PDF at once, so the test needs no seconds.
@Suite struct ExportDialogPDFTests {
    @Test func aPDFIsConvertedAfterAFrameSayingSo() throws {
        let bin = Fixtures.temporaryDirectory("banli-bin")
        Fixtures.write("""
            #!/bin/sh
            while [ $# -gt 0 ]; do case "$1" in --outdir) shift; out="$1";; esac; shift; done
            printf '%%PDF-1.4 stand-in\\n' > "$out/reply.pdf"

            """, to: bin + "/soffice")
        chmod(bin + "/soffice", 0o755)
        let (s, directory) = try ExportDialogTests.session(environment: ["PATH": bin])
        var statuses: [String] = []
        s.terminal.onPresent = { frame in statuses.append(frame.lines[frame.height - 2]) }
        ExportDialogTests.open("090", in: s)
        s.keys(.character("5"), .enter)
        let path = directory + "/zx5-2-090 \(ExportDialogTests.title090).pdf"
        #expect(Fixtures.bytes(path) == Array("%PDF-1.4 stand-in\n".utf8), "\(s.message)")
        #expect(s.message == "已导出 PDF：\(path)")
        let converting = try #require(statuses.lastIndex { $0.hasPrefix("正在转换为 PDF") }, "\(statuses)")
        #expect(statuses[(converting + 1)...].contains { $0.hasPrefix("已导出 PDF：") })
    }
}
