import Foundation
import Testing
@testable import Model
import TestSupport

/// What a user types — with an IME in full-width mode, its ideographic space, a shell's completion —
/// is read as meant: case IDs, the configured vocabulary and dates.
@Suite struct TypedInputTests {
    let vocabulary = try! Fixtures.configuration().vocabulary

    @Test func typedTextIsNFKCWithoutSpacesOfAnyKindAtItsEnds() {
        #expect(TypedText.normalized("办理中\u{3000}") == "办理中")
        #expect(TypedText.normalized("\u{00A0}\u{200B}满意\u{FEFF}\t\n") == "满意")
        #expect(TypedText.normalized("０９０") == "090")
        #expect(TypedText.normalized("ＺＸ５－２－０９０") == "ZX5-2-090")
        #expect(TypedText.normalized("cafe\u{301}") == "caf\u{E9}")
        #expect(TypedText.normalized("主动公开 全文") == "主动公开 全文")
        #expect(TypedText.match("办理中\u{3000}", in: vocabulary.statuses) == "办理中")
        #expect(TypedText.match(" 解决或采纳\u{00A0}", in: vocabulary.outcomes) == "解决或采纳")
        #expect(TypedText.match("\u{3000}", in: vocabulary.statuses) == nil)
        #expect(TypedText.match("办理", in: vocabulary.statuses) == nil)
        #expect(Feedback.Satisfaction(typed: "不满意\u{3000}") == .dissatisfied)
        #expect(ContactEntry.Method(typed: "\u{3000}走访") == .visit)
        #expect(HandlingRole(typed: "会办 ") == .coHandler)
    }

    @Test(arguments: [("zx5-2-090", "zx5-2-090"), ("ZX5-2-090", "zx5-2-090"), ("０９０", "090"), ("zx5-2-090.yaml", "zx5-2-090"),
                      ("ZX5-2-090.YAML", "zx5-2-090"), ("15", "15"), ("zx06-04-15", "zx06-04-15"), (" 090\u{3000}", "090")])
    func aCaseIsNamedAsAnIMETypesIt(typed: String, normalised: String) throws {
        let ids = ["zx5-2-090", "zx6-4-015", "rd7-5-019"].compactMap(CaseID.init)
        let reference = CaseReference(typed)
        #expect(reference.text == normalised)
        #expect(reference.matches(among: ids).count == 1)
    }

    @Test func numbersCompareByTheValueOfEachRunOfDigits() {
        let ids = ["zx5-2-090", "zx5-2-A12-1", "rd7-5-090", "zx6-4-015", "zx6-4-15"].compactMap(CaseID.init)
        #expect(CaseReference("90").matches(among: ids).map(\.description) == ["zx5-2-090", "rd7-5-090"])
        #expect(CaseReference("a012-01").matches(among: ids).map(\.description) == ["zx5-2-A12-1"])
        #expect(CaseReference("rd7-5-90").matches(among: ids).map(\.description) == ["rd7-5-090"])
        #expect(CaseReference("zx5-3-090").matches(among: ids).isEmpty)
        #expect(CaseReference("9").matches(among: ids).isEmpty)
        #expect(CaseReference("0").matches(among: ids).isEmpty && CaseReference("").matches(among: ids).isEmpty)
        // Two cases whose numbers have one value: the one spelt as typed is meant; otherwise both fit.
        #expect(CaseReference("zx6-4-15").matches(among: ids).map(\.description) == ["zx6-4-15"])
        #expect(CaseReference("zx6-4-0015").matches(among: ids).map(\.description) == ["zx6-4-015", "zx6-4-15"])
    }

    @Test func theStoreResolvesWhatWasTypedAndNamesEveryCaseANumberFits() throws {
        let store = try CaseStore(directory: Fixtures.demoStoreCopy(), vocabulary: vocabulary)
        for typed in ["zx5-2-090", "ZX5-2-090", "０９０", "zx5-2-090.yaml", "90", "Zx5-02-90"] {
            #expect(try store.resolve(typed).description == "zx5-2-090", "\(typed)")
        }
        #expect(try store.resolve("15").description == "zx6-4-015")
        #expect(try store.resolve(["８", "rd7-5-19", "8"]).map(\.description) == ["zx6-5-008", "rd7-5-019", "zx6-5-008"])
        do {
            _ = try store.resolve("０６１")
            Issue.record("061 is a proposal and a suggestion")
        } catch {
            #expect(error.description == "有2件案件编号为061：zx6-5-061、rd7-5-061，请写全")
        }
        #expect(throws: StoreError.self) { try store.resolve("zx9-9-090") }
    }

