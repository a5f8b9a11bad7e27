import Foundation
import Testing
@testable import Model
import TestSupport

/// What the store does with what is not a regular file where it expects one — a named pipe, a link,
/// a device — and with a file too large to read: each is refused with a message naming it and
/// what it is, never opened in a way that waits, never read to its end, never written through.
@Suite struct OddStoreFileTests {
    let vocabulary = try! Fixtures.configuration().vocabulary
    let id = CaseID("zx5-2-090")!

    func newStore(access: CaseStore.Access = .readWrite) throws -> CaseStore {
        let directory = Fixtures.temporaryDirectory() + "/store"
        try CaseStore.create(at: directory, vocabulary: vocabulary).create(Fixtures.fullCase())
        return try CaseStore(directory: directory, vocabulary: vocabulary, access: access)
    }

    /// Runs `body` with a named pipe at `path`. Should `body` open the pipe and wait for a writer (as
    /// banli did), a writer comes after `patience` seconds and goes at once, so the wait ends (the
    /// test then fails on the time taken) instead of hanging the suite.
    func withPipe<T>(at path: String, patience: Double = 4, _ body: () throws -> T) throws -> T {
        try FileManager.default.createDirectory(atPath: FileSystem.parent(of: path), withIntermediateDirectories: true)
        #expect(mkfifo(path, 0o644) == 0)
        let done = Atomic(false)
        let rescuer = Thread {
            Thread.sleep(forTimeInterval: patience)
            while !done.value {
                let fd = open(path, O_WRONLY | O_NONBLOCK)
                if fd >= 0 { close(fd) }
                Thread.sleep(forTimeInterval: 0.1)
            }
        }
        rescuer.start()
        defer { done.value = true }
        let start = Date()
        let result = try body()
        #expect(Date().timeIntervalSince(start) < patience, "banli waited on the pipe at \(path)")
        return result
    }

