import Foundation
import Testing
import TestSupport
@testable import Model

/// A file that is not YAML is named in one Chinese line, `path:line: 原因`, whatever libyaml said.
@Suite struct YAMLProblemTests {
    @Test(arguments: [
        // An unclosed quote is named where it opens, not at the end of the file where libyaml stops.
        ("标题: 甲\n类型: \"未闭合\n正文: 乙\n", "2: 引号没有闭合：从这一行开始的引号直到文件末尾都没有配对的结束引号"),
        ("标题: 甲\n类型: '未闭合\n正文: 乙\n", "2: 引号没有闭合：从这一行开始的引号直到文件末尾都没有配对的结束引号"),
        ("标题: 甲\n主题: [民政, 养老\n类型: 提案\n", "2: 方括号列表没有正确结束（缺少“,”或“]”）"),
        ("会议: {届: 6, 次: 5\n类型: 提案\n", "1: 花括号映射没有正确结束（缺少“,”或“}”）"),
        ("会议:\n  届: 6\n\t次: 5\n", "3: 缩进用了制表符（Tab），缩进只能用空格"),
        ("正文: |\n\t第一段\n", "2: 多行文字的缩进用了制表符（Tab），缩进只能用空格"),
        ("会议:\n  届: 6\n 次: 5\n", "3: 缩进不一致：这一行应是与上面同级的“键: 值”；列表项“- ”须写在某个键的下一行并多缩进"),
        ("会议:\n  届: 6\n   次: 5\n",
         "3: 第 5 个字符处的冒号不能出现在这里：请检查这一行的缩进是否与同级的键一致、上一行的冒号后是否漏了空格；文字里含“: ”时请把整段文字用引号括起来"),
        // `届:6` reads as text running on into the next line, so libyaml stops at the next colon.
        ("会议:\n  届:6\n  次: 5\n",
         "3: 第 4 个字符处的冒号不能出现在这里：请检查这一行的缩进是否与同级的键一致、上一行的冒号后是否漏了空格；文字里含“: ”时请把整段文字用引号括起来"),
        ("标题: 关于: 养老\n",
         "1: 第 7 个字符处的冒号不能出现在这里：请检查这一行的缩进是否与同级的键一致、上一行的冒号后是否漏了空格；文字里含“: ”时请把整段文字用引号括起来"),
        ("标题: 甲\n类型: 提案\n标题: 乙\n", "1: 键“标题”在同一层重复出现，每个键只能写一次"),
        ("标题: *x\n", "1: 第 5 个字符起的“*”引用了不存在的锚点；文字以“*”开头时请把它用引号括起来"),
        ("标题: *星号\n", "1: “*”后应是引用名（英文字母或数字）；文字以“*”开头时请把它用引号括起来"),
        ("标题: 甲\u{07}乙\n", "1: 第 6 个字符是不能出现在文件中的控制字符（U+0007），请删除它"),
        ("标题: 甲\n正文: 乙\u{0}\n", "2: 第 6 个字符是不能出现在文件中的控制字符（U+0000），请删除它"),
        ("标题: 甲\n- \n", "2: 缩进不一致：这一行应是与上面同级的“键: 值”；列表项“- ”须写在某个键的下一行并多缩进"),
        ("- 甲\n标题: 乙\n", "2: 这一行应以“- ”开头：列表的每一项都以“- ”开头，且缩进与上一项相同"),
        ("标题: @张三\n", "1: 第 5 个字符“@”不能放在一段文字的开头；请把这段文字用引号括起来"),
        ("标题: \"甲\\q乙\"\n", "1: 双引号内第 7 个字符处的“\\”转义无法识别；要写反斜杠本身请写“\\\\”，或改用单引号"),
        ("标题: 甲\n---\n标题: 乙\n", "2: 一个文件只能有一份内容：这一行的“---”开始了第二份；请删除这一行，或把以“---”开头的文字用引号括起来"),
    ])
    func aCommonMistakeIsNamedInChineseWithItsLine(text: String, expected: String) {
        do {
            _ = try YAMLSource.parse(text, path: "zx6-5-500.yaml")
            Issue.record("read without an error: \(text.debugDescription)")
        } catch {
            #expect(error.description == "zx6-5-500.yaml:" + expected)
        }
    }

    @Test func aProblemTheTableLacksStillGivesAChineseLineQuotingTheOriginal() {
        let future = YAMLProblem(problem: "found something new", context: "while scanning a future token", line: 4)
        #expect(!future.isTranslated && future.reportedLine == 4)
        #expect(DataFileError(path: "a.yaml", line: future.reportedLine, reason: .syntax(future)).description
                == "a.yaml:4: YAML 语法错误：while scanning a future token, found something new")
    }

    /// Every problem libyaml can report, under every context it gives with it, is in the table: the
    /// calls are read from the libyaml sources Yams vendors, so a Yams update that adds one fails here.
    @Test func everyProblemInLibyamlsSourcesIsWorded() throws {
        let sources = Fixtures.repositoryRoot + "/.build/checkouts/Yams/Sources/CYaml/src/"
        let call = try NSRegularExpression(pattern: #"yaml_parser_set_(?:scanner|parser|reader)_error(?:_context)?\(parser,[^;]*;"#)
        let literal = try NSRegularExpression(pattern: #""((?:[^"\\]|\\.)*)""#)
        func matches(_ regex: NSRegularExpression, in text: String) -> [NSTextCheckingResult] {
            regex.matches(in: text, range: NSRange(text.startIndex..., in: text))
        }
        var calls = 0
        for file in ["reader.c", "scanner.c", "parser.c"] {
            let source = try String(contentsOfFile: sources + file, encoding: .utf8)
            for match in matches(call, in: source) {
                let text = String(source[Range(match.range, in: source)!])
                let strings = matches(literal, in: text).map { String(text[Range($0.range(at: 1), in: text)!]) }
                guard let problem = strings.last else { continue }
                calls += 1
                let contexts: [String?] = strings.count > 1 ? strings.dropLast() : [nil]
                for context in contexts {
                    #expect(YAMLProblem(problem: problem, context: context).isTranslated, "\(file): \(context ?? "-") / \(problem)")
                }
            }
        }
        #expect(calls > 50, "found \(calls) error calls in \(sources)")
    }
}
