import Foundation

/// Why a text is not YAML, as libyaml (or banli's composer above it) found it, worded in Chinese
/// for a clerk.
///
/// libyaml describes every failure by one of a fixed set of English `problem` strings and, for most,
/// a `context` saying what it was reading (`reader.c`, `scanner.c`, `parser.c` in Yams' vendored
/// CYaml); the composer (`YAMLComposer`) adds two of its own, in the words of Yams' `Parser.swift`.
/// `wordings` is the one table that turns them into Chinese: what is wrong and, where it is plain,
/// what to do. A problem missing from it (a newer libyaml) still gives a Chinese line quoting the
/// English: `YAML 语法错误：…`.
public struct YAMLProblem: Hashable, Sendable, CustomStringConvertible {
    /// libyaml's (or Yams') problem text, in English, as it gave it.
    public let problem: String
    /// What libyaml was reading when it failed (`while parsing a flow sequence`), if it said.
    public let context: String?
    /// The 1-based line where libyaml stopped.
    public let line: Int?
    /// The 1-based column where libyaml stopped, counted in Unicode scalars as libyaml counts.
    public let column: Int?
    /// The 1-based line where the thing named by `context` began (an opening quote or bracket).
    public let startLine: Int?
    /// The character at `line`:`column`, quoted by wordings that point at it.
    public let character: Character?

    /// A problem as libyaml (or Yams) reported it; `YAMLSource` fills in the places from its marks.
    public init(problem: String, context: String? = nil, line: Int? = nil, column: Int? = nil,
                startLine: Int? = nil, character: Character? = nil) {
        self.problem = problem
        self.context = context
        self.line = line
        self.column = column
        self.startLine = startLine
        self.character = character
    }

    /// The line a clerk should look at: for an unclosed quote or bracket that is where it opened,
    /// not the end of the file where libyaml gave up.
    public var reportedLine: Int? {
        wording?.mark == .start ? startLine ?? line : line
    }

    /// Whether the table words this problem (false for a problem a newer libyaml added).
    public var isTranslated: Bool { wording != nil }

    /// The problem in one Chinese sentence, without the file and line (`DataFileError` adds them).
    public var description: String {
        guard let wording else {
            return "YAML 语法错误：" + [context, problem].compactMap { $0 }.joined(separator: ", ")
        }
        return wording.text
            .replacingOccurrences(of: "{列}", with: column.map(String.init) ?? "?")
            .replacingOccurrences(of: "{字符}", with: character.map(Self.visible) ?? "?")
    }

    private var wording: Wording? {
        Self.wordings[Key(context: context, problem: problem)] ?? Self.wordings[Key(context: nil, problem: problem)]
    }

    /// A character as a clerk can see it: invisible ones (controls, format characters such as
    /// U+FEFF) by their code point.
    private static func visible(_ character: Character) -> String {
        guard let scalar = character.unicodeScalars.first else { return "" }
        switch scalar.properties.generalCategory {
        case .control, .format, .unassigned, .privateUse, .surrogate, .lineSeparator, .paragraphSeparator:
            return String(format: "U+%04X", scalar.value)
        default:
            return String(character)
        }
    }

    private struct Key: Hashable {
        let context: String?
        let problem: String
    }

    private struct Wording {
        /// Which line `DataFileError` names.
        enum Mark { case problem, start }
        let text: String
        let mark: Mark
        init(_ text: String, at mark: Mark = .problem) {
            self.text = text
            self.mark = mark
        }
    }

    // Wordings shared by several of libyaml's problems.
    private static let directive = Wording("以“%”开头的行是 YAML 指令，这一行的指令写法有误；文字以“%”开头时请把它用引号括起来")
    private static let tag = Wording("以“!”开头的是 YAML 标签，这里的标签写法有误；文字以“!”开头时请把它用引号括起来")
    private static let notUTF8 = Wording("不是 UTF-8 文本（第 {列} 个字符处）；请用 UTF-8 编码保存文件")
    private static let notUTF8ButUTF16 = Wording("不是 UTF-8 文本（文件似乎是 UTF-16 编码）；请用 UTF-8 编码保存文件")

