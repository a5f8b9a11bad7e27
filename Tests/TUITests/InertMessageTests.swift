import Foundation
import Model
import Testing
import TestSupport
@testable import TUI

/// A message quoting a file name holding an escape sequence and a line break stays one inert line:
/// on the status line, in the message log and in the list of files that could not be read.
@Suite struct InertMessageTests {
    @Test func aHostileFileNameKeepsEveryMessageOnItsLine() throws {
        let directory = Fixtures.demoStoreCopy()
        let name = "zx6-5-5\u{1B}]0;pwned\u{07}\n00.yaml"
        Fixtures.write("类型: 提案\n", to: directory + "/" + name)
        let s = try AppSession(store: directory)
        s.keys()
        #expect(s.status.hasPrefix("1个文件无法读取，按 ! 查看：zx6-5-5\u{FFFD}]0;pwned\u{FFFD}\u{FFFD}00.yaml"), "\(s.status)")
        s.keys(.character("!"))
        #expect(s.lines.contains("zx6-5-5\u{FFFD}]0;pwned\u{FFFD}\u{FFFD}00.yaml:1"), "\(s.lines)")
        s.keys(.escape, .function(2))
        let entry = try #require(s.state.log.entries.last)
        let row = try #require(s.lines.firstIndex { $0.contains("1个文件无法读取") })
        #expect(entry.text.contains("pwned") && s.lines[row].contains("pwned"), "\(s.lines)")
        #expect(s.lines.allSatisfy { line in !line.unicodeScalars.contains { $0.value < 0x20 } })
    }
}
