import Foundation
import Testing
import TestSupport
@testable import Model

/// YAML anchors (`&name`) and aliases (`*name`) are refused in every file banli reads, at the line of
/// the first anchor, before an alias can expand: a few kilobytes of aliases of aliases otherwise make
/// hundreds of megabytes of case (and of the file a save writes back).
@Suite struct YAMLAliasTests {
    /// The parse of `text` as `YAMLSource` reads a file, and the seconds it took.
    func parsed(_ text: String) -> (error: DataFileError?, seconds: Double) {
        let start = ContinuousClock.now
        var error: DataFileError?
        do {
            _ = try YAMLSource.parse(Array(text.utf8), path: "a.yaml")
        } catch let failure {
            error = failure
        }
        let elapsed = ContinuousClock.now - start
        return (error, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    @Test(arguments: [
        // An anchor alone is refused too: a save would drop it, and it only exists to be aliased.
        ("标题: &t 甲\n", "a.yaml:1: 不能使用 YAML 锚点“&t”和别名（*t）：banli 的文件中每处内容须直接写出，不能引用别处"),
        ("标题: 甲\n正文: &t 乙\n结尾: *t\n", "a.yaml:2: 不能使用 YAML 锚点“&t”和别名（*t）：banli 的文件中每处内容须直接写出，不能引用别处"),
        ("标题: 甲\n面商记录:\n  - 日期: 2018-04-16\n  - &m\n    日期: 2018-04-17\n  - *m\n",
         "a.yaml:4: 不能使用 YAML 锚点“&m”和别名（*m）：banli 的文件中每处内容须直接写出，不能引用别处"),
        // The first anchor in the file, wherever the aliases are.
        ("a: [x, &b y]\nc: &d {e: *b}\n", "a.yaml:1: 不能使用 YAML 锚点“&b”和别名（*b）：banli 的文件中每处内容须直接写出，不能引用别处"),
        // An `&` in text is not an anchor, and `*` in text is not an alias: an undefined alias is still
        // libyaml's error, at its line.
        ("标题: R&D 与 *号\n正文: *x\n", "a.yaml:2: 第 5 个字符起的“*”引用了不存在的锚点；文字以“*”开头时请把它用引号括起来"),
    ])
    func anAnchorIsRefusedAtItsLine(text: String, expected: String) {
        #expect(parsed(text).error?.description == expected)
    }

    /// `&` and `*` within text are text; an anchor after them is still found.
    @Test func ampersandsAndStarsInTextAreNotAnchors() throws {
        let text = "标题: R&D *注 & 说明\n正文: \"*甲 &乙\"\n"
        var map = try YAMLMap(YAMLSource.parse(Array(text.utf8), path: "a.yaml"), path: "a.yaml")
        #expect(try map.string("标题") == "R&D *注 & 说明" && map.string("正文") == "*甲 &乙")
        #expect(parsed(text + "结尾: &x 此复。\n").error == DataFileError(path: "a.yaml", line: 3, reason: .anchor("x")))
    }

    /// Yams hashes every key of a mapping to find duplicates, and an alias key hashes its whole
    /// expansion: each level doubles it, so this key alone took seconds (and doubles per line added)
    /// before a single node was looked at.
    @Test func anAliasUsedAsAKeyIsRefusedBeforeItsExpansionIsHashed() {
        let levels = ["a0: &a0 [x, y]"] + (1...22).map { "a\($0): &a\($0) [*a\($0 - 1), *a\($0 - 1)]" }
        let result = parsed((levels + ["? *a22", ": 1"]).joined(separator: "\n") + "\n")
        #expect(result.error?.line == 1 && result.error?.reason == .anchor("a0"))
        #expect(result.seconds < 5, "took \(result.seconds) s")
    }

    /// The issue's case file: one reply section of about 130 KB anchored and aliased 3,000 times,
    /// which made `banli show` print 270 MB and a save write it back.
    @Test func aCaseFileAliasingOneSectionThousandsOfTimesIsRefused() throws {
        let text = AliasBombs.oneLevel
        #expect(text.utf8.count > 130_000)
        let start = ContinuousClock.now
        #expect {
            _ = try CaseFileDecoder(vocabulary: Fixtures.configuration().vocabulary).decode(Array(text.utf8), path: "zx5-2-090.yaml")
        } throws: { error in
            (error as? DataFileError)?.description == "zx5-2-090.yaml:\(AliasBombs.line(of: "- &s", in: text)): "
                + "不能使用 YAML 锚点“&s”和别名（*s）：banli 的文件中每处内容须直接写出，不能引用别处"
        }
        #expect(ContinuousClock.now - start < .seconds(5))
    }

    /// Two levels: a section whose text is an alias, and the section aliased again.
    @Test func aCaseFileWithTwoLevelsOfAliasesIsRefused() throws {
        let text = AliasBombs.twoLevels
        #expect(text.utf8.count > 30_000)
        #expect {
            _ = try CaseFileDecoder(vocabulary: Fixtures.configuration().vocabulary).decode(Array(text.utf8), path: "zx5-2-090.yaml")
        } throws: { error in
            let error = error as? DataFileError
            return error?.reason == .anchor("t") && error?.line == AliasBombs.line(of: "提案正文: &t", in: text)
        }
    }

    /// The configuration's phrases, each an alias of the first: the Ctrl-P menu took 16 s and 3 GB.
    @Test func aConfigurationOfAliasedPhrasesIsRefused() {
        let path = Fixtures.temporaryDirectory() + "/config.yaml"
        Fixtures.write(AliasBombs.configuration, to: path)
        let start = ContinuousClock.now
        #expect {
            try ConfigurationLoader.load(defaultsPath: Fixtures.defaultConfigurationPath, userPath: path)
        } throws: { error in
            (error as? DataFileError).map { $0.path == path && $0.line == 2 && $0.reason == .anchor("p") } ?? false
        }
        #expect(ContinuousClock.now - start < .seconds(5))
    }
}
