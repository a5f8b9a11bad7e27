import Foundation
import Glibc
import Testing
@testable import Model
import TestSupport

/// What the list index and the text cache trust, and what they do not: a file edited in place with
/// its size kept and its times put back (`touch -r`) is read again, and a row of either cache edited
/// by hand or forged is rebuilt from its case file while the other rows are kept.
@Suite struct CacheTrustTests {
    let configuration = try! Fixtures.configuration()

    /// A copy of the demo store, the clock past its files (`Fixtures.waitForTheNextTick`), so that the
    /// index the first listing writes vouches for every one of them.
    func demoStore() throws -> CaseStore {
        let directory = Fixtures.demoStoreCopy()
        try Fixtures.waitForTheNextTick(after: directory)
        return try CaseStore(directory: directory, vocabulary: configuration.vocabulary)
    }

    /// The cases of `store` whose text or reply contains `query`, by ID.
    func found(_ query: String, in store: CaseStore) throws -> [String] {
        let summaries = try store.list().summaries
        var search = CaseSearch(summaries, text: try store.textIndex())
        return search.hits(for: query).cases.map { summaries[$0].id.description }
    }

    /// The cache file at `path` with the row of `file` changed by `edit` (its fields, checksum last).
    func editRow(of file: String, in path: String, _ edit: (inout [String]) -> Void) {
        var lines = String(decoding: Fixtures.bytes(path), as: UTF8.self).components(separatedBy: "\n")
        let row = lines.firstIndex { $0.hasPrefix(file + "\t") }!
        var fields = lines[row].components(separatedBy: "\t")
        edit(&fields)
        lines[row] = fields.joined(separator: "\t")
        Fixtures.write(lines.joined(separator: "\n"), to: path)
    }

    /// The lines of a cache file, in sorted order.
    static func sortedLines(_ bytes: [UInt8]) -> [String] {
        String(decoding: bytes, as: UTF8.self).components(separatedBy: "\n").sorted()
    }

    /// The row's checksum with its first digit changed.
    static func spoiled(_ checksum: inout String) {
        checksum = (checksum.first == "0" ? "1" : "0") + checksum.dropFirst()
    }

    @Test func anEditThatKeepsSizeAndTimesIsSeenByTheListAndBySearch() throws {
        let store = try demoStore()
        let id = CaseID("zx6-5-052")!, path = store.path(of: id)
        #expect(try store.list().summaries.first { $0.id == id }?.status == "待审核")
        #expect(try found("随迁", in: store) == ["zx6-5-052"])

        var before = stat()
        stat(path, &before)
        var text = String(decoding: Fixtures.bytes(path), as: UTF8.self)
        text = text.replacingOccurrences(of: "状态: 待审核", with: "状态: 办理中").replacingOccurrences(of: "随迁", with: "随行")
        // Written in place (no rename, no truncation), then its times put back as `touch -r` does.
        let fd = open(path, O_WRONLY)
        #expect(Array(text.utf8).withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) } == Int(before.st_size))
        close(fd)
        var times = [before.st_atim, before.st_mtim]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        var after = stat()
        stat(path, &after)
        #expect(after.st_size == before.st_size && after.st_ino == before.st_ino
                && after.st_mtim.tv_sec == before.st_mtim.tv_sec && after.st_mtim.tv_nsec == before.st_mtim.tv_nsec,
                "the edit must leave size, mtime and inode as they were")

