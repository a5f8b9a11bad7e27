import Testing
@testable import TUI

@Suite struct ScreenBufferTests {
    @Test func wideCharactersTakeTwoCells() {
        var b = ScreenBuffer(width: 10, height: 2)
        #expect(b.put("办理ab", x: 1, y: 0) == 7)
        #expect(b.lines == [" 办理ab", ""])
        #expect(b[2, 0].isContinuation && b[4, 0].isContinuation && !b[5, 0].isContinuation)
    }

    @Test func aWideCharacterThatWouldStraddleTheEdgeBecomesABlank() {
        var b = ScreenBuffer(width: 5, height: 1)
        #expect(b.put("一二三", x: 0, y: 0) == 5)
        #expect(b.text(ofRow: 0) == "一二 ")
        var c = ScreenBuffer(width: 10, height: 1)
        c.put("一二三", x: 0, y: 0, limit: 3)
        #expect(c.lines == ["一"] && c[2, 0].character == " " && TextMetrics.width(of: c.text(ofRow: 0)) == 10)
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var b = ScreenBuffer(width: 6, height: 1)
        b.put("一二三", x: 0, y: 0)
        b.put("x", x: 1, y: 0)
        #expect(b.text(ofRow: 0) == " x二三")
        b.put("y", x: 2, y: 0)
        #expect(b.text(ofRow: 0) == " xy 三")
    }

    @Test func nothingIsDrawnOutsideTheGrid() {
        var b = ScreenBuffer(width: 3, height: 1)
        b.put("abc", x: 5, y: 0)
        b.put("abc", x: 0, y: 3)
        b.put("abcdef", x: -2, y: 0)
        #expect(b.lines == ["cde"])
        #expect(ScreenBuffer(width: 0, height: 0).lines.isEmpty)
    }

    @Test func fittingTextWithControlsKeepsTheColumnWidth() {
        var b = ScreenBuffer(width: 20, height: 1)
        let cell = TextMetrics.fit("关于\u{1B}]0;x\u{07}加强养老机构消防", to: 12)
        #expect(b.put(cell, x: 0, y: 0, limit: 12) == 12)
        #expect(b.text(ofRow: 0).hasPrefix("关于\u{FFFD}]0;x\u{FFFD}… "))
    }

    @Test func controlCharactersInTextAreInert() {
        var b = ScreenBuffer(width: 20, height: 1)
        b.put("题\u{1B}[2J\u{202E}目", x: 0, y: 0)
        #expect(b.text(ofRow: 0).hasPrefix("题\u{FFFD}[2J目"))
    }

    @Test func aGraphemeWiderThanTwoCellsTakesTheCellsItMeasures() {
        var b = ScreenBuffer(width: 10, height: 1)
        b.put("xxxxxxxxxx", x: 0, y: 0)
        #expect(b.put("a👍🏽b", x: 0, y: 0) == 1 + TextMetrics.width(of: "👍🏽") + 1)
        #expect(TextMetrics.width(of: b.text(ofRow: 0)) == 10)
        #expect(b.text(ofRow: 0) == "a👍🏽bxxxx")
    }
}
