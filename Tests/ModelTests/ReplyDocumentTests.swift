import Foundation
import Testing
@testable import Model
import TestSupport

@Suite struct ReplyDocumentTests {
    @Test func demoCase090LaysOutLikeThePublishedReply() throws {
        let configuration = try Fixtures.configuration()
        let store = try CaseStore(directory: Fixtures.demoStoreCopy(), vocabulary: configuration.vocabulary)
        let c = try store.load(CaseID("zx5-2-090")!).value
        let lines = ReplyDocument(for: c, configuration: configuration).plainText.split(separator: "\n").map(String.init)
        #expect(lines.first == "关于青浦区政协第五届委员会第二次会议第090号提案的办理意见")
        #expect(lines.contains("办理结果：解决或采纳"))
        #expect(lines.contains("一、规范居委会功能，推进社区减负"))
        #expect(lines.contains("二、挖掘特色优势，深化居民自治"))
        #expect(lines.contains("三、发挥纽带作用，加强为民服务"))
        #expect(lines.contains("2018年11月1日"))
        #expect(lines.last == "主办单位：民政局")
        #expect(ReplyDocument(for: c, configuration: configuration).missingParts.isEmpty)
    }
}
