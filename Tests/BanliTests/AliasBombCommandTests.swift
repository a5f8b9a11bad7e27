import Foundation
import Testing
import TestSupport

/// The issue's alias bombs, given to the real binary under a time and a memory limit: each is
/// refused as a problem naming the file and the anchor's line, and nothing is written. Before, `show`
/// took 14 s and 0.9 GB on the first and printed 270 MB, and `contact` wrote a 270 MB case file.
@Suite struct AliasBombCommandTests: DemoStoreCommands {
    let banli = Banli()
    let store = Fixtures.demoStoreCopy()
    static let seconds = 20
    static let kilobytes = 1_048_576

    static func refusal(_ name: String) -> String {
        "不能使用 YAML 锚点“&\(name)”和别名（*\(name)）：banli 的文件中每处内容须直接写出，不能引用别处"
    }

    /// `banli ARGUMENTS --store STORE`, killed after `seconds` and held to `kilobytes` of address space.
    func limited(_ arguments: [String]) throws -> Banli.Output {
        let out = try banli.run(["\(Self.seconds)", "/bin/sh", "-c", "ulimit -v \(Self.kilobytes) && exec \"$0\" \"$@\"", Banli.binary]
                                + arguments + ["--store", store], executable: "/usr/bin/timeout")
        #expect(out.status != 124, "\(arguments) ran past \(Self.seconds) s")
        #expect(out.status < 128, "\(arguments) was killed (signal \(out.status - 128)), likely at the memory limit")
        return out
    }

    @Test(arguments: [("one level", AliasBombs.oneLevel), ("two levels", AliasBombs.twoLevels)])
    func everyCommandRefusesACaseFileOfAliases(name: String, text: String) throws {
        let path = store + "/zx5-2-090.yaml"
        Fixtures.write(text, to: path)
        let anchor = text.contains("提案正文: &t") ? "t" : "s"
        let problem = "\(path):\(AliasBombs.line(of: "&" + anchor, in: text)): " + Self.refusal(anchor)
        let before = Fixtures.bytes(path)

        let show = try limited(["show", "090"])
        #expect(show.status == 1 && show.stdout.isEmpty && show.stderr == "banli: \(problem)\n", "\(name): \(show.stderr)")
        let list = try limited(["list", "--format", "tsv"])
        #expect(list.status == 0 && list.stderr.contains("\(problem)\n"), "\(name): \(list.stderr)")
        #expect(!list.stdout.contains("zx5-2-090") && list.lines.count > 20, "the other cases are listed")
        let contact = try limited(["contact", "090", "--method", "走访", "--people", "周建平委员", "--summary", "听取意见"])
        #expect(contact.status == 1 && contact.stderr == "banli: \(problem)\n", "\(name): \(contact.stderr)")
        #expect(Fixtures.bytes(path) == before, "\(name): the case file was written")
        #expect(!FileManager.default.fileExists(atPath: store + "/.banli/undo"), "\(name): an undo step was kept")
    }

    @Test func aConfigurationOfAliasedPhrasesIsRefused() throws {
        let config = Fixtures.temporaryDirectory() + "/config.yaml"
        Fixtures.write(AliasBombs.configuration, to: config)
        let out = try limited(["list", "--config", config])
        #expect(out.status == 1 && out.stdout.isEmpty, "\(out.stderr)")
        #expect(out.stderr.hasPrefix("banli: \(config):2: " + Self.refusal("p")), "\(out.stderr)")
    }
}