    /// The table: a problem under a given context, or under any context (`nil`). `{列}` is replaced
    /// by the column, `{字符}` by the character there.
    private static let wordings: [Key: Wording] = {
        let entries: [(String?, String, Wording)] = [
            // reader.c: the bytes themselves.
            (nil, "input error", Wording("读取文件内容时出错")),
            (nil, "invalid leading UTF-8 octet", notUTF8),
            (nil, "incomplete UTF-8 octet sequence", notUTF8),
            (nil, "invalid trailing UTF-8 octet", notUTF8),
            (nil, "invalid length of a UTF-8 sequence", notUTF8),
            (nil, "invalid Unicode character", notUTF8),
            (nil, "incomplete UTF-16 character", notUTF8ButUTF16),
            (nil, "unexpected low surrogate area", notUTF8ButUTF16),
            (nil, "incomplete UTF-16 surrogate pair", notUTF8ButUTF16),
            (nil, "expected low surrogate area", notUTF8ButUTF16),
            (nil, "control characters are not allowed",
             Wording("第 {列} 个字符是不能出现在文件中的控制字符（{字符}），请删除它")),
            (nil, "input is too long", Wording("文件太大，无法读取")),

            // scanner.c: characters that cannot stand where they are.
            (nil, "found character that cannot start any token",
             Wording("第 {列} 个字符“{字符}”不能放在一段文字的开头；请把这段文字用引号括起来")),
            (nil, "could not find expected ':'", Wording("键后面缺少冒号“:”（键须写在一行内，冒号后加空格再写值）", at: .start)),
            (nil, "block sequence entries are not allowed in this context",
             Wording("这里不能开始以“- ”开头的列表项：请检查缩进；文字以“- ”开头时请把它用引号括起来")),
            (nil, "mapping keys are not allowed in this context",
             Wording("这里不能出现以“? ”开头的键：请检查缩进；文字以“? ”开头时请把它用引号括起来")),
            (nil, "mapping values are not allowed in this context",
             Wording("第 {列} 个字符处的冒号不能出现在这里：请检查这一行的缩进是否与同级的键一致、上一行的冒号后是否漏了空格；文字里含“: ”时请把整段文字用引号括起来")),
            (nil, "found a tab character that violates indentation", Wording("缩进用了制表符（Tab），缩进只能用空格")),
            (nil, "found a tab character where an indentation space is expected",
             Wording("多行文字的缩进用了制表符（Tab），缩进只能用空格")),
            (nil, "found an indentation indicator equal to 0", Wording("“|”或“>”后表示缩进的数字不能是 0")),
            ("while scanning a block scalar", "did not find expected comment or line break",
             Wording("“|”或“>”后面应直接换行，文字从下一行开始写")),
            (nil, "found unexpected end of stream",
             Wording("引号没有闭合：从这一行开始的引号直到文件末尾都没有配对的结束引号", at: .start)),
            (nil, "found unexpected document indicator",
             Wording("引号没有闭合：从这一行开始的引号里出现了“---”或“...”行", at: .start)),
            (nil, "found unknown escape character",
             Wording("双引号内第 {列} 个字符处的“\\”转义无法识别；要写反斜杠本身请写“\\\\”，或改用单引号")),
            (nil, "did not find expected hexdecimal number", Wording("双引号内“\\x”“\\u”“\\U”后应是十六进制数字（第 {列} 个字符处）")),
            (nil, "found invalid Unicode character escape code", Wording("双引号内的“\\u”或“\\U”转义不是有效的字符编码")),
            (nil, "found unexpected ':'", Wording("文字中的冒号“:”不能出现在这里；请把这段文字用引号括起来")),
            ("while scanning an anchor", "did not find expected alphabetic or numeric character",
             Wording("“&”后应是锚点名（英文字母或数字）；文字以“&”开头时请把它用引号括起来")),
            ("while scanning an alias", "did not find expected alphabetic or numeric character",
             Wording("“*”后应是引用名（英文字母或数字）；文字以“*”开头时请把它用引号括起来")),

            // scanner.c: directives (`%YAML`, `%TAG`) and tags (`!`), which banli's files never use.
            ("while scanning a directive", "found unknown directive name", directive),
            ("while scanning a directive", "did not find expected comment or line break", directive),
            (nil, "could not find expected directive name", directive),
            (nil, "found unexpected non-alphabetical character", directive),
            (nil, "did not find expected digit or '.' character", directive),
            (nil, "found extremely long version number", directive),
            (nil, "did not find expected version number", directive),
            ("while scanning a %TAG directive", "did not find expected whitespace", directive),
            ("while scanning a %TAG directive", "did not find expected whitespace or line break", directive),
            ("while scanning a tag directive", "did not find expected '!'", directive),
            ("while parsing a tag directive", "did not find expected '!'", directive),
            ("while parsing a %TAG directive", "did not find expected tag URI", directive),
            ("while parsing a %TAG directive", "did not find URI escaped octet", directive),
            ("while parsing a %TAG directive", "found an incorrect leading UTF-8 octet", directive),
            ("while parsing a %TAG directive", "found an incorrect trailing UTF-8 octet", directive),
            ("while scanning a tag", "did not find the expected '>'", tag),
            ("while scanning a tag", "did not find expected whitespace or line break", tag),
            ("while scanning a tag", "did not find expected '!'", tag),
            ("while parsing a tag", "did not find expected tag URI", tag),
            ("while parsing a tag", "did not find URI escaped octet", tag),
            ("while parsing a tag", "found an incorrect leading UTF-8 octet", tag),
            ("while parsing a tag", "found an incorrect trailing UTF-8 octet", tag),

            // parser.c: tokens in an order YAML does not allow.
            (nil, "Maximum nesting level reached, set with yaml_set_max_nest_level())", Wording("嵌套层数太多")),
            (nil, "did not find expected <stream-start>", Wording("无法开始读取文件内容")),
            (nil, "did not find expected <document start>",
             Wording("文件内容在这里之前已经结束（“...”行或以“%”开头的指令行之后不能再接内容）")),
            (nil, "found undefined tag handle", tag),
            (nil, "did not find expected node content", Wording("这里缺少内容：请检查是否多写了逗号、冒号或“- ”")),
            (nil, "did not find expected '-' indicator",
             Wording("这一行应以“- ”开头：列表的每一项都以“- ”开头，且缩进与上一项相同")),
            (nil, "did not find expected key",
             Wording("缩进不一致：这一行应是与上面同级的“键: 值”；列表项“- ”须写在某个键的下一行并多缩进")),
            (nil, "did not find expected ',' or ']'", Wording("方括号列表没有正确结束（缺少“,”或“]”）", at: .start)),
            (nil, "did not find expected ',' or '}'", Wording("花括号映射没有正确结束（缺少“,”或“}”）", at: .start)),
            (nil, "found duplicate %YAML directive", directive),
            (nil, "found incompatible YAML document", directive),
            (nil, "found duplicate %TAG directive", directive),

            // The composer (`YAMLComposer`, in Yams' words).
            (nil, "found undefined alias",
             Wording("第 {列} 个字符起的“*”引用了不存在的锚点；文字以“*”开头时请把它用引号括起来")),
            (nil, "but found another document",
             Wording("一个文件只能有一份内容：这一行的“---”开始了第二份；请删除这一行，或把以“---”开头的文字用引号括起来")),
        ]
        return Dictionary(uniqueKeysWithValues: entries.map { (Key(context: $0.0, problem: $0.1), $0.2) })
    }()
}