    @Test func aDateSaysWhatIsWrongWithIt() throws {
        func message(_ text: String) -> String? {
            do { _ = try LocalDate(parsing: text); return nil } catch { return error.description }
        }
        #expect(message("2018-02-30") == "2018年2月没有30日")
        #expect(message("2019-02-29") == "2019年2月没有29日")
        #expect(message("2018-04-31") == "2018年4月没有31日")
        #expect(message("2018-13-01") == "没有13月")
        #expect(message("2018-00-10") == "没有0月")
        #expect(message("0000-01-01") == "没有0年")
        for shape in ["2018/02/03", "18-1-1", "2018-2-3", "", "二〇一八年二月三日", "2018-02-03T10:00"] {
            #expect(message(shape) == "应写作 2026-11-03 的形式", "\(shape)")
        }
        #expect(message("2020-02-29") == nil)
        #expect(try LocalDate(parsing: "２０１８－０２－２８\u{3000}") == LocalDate(year: 2018, month: 2, day: 28))
    }

    @Test func aCaseFileWithADayThatDoesNotExistNamesItsLine() throws {
        let text = CaseFileEncoder.encode(Fixtures.fullCase()).replacingOccurrences(of: "交办日期: 2018-03-20", with: "交办日期: 2018-02-30")
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("交办日期") }! + 1
        #expect(throws: DataFileError(path: "t.yaml", line: line,
                                      reason: .invalidValue(field: "交办日期", value: "2018-02-30", why: "2018年2月没有30日"))) {
            try CaseFileDecoder(vocabulary: vocabulary).decode(Array(text.utf8), path: "t.yaml")
        }
        let shape = text.replacingOccurrences(of: "交办日期: 2018-02-30", with: "交办日期: 2018/2/30")
        #expect(throws: DataFileError(path: "t.yaml", line: line,
                                      reason: .invalidValue(field: "交办日期", value: "2018/2/30", why: "应写作 2026-11-03 的形式"))) {
            try CaseFileDecoder(vocabulary: vocabulary).decode(Array(shape.utf8), path: "t.yaml")
        }
    }

    /// Decision: a case file's vocabulary is compared trimmed and normalised, and read as the
    /// configured word; the next save writes that word (docs/case-file.md says so).
    @Test func aCaseFileWordWithAnIdeographicSpaceIsReadAsTheConfiguredWord() throws {
        let original = Fixtures.fullCase()
        let text = CaseFileEncoder.encode(original)
            .replacingOccurrences(of: "状态: 已办结", with: "状态: \"已办结\u{3000}\"")
            .replacingOccurrences(of: "结果: 解决或采纳", with: "结果: \"\u{00A0}解决或采纳\"")
            .replacingOccurrences(of: "满意度: 基本满意", with: "满意度: \"基本满意\u{3000}\"")
            .replacingOccurrences(of: "承办方式: 会办", with: "承办方式: 会办\u{3000}")
        #expect(text.contains("已办结\u{3000}") && text.contains("\u{00A0}解决或采纳") && text.contains("会办\u{3000}"))
        let decoded = try CaseFileDecoder(vocabulary: vocabulary).decode(Array(text.utf8), path: "t.yaml")
        #expect(decoded == original)
        #expect(CaseFileEncoder.encode(decoded) == CaseFileEncoder.encode(original))
    }

    @Test func handlingTakesTheVocabularyAsAnIMETypesIt() throws {
        let handling = HandlingFixture.handling
        let moved = try handling.move(HandlingFixture.complete(in: "待签收"), to: "办理中\u{3000}")
        #expect(moved.value.status == "办理中" && moved.entry.text == "状态：待签收 → 办理中")
        var open = HandlingFixture.complete(in: "办理中")
        open.outcomes = []
        #expect(try handling.setOutcome(open, "\u{3000}列入计划拟解决 ").value.currentOutcome?.result == "列入计划拟解决")
        let followed = try handling.setOutcome(HandlingFixture.complete(in: "办理中"), "解决或采纳\u{00A0}", note: "已建成")
        #expect(followed.value.currentOutcome?.result == "解决或采纳")
        #expect(try handling.setDisclosure(open, "不予公开\u{3000}", reason: "涉密").value.disclosure?.category == "不予公开")
        let feedback = Feedback(satisfaction: .satisfied, attitude: "满意\u{3000}", relevance: " 针对", viewOfResult: "\u{3000}")
        let recorded = try handling.recordFeedback(HandlingFixture.complete(in: "已答复"), feedback).value.currentFeedback
        #expect(recorded?.attitude == "满意" && recorded?.relevance == "针对" && recorded?.viewOfResult == "")
        HandlingFixture.expectRefused("未知状态“办 理中”（可选：待签收、办理中、待审核、已签发、已答复、已办结、退回）") { () throws(HandlingError) in
            try handling.move(HandlingFixture.complete(in: "待签收"), to: "办 理中")
        }
    }
}
