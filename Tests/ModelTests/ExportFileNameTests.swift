import Foundation
import Testing
@testable import Model
import TestSupport

/// The file name an export is suggested under (`ReplyDocument.suggestedFileName`) and the directory
/// remembered per user in the store (`CaseStore.rememberExportDirectory`).
@Suite struct ExportFileNameTests {
    static func case090() throws -> (Case, Configuration) {
        let configuration = try Fixtures.configuration()
        let store = try CaseStore(directory: Fixtures.demoStoreCopy(), vocabulary: configuration.vocabulary)
        return (try store.load(CaseID("zx5-2-090")!).value, configuration)
    }

    @Test func theNameIsTheIDAndThePrintedTitle() throws {
        let (c, configuration) = try Self.case090()
        let document = ReplyDocument(for: c, configuration: configuration)
        #expect(document.suggestedFileName(as: .docx) == "zx5-2-090 关于青浦区政协第五届委员会第二次会议第090号提案的办理意见.docx")
        #expect(document.suggestedFileName(as: .text) == "zx5-2-090 关于青浦区政协第五届委员会第二次会议第090号提案的办理意见.txt")
        // A title the clerk wrote over two lines is one name; no title leaves the ID.
        var broken = c
        broken.reply.title = "关于“一网通办”/跨省通办\n事项的答复"
        #expect(ReplyDocument(for: broken, configuration: configuration).suggestedFileName(as: .pdf)
            == "zx5-2-090 关于“一网通办”／跨省通办事项的答复.pdf")
    }

    @Test func aNameHoldsNoSlashNoControlsAndWindowsReservedCharactersGoFullWidth() {
        #expect(ReplyDocument.fileNameText("a/b\\c:d*e?f\"g<h>i|j") == "a／b＼c：d＊e？f＂g＜h＞i｜j")
        #expect(ReplyDocument.fileNameText(" 标题\u{1B}[31m红\u{7}\t字\u{202E} ") == "标题[31m红 字")
    }

    @Test func aLongTitleIsCutAtACharacterWithinTheLimit() throws {
        let (c, configuration) = try Self.case090()
        var long = c
        // Characters of 3 and 4 bytes, and a flag of two scalars that must not be split.
        long.reply.title = String(repeating: "关于𠀋🇨🇳", count: 40)
        let name = ReplyDocument(for: long, configuration: configuration).suggestedFileName(as: .docx)
        #expect(name.utf8.count <= ReplyDocument.fileNameLimit && name.utf8.count > ReplyDocument.fileNameLimit - 12, "\(name.utf8.count)")
        #expect(name.hasPrefix("zx5-2-090 关于𠀋🇨🇳") && name.hasSuffix(".docx"))
        let title = name.dropFirst("zx5-2-090 ".count).dropLast(".docx".count)
        #expect(String(repeating: "关于𠀋🇨🇳", count: 40).hasPrefix(title))
        #expect(title.unicodeScalars.last != "\u{1F1E8}", "a flag is never cut in half")
    }

    @Test func theExportDirectoryIsRememberedPerUser() throws {
        let configuration = try Fixtures.configuration()
        let store = try CaseStore(directory: Fixtures.demoStoreCopy(), vocabulary: configuration.vocabulary)
        #expect(store.lastExportDirectory(user: "wangli") == nil)
        let mine = Fixtures.temporaryDirectory("banli-mine"), theirs = Fixtures.temporaryDirectory("banli-theirs")
        try store.rememberExportDirectory(mine, user: "wangli")
        try store.rememberExportDirectory(theirs, user: "lisi")
        #expect(store.lastExportDirectory(user: "wangli") == mine)
        #expect(store.lastExportDirectory(user: "lisi") == theirs)
        let path = store.directory + "/.banli/export-directory.wangli"
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)
        // A directory since removed is not suggested.
        try FileManager.default.removeItem(atPath: mine)
        #expect(store.lastExportDirectory(user: "wangli") == nil)
    }
}
