import Foundation
import Testing
import TestSupport

/// The binary's date and journal times follow `TZ` in every form the C library accepts: a POSIX rule
/// as well as a zone name. (Foundation alone ignored `CST-8` and wrote UTC.)
@Suite struct TimeZoneTests {
    let banli = Banli()

    /// The date it is in UTC+8 at an instant.
    static func chinaDate(_ instant: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 8 * 3600)!
        let c = calendar.dateComponents([.year, .month, .day], from: instant)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    @Test(arguments: ["CST-8", "Asia/Shanghai", ":Asia/Shanghai"])
    func chinaTimeIsUsedForTodayAndTheJournal(tz: String) throws {
        let store = Fixtures.temporaryDirectory() + "/store"
        #expect(try banli.run(["init", store]).status == 0)
        // From 16:00 UTC the date in China is already tomorrow's: the two dates bracket the run, so a
        // run across midnight in China still passes.
        let before = Self.chinaDate(Date())
        let out = try banli.run(["new", "--store", store, "--kind", "建议", "--term", "7", "--session", "5", "--number", "201",
                                 "--title", "关于时区的建议", "--lead", "李明"], environment: ["TZ": tz])
        let after = Self.chinaDate(Date())
        #expect(out.status == 0, "\(out.stderr)")
        let file = String(decoding: Fixtures.bytes(store + "/rd7-5-201.yaml"), as: UTF8.self)
        let assigned = try #require(file.split(separator: "\n").first { $0.hasPrefix("交办日期: ") }).dropFirst(6)
        #expect([before, after].contains(String(assigned)), "\(file)")
        let time = try #require(file.split(separator: "\n").first { $0.contains("时间: ") })
        #expect(time.hasSuffix("+08:00") && [before, after].contains { time.contains("时间: \($0)T") }, "\(time)")
    }

    @Test func aPOSIXRuleForUTCWritesUTC() throws {
        let store = Fixtures.temporaryDirectory() + "/store"
        #expect(try banli.run(["init", store]).status == 0)
        let out = try banli.run(["new", "--store", store, "--kind", "建议", "--term", "7", "--session", "5", "--number", "202",
                                 "--title", "关于时区的建议", "--lead", "李明"], environment: ["TZ": "UTC0"])
        #expect(out.status == 0, "\(out.stderr)")
        let file = String(decoding: Fixtures.bytes(store + "/rd7-5-202.yaml"), as: UTF8.self)
        #expect(file.split(separator: "\n").contains { $0.contains("时间: ") && $0.hasSuffix("Z") }, "\(file)")
    }
}
