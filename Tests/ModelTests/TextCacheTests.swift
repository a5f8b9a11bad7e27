import Foundation
import Testing
@testable import Model
import TestSupport

/// `.banli/text.tsv`: built once, kept in step with the case files, never trusted when damaged.
@Suite struct TextCacheTests {
    let vocabulary = try! Fixtures.configuration().vocabulary

    func demoStore() throws -> CaseStore {
        try CaseStore(directory: Fixtures.demoStoreCopy(), vocabulary: vocabulary)
    }

    /// The cases of `store` whose text or reply contains `query`, by ID.
    func found(_ query: String, in store: CaseStore, index: TextIndex) throws -> [String] {
        let summaries = try store.list().summaries
        var search = CaseSearch(summaries, text: index)
        return search.hits(for: query).cases.map { summaries[$0].id.description }
    }

    func cacheInode(_ store: CaseStore) -> UInt64? { FileSystem.stamp(store.textCachePath)?.inode }

    @Test func theCacheIsBuiltOnceAndReusedWhileFilesAreUnchanged() throws {
        let store = try demoStore()
        // A malformed file has no text; it must not make every later load rewrite the cache.
        Fixtures.write("格式: banli-case/1\n类型: 提", to: store.directory + "/zx5-2-901.yaml")
        let built = try store.textIndex()
        #expect(built.count == 32)
        #expect(Fixtures.bytes(store.textCachePath).starts(with: Array("banli-text/3\n".utf8)))
        let inode = cacheInode(store)
        let reused = try store.textIndex()
        #expect(reused.count == 32 && cacheInode(store) == inode)
        #expect(try found("随迁", in: store, index: reused) == ["zx6-5-052"])
    }

    @Test func aCacheOfTheFormerFoldingIsRebuilt() throws {
        // Version 1 kept full-width forms as they were: its lines are never trusted by a search that folds them.
        let store = try demoStore()
        _ = try store.textIndex()
        let current = Fixtures.bytes(store.textCachePath)
        Fixtures.write("banli-text/1\n" + String(decoding: current.dropFirst(TextCache.header.count), as: UTF8.self),
                       to: store.textCachePath)
        let inode = cacheInode(store)
        _ = try store.textIndex()
        #expect(cacheInode(store) != inode && Fixtures.bytes(store.textCachePath) == current)
    }

    @Test func onlyAChangedFileIsReadAgain() throws {
        let store = try demoStore()
        _ = try store.textIndex()
        // Alter an unchanged case's line in the cache and give it the checksum of its new content: if
        // it is copied rather than re-read, search sees the alteration.
        var lines = String(decoding: Fixtures.bytes(store.textCachePath), as: UTF8.self).components(separatedBy: "\n")
        let row = lines.firstIndex { $0.hasPrefix("zx6-5-052.yaml\t") }!
        var altered = Array(lines[row].replacingOccurrences(of: "随迁", with: "随行").utf8.dropLast(CacheLines.checksumFieldLength))
        CacheLines.appendChecksum(to: &altered, rowStart: 0)
        lines[row] = String(decoding: altered, as: UTF8.self)
        Fixtures.write(lines.joined(separator: "\n"), to: store.textCachePath)
        var changed = try store.load(CaseID("zx6-4-047")!)
        changed.value.text += "建议为老旧养老机构加装自动喷淋系统。\n"
        try store.save(changed.value, replacing: changed.revision)

        let index = try store.textIndex()
        #expect(try found("随行", in: store, index: index) == ["zx6-5-052"])
        #expect(try found("自动喷淋", in: store, index: index) == ["zx6-4-047"])
        let rewritten = String(decoding: Fixtures.bytes(store.textCachePath), as: UTF8.self)
        #expect(rewritten.contains("随行") && rewritten.contains("自动喷淋"))
    }

    @Test func aDeletedCaseLeavesTheCache() throws {
        let store = try demoStore()
        _ = try store.textIndex()
        try FileManager.default.removeItem(atPath: store.directory + "/zx6-5-052.yaml")
        let index = try store.textIndex()
        #expect(index.count == 31)
        #expect(try found("随迁", in: store, index: index).isEmpty)
        #expect(!String(decoding: Fixtures.bytes(store.textCachePath), as: UTF8.self).contains("zx6-5-052.yaml"))
    }

    @Test func aDamagedCacheIsRebuiltRatherThanTrusted() throws {
        let store = try demoStore()
        _ = try store.textIndex()
        let good = Fixtures.bytes(store.textCachePath)
        var lines = String(decoding: good, as: UTF8.self).components(separatedBy: "\n")
        lines[1] += "\textra"
        let damaged: [(String, [UInt8])] = [
            ("garbage", Array("garbage".utf8)),
            ("empty", []),
            ("another format", Array("banli-text/9\n".utf8) + good.dropFirst(13)),
            ("cut short", Array(good.prefix(good.count * 2 / 3))),
            ("a field too many", Array(lines.joined(separator: "\n").utf8)),
            ("stamp not a number", Array(String(decoding: good, as: UTF8.self).replacingOccurrences(of: ".yaml\t", with: ".yaml\tx").utf8)),
        ]
        for (what, bytes) in damaged {
            Fixtures.write(String(decoding: bytes, as: UTF8.self), to: store.textCachePath)
            let index = try store.textIndex()
            #expect(index.count == 32, "\(what)")
            #expect(try found("随迁", in: store, index: index) == ["zx6-5-052"], "\(what)")
            #expect(Fixtures.bytes(store.textCachePath) == good, "\(what)")
        }
    }

    @Test func aCacheThatCannotBeWrittenIsSearchedInMemory() throws {
        let store = try demoStore()
        // A directory in the cache's place: the cache can be neither read nor replaced (even by root,
        // to whom a read-only store is writable).
        try FileManager.default.createDirectory(atPath: store.textCachePath, withIntermediateDirectories: true)
        let index = try store.textIndex()
        #expect(index.count == 32)
        #expect(try found("随迁", in: store, index: index) == ["zx6-5-052"])
    }
}
