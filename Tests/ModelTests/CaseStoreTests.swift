import Foundation
import Testing
@testable import Model
import TestSupport

@Suite struct CaseStoreTests {
    let vocabulary = try! Fixtures.configuration().vocabulary

    func newStore() throws -> CaseStore {
        try CaseStore.create(at: Fixtures.temporaryDirectory() + "/store", vocabulary: vocabulary)
    }

    @Test func createListLoadSave() throws {
        let store = try newStore()
        let created = try store.create(Fixtures.fullCase())
        #expect(FileManager.default.fileExists(atPath: store.directory + "/zx5-2-090.yaml"))
        let listing = try store.list()
        #expect(listing.summaries.map(\.id.description) == ["zx5-2-090"] && listing.problems.isEmpty)
        var loaded = try store.load(CaseID("zx5-2-090")!)
        #expect(loaded.value == Fixtures.fullCase() && loaded.revision == created.revision)
        loaded.value.title = "关于居委会减负的建议"
        loaded.value.journal.append(JournalEntry(time: "2026-11-29T10:00:00+08:00", user: "t", text: "改标题"))
        let saved = try store.save(loaded.value, replacing: loaded.revision)
        #expect(try store.load(CaseID("zx5-2-090")!).revision == saved.revision)
        #expect(try store.list().summaries.first?.title == "关于居委会减负的建议")
    }

