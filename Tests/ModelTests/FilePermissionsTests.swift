import Foundation
import Testing
@testable import Model
import TestSupport

/// Who may read what the store writes: a save keeps the mode and group of the case it replaces,
/// drafts and conflict copies are the user's alone, an undo step is as readable as its case, and a
/// read-only case is not replaced. None of these depends on the process's umask (tests run in
/// parallel in one process, so none changes it); what does — new files and directories, 0666 and
/// 0777 less the umask — is checked on the real binary with a umask of its own (`FileModesEndToEndTests`).
@Suite struct FilePermissionsTests {
    let vocabulary = try! Fixtures.configuration().vocabulary
    let id = CaseID("zx5-2-090")!
    let now = "2026-11-29T09:00:00+08:00"

    func newStore() throws -> CaseStore {
        try Fixtures.storeHoldingFullCase(vocabulary: vocabulary)
    }

    func info(_ path: String) -> stat {
        var info = stat()
        #expect(stat(path, &info) == 0, "\(path)")
        return info
    }

    func mode(_ path: String) -> mode_t { info(path).st_mode & 0o7777 }

    /// Saves 090 with one more journal line (so the save also keeps an undo step).
    @discardableResult
    func saveWithAJournalLine(_ store: CaseStore, _ text: String = "测试") throws -> StoredCase {
        let stored = try store.load(id)
        var edited = stored.value
        edited.journal.append(JournalEntry(time: now, user: "wangli", text: text))
        return try store.save(edited, replacing: stored.revision)
    }

    /// A group this process may give a file that is not the one its files get anyway: as root any
    /// (nogroup's), otherwise one of its supplementary groups; nil when it has none.
    func anotherGroup() -> gid_t? {
        if geteuid() == 0 { return 65534 }
        var groups = [gid_t](repeating: 0, count: Int(getgroups(0, nil)))
        let count = getgroups(Int32(groups.count), &groups)
        return groups.prefix(Int(max(count, 0))).first { $0 != getegid() }
    }

    @Test(arguments: [0o600, 0o640, 0o666, 0o604] as [mode_t])
    func aSaveKeepsTheModeAndGroupOfTheCaseItReplaces(kept: mode_t) throws {
        let store = try newStore()
        let path = store.path(of: id)
        #expect(chmod(path, kept) == 0)
        let group = anotherGroup()
        if let group { #expect(chown(path, uid_t.max, group) == 0) }
        try saveWithAJournalLine(store)
        #expect(mode(path) == kept)
        if let group { #expect(info(path).st_gid == group) }
        // The step kept for undo holds the case's earlier bytes: it is exactly as readable as the case.
        let step = store.directory + "/.banli/undo/zx5-2-090.1.yaml"
        #expect(mode(step) == kept)
        if let group { #expect(info(step).st_gid == group) }
    }

    @Test func draftsAndConflictCopiesAreTheUsersAloneWhateverTheyReplace() throws {
        let store = try newStore()
        let stored = try store.load(id)
        try store.writeRecovery(stored.value, base: stored.revision, time: now, user: "wangli")
        let draft = store.recoveryPath(of: id, user: "wangli")
        #expect(mode(draft) == 0o600)
        // A draft an older banli left readable to all becomes private with the next autosave.
        #expect(chmod(draft, 0o644) == 0)
        try store.writeRecovery(stored.value, base: stored.revision, time: now, user: "wangli")
        #expect(mode(draft) == 0o600)
        let copy = try store.saveConflictCopy(stored.value, base: stored.revision, user: "wangli", time: now)
        #expect(mode(copy) == 0o600)
    }

    @Test func aReadOnlyCaseIsNotReplacedAndTheMessageSaysHowToAllowIt() throws {
        let store = try newStore()
        let path = store.path(of: id)
        let stored = try store.load(id)
        #expect(chmod(path, 0o444) == 0)
        let before = Fixtures.bytes(path)
        var edited = stored.value
        edited.reply.closing = "不该写入的结尾"
        guard case .readOnlyFile(let file)? = store.saveProblem(of: id) else { Issue.record("not told before saving"); return }
        #expect(file.path == path && file.remedy == "chmod u+w \(path)" && file.nobodyMayWrite)
        #expect {
            try store.save(edited, replacing: stored.revision)
        } throws: { error in
            "\(error)" == "\(path): 文件只读（要允许修改：chmod u+w \(path)），未保存"
        }
        #expect(Fixtures.bytes(path) == before && mode(path) == 0o444)
        // Undo goes through the same save: it does not replace the file either.
        #expect(chmod(path, 0o644) == 0)
        try saveWithAJournalLine(store)
        #expect(chmod(path, 0o444) == 0)
        let step = try #require(try store.lastChange(of: id))
        #expect(throws: StoreError.self) { try store.saveUndoing(step, step.before, replacing: try store.load(id).revision) }
        // Once allowed, the save goes through, and the file stays as the owner set it.
        #expect(chmod(path, 0o644) == 0)
        #expect(store.saveProblem(of: id) == nil)
        var current = try store.load(id)
        current.value.reply.closing = "允许后写入的结尾"
        try store.save(current.value, replacing: current.revision)
        #expect(try store.load(id).value.reply.closing == "允许后写入的结尾" && mode(path) == 0o644)
    }

    @Test func aWritableCaseInAStoreThatMayNotBeWrittenIsNoReadOnlyFile() throws {
        // The write then fails saying why (没有权限, 只读), as before: the file is not what stops it.
        let store = try newStore()
        #expect(ReadOnlyFile.find(at: store.path(of: id)) == nil)
        #expect(ReadOnlyFile.find(at: store.directory + "/zx9-9-999.yaml") == nil)
    }
}