    final class Atomic: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: Bool
        init(_ value: Bool) { stored = value }
        var value: Bool {
            get { lock.withLock { stored } }
            set { lock.withLock { stored = newValue } }
        }
    }

    // MARK: Named pipes

    @Test func aPipeNamedAsACaseFileIsAProblemNeverOpened() throws {
        let store = try newStore()
        let pipe = store.directory + "/x.yaml"
        let listing = try withPipe(at: pipe) { try store.list() }
        #expect(listing.summaries.map(\.id) == [id])
        #expect(listing.problems.map(\.description) == ["\(pipe): 是命名管道，banli 只读写普通文件"])
        let checked = try withPipe(at: pipe + "2.yaml") { try store.check() }
        #expect(checked.problems.map(\.description).contains("\(pipe)2.yaml: 是命名管道，banli 只读写普通文件"))
        let text = try withPipe(at: store.directory + "/y.yaml") { try store.textIndex() }
        #expect(text.count == 1 && text.record(of: id) != nil)
    }

    @Test(arguments: [".banli/index.tsv", ".banli/text.tsv"])
    func aPipeAsACacheIsPassedOverAndReplaced(cache: String) throws {
        let store = try newStore()
        let path = store.directory + "/" + cache
        try withPipe(at: path) { () throws in
            #expect(try store.list().summaries.map(\.id) == [id])
            #expect(try store.textIndex().record(of: id) != nil)
        }
        // The store opened for writing puts a real cache where the pipe was.
        #expect(FileKind(at: path) == .regular)
    }

    /// A pipe or a link where a draft would be holds no text of the user's: it must not stop the reply
    /// being opened (anyone who may write a shared `recovery/` could otherwise block a colleague's
    /// reply), is no draft to offer, and `banli check` warns about it.
    @Test func aPipeOrALinkAsADraftIsPassedOverAndReported() throws {
        let store = try newStore()
        let path = store.recoveryPath(of: id, user: "wangli")
        try withPipe(at: path) { () throws in
            #expect(store.recovery(for: id, user: "wangli") == nil, "the pipe was taken for a draft")
            #expect(store.recoveryDrafts(user: "wangli").isEmpty)
            #expect(try store.check().problems.map(\.description).contains("\(path): 警告：是命名管道，banli 只读写普通文件"))
        }
        #expect(unlink(path) == 0 && symlink("/dev/zero", path) == 0)
        #expect(store.recovery(for: id, user: "wangli") == nil, "the link was taken for a draft")
        // The next draft replaces the link, never writing through it.
        try store.writeRecovery(Fixtures.fullCase(), base: Revision(value: 1), time: "2026-12-07T09:00:00+08:00", user: "wangli")
        #expect(FileKind(at: path) == .regular)
        #expect(try store.recovery(for: id, user: "wangli")?.get().value.id == id)
    }

    @Test func aPipeAsAnEditingMarkIsPassedOver() throws {
        let store = try newStore()
        let path = store.editingDirectory + "/\(id).lisi@pc-07.4711.lock"
        try withPipe(at: path) {
            #expect(store.editingMarks(of: id).isEmpty)
            let check = store.beginEditing(id, user: "wangli", time: "2026-11-29T09:00:00+08:00", now: Date())
            #expect(check.others.isEmpty && check.unmarked == nil)
        }
    }

    // MARK: Devices and sizes

    @Test func aDeviceIsNeverRead() throws {
        let store = try newStore()
        #expect(symlink("/dev/zero", store.directory + "/z.yaml") == 0)
        #expect(try store.list().problems.map(\.description) == ["\(store.directory)/z.yaml: 是符号链接，banli 只读写普通文件"])
        // Even where links are followed (a configuration file), a device is refused without reading it.
        #expect {
            try FileSystem.read(store.directory + "/z.yaml", limit: .configuration, followingLinks: true)
        } throws: { error in
            "\(error)" == "\(store.directory)/z.yaml: 是字符设备文件，banli 只读写普通文件"
        }
    }

    @Test func aCaseFileOverTheCapIsAProblemAndNotSaved() throws {
        var store = try newStore()
        store.caseFileLimit = .caseFile(mebibytes: 1)
        let big = store.directory + "/zx5-2-091.yaml"
        Fixtures.write(String(repeating: "很", count: 700_000), to: big)
        #expect(try store.list().problems.map(\.description) == [
            "\(big): 大小为 2 MiB，超过上限 1 MiB（配置项 case_file_max_mib），未读取"])
        var value = try store.load(id)
        value.value.text = String(repeating: "长", count: 400_000)
        let before = Fixtures.bytes(value.path)
        #expect {
            try store.save(value.value, replacing: value.revision)
        } throws: { error in
            "\(error)".hasPrefix("\(value.path): 大小为 1.1 MiB，超过上限 1 MiB（配置项 case_file_max_mib），未保存")
        }
        #expect(Fixtures.bytes(value.path) == before)
        store.caseFileLimit = .caseFile(mebibytes: ReadLimit.defaultCaseFileMebibytes)
        #expect(try store.save(value.value, replacing: value.revision).value.text == value.value.text)
    }

    @Test func readingStopsAtTheCap() throws {
        let path = Fixtures.temporaryDirectory() + "/big"
        Fixtures.write(String(repeating: "a", count: 5000), to: path)
        #expect(try FileSystem.read(path, limit: ReadLimit(bytes: 5000)).count == 5000)
        #expect {
            try FileSystem.read(path, limit: ReadLimit(bytes: 4096))
        } throws: { error in
            "\(error)" == "\(path): 大小为 4.9 KiB，超过上限 4 KiB"
        }
        // A file that says it is empty but is not (as those in /proc do, or one growing): read up to
        // one byte past the cap, no further.
        #expect {
            try FileSystem.read("/proc/self/maps", limit: ReadLimit(bytes: 100), followingLinks: true)
        } throws: { error in
            "\(error)" == "/proc/self/maps: 大小为 101 字节，超过上限 100 字节"
        }
    }

    // MARK: Symbolic links

    @Test func aCaseFileThatIsALinkIsRefusedForReadingAndWriting() throws {
        let store = try newStore()
        let link = store.path(of: id)
        let stored = try store.load(id)
        let target = Fixtures.temporaryDirectory() + "/elsewhere.yaml"
        #expect(rename(link, target) == 0 && symlink(target, link) == 0)
        let before = Fixtures.bytes(target)
        #expect(try store.list().problems.map(\.description) == ["\(link): 是符号链接，banli 只读写普通文件"])
        #expect(throws: StoreError.self) { try store.load(id) }
        var edited = stored.value
        edited.title = "改过的标题"
        #expect {
            try store.save(edited, replacing: stored.revision)
        } throws: { error in
            "\(error)" == "\(link): 是符号链接，banli 只读写普通文件"
        }
        #expect(FileKind(at: link) == .symbolicLink && Fixtures.bytes(target) == before)
    }

    /// The store directory itself may be reached through a link: it is opened for writing, and the
    /// temporary files a killed writer left in it are still found and removed.
    @Test func aStoreReachedThroughALinkIsAStore() throws {
        let store = try newStore()
        let link = Fixtures.temporaryDirectory() + "/案件库"
        #expect(symlink(store.directory, link) == 0)
        let linked = try CaseStore(directory: link, vocabulary: vocabulary, access: .readWrite)
        let stored = try linked.load(id)
        #expect(try linked.save(stored.value, replacing: stored.revision).path == link + "/" + id.fileName)
        let abandoned = store.directory + "/.\(id.fileName).tmp-\(try StoreSafetyTests.deadProcess())-1"
        Fixtures.write("半个文件", to: abandoned)
        #expect(linked.removeAbandonedTemporaryFiles(olderThan: .zero) == [link + "/" + FileSystem.baseName(of: abandoned)])
    }

    @Test(arguments: [".banli", ".banli/recovery", ".banli/editing", ".banli/undo"])
    func aStoreWhoseOwnDirectoryIsALinkWritesNothingThere(linked: String) throws {
        let store = try newStore()
        let outside = Fixtures.temporaryDirectory("outside")
        let path = store.directory + "/" + linked
        if linked == ".banli" { try FileManager.default.removeItem(atPath: path) }
        #expect(symlink(outside, path) == 0)
        #expect {
            try CaseStore(directory: store.directory, vocabulary: vocabulary, access: .readWrite)
        } throws: { error in
            "\(error)" == "\(path): 是符号链接而不是案件库中的目录，banli 不经它写入任何文件（请换成普通目录；案件库目录本身可以是符号链接）"
        }
        // Opened read-only, it reads; nothing is written through the link.
        let reader = try CaseStore(directory: store.directory, vocabulary: vocabulary, access: .readOnly)
        #expect(try reader.list().summaries.map(\.id) == [id])
        #expect(try reader.textIndex().record(of: id) != nil)
        // A store opened before the link was put there refuses every write too.
        let stored = try store.load(id)
        #expect(throws: StoreError.self) { try store.save(stored.value, replacing: stored.revision) }
        #expect(throws: StoreError.self) { try store.writeRecovery(stored.value, base: stored.revision, time: "t", user: "wangli") }
        #expect(store.beginEditing(id, user: "wangli", time: "t", now: Date()).unmarked != nil)
        _ = try store.list()
        _ = try store.textIndex()
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside).isEmpty)
        // A file where the link leads, named as a draft or a mark of the store, is not removed.
        let own = [".banli/recovery": store.recoveryPath(of: id, user: "wangli"), ".banli/editing": store.editingPath(of: id, user: "wangli")]
        if let own = own[linked] {
            let decoy = outside + "/" + FileSystem.baseName(of: own)
            Fixtures.write("不是 banli 的文件\n", to: decoy)
            store.discardRecovery(for: id, user: "wangli")
            store.endEditing(id, user: "wangli")
            #expect(FileManager.default.fileExists(atPath: decoy))
            unlink(decoy)
        }
        #expect(try store.check().problems.map(\.path) == [path])
    }

    /// A lock that is not a regular file stops every save with a message naming it and how to fix
    /// it, also when it became one after the store was opened (checked at each save, never opened
    /// in a way that waits), and `check` reports it.
    @Test(arguments: ["pipe", "link to /dev/zero", "link to a file outside"])
    func anOddLockFileStopsSavesAndIsReported(kind: String) throws {
        let store = try newStore()
        let stored = try store.load(id)
        let lock = store.directory + "/.banli/lock"
        unlink(lock)
        let outside = Fixtures.temporaryDirectory() + "/lock"
        let expected: FileKind
        switch kind {
        case "pipe": #expect(mkfifo(lock, 0o644) == 0); expected = .namedPipe
        case "link to /dev/zero": #expect(symlink("/dev/zero", lock) == 0); expected = .symbolicLink
        default: #expect(symlink(outside, lock) == 0); expected = .symbolicLink
        }
        let message = "\(lock): 是\(expected.name)而不是普通文件，不能用作案件库的锁，banli 不经它保存（请删除：rm \(lock)；banli 会重新创建）"
        #expect { try store.save(stored.value, replacing: stored.revision) } throws: { "\($0)" == message }
        #expect { try CaseStore(directory: store.directory, vocabulary: vocabulary, access: .readWrite) } throws: { "\($0)" == message }
        #expect(!FileSystem.exists(outside), "nothing made where the link leads")
        let problems = try store.check().problems
        #expect(problems.map(\.description) == ["\(lock): \(expected.lockRefusal(path: lock))"])
        #expect(problems.first?.severity == .error)
        unlink(lock)
        #expect(try store.save(stored.value, replacing: stored.revision).path == store.path(of: id), "banli recreates the lock")
    }

    /// `check` names every odd place in `.banli/`, each with the hint that fits it: only a link is
    /// told that the store directory itself may be one.
    @Test func checkReportsEveryOddOwnDirectoryWithItsOwnHint() throws {
        let store = try newStore()
        let banli = store.directory + "/.banli"
        try? FileManager.default.removeItem(atPath: banli + "/editing")
        try? FileManager.default.removeItem(atPath: banli + "/recovery")
        try? FileManager.default.removeItem(atPath: banli + "/undo")
        Fixtures.write("x", to: banli + "/editing")
        #expect(mkfifo(banli + "/recovery", 0o644) == 0)
        #expect(symlink(Fixtures.temporaryDirectory(), banli + "/undo") == 0)
        let problems = try store.check().problems.map(\.description)
        #expect(problems == [
            "\(banli)/editing: 是普通文件而不是案件库中的目录，banli 不经它写入任何文件（请移走它；banli 会重新创建这个目录）",
            "\(banli)/recovery: 是命名管道而不是案件库中的目录，banli 不经它写入任何文件（请移走它；banli 会重新创建这个目录）",
            "\(banli)/undo: 是符号链接而不是案件库中的目录，banli 不经它写入任何文件（请换成普通目录；案件库目录本身可以是符号链接）",
        ], "\(problems)")
    }

    /// A case file with a second hard link is saved as any other (by rename, which a snapshot
    /// backup's other name relies on), and `check` warns that the other name keeps the old text.
    @Test func checkWarnsAboutAHardLinkedCaseFile() throws {
        let store = try newStore()
        let other = Fixtures.temporaryDirectory() + "/outside-090.yaml"
        #expect(link(store.path(of: id), other) == 0)
        let problems = try store.check().problems
        #expect(problems.map(\.description) == ["\(store.path(of: id)): 警告：有 2 个硬链接：保存后其他链接保留旧内容（见 docs/case-file.md）"])
        let stored = try store.load(id), before = Fixtures.bytes(other)
        var changed = stored.value
        changed.title += "（改）"
        _ = try store.save(changed, replacing: stored.revision)
        #expect(Fixtures.bytes(other) == before && Fixtures.bytes(store.path(of: id)) != before)
        #expect(try store.check().problems.isEmpty)
    }

    /// A directory named like a case file is worded alike by `list` and by loading the case (`show`).
    @Test func aDirectoryNamedLikeACaseFileHasOneWording() throws {
        let store = try newStore()
        let other = CaseID("zx9-9-003")!
        try FileManager.default.createDirectory(atPath: store.path(of: other), withIntermediateDirectories: false)
        let listed = try store.list().problems.map(\.description)
        #expect(listed == ["\(store.path(of: other)): 是目录，banli 只读写普通文件"])
        #expect { try store.load(other) } throws: { "\($0)" == listed.first }
    }

    /// `banli init` on a directory of old case files counts only regular files as cases: a pipe, a
    /// link or a directory named `*.yaml` is none (`list` then names each).
    @Test func initCountsOnlyRegularFilesAsCaseFiles() throws {
        let directory = Fixtures.temporaryDirectory()
        Fixtures.write(CaseFileEncoder.encode(Fixtures.fullCase()), to: directory + "/zx5-2-090.yaml")
        #expect(mkdir(directory + "/d.yaml", 0o755) == 0 && symlink("/dev/zero", directory + "/z.yaml") == 0
                && mkfifo(directory + "/p.yaml", 0o644) == 0)
        #expect(try CaseStore.initialize(directory) == .marked(caseFiles: 1))
    }
}
