import Testing
@testable import TUI

@Suite struct TextWrapTests {
    func wrap(_ text: String, _ width: Int) -> [String] { TextMetrics.wrap(text, width: width).map(String.init) }

    @Test func fillsGreedilyByDisplayWidth() {
        #expect(wrap("一二三四五六七", 6) == ["一二三", "四五六", "七"])
        #expect(wrap("一二三四五六七", 7) == ["一二三", "四五六", "七"])
        #expect(wrap("ab一二", 5) == ["ab一", "二"])
    }

    @Test func keepsUserNewlinesAndEmptyLines() {
        #expect(wrap("一\n\n二", 10) == ["一", "", "二"])
        #expect(wrap("", 10) == [""])
    }

    @Test func closingPunctuationNeverStartsALine() {
        // Greedy would put "，" first on the second line; the break moves back one character.
        #expect(wrap("一二三，四五", 6) == ["一二", "三，四", "五"])
        #expect(wrap("一二三。”四", 6) == ["一二", "三。”", "四"])
    }

    @Test func openingPunctuationNeverEndsALine() {
        #expect(wrap("一二《三四》", 6) == ["一二", "《三", "四》"])
        let lines = wrap("一二《三四五六》", 6)
        #expect(lines.allSatisfy { !($0.last.map { "《（“".contains($0) } ?? false) }, "\(lines)")
        #expect(lines.dropFirst().allSatisfy { !($0.first.map { "》，。".contains($0) } ?? false) }, "\(lines)")
    }

    @Test func latinWordsAndNumbersStayWhole() {
        #expect(wrap("共培训1110人次", 8) == ["共培训", "1110人次"])
        #expect(wrap("abc defghij", 8) == ["abc ", "defghij"])
    }

    @Test func everyLineFitsAtOddAndEvenWidths() {
        let text = "居委会是居民自我管理、自我教育、自我服务的基层群众性自治组织，在加强基层社区管理（含“两清单一机制”）等方面有着不可替代的作用。2015年至2017年，共培训1110人次。"
        for width in 2...41 {
            let lines = TextMetrics.wrap(text, width: width)
            #expect(lines.joined() == Substring(text))
            #expect(lines.allSatisfy { TextMetrics.width(of: $0) <= width }, "width \(width)")
            if width >= 8 {
                #expect(lines.dropFirst().allSatisfy { !TextMetrics.noLineStart.contains($0.first!) }, "width \(width): \(lines)")
                #expect(lines.dropLast().allSatisfy { !TextMetrics.noLineEnd.contains($0.last!) }, "width \(width): \(lines)")
            }
        }
    }

    @Test func aCharacterWiderThanTheLineStillGetsALine() {
        #expect(wrap("一二", 1) == ["一", "二"])
    }

    @Test func hangingLinesAreNarrowerAfterTheFirstAndStartWithoutSpaces() {
        let line: Substring = "  2018-06-15 14:20  wangli  向区政协提案委报送中期办理情况说明：涉及“两清单一机制”"
        let lines = TextMetrics.hangingLines(of: line, width: 40, hang: 20)
        #expect(TextMetrics.width(of: lines[0]) <= 40 && lines.dropFirst().allSatisfy { TextMetrics.width(of: $0) <= 20 })
        // The first line keeps its own indent; continued lines start at a character, not a space.
        #expect(lines[0].hasPrefix("  ") && lines.count > 2 && lines.dropFirst().allSatisfy { $0.first != " " })
        // Nothing is lost but the spaces a break left at the start of a continued line.
        #expect(lines.joined().filter { $0 != " " } == line.filter { $0 != " " })
        #expect(TextMetrics.hangingLines(of: "", width: 10, hang: 2) == [""])
    }
}
