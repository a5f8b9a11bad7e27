import Foundation
import Testing
@testable import Model
import TestSupport

/// The statistics of the demo store against figures counted by hand from the files, not by banli.
/// Each count was made in demo/store with the command beside it:
///
/// - total 32, 政协提案 18, 人大代表建议 14: `ls *.yaml | wc -l`, `ls zx*`, `ls rd*`.
/// - status: `grep -h '^状态:' *.yaml | sort | uniq -c` → 待签收 3, 办理中 5, 待审核 4, 已签发 2,
///   已答复 6, 已办结 10, 退回 2.
/// - current result, the last `  - 结果:` of each file (`grep '^  - 结果:' F | tail -1`) → 解决或采纳 11,
///   列入计划拟解决 5, 留作参考 3, none 13; so 解决采纳率 11/19. The first results (`head -1`) differ in
///   three files with two results: 9, 6, 4.
/// - feedback: `grep -h '^  满意度:' *.yaml | sort | uniq -c` → 满意 10, 基本满意 4, 不满意 1; 满意率 14/15.
/// - answered = 已答复 or 已办结: 16 files (`grep -l '^状态: \(已答复\|已办结\)'`), every one with a
///   `面商记录:` list → 面商率 16/16. Their reply dates (the `  日期:` under `答复:`) against `答复期限:`:
///   only zx5-2-090 (replied 2018-11-01, due 2018-06-20) is late → 按期答复率 15/16.
/// - meetings from the file names: zx5-2 1, zx6-4 4, zx6-5 13, rd7-4 3, rd7-5 11.
@Suite struct StatisticsTests {
    let configuration = try! Fixtures.configuration()

    func demoStatistics() throws -> CaseStatistics {
        let store = try CaseStore(directory: Fixtures.demoStoreCopy(), vocabulary: configuration.vocabulary)
        let listing = try store.list()
        #expect(listing.problems.isEmpty)
        return CaseStatistics(listing.summaries, configuration: configuration)
    }

    func counts(_ tallies: [Tally]) -> [String: Int] { Dictionary(uniqueKeysWithValues: tallies.map { ($0.name, $0.count) }) }

    @Test func demoStoreFiguresMatchTheHandCount() throws {
        let o = try demoStatistics().overall
        #expect(o.total == 32)
        #expect(counts(o.byKind) == ["委员提案": 18, "代表建议": 14])
        #expect(counts(o.byStatus) == ["待签收": 3, "办理中": 5, "待审核": 4, "已签发": 2, "已答复": 6, "已办结": 10, "退回": 2])
        #expect(o.byOutcome.map(\.name) == ["解决或采纳", "列入计划拟解决", "留作参考", "无"])
        #expect(o.byOutcome.map(\.count) == [11, 5, 3, 13])
        #expect((o.resolved.name, o.resolved.part, o.resolved.whole, o.resolved.text) == ("解决采纳率", 11, 19, "11/19（57.9%）"))
        #expect((o.onTime.part, o.onTime.whole, o.onTime.text) == (15, 16, "15/16（93.8%）"))
        #expect((o.contact.part, o.contact.whole) == (16, 16))
        #expect(counts(o.bySatisfaction) == ["满意": 10, "基本满意": 4, "不满意": 1])
        #expect((o.satisfied.part, o.satisfied.whole, o.satisfied.text) == (14, 15, "14/15（93.3%）"))
    }

    @Test func figuresPerMeeting() throws {
        let meetings = try demoStatistics().meetings
        #expect(meetings.map(\.meeting) == ["区政协第五届委员会第二次会议", "区政协第六届委员会第四次会议", "区政协第六届委员会第五次会议",
                                            "区第七届人民代表大会第四次会议", "区第七届人民代表大会第五次会议"])
        #expect(meetings.map(\.figures.total) == [1, 4, 13, 3, 11])
        #expect(meetings.map(\.figures.total).reduce(0, +) == 32)
    }

    @Test func textAndJSON() throws {
        let statistics = try demoStatistics()
        let lines = statistics.text.split(separator: "\n").map(String.init)
        #expect(lines.contains("办理结果：解决或采纳 11，列入计划拟解决 5，留作参考 3，无 13"))
        #expect(lines.contains("解决采纳率：11/19（57.9%）　（当前结果为“解决或采纳”的件数 / 有办理结果的件数）"))
        #expect(lines.contains("区政协第五届委员会第二次会议（委员提案）：共1件"))
        let object = try JSONSerialization.jsonObject(with: Data(statistics.json.utf8)) as! [String: Any]
        let overall = object["overall"] as! [String: Any]
        #expect(overall["total"] as? Int == 32)
        let resolved = overall["resolved"] as! [String: Any]
        #expect(resolved["part"] as? Int == 11 && resolved["whole"] as? Int == 19 && resolved["percent"] as? Double == 57.9)
        #expect(statistics.json.contains("\"percent\" : 57.9,"), "the rounded value is written as such")
        #expect((object["meetings"] as! [Any]).count == 5)
    }

    @Test func anEmptyStoreHasNoRates() {
        let o = CaseStatistics([], configuration: configuration).overall
        #expect(o.total == 0 && o.resolved.percent == nil && o.resolved.text == "0/0")
    }
}