        let listing = try store.list()
        #expect(listing.parsedCount == 1)
        #expect(listing.summaries.first { $0.id == id }?.status == "办理中")
        #expect(CaseStatistics(listing.summaries, configuration: configuration)
                == CaseStatistics(try store.loadAll().cases.map(\.summary), configuration: configuration))
        #expect(try found("随迁", in: store).isEmpty)
        #expect(try found("随行", in: store) == ["zx6-5-052"])
    }

    @Test func aForgedIndexRowIsNeitherShownNorCounted() throws {
        let store = try demoStore()
        let expected = try store.list().summaries
        let real = expected.first { $0.id.description == "zx6-5-052" }!
        // Well-formed, with the file's real stamp and the checksum the row had: a false title and status.
        editRow(of: "zx6-5-052.yaml", in: store.indexPath) { fields in
            fields[5] = "伪造的标题"
            fields[13] = "已办结"
        }
        let listing = try store.list()
        #expect(listing.parsedCount == 1)
        #expect(listing.summaries == expected)
        #expect(listing.summaries.first { $0.id == real.id }?.title == real.title)
        #expect(CaseStatistics(listing.summaries, configuration: configuration)
                == CaseStatistics(expected, configuration: configuration))
        // The row was rebuilt: the next open parses nothing.
        #expect(try store.list().parsedCount == 0)
        #expect(!String(decoding: Fixtures.bytes(store.indexPath), as: UTF8.self).contains("伪造的标题"))
    }

    @Test func anIndexRowWithAWrongChecksumAloneIsParsedAgain() throws {
        let store = try demoStore()
        let expected = try store.list().summaries
        let good = Fixtures.bytes(store.indexPath)
        editRow(of: "zx6-4-047.yaml", in: store.indexPath) { Self.spoiled(&$0[$0.count - 1]) }
        let listing = try store.list()
        #expect(listing.parsedCount == 1 && listing.summaries == expected)
        #expect(Fixtures.bytes(store.indexPath) == good, "the index is rewritten as it was")
    }

    @Test func aForgedOrHandEditedTextRowIsReadAgainFromItsFile() throws {
        let store = try demoStore()
        _ = try store.textIndex()
        let good = Fixtures.bytes(store.textCachePath)
        let edits: [(String, (inout [String]) -> Void)] = [
            ("forged text", { $0[5] = $0[5].replacingOccurrences(of: "随迁", with: "随行") }),
            ("wrong checksum", { Self.spoiled(&$0[$0.count - 1]) }),
        ]
        for (what, edit) in edits {
            editRow(of: "zx6-5-052.yaml", in: store.textCachePath, edit)
            #expect(try found("随行", in: store).isEmpty, "\(what)")
            #expect(try found("随迁", in: store) == ["zx6-5-052"], "\(what)")
            // The line read again follows those kept.
            #expect(Self.sortedLines(Fixtures.bytes(store.textCachePath)) == Self.sortedLines(good), "\(what)")
        }
    }
}

/// A file changed in the same tick of the file system's clock as the index was written (a coarse
/// clock: a jiffy, FAT's 2 s, a network share's second) keeps a stamp the index recorded: the index
/// vouches only for files settled before it was written, as git treats "racily clean" entries.
@Suite struct RacyStampTests {
    @Test func aFileChangedInTheTickTheIndexWasWrittenIsReadAgain() throws {
        let configuration = try Fixtures.configuration()
        let store = try CaseStore(directory: Fixtures.demoStoreCopy(), vocabulary: configuration.vocabulary)
        let id = CaseID("zx6-5-052")!, path = store.path(of: id)
        _ = try store.list()
        let text = String(decoding: Fixtures.bytes(path), as: UTF8.self)
        Fixtures.write(text.replacingOccurrences(of: "状态: 待审核", with: "状态: 办理中"), to: path)

        // The index as a coarse clock lets it be: written after the edit, in the same tick, so its row
        // holds the edited file's stamp beside the summary read before the edit.
        var index = try #require(StoreIndex(bytes: Fixtures.bytes(store.indexPath), vocabularyKey: store.vocabularyKey))
        let row = try #require(index.entries.firstIndex { $0.file == id.fileName })
        index.entries[row].stamp = try #require(FileSystem.stamp(path))
        Fixtures.write(String(decoding: index.bytes(vocabularyKey: store.vocabularyKey), as: UTF8.self), to: store.indexPath)
        var changed = stat()
        stat(path, &changed)
        var times = [changed.st_ctim, changed.st_ctim]
        #expect(utimensat(AT_FDCWD, store.indexPath, &times, 0) == 0)

        let listing = try store.list()
        #expect(listing.parsedCount == 1)
        #expect(listing.summaries.first { $0.id == id }?.status == "办理中")
        // The index rewritten in a later tick vouches for the file from then on.
        #expect(try store.list().parsedCount == 0)
    }
}
