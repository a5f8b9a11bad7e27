import Foundation
import Testing
@testable import Model
import TestSupport

@Suite struct CaseFileTests {
    let vocabulary = try! Fixtures.configuration().vocabulary

    @Test func everyFieldSurvivesARoundTrip() throws {
        let original = Fixtures.fullCase()
        let text = CaseFileEncoder.encode(original)
        let decoded = try CaseFileDecoder(vocabulary: vocabulary).decode(Array(text.utf8), path: "t.yaml")
        #expect(decoded == original)
        #expect(CaseFileEncoder.encode(decoded) == text)
    }

    @Test func fileIsReadableChineseWithLongTextAsBlocks() {
        let text = CaseFileEncoder.encode(Fixtures.fullCase())
        #expect(text.hasPrefix("# banli 案件文件"))
        #expect(text.contains("标题: 关于我区居民委员会若干问题的建议\n"))
        #expect(text.contains("编号: \"090\"\n"))
        #expect(text.contains("提案正文: |"))
        #expect(text.contains("  当面听取意见。\n"))
        #expect(!text.contains("\\u"))
    }

    @Test func aMinimalCaseNeedsOnlyIdentityAndHeader() throws {
        let text = """
        格式: banli-case/1
        类型: 建议
        会议: {届: 7, 次: 5}
        编号: 008
        标题: 关于加强社区养老服务的建议
        领衔人: 李明
        交办日期: 2026-03-10
        状态: 办理中
        """
        let c = try CaseFileDecoder(vocabulary: vocabulary).decode(Array((text + "\n").utf8), path: "rd7-5-008.yaml")
        #expect(c.id.description == "rd7-5-008")
        #expect(c.number == "008")
        #expect(c.reply.isEmpty && c.outcomes.isEmpty && c.journal.isEmpty)
    }

    @Test(arguments: [
        ("类型: 提案\n", "缺少必填字段“格式”", 1),
        ("格式: banli-case/9\n", "不支持的文件格式", 1),
        ("格式: banli-case/1\n[类型]: 提案\n", "键必须是文字，不能是列表或映射", 2),
        ("格式: banli-case/1\n类型: 议案\n", "“类型”的值“议案”无效", 2),
        ("格式: banli-case/1\n类型: 提案\n会议: 五届二次\n", "“会议”应为映射", 3),
        ("格式: banli-case/1\n类型: 提案\n会议: {届: x, 次: 2}\n", "“会议.届”的值“x”无效", 3),
        ("格式: banli-case/1\n类型: 提案\n会议: {届: 5, 次: 2}\n编号: ../../etc\n", "只能包含字母", 4),
    ])
    func malformedFieldsAreReportedWithTheirLine(text: String, message: String, line: Int) {
        #expect {
            _ = try CaseFileDecoder(vocabulary: vocabulary).decode(Array(text.utf8), path: "bad.yaml")
        } throws: { error in
            let e = error as! DataFileError
            return e.description.contains(message) && e.line == line && e.path == "bad.yaml"
        }
    }

    @Test func unknownOutcomeAndMisspeltKeyAreErrorsNotSilentlyDropped() throws {
        var text = CaseFileEncoder.encode(Fixtures.fullCase())
        let outcome = text.replacingOccurrences(of: "结果: 解决或采纳", with: "结果: 已解决")
        let unknown = text.replacingOccurrences(of: "主题: 基层治理", with: "主题: 基层治理\n标体: 错字")
        for (bad, expected) in [(outcome, "“已解决”无效"), (unknown, "未知字段“标体”")] {
            #expect {
                _ = try CaseFileDecoder(vocabulary: vocabulary).decode(Array(bad.utf8), path: "x.yaml")
            } throws: { ($0 as! DataFileError).description.contains(expected) && ($0 as! DataFileError).line != nil }
        }
        text = ""
    }

    @Test func invalidUTF8NamesTheLine() {
        var bytes = Array("格式: banli-case/1\n类型: 提案\n标题: ".utf8)
        bytes += [0xE5, 0xB1, 0x0A]
        #expect {
            _ = try CaseFileDecoder(vocabulary: vocabulary).decode(bytes, path: "u.yaml")
        } throws: { error in
            let e = error as! DataFileError
            return e.line == 3 && e.description.contains("UTF-8")
        }
    }
}
