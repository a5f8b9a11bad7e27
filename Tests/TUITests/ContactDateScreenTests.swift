import Model
import Testing
@testable import TUI

/// The 面商/沟通 record asks for its date last: today filled in, a date typed as `YYYY-MM-DD` or in
/// the IME's full-width digits, a day after today refused with the question kept open — at 80×24
/// and 40×12, the cursor after the date on the status line.
@Suite struct ContactDateScreenTests {
    @Test(arguments: [(80, 24), (40, 12)])
    func theContactDateIsAskedCheckedAndKept(size: (width: Int, height: Int)) throws {
        let s = try AppSession(width: size.width, height: size.height)
        s.select("zx6-5-101")
        s.keys(.character("c"), .character("1"))
        s.type("苏立群委员")
        s.keys(.enter)
        s.type("上门面商，听取意见")
        s.keys(.enter)
        #expect(s.status.hasPrefix("面商日期：2026-11-29"))
        var cursor = try #require(s.terminal.cursor)
        #expect(cursor == (x: TextMetrics.width(of: "面商日期：2026-11-29"), y: size.height - 2))
        // Tomorrow is refused, the answer kept for correcting.
        s.keys(.control("u"))
        s.type("２０２６－１１－３０")
        s.keys(.enter)
        #expect(s.message == "面商日期 2026-11-30 晚于今天 2026-11-29" && s.state.top is QuestionLayer)
        #expect(s.status.hasPrefix("面商日期：２０２６－１１－３０"))
        cursor = try #require(s.terminal.cursor)
        #expect(cursor.y == size.height - 2)
        s.keys(.control("u"))
        s.type("２０２６－１１－２５")
        s.keys(.enter)
        #expect(try s.load("zx6-5-101").contacts.last?.date == LocalDate(year: 2026, month: 11, day: 25))
        #expect(s.state.top is ListScreen)
    }
}
