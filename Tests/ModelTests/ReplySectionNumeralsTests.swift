import Model
import Testing

/// The numeral each section prints: counted per level, restarted under a higher level, none for a
/// section without a heading.
@Suite struct ReplySectionNumeralsTests {
    func sections(_ levels: [Int?]) -> [ReplySection] {
        levels.map { ReplySection(heading: $0 == nil ? " " : "标题", text: "正文", level: $0 ?? 1) }
    }

    @Test func eachLevelCountsOnItsOwnAndRestartsUnderAHigherOne() {
        let numerals = ReplySection.numerals(for: sections([1, 2, 2, 1, 2, 3, 3, 4, 2, 1]))
        #expect(numerals == ["一、", "（一）", "（二）", "二、", "（一）", "1.", "2.", "（1）", "（二）", "三、"])
    }

    @Test func aSectionWithoutAHeadingPrintsNoNumeralAndUsesNoNumber() {
        #expect(ReplySection.numerals(for: sections([nil, 1, nil, 1])) == [nil, "一、", nil, "二、"])
        // A reply without numbered sections: its body is one section without a heading.
        #expect(ReplySection.numerals(for: [ReplySection(heading: "", text: "全文")]) == [nil])
    }

    @Test func aProfilesStylesNumberEachLevel() {
        let styles = ["第一部分 ", "1、"].compactMap(HeadingNumeral.init)
        #expect(ReplySection.numerals(for: sections([1, 2, 2, 1, 2]), in: styles) == ["第一部分 ", "1、", "2、", "第二部分 ", "1、"])
        // A level beyond the styles given uses the last.
        #expect(ReplySection.numerals(for: sections([1, 2, 3]), in: styles) == ["第一部分 ", "1、", "1、"])
        #expect(HeadingNumeral("（一）")?.string(12) == "（十二）" && HeadingNumeral("（1）")?.string(12) == "（12）")
    }
}
