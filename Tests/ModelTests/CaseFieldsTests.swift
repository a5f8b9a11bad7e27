import Testing
@testable import Model
import TestSupport

/// `CaseFields.validated`: the one rule `banli new`, the new-case form and an imported row share.
@Suite struct CaseFieldsTests {
    let configuration = HandlingFixture.configuration
    let today = LocalDate(iso: "2026-03-06")!

    func validated(_ edit: (inout CaseFields) -> Void) throws(FieldProblems) -> Case {
        var fields = CaseFields()
        fields.kind = "提案"
        fields.meeting = "六届五次"
        fields.number = "090"
        fields.title = "关于加强河道治理的建议"
        fields.leadProposer = "张三"
        edit(&fields)
        return try fields.validated(configuration: configuration, today: today, user: "李四", time: "2026-03-06T09:00:00+08:00")
    }

    @Test func aCompleteRowBecomesACaseWithTheConfiguredDeadline() throws {
        let c = try validated { $0.jointSigners = "王五、赵六，钱七"; $0.isKey = "是"; $0.otherUnits = "区水务局；区财政局" }
        #expect(c.id.description == "zx6-5-090")
        #expect(c.jointSigners == ["王五", "赵六", "钱七"])
        #expect(c.otherUnits == ["区水务局", "区财政局"])
        #expect(c.isKey && c.role == .lead && c.handler == "李四")
        #expect(c.assignedOn == today && c.deadline == configuration.deadlines.replyDeadline(assignedOn: today, role: .lead))
        #expect(c.status == configuration.workflow.initial && c.journal.map(\.text) == ["新建案件"])
    }

    @Test func meetingsAreReadInEveryCommonSpelling() throws {
        for text in ["6-5", "6届5次", "六届五次", "区政协第六届委员会第五次会议", "第六届第五次"] {
            #expect(try validated { $0.meeting = text }.meeting == Meeting(term: 6, session: 5), "\(text)")
        }
        #expect(try validated { $0.meeting = "" }.meeting == .unknown)
    }

    @Test func aPrintedNumberIsKeptAndTheIDDerived() throws {
        let c = try validated { $0.number = "B〔2017〕9号" }
        #expect(c.number == "B2017-9" && c.printedNumber == "B〔2017〕9")
        #expect(try validated { $0.number = "第52号" }.printedNumber == "")
    }

    @Test func aNumberTypedWithFullWidthDigitsIsReadAsTheDigits() throws {
        let plain = try validated { $0.number = "９０５" }
        #expect(plain.number == "905" && plain.printedNumber == "")
        let printed = try validated { $0.number = "第９０５号" }
        #expect(printed.number == "905" && printed.printedNumber == "", "\(printed.printedNumber)")
        #expect(try validated { $0.number = "Ｂ〔２０１７〕９号" }.printedNumber == "B〔2017〕9")
    }

    @Test func aNumberWithoutADigitOrZeroAloneIsRefused() {
        for (typed, reason) in [("abc", "“abc”中没有数字（写作 090，或印的“第52号”）"), ("第一段", "“第一段”中没有数字（写作 090，或印的“第52号”）"),
                                ("0", "不能为 0"), ("第000号", "不能为 0")] {
            #expect(throws: FieldProblems([FieldProblem(.number, reason)]), "\(typed)") { try validated { $0.number = typed } }
        }
        #expect((try? validated { $0.number = "12a" })?.number == "12a")
        #expect((try? validated { $0.number = "B0" })?.number == "B0")
    }

    @Test func aLeadProposerIsOnePersonAndATitleHasALimit() {
        for lead in ["顾志英、孙丽", "顾志英，孙丽", "顾志英;孙丽"] {
            #expect(throws: FieldProblems([FieldProblem(.leadProposer, "只写一人；其他人写在联名人")]), "\(lead)") { try validated { $0.leadProposer = lead } }
        }
        let long = String(repeating: "长", count: CaseFields.titleLimit + 1)
        #expect(throws: FieldProblems([FieldProblem(.title, "过长（101字，最多100字）")])) { try validated { $0.title = long } }
        #expect((try? validated { $0.title = String(long.dropFirst()) }) != nil)
    }

    @Test func everyBadFieldIsNamedInFieldOrder() {
        #expect(throws: FieldProblems([
            FieldProblem(.kind, "未知“议案”（可选：提案、建议）"), FieldProblem(.meeting, "看不懂“甲乙”（写作 6-5、六届五次，或会议全称；不知道时留空）"),
            FieldProblem(.title, "不能为空"), FieldProblem(.isKey, "应为“是”或“否”，不是“也许”"),
            FieldProblem(.leadUnit, "会办案件须写明"), FieldProblem(.assignedOn, "“2018-02-30”无效：2018年2月没有30日"),
        ])) {
            try validated {
                $0.kind = "议案"; $0.meeting = "甲乙"; $0.title = " "; $0.isKey = "也许"; $0.role = "会办"; $0.assignedOn = "2018-02-30"
            }
        }
    }
}