    @Test func aWriteInterruptedBeforeRenameLeavesTheOldFile() throws {
        let directory = Fixtures.temporaryDirectory()
        let path = directory + "/zx5-2-090.yaml"
        Fixtures.write("old version\n", to: path)
        #expect(throws: StoreError.self) {
            try FileSystem.writeAtomically(Array("new version\n".utf8), to: path) { () throws(StoreError) in
                throw StoreError.invalidCase("simulated crash before rename")
            }
        }
        #expect(Fixtures.bytes(path) == Array("old version\n".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["zx5-2-090.yaml"])
    }

    @Test func aLeftoverTemporaryFileIsNotTakenForACase() throws {
        let store = try newStore()
        try store.create(Fixtures.fullCase())
        Fixtures.write("格式: banli-case/1\n类型: 提", to: store.directory + "/.zx5-2-091.yaml.tmp-1-2")
        let listing = try store.list()
        #expect(listing.summaries.count == 1 && listing.problems.isEmpty)
    }

    @Test func malformedFilesAreReportedAndLeftUntouchedWhileTheRestLoad() throws {
        let directory = Fixtures.demoStoreCopy()
        let store = try CaseStore(directory: directory, vocabulary: vocabulary)
        let good = try store.list().summaries.count
        let full = CaseFileEncoder.encode(Fixtures.fullCase(number: "901"))
        // Cut mid-line, as a torn write would.
        let truncated = Array(Array(full.utf8.prefix(full.utf8.count / 2)).reversed().drop { $0 == 10 }.reversed())
        let bad: [(String, [UInt8], String)] = [
            ("zx5-2-901.yaml", Array(truncated), "可能被截断"),
            ("zx5-2-902.yaml", Array("格式: banli-case/1\n类型: 提案\n标题: ".utf8) + [0xFF, 0xFE, 0x0A], "UTF-8"),
            ("zx5-2-903.yaml", Array(full.replacingOccurrences(of: "编号: \"901\"\n", with: "").utf8), "缺少必填字段“编号”"),
            ("zx5-2-904.yaml", Array(full.replacingOccurrences(of: "编号: \"901\"", with: "编号: \"904\"")
                .replacingOccurrences(of: "重点: 是", with: "重点: [是]").utf8), "“重点”应为文字"),
            ("zx5-2-905.yaml", Array(full.replacingOccurrences(of: "编号: \"901\"", with: "编号: \"905\"")
                .replacingOccurrences(of: "结果: 解决或采纳", with: "结果: 办好了").utf8), "“办好了”无效"),
            ("zx5-2-906.yaml", Array(full.utf8), "文件名应为“zx5-2-901.yaml”"),
        ]
        for (name, bytes, _) in bad { _ = FileManager.default.createFile(atPath: directory + "/" + name, contents: Data(bytes)) }
        let listing = try store.list()
        #expect(listing.summaries.count == good)
        #expect(listing.problems.count == bad.count)
        for (name, bytes, message) in bad {
            let problem = listing.problems.first { $0.path.hasSuffix("/" + name) }
            #expect(problem != nil, "\(name) not reported")
            #expect(problem?.description.contains(message) ?? false, "\(problem?.description ?? "")")
            #expect(Fixtures.bytes(directory + "/" + name) == bytes, "\(name) was modified")
        }
        for name in ["zx5-2-902.yaml", "zx5-2-904.yaml", "zx5-2-905.yaml"] {
            #expect(listing.problems.first { $0.path.hasSuffix(name) }?.line != nil, "\(name) has no line")
        }
        // A second open reports them again rather than caching them as valid.
        #expect(try store.list().problems.count == bad.count)
    }

    @Test func aChangeByAnotherProcessIsDetectedOnSave() throws {
        let store = try newStore()
        try store.create(Fixtures.fullCase())
        let mine = try store.load(CaseID("zx5-2-090")!)
        var theirs = try store.load(CaseID("zx5-2-090")!)
        theirs.value.status = "办理中"
        try store.save(theirs.value, replacing: theirs.revision)
        let onDisk = Fixtures.bytes(mine.path)
        var edited = mine.value
        edited.reply.closing = "我的修改"
        #expect {
            try store.save(edited, replacing: mine.revision)
        } throws: { error in
            guard case StoreError.conflict(_, let fields) = error else { return false }
            return fields.contains("状态") && "\(error)".contains("未保存")
        }
        #expect(Fixtures.bytes(mine.path) == onDisk)
        #expect(edited.reply.closing == "我的修改")
    }

    @Test func aCaseTheLoaderWouldRefuseIsNotSaved() throws {
        let store = try newStore()
        try store.create(Fixtures.fullCase())
        let path = store.path(of: CaseID("zx5-2-090")!)
        let before = Fixtures.bytes(path)
        var loaded = try store.load(CaseID("zx5-2-090")!)
        loaded.value.disclosure = Disclosure(category: "一是清屏主动公开·全文")
        #expect {
            try store.save(loaded.value, replacing: loaded.revision)
        } throws: { error in
            guard case StoreError.invalidCase(let why) = error else { return false }
            return why.contains("zx5-2-090.yaml") && why.contains("公开属性.类别") && why.hasSuffix("，未保存")
        }
        #expect(Fixtures.bytes(path) == before)
        #expect(try store.list().problems.isEmpty)
    }

    @Test func creatingOverAnExistingCaseAndRewritingTheJournalAreRefused() throws {
        let store = try newStore()
        try store.create(Fixtures.fullCase())
        #expect(throws: StoreError.self) { try store.create(Fixtures.fullCase()) }
        var loaded = try store.load(CaseID("zx5-2-090")!)
        loaded.value.journal.removeFirst()
        #expect {
            try store.save(loaded.value, replacing: loaded.revision)
        } throws: { if case StoreError.journalRewritten = $0 { return true } else { return false } }
    }

    @Test func theIndexIsUsedWhileFilesAreUnchanged() throws {
        let directory = Fixtures.demoStoreCopy()
        let store = try CaseStore(directory: directory, vocabulary: vocabulary)
        try Fixtures.waitForTheNextTick(after: directory)
        let first = try store.list()
        #expect(first.parsedCount == first.summaries.count)
        let second = try store.list()
        #expect(second.parsedCount == 0 && second.summaries == first.summaries)
        var c = try store.load(first.summaries[0].id)
        c.value.title = "改过的标题"
        try store.save(c.value, replacing: c.revision)
        let third = try store.list()
        #expect(third.parsedCount == 1 && third.summaries[0].title == "改过的标题")
        Fixtures.write("garbage", to: directory + "/.banli/index.tsv")
        #expect(try store.list().summaries == third.summaries)
    }

    @Test func aCaseWhoseNumberCouldEscapeTheStoreIsNeverWritten() throws {
        let store = try newStore()
        for number in ["../escape", "a/b", "x\u{0}"] {
            #expect(throws: StoreError.self) { try store.create(Fixtures.fullCase(number: number)) }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.directory) == [StoreMarker.fileName])
        #expect(!FileManager.default.fileExists(atPath: store.directory + "/../escape.yaml"))
    }

    @Test func numberAloneResolvesWhenUnique() throws {
        let store = try CaseStore(directory: Fixtures.demoStoreCopy(), vocabulary: vocabulary)
        #expect(try store.resolve("090").description == "zx5-2-090")
        #expect(throws: StoreError.self) { try store.resolve("999") }
    }
}
