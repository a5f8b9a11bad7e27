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

    /// A follow-up after the reply went out changes the case's result, not the document that was
    /// signed: its 办理结果 line stays what was signed, until the reply is taken back.
    @Test func aSignedReplyPrintsTheResultItWasSignedWith() throws {
        let configuration = try Fixtures.configuration()
        let store = try CaseStore(directory: Fixtures.demoStoreCopy(), vocabulary: configuration.vocabulary)
        var c = try store.load(CaseID("zx5-2-090")!).value
        let signed = try #require(c.signOff?.date)
        let sent = try #require(c.reply.date)
        // Recorded as the reply went out, after it was signed.
        c.outcomes = [OutcomeRecord(result: "列入计划拟解决", date: sent, recordedBy: "wangli")]
        #expect(sent > signed)
        func printed() -> [String] {
            ReplyDocument(for: c, configuration: configuration).plainText.split(separator: "\n").map(String.init)
                .filter { $0.hasPrefix("办理结果") }
        }
        #expect(printed() == ["办理结果：列入计划拟解决"])
        c.outcomes.append(OutcomeRecord(result: "解决或采纳", date: sent.adding(days: 200), recordedBy: "wangli", note: "已建成"))
        #expect(c.currentOutcome?.result == "解决或采纳")
        #expect(printed() == ["办理结果：列入计划拟解决"])
        c.signOff = nil
        #expect(printed() == ["办理结果：解决或采纳"])
    }
}

/// Each renderer on one layout, with untrusted text: markup, entities and control characters.
@Suite struct DocumentRendererTests {
    /// A complete lead reply whose text tries to inject markup and terminal escapes.
    static func hostileCase() -> Case {
        var c = Fixtures.fullCase()
        c.role = .lead
        c.reply.salutation = "<script>alert(1)</script>委员："
        c.reply.sections[1].text = "一是A & B。\n\u{1B}[31m红字\u{1B}[0m与\u{7}铃声\n　　*强调* [点此](javascript:alert(1)) `代码` <b>粗</b> &amp;"
        c.reply.closing = "- 不是列表\n1. 不是编号\n# 不是标题\n感谢您的支持！"
        return c
    }

    static func document(_ c: Case = hostileCase()) throws -> ReplyDocument {
        ReplyDocument(for: c, configuration: try Fixtures.configuration())
    }

