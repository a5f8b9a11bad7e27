import Testing
@testable import Model

@Suite struct CaseIDTests {
    @Test func fileNameFollowsIdentity() {
        let id = CaseID(kind: .suggestion, meeting: Meeting(term: 7, session: 5), number: "008")
        #expect(id.fileName == "rd7-5-008.yaml")
        #expect(CaseID("rd7-5-008") == id)
        #expect(CaseID("zx5-2-A12-1")?.number == "A12-1")
    }

    @Test(arguments: ["../x", "a/b", "..", "", "x\u{0}y", "-1", "第九号", "a b", "x\u{1B}[2J", String(repeating: "9", count: 17)])
    func numbersThatCouldEscapeTheStoreAreRejected(number: String) {
        #expect(!CaseID.isValidNumber(number))
        #expect(CaseID("zx5-2-" + number) == nil)
    }

    @Test func numbersSortByValue() {
        let ids = ["zx5-2-10", "zx5-2-9", "rd6-1-001", "zx5-2-090"].compactMap(CaseID.init).sorted().map(\.description)
        #expect(ids == ["zx5-2-9", "zx5-2-10", "zx5-2-090", "rd6-1-001"])
    }
}

@Suite struct CalendarTests {
    @Test func monthsClampToTheLastDay() {
        #expect(LocalDate(year: 2025, month: 11, day: 30)!.adding(months: 3).description == "2026-02-28")
        #expect(LocalDate(year: 2024, month: 11, day: 30)!.adding(months: 3).description == "2025-02-28")
        #expect(LocalDate(year: 2023, month: 11, day: 29)!.adding(months: 3).description == "2024-02-29")
    }

    @Test func dayArithmeticAndChineseForm() {
        let d = LocalDate(iso: "2018-11-01")!
        #expect(d.chinese == "2018年11月1日")
        #expect(LocalDate(dayNumber: d.dayNumber) == d)
        #expect(d.days(until: LocalDate(iso: "2019-11-01")!) == 365)
        #expect(d.weekday == 4)
        #expect(d.adding(workingDays: 2).description == "2018-11-05")
        #expect(LocalDate(iso: "2018-02-30") == nil && LocalDate(iso: "18-1-1") == nil)
    }

    @Test func chineseNumerals() {
        #expect([1, 10, 11, 20, 21, 99, 100, 105, 110, 1001].map(ChineseNumeral.string)
                == ["一", "十", "十一", "二十", "二十一", "九十九", "一百", "一百零五", "一百一十", "一千零一"])
    }
}
