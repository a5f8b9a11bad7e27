import Foundation
import Model
import Testing
import TestSupport

/// `banli list` prints the same whether it takes the cases from the list index, parses every case
/// file, or does some of each because files were changed, added or removed behind the index.
@Suite struct ListIndexEndToEndTests: DemoStoreCommands {
    let banli = Banli()
    let store = Fixtures.demoStoreCopy()

    /// Every form of the list: the table, TSV, JSON and a filtered table.
    func listings() throws -> [String] {
        let outputs = try [["--format", "table"], ["--format", "tsv"], ["--format", "json"], ["--status", "办理中"]].map {
            try run(["list"] + $0)
        }
        #expect(outputs.allSatisfy { $0.status == 0 && $0.stderr.isEmpty }, "\(outputs.map(\.stderr))")
        return outputs.map(\.stdout)
    }

    /// Writes the list index as the terminal UI does, and tells how many files a command that only
    /// reads then parses: none, when the index vouches for every file.
    func index() throws -> Int {
        // A file changed in the same tick of the clock as the index is written is not vouched for.
        Thread.sleep(forTimeInterval: 0.05)
        let vocabulary = try Fixtures.configuration().vocabulary
        _ = try CaseStore(directory: store, vocabulary: vocabulary).list()
        return try CaseStore(directory: store, vocabulary: vocabulary, access: .readOnly).list().parsedCount
    }

    @Test func theListIsTheSameFromTheIndexAsFromTheFilesAndWithFilesChangedBehindIt() throws {
        let parsed = try listings()
        #expect(try index() == 0)
        #expect(try listings() == parsed)

        // Behind the index: a title edited, a case removed, a case added.
        let edited = store + "/zx6-5-052.yaml"
        let text = String(decoding: Fixtures.bytes(edited), as: UTF8.self)
        Fixtures.write(text.replacingOccurrences(of: "标题: 关于加强困境儿童关爱保护工作的建议", with: "标题: 关于改过的标题的建议"), to: edited)
        try FileManager.default.removeItem(atPath: store + "/zx6-5-044.yaml")
        Fixtures.write(text.replacingOccurrences(of: "编号: \"052\"", with: "编号: \"952\""), to: store + "/zx6-5-952.yaml")
        let behind = try listings()
        #expect(behind != parsed)
        #expect(behind[1].contains("关于改过的标题的建议") && behind[1].contains("zx6-5-952") && !behind[1].contains("zx6-5-044"))

        try FileManager.default.removeItem(atPath: store + "/.banli/index.tsv")
        #expect(try listings() == behind)
        #expect(try index() == 0)
        #expect(try listings() == behind)
    }
}
