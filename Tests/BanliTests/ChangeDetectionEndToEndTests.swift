import Foundation
import Testing
import TestSupport

/// The real binary on a case file edited in place, its size kept and its times put back with the real
/// `touch -r`: the list, the statistics and search all see the edit, though the list index and the
/// text cache were made before it.
@Suite struct ChangeDetectionEndToEndTests {
    let banli = Banli()

    /// The screen of the terminal UI on `store` once a search for `query` has its answer. The terminal
    /// UI writes the list index and the text cache (commands that only read never do).
    func searchScreen(_ query: String, store: String) throws -> String {
        let tmux = try TmuxSession.banli(store: store)
        try tmux.send("/")
        try tmux.send("-l", query)
        let screen = try tmux.wait(for: "the answer to \(query)") {
            $0.contains("搜索：\(query)（没有找到）") || $0.contains("搜索：\(query)（正文）")
        }
        try tmux.send("Escape", "q")
        _ = try tmux.wait(for: "banli to exit") { $0.contains("BANLI-EXITED 0") }
        return screen
    }

    func touch(_ arguments: [String]) throws {
        let process = try Process.run(URL(fileURLWithPath: "/usr/bin/touch"), arguments: arguments)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "touch \(arguments)")
    }

    @Test func aSameSizeEditWithItsTimesPutBackIsSeenEverywhere() throws {
        let store = Fixtures.demoStoreCopy(), file = store + "/zx6-5-052.yaml"
        #expect(try searchScreen("随迁", store: store).contains("zx6-5-052"))
        let statsBefore = try banli.run(["stats", "--store", store]).stdout

        let reference = Fixtures.temporaryDirectory() + "/reference"
        Fixtures.write("", to: reference)
        try touch(["-r", file, reference])
        let old = Fixtures.bytes(file)
        let new = Array(String(decoding: old, as: UTF8.self)
            .replacingOccurrences(of: "状态: 待审核", with: "状态: 办理中").replacingOccurrences(of: "随迁", with: "随行").utf8)
        #expect(new.count == old.count && new != old)
        let handle = try #require(FileHandle(forUpdatingAtPath: file))
        try handle.write(contentsOf: Data(new))
        try handle.close()
        try touch(["-r", reference, file])
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        #expect(attributes[.modificationDate] as? Date
                == (try FileManager.default.attributesOfItem(atPath: reference))[.modificationDate] as? Date)

        let row = try banli.run(["list", "--format", "tsv", "--store", store]).lines.first { $0.hasPrefix("zx6-5-052\t") }
        #expect(row?.split(separator: "\t", omittingEmptySubsequences: false)[9] == "办理中", "\(row ?? "no row")")
        let stats = try banli.run(["stats", "--store", store]).stdout
        #expect(stats != statsBefore)

        let missing = try searchScreen("随迁", store: store)
        #expect(missing.contains("搜索：随迁（没有找到）"), "\(missing)")
        #expect(try searchScreen("随行", store: store).contains("zx6-5-052"))

        // What the statistics are, counted from the case files alone.
        try FileManager.default.removeItem(atPath: store + "/.banli/index.tsv")
        #expect(try banli.run(["stats", "--store", store]).stdout == stats)
    }
}
