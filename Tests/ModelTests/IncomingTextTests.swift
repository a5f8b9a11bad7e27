import Foundation
import Testing
@testable import Model

/// Text from outside is normalised once, where it arrives: line breaks, a byte-order mark, and bytes
/// that are not text in the encoding given.
@Suite struct IncomingTextTests {
    /// 你好 in GBK (GB18030's two-byte part), then 𠀀 (U+20000) in GB18030's four-byte form.
    static let gbk: [UInt8] = [0xC4, 0xE3, 0xBA, 0xC3, 0x0D, 0x0A, 0x95, 0x32, 0x82, 0x36, 0x0D, 0x0A]

    @Test func windowsAndOldMacLineBreaksBecomeLineFeeds() throws {
        #expect(IncomingText("甲\r\n乙\r\n\r\n丙\r丁\n").text == "甲\n乙\n\n丙\n丁\n")
        #expect(try IncomingText(bytes: Array("一\r\n二\r三".utf8)).text == "一\n二\n三")
    }

    @Test func aByteOrderMarkIsDroppedOnlyAtTheStart() throws {
        #expect(try IncomingText(bytes: [0xEF, 0xBB, 0xBF] + Array("正文\r\n".utf8)).text == "正文\n")
        #expect(IncomingText("甲\u{FEFF}乙").text == "甲\u{FEFF}乙")
    }

    @Test func bytesThatAreNotUTF8AreRefusedWithTheirPlace() {
        #expect(throws: IncomingText.Failure.notText(encoding: .utf8, line: 1, byte: 1)) { try IncomingText(bytes: Self.gbk) }
        let bytes = Array("第一行\n第二行\nabcd".utf8) + [0xC4, 0xE3]
        #expect(throws: IncomingText.Failure.notText(encoding: .utf8, line: 3, byte: 5)) { try IncomingText(bytes: bytes) }
        #expect(IncomingText.Failure.notText(encoding: .utf8, line: 3, byte: 5).description == "不是 UTF-8 文本：第3行第5字节")
    }

    /// ESC begins a terminal escape sequence; kept, it would reach the case file and every screen.
    @Test func controlCharactersAreRefusedWithTheirLine() throws {
        #expect(throws: IncomingText.Failure.controlCharacter(line: 2, scalar: "\u{1B}")) {
            try IncomingText(bytes: Array("第一行\n恶意\u{1B}]0;标题\u{07}\n".utf8))
        }
        #expect(throws: IncomingText.Failure.controlCharacter(line: 1, scalar: "\u{0C}")) { try IncomingText(bytes: Array("甲\u{0C}乙".utf8)) }
        #expect(throws: IncomingText.Failure.controlCharacter(line: 1, scalar: "\u{85}")) { try IncomingText(bytes: Array("甲\u{85}".utf8)) }
        #expect(try IncomingText(bytes: Array("甲\t乙\r\n丙".utf8)).text == "甲\t乙\n丙", "tab and line breaks are text")
        #expect(IncomingText.Failure.controlCharacter(line: 2, scalar: "\u{1B}").description
                == "第2行含有控制字符 ESC（U+001B），banli 不收入这样的文字（请删去后再试）")
    }

    @Test func gb18030IsDecodedWhenAskedFor() throws {
        #expect(try IncomingText(bytes: Self.gbk, encoding: .gb18030).text == "你好\n𠀀\n")
        // A lead byte with nothing valid after it is named as well.
        #expect(throws: IncomingText.Failure.notText(encoding: .gb18030, line: 2, byte: 3)) {
            try IncomingText(bytes: [0xC4, 0xE3, 0x0A, 0x41, 0x42, 0x81, 0x20], encoding: .gb18030)
        }
        #expect(IncomingText.Encoding(name: "GBK") == .gb18030 && IncomingText.Encoding(name: "UTF8") == .utf8)
        #expect(IncomingText.Encoding(name: "big5") == nil)
    }

    @Test func anUnreadableFileIsNamed() {
        #expect(throws: IncomingText.Failure.unreadable(path: "/nonexistent/正文.txt", errno: ENOENT)) {
            try IncomingText(contentsOf: "/nonexistent/正文.txt")
        }
        #expect(IncomingText.Failure.unreadable(path: "/x", errno: ENOENT).description == "/x: 读取失败：不存在")
    }

    /// A terminal sends a pasted "\r\n" as "\r\r" (each line feed as the "\r" of Enter).
    @Test func aPasteWithEveryBreakDoubledIsOneBreakEach() {
        #expect(IncomingText(pasted: "一是\r\r二是\r\r\r\r三是").text == "一是\n二是\n\n三是")
        // Single breaks (a text with Unix line ends) and a mixture stay as they are.
        #expect(IncomingText(pasted: "一是\r二是\r\r三是").text == "一是\n二是\n\n三是")
        #expect(IncomingText(pasted: "一是\r\n二是").text == "一是\n二是")
        #expect(IncomingText(pasted: "没有换行").text == "没有换行")
    }
}
