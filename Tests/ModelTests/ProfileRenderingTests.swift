import Foundation
import Testing
@testable import Model
import TestSupport

/// The parts profiles added, in each format, with untrusted text in every one of them.
@Suite struct ProfileRenderingTests {
    /// A county letter (document head) with hostile text in the head, the title, a run-in heading,
    /// attachments, joint units and the contact and copy lines.
    static func document() throws -> ReplyDocument {
        let configuration = try Fixtures.configuration()
        var c = Fixtures.fullCase()
        c.role = .lead
        c.reply.documentNumber = "青民发<b>【2024】</b>188号"
        c.reply.title = "关于<i>两行</i>\n标题&答复"
        c.reply.sections = [
            ReplySection(heading: "<script>摸底</script>。", text: "镇政府&登记", runIn: true),
            ReplySection(heading: "设施", text: "<u>布局</u>", level: 2),
            ReplySection(heading: "补贴", text: "标准", level: 3),
        ]
        c.reply.attachments = ["<img src=x>表", "名单&目录"]
        c.reply.signature = "某局<1>"
        c.reply.jointUnits = ["财政局\"2\""]
        c.reply.leader = "陈'立新'"
        c.reply.reportTo = ["县人大<常委会>"]
        c.signOff = SignOff(signer: "林<国>栋", date: c.reply.date!)
        var profile = try configuration.profile(named: "县局文件", source: "test")
        profile.contact = [["分管领导：{leader}"]]
        return ReplyDocument(for: c, configuration: configuration, profile: profile)
    }

    @Test func htmlEscapesTheNewPartsAndStylesThem() throws {
        let html = try Self.document().rendered(as: .html)
        for raw in ["<b>", "<i>", "<script", "<u>", "<img", "<1>", "<国>", "<常委会>"] { #expect(!html.contains(raw), "\(raw)") }
        #expect(html.contains("<div class=\"head\">\n  <p class=\"masthead\">某局&lt;1&gt;文件</p>\n  <p>签发人：林&lt;国&gt;栋</p>\n  <p>青民发&lt;b&gt;【2024】&lt;/b&gt;188号</p>\n</div>"))
        #expect(html.contains("<h1>关于&lt;i&gt;两行&lt;/i&gt;<br>标题&amp;答复</h1>"))
        #expect(html.contains("<title>关于&lt;i&gt;两行&lt;/i&gt;标题&amp;答复</title>"))
        #expect(html.contains("<p><span class=\"run-in level-1\">一、&lt;script&gt;摸底&lt;/script&gt;。</span>镇政府&amp;登记</p>"))
        #expect(html.contains("<h3>（一）设施</h3>") && html.contains("<h4>1.补贴</h4>"))
        #expect(html.contains("<div class=\"attachments\">\n  <p>附件：1. &lt;img src=x&gt;表</p>\n  <p>2. 名单&amp;目录</p>\n</div>"))
        // Items of one line keep their four spaces: joint units stand apart as printed.
        #expect(html.contains("<p>某局&lt;1&gt;    财政局&quot;2&quot;</p>") && html.contains(".head p, .header p, .signature p { white-space: pre-wrap; }"))
        #expect(html.contains("<span>分管领导：陈&#39;立新&#39;</span>") && html.contains("<p class=\"copy-to\">抄报：县人大&lt;常委会&gt;</p>"))
        // GB/T 9704: the issuing authority's mark and the rule under the head in red; each level's face.
        #expect(html.contains(".head p.masthead {\n  color: #c00;") && html.contains("border-bottom: 2px solid #c00"))
        #expect(html.contains("h2, .run-in.level-1 { font-family: \"黑体\"") && html.contains("h3, .run-in.level-2 { font-family: \"楷体_GB2312\""))
    }

    @Test func markdownEscapesTheNewPartsAndKeepsLevels() throws {
        let markdown = try Self.document().rendered(as: .markdown)
        #expect(markdown.hasPrefix("某局\\<1\\>文件\\\n签发人：林\\<国\\>栋\\\n青民发\\<b\\>【2024】\\</b\\>188号\n\n# 关于\\<i\\>两行\\</i\\>\n# 标题\\&答复\n\n"))
        #expect(markdown.contains("\n一、\\<script\\>摸底\\</script\\>。镇政府\\&登记\n"))
        #expect(markdown.contains("\n### （一）设施\n") && markdown.contains("\n#### 1\\.补贴\n"))
        #expect(markdown.contains("\n\n附件：1. \\<img src=x\\>表\\\n2\\. 名单\\&目录\n\n"))
    }

    @Test func textPutsEachPartOnItsLines() throws {
        let lines = try Self.document().rendered(as: .text).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.prefix(7) == ["某局<1>文件", "签发人：林<国>栋", "青民发<b>【2024】</b>188号", "", "关于<i>两行</i>", "标题&答复", ""])
        #expect(lines.contains("一、<script>摸底</script>。镇政府&登记"))
        #expect(lines.contains("某局<1>    财政局\"2\""))
        #expect(lines.suffix(5) == ["", "分管领导：陈'立新'", "抄送：区人大常委会代表工委、区政协提案委", "抄报：县人大<常委会>", ""])
    }
}