    @Test func noControlCharacterReachesAnyFormat() throws {
        let document = try Self.document()
        for format in DocumentFormat.allCases {
            let out = try document.rendered(as: format)
            let controls = out.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || (0x7F..<0xA0).contains($0.value) }
            #expect(controls.isEmpty, "\(format): \(controls.map { $0.value })")
            #expect(out.contains("\u{FFFD}") && out.contains("红字"), "\(format)")
        }
    }

    @Test func textIsOneParagraphPerLineAndEqualsThePlainText() throws {
        let document = try Self.document()
        let text = try document.rendered(as: .text)
        #expect(text == document.plainText)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "关于青浦区政协第五届委员会第二次会议第090号提案的办理意见")
        #expect(lines.contains("<script>alert(1)</script>委员："))
        #expect(lines.contains("二、挖掘特色优势"))
        // Hand indentation （　　） goes: the format indents.
        #expect(lines.contains("*强调* [点此](javascript:alert(1)) `代码` <b>粗</b> &amp;"))
        #expect(lines.contains("联系人：王丽    联系电话：021-59720000    联系地址：青浦区公园路100号    邮政编码：201700"))
        #expect(lines.suffix(3) == ["", "主办单位：民政局", ""])
    }

    @Test func htmlEscapesEveryTextAndIsPrintReady() throws {
        let html = try Self.document().rendered(as: .html)
        #expect(!html.contains("<script") && !html.contains("<b>"))
        #expect(html.contains("<p class=\"salutation\">&lt;script&gt;alert(1)&lt;/script&gt;委员：</p>"))
        #expect(html.contains("&lt;b&gt;粗&lt;/b&gt; &amp;amp;"))
        #expect(html.contains("一是A &amp; B。"))
        #expect(html.contains("@page { size: A4; margin: 37mm 26mm 35mm 28mm; }"))
        #expect(html.contains("\"方正小标宋简体\", \"小标宋\", SimSun, \"Songti SC\", \"Noto Serif CJK SC\", serif"))
        #expect(html.contains("\"仿宋_GB2312\", \"仿宋\", FangSong, STFangsong"))
        #expect(html.contains("font-size: 16pt; line-height: 28.9pt;") && html.contains("text-indent: 2em"))
        #expect(html.contains("<h2>一、规范居委会功能，推进社区减负</h2>"))
        #expect(html.contains("<meta charset=\"utf-8\">") && !html.contains("<link") && !html.contains("src="))
    }

    @Test func markdownEscapesMarkupInCaseText() throws {
        let markdown = try Self.document().rendered(as: .markdown)
        #expect(markdown.contains("\n\\<script\\>alert(1)\\</script\\>委员：\n"))
        #expect(markdown.contains("\n\\*强调\\* \\[点此\\](javascript:alert(1)) \\`代码\\` \\<b\\>粗\\</b\\> \\&amp;\n"))
        #expect(markdown.contains("\n\\- 不是列表\n") && markdown.contains("\n1\\. 不是编号\n") && markdown.contains("\n\\# 不是标题\n"))
        #expect(markdown.contains("\n## 一、规范居委会功能，推进社区减负\n"))
        #expect(markdown.contains("一是A \\& B。"))
        #expect(markdown.contains("\n感谢您的支持！\n"))
    }

    @Test func markdownKeepsHeaderLinesTogetherWithHardBreaks() throws {
        let markdown = try Self.document().rendered(as: .markdown)
        // The result as sent (2018-11-01); the follow-up of 2019 is not in the document.
        #expect(markdown.contains("依申请公开\\\n青浦区民政局\\\n青民函〔2018〕12号\\\n2018年11月1日\\\n办理结果：列入计划拟解决\n\n"))
    }

    @Test func anIncompleteReplyIsRefusedNamingWhatIsMissing() throws {
        var c = Fixtures.fullCase(number: "001")
        c.role = .lead
        c.reply = Reply(salutation: "周建平、沈雅琴、陆卫国委员：", signature: "青浦区民政局")
        c.outcomes = []
        let document = try Self.document(c)
        #expect(document.missingParts == ["开头", "第一部分", "结尾", "日期", "办理结果"])
        for format in DocumentFormat.allCases {
            let error = try #require(throws: ReplyDocument.Incomplete.self) { try document.rendered(as: format) }
            #expect(error.description == "无法导出 zx5-2-001：缺少 开头、第一部分、结尾、日期、办理结果")
        }
        let draft = try document.rendered(as: .text, draft: true)
        #expect(draft.hasPrefix("草稿（缺少 开头、第一部分、结尾、日期、办理结果）\n\n关于"))
        #expect(try document.rendered(as: .html, draft: true).contains("<title>草稿 · 关于"))
    }

    @Test func aCompleteDraftIsStillMarked() throws {
        let text = try Self.document().rendered(as: .markdown, draft: true)
        #expect(text.hasPrefix("**草稿**\n\n# 关于"))
    }

    @Test func aCoHandlerOpinionNeedsNoSectionOrOutcome() throws {
        var c = Fixtures.fullCase()
        c.reply.sections = []
        c.outcomes = []
        #expect(try Self.document(c).missingParts.isEmpty)
    }

    @Test func aLineBreakInAOneLineFieldBecomesASpace() throws {
        var c = Self.hostileCase()
        c.reply.contactPerson = "王丽\n（科员）"
        let text = try Self.document(c).rendered(as: .text)
        #expect(text.contains("联系人：王丽 （科员）"))
    }
}
