import Foundation
import Testing
@testable import Model
import TestSupport

/// A store is a directory `banli init` marked: opening refuses anything else, and a store opened
/// only to read is left exactly as it was.
@Suite struct StoreMarkerTests {
    let vocabulary = try! Fixtures.configuration().vocabulary

    /// Every name under `directory` with its size and modification time: what must not change.
    func snapshot(_ directory: String) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: directory)!
        return enumerator.compactMap { $0 as? String }.sorted().map { name in
            var info = stat()
            _ = lstat(directory + "/" + name, &info)
            return "\(name) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_ino)"
        } + ["[\(directory)] \(String(describing: try? FileManager.default.attributesOfItem(atPath: directory)[.modificationDate]))"]
    }

    @Test func initMakesAMissingDirectoryAndItsParentsAStore() throws {
        let directory = Fixtures.temporaryDirectory() + "/a/b/store"
        #expect(try CaseStore.initialize(directory) == .created)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == [StoreMarker.fileName])
        #expect(String(decoding: Fixtures.bytes(directory + "/.banli-store"), as: UTF8.self) == StoreMarker.text)
        #expect(StoreMarker.text.contains("format: 1\n") && StoreMarker.text.hasPrefix("# "))
        // The marker is no case: the new store lists empty, with no problem.
        let listing = try CaseStore.open(directory, vocabulary: vocabulary, access: .readOnly).list()
        #expect(listing.summaries.isEmpty && listing.problems.isEmpty)
        #expect(try CaseStore.initialize(directory) == .alreadyAStore)
    }

    @Test func initMarksADirectoryOfCaseFilesAndLeavesTheFilesAlone() throws {
        let directory = Fixtures.temporaryDirectory()
        for name in try FileManager.default.contentsOfDirectory(atPath: Fixtures.demoStore) where name.hasSuffix(".yaml") {
            try FileManager.default.copyItem(atPath: Fixtures.demoStore + "/" + name, toPath: directory + "/" + name)
        }
        let before = Fixtures.bytes(directory + "/zx5-2-090.yaml")
        #expect(throws: StoreError.self) { try CaseStore.open(directory, vocabulary: vocabulary, access: .readOnly) }
        #expect(try CaseStore.initialize(directory) == .marked(caseFiles: 32))
        #expect(Fixtures.bytes(directory + "/zx5-2-090.yaml") == before)
        #expect(try CaseStore.open(directory, vocabulary: vocabulary, access: .readOnly).list().summaries.count == 32)
        // `create` is for a new store only.
        #expect(throws: StoreError.self) { try CaseStore.create(at: directory, vocabulary: vocabulary) }
    }

    @Test func initRefusesADirectoryOfOtherThingsAndAFile() throws {
        let directory = Fixtures.temporaryDirectory()
        Fixtures.write("笔记", to: directory + "/notes.txt")
        #expect {
            try CaseStore.initialize(directory)
        } throws: { error in
            guard case StoreError.notEmpty = error else { return false }
            return "\(error)".contains("没有案件文件")
        }
        #expect(!FileManager.default.fileExists(atPath: directory + "/" + StoreMarker.fileName))
        #expect(throws: StoreError.self) { try CaseStore.initialize(directory + "/notes.txt") }
    }

    @Test func openRefusesWhatIsNotAStoreSayingWhy() throws {
        let root = Fixtures.temporaryDirectory()
        let plain = root + "/plain"
        try FileManager.default.createDirectory(atPath: plain, withIntermediateDirectories: false)
        Fixtures.write("x", to: root + "/file")
        let expected = [
            (root + "/missing", "不存在：\(root)/missing（请检查路径；新建案件库用 banli init \(root)/missing）"),
            (root + "/file", "不是目录：\(root)/file"),
            (plain, "不是案件库：\(plain)（可用 banli init \(plain) 创建）"),
        ]
        for (path, message) in expected {
            #expect {
                try CaseStore.open(path, vocabulary: vocabulary, access: .readWrite)
            } throws: { error in
                "\(error)" == message
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: plain).isEmpty, "a refused open writes nothing")
    }

    @Test func aStoreOfALaterFormatIsRefused() throws {
        let directory = Fixtures.temporaryDirectory()
        Fixtures.write("# 将来的 banli\nformat: 2\n", to: directory + "/" + StoreMarker.fileName)
        #expect {
            try CaseStore.open(directory, vocabulary: vocabulary, access: .readOnly)
        } throws: { error in
            guard case StoreError.unsupportedStoreFormat(_, 2, 1) = error else { return false }
            return true
        }
    }

    @Test func theDemoStoreCarriesTheMarkerBanliWrites() throws {
        #expect(String(decoding: Fixtures.bytes(Fixtures.demoStore + "/" + StoreMarker.fileName), as: UTF8.self) == StoreMarker.text)
    }

    @Test func aStoreOpenedReadOnlyIsLeftAsItWas() throws {
        let directory = Fixtures.demoStoreCopy()
        let before = snapshot(directory)
        let store = try CaseStore.open(directory, vocabulary: vocabulary, access: .readOnly)
        #expect(try store.list().summaries.count == 32)
        #expect(try store.loadAll().cases.count == 32)
        let stored = try store.load(CaseID("zx5-2-090")!)
        #expect {
            try store.save(stored.value, replacing: stored.revision)
        } throws: { error in
            guard case StoreError.readOnly = error else { return false }
            return true
        }
        #expect(snapshot(directory) == before)
        // Opened to write, reading keeps the index up to date, and a later read-only open uses it.
        let writable = try CaseStore.open(directory, vocabulary: vocabulary, access: .readWrite)
        try Fixtures.waitForTheNextTick(after: directory)
        #expect(try writable.list().parsedCount == 32)
        #expect(FileManager.default.fileExists(atPath: directory + "/.banli/index.tsv"))
        #expect(try store.list().parsedCount == 0)
    }

    /// A marker that is there but not a regular file banli reads — a named pipe, a link to
    /// `/dev/zero`, an oversize file — is refused by what it is, by `open` and `init` alike; never
    /// taken for a missing marker (`不是案件库`) nor for a store (`已是案件库`).
    @Test func aMarkerThatIsNotAReadableFileIsRefusedByWhatItIs() throws {
        let cases: [(String, (String) -> Void, String)] = [
            ("pipe", { #expect(mkfifo($0, 0o644) == 0) }, "是命名管道，banli 只读写普通文件"),
            ("zero", { #expect(symlink("/dev/zero", $0) == 0) }, "是符号链接，banli 只读写普通文件"),
            ("big", { Fixtures.write(String(repeating: "# 注释\n", count: 12_000), to: $0) }, "超过上限 64 KiB"),
        ]
        for (name, make, reason) in cases {
            let directory = Fixtures.temporaryDirectory() + "/" + name
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let marker = StoreMarker.path(in: directory)
            make(marker)
            for attempt in ["open", "init"] {
                #expect {
                    if attempt == "open" { _ = try CaseStore.open(directory, vocabulary: vocabulary, access: .readOnly) }
                    else { _ = try CaseStore.initialize(directory) }
                } throws: { error in
                    "\(error)".hasPrefix(marker + ": ") && "\(error)".contains(reason)
                }
            }
        }
    }
}
