import Foundation
import Model
import Testing
import TestSupport
@testable import TUI

/// A case without 交办日期, meeting or lead proposer — as an imported published reply may be — in the
/// list, the detail and the due screen: shown without them, nothing made up, the longer ID in full.
@Suite struct OptionalCaseFieldsScreenTests {
    @Test func theListAndTheDetailShowACaseWithoutAssignmentOrMeeting() throws {
        let store = Fixtures.demoStoreCopy()
        Fixtures.write("""
            格式: banli-case/1
            类型: 建议
            编号: B2017-9
            案号: B〔2017〕9号
            标题: 关于加强社区养老服务的建议
            承办方式: 主办
            答复期限: 2026-11-20
            期限说明: 按原交办单
            状态: 办理中
            提案正文: 建议……。

            """, to: store + "/rd0-0-B2017-9.yaml")
        let s = try AppSession(width: 100, store: store)
        s.select("rd0-0-B2017-9")
        #expect(s.selected == "rd0-0-B2017-9")
        #expect(s.lines.contains { $0.contains("rd0-0-B2017-9") && $0.contains("关于加强社区养老服务的建议") }, "\(s.lines)")
        s.keys(.enter)
        let detail = try #require(s.state.screen(DetailScreen.self)).pager.text
        #expect(detail.hasPrefix("rd0-0-B2017-9  B〔2017〕9号代表建议\n"), "\(detail)")
        #expect(!detail.contains("交办日期") && !detail.contains("领衔人"), "\(detail)")
        #expect(detail.contains("答复期限  2026-11-20  ！逾期9天  按原交办单"), "\(detail)")
        // The deadline set by hand counts: the due list has the case, its ID in full.
        s.keys(.escape, .character("d"))
        #expect(s.state.top is DueScreen)
        #expect(s.lines.contains { $0.hasPrefix("rd0-0-B2017-9 ！逾期9天") }, "\(s.lines)")
    }
}
