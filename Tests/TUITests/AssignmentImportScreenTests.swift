import Foundation
import Model
import Testing
import TestSupport
@testable import TUI

/// Importing an assignment list from the case list's import key: a `.xlsx`/`.csv` path opens the
/// assignment-import screen — counts in the title, the column mapping, every row with its problems
/// marked — a field's column changed from a menu, Enter creating the valid cases (the list shows
/// them, a summary says how many), Esc writing nothing.
@Suite struct AssignmentImportScreenTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 40, height: 12)]
    static let workbook = Fixtures.fixture("assignment/交办名单.xlsx")
    static let csv = Fixtures.fixture("assignment/交办名单-gb18030.csv")

    func importing(_ path: String, in s: AppSession) {
        s.keys(.character("I"))
        #expect(s.status.hasPrefix("导入答复或交办名单："), "\(s.status)")
        s.type(path)
        s.keys(.enter)
    }

    /// Every line of the screen's text, a page at a time.
    static func text(_ s: AppSession) -> [String] {
        s.keys(.home)
        var seen: [String] = []
        for _ in 0..<40 {
            seen += s.lines[1..<(s.terminal.height - 2)]
            let before = s.lines
            s.keys(.character(" "))
            if s.lines == before { break }
        }
        return seen
    }

    @Test(arguments: sizes) func theCSVsRowsArePreviewedAndEnterCreatesTheValidOnes(size: Size) throws {
        let s = try AppSession(width: size.width, height: size.height)
        let before = s.state.cases.all.count
        importing(Self.csv, in: s)
        let screen = try #require(s.state.top as? AssignmentImportScreen)
        let plan = try screen.plan.get()
        // The demo store holds zx6-5-101 already.
        #expect(plan.newCount == 2 && plan.existingCount == 1 && plan.errorCount == 4)
        #expect(s.lines[0].hasPrefix("导入交办名单"), "\(s.lines[0])")
        if size.width >= 80 { #expect(s.lines[0].contains("可新建 2 · 已有 1 · 错误 4"), "\(s.lines[0])") }
        let text = Self.text(s).joined(separator: "\n")
        for part in ["【列的对应】", "标题 ← 标题（D列）", "【各行】", "第2行：已有 zx6-5-101，跳过", "第3行：新建 zx6-5-102", "第5行：类型：未知“议案”"] {
            #expect(text.replacingOccurrences(of: "\n", with: "").contains(part), "\(part) in \(text)")
        }
        for line in s.lines { #expect(TextMetrics.width(of: line) <= size.width) }
        s.keys(.enter)
        #expect(!(s.state.top is AssignmentImportScreen))
        #expect(s.message.contains("新建 2 件，跳过已有 1 件，错误 4 行"), "\(s.message)")
        #expect(s.state.cases.all.count == before + 2)
        #expect(try s.load("zx6-5-102").journal.map(\.text) == ["从 交办名单-gb18030.csv 第3行导入"])
        #expect(s.selected == "rd6-5-103", "the list shows the new cases")
        // The same list again: every valid row is already there.
        importing(Self.csv, in: s)
        #expect(try (s.state.top as? AssignmentImportScreen)?.plan.get().existingCount == 3)
        s.keys(.escape)
        #expect(s.message.contains("未新建案件") && s.state.cases.all.count == before + 2)
    }

    @Test(arguments: sizes) func aFieldsColumnIsChangedFromAMenuAndTheKindGivenForTheWholeFile(size: Size) throws {
        let s = try AppSession(width: size.width, height: size.height)
        let before = s.state.cases.all.count
        importing(Self.workbook, in: s)
        var screen = try #require(s.state.top as? AssignmentImportScreen)
        // The first sheet has no 类型 or 届次 column: its heading (2026年青浦区政协六届五次会议提案交办清单) gives them.
        #expect(try screen.plan.get().mappingLines.last == "类型、届次 ← 标题“区政协六届五次会议”（无此列或此格空时）")
        if size.height >= 24 { #expect(s.lines.contains { $0.hasPrefix("类型、届次 ← 标题“区政协六届五次会议”") }, "\(s.lines)") }
        s.keys(.character("c"))
        #expect(s.state.top is MenuLayer)
        s.keys(.enter)  // 类型, the first field
        let menu = try #require(s.state.top as? MenuLayer)
        let whole = try #require(menu.items.firstIndex { $0.label == "全部为提案" })
        for _ in 0..<whole { s.keys(.down) }
        s.keys(.enter)
        screen = try #require(s.state.top as? AssignmentImportScreen)
        #expect(try screen.plan.get().newCount == 5 && screen.plan.get().errorCount == 5)
        // 主题 takes no column now: the 类别 column goes unused.
        s.keys(.character("c"))
        let topic = try #require(CaseField.allCases.firstIndex(of: .topic))
        for _ in 0..<topic { s.keys(.down) }
        s.keys(.enter)
        s.keys(.home, .enter)  // （不取）, the first item
        screen = try #require(s.state.top as? AssignmentImportScreen)
        #expect(screen.mapping.columns[.topic] == nil && screen.mapping.lines.last == "未用的列：序号（A列）、类别（I列）")
        #expect(s.message.contains("“主题”不取名单中的列"), "\(s.message)")
        s.keys(.enter)
        #expect(s.state.cases.all.count == before + 5)
        #expect(try s.load("zx6-5-001").topic == "", "no meeting column: the heading's meeting")
    }
}
