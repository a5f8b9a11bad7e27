import Testing
@testable import Model

/// Explicit YAML tags are refused in every file banli reads, at the line of the first: banli reads
/// every value as text, so a save would drop the tag and with it the value's meaning
/// (`!!binary d2FuZ2xp` is not the text `d2FuZ2xp`). `!!str` says what banli reads anyway and is
/// kept; `!` inside text is text.
@Suite struct YAMLTagTests {
    func parsed(_ text: String) -> DataFileError? {
        do {
            _ = try YAMLSource.parse(Array(text.utf8), path: "a.yaml")
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: [
        ("标题: 甲\n经办人: !!binary d2FuZ2xp\n", 2, "!!binary"),
        ("标题: !!int 12\n", 1, "!!int"),
        ("标题: 甲\n正文: |\n  一行\n备注: !foo 乙\n", 4, "!foo"),
        ("标题: !<tag:example.com,2026:x> 甲\n", 1, "!<tag:example.com,2026:x>"),
        ("标题: !<!bar> 甲\n", 1, "!bar"),
        ("标题: ! 甲\n", 1, "!"),
        // On a list, a mapping or a key, in flow style and in block style.
        ("联名人: !!seq [甲, 乙]\n", 1, "!!seq"),
        ("公开:\n  类别: 主动公开\n面商记录:\n  - !!map {日期: 2018-04-16}\n", 4, "!!map"),
        ("!!binary 标题: 甲\n", 1, "!!binary"),
        ("a: [x, !!float 1]\n", 1, "!!float"),
        // The first in the file.
        ("a: 甲\nb: !x 乙\nc: !!int 3\n", 2, "!x"),
        // Found after an anchor check, in text holding `&` too.
        ("标题: R&D\n正文: !!binary aGk=\n", 2, "!!binary"),
    ])
    func aTagIsRefusedAtItsLine(text: String, line: Int, tag: String) {
        let error = parsed(text)
        #expect(error == DataFileError(path: "a.yaml", line: line, reason: .tag(tag)), "\(String(describing: error))")
    }

    @Test func theMessageNamesTheTag() {
        #expect(parsed("经办人: !!binary d2FuZ2xp\n")?.description
            == "a.yaml:1: 不能使用 YAML 标签“!!binary”：banli 把每个值都读作文字，标签会在保存时丢失，值的含义随之改变；请删去标签")
    }

    /// `!` in plain, quoted and block text, and `!!str`, read as text.
    @Test func exclamationMarksInTextAndStrTagsRead() throws {
        let text = """
            标题: 注意!
            a: "!!binary x"
            b: '!foo'
            c: |
              !!int 3
              好!
            d: 甲 !x 乙
            e: !!str 2026
            f: !!str "引号"
            g: [警告!, "!"]

            """
        var map = try YAMLMap(YAMLSource.parse(Array(text.utf8), path: "a.yaml"), path: "a.yaml")
        #expect(try map.string("标题") == "注意!")
        #expect(try map.string("a") == "!!binary x" && map.string("b") == "!foo")
        #expect(try map.string("c") == "!!int 3\n好!\n" && map.string("d") == "甲 !x 乙")
        #expect(try map.string("e") == "2026" && map.string("f") == "引号")
        #expect(try map.strings("g") == ["警告!", "!"])
    }
}
