import Foundation
import Model

/// A bare remote in a temporary directory and clones of one store, as clerks on several machines
/// have them, driven by the real git. The merge driver registered is `true`-like: these tests
/// change different cases (same-field clashes are the merge driver's own tests).
public struct SharedStores {
    public let root = Fixtures.temporaryDirectory("banli-shared")
    public var remote: String { root + "/remote.git" }
    public let vocabulary: CaseVocabulary

    /// The first clerk's store of `count` numbered cases, set up and pushed to a new bare remote.
    public init(count: Int) throws {
        vocabulary = try Fixtures.configuration().vocabulary
        let first = try Fixtures.numberedStore(count: count)
        try SharedStores.git(root, ["init", "-q", "--bare", "--initial-branch=main", remote])
        try FileManager.default.moveItem(atPath: first.directory, toPath: root + "/a")
        let repository = StoreRepository(git: try Git.installed(in: root + "/a"))
        _ = try repository.setUp(driverCommand: SharedStores.driver, remote: remote, identity: SharedStores.identity("a"))
        _ = try sync("a")
    }

    /// A driver that fails: a test reaching it merged a file both sides changed.
    public static let driver = "false %O %A %B %P"

    public static func identity(_ clerk: String) -> GitIdentity {
        GitIdentity(configuredName: clerk, configuredEmail: "", osUser: clerk, host: "test")
    }

    /// The clerk `name`'s store directory, cloned from the remote when new.
    public func directory(_ name: String) throws -> String {
        let path = root + "/" + name
        if !FileManager.default.fileExists(atPath: path) { try SharedStores.git(root, ["clone", "-q", remote, path]) }
        return path
    }

    public func store(_ name: String) throws -> CaseStore { try CaseStore(directory: try directory(name), vocabulary: vocabulary) }

    /// Syncs clerk `name`'s copy, with `driver` as the merge driver.
    public func sync(_ name: String, attempts: Int = 4, driver: String = SharedStores.driver) throws(SyncError) -> SyncResult {
        let store: CaseStore
        do { store = try self.store(name) } catch { fatalError("\(error)") }
        var sync = StoreSync(store: store, git: Git(executable: "/usr/bin/git", directory: store.directory),
                             identity: SharedStores.identity(name), driverCommand: driver)
        sync.pushAttempts = attempts
        return try sync.run()
    }

    /// Changes case `number`'s title in clerk `name`'s copy, adding a journal line as banli does.
    public func edit(_ name: String, _ number: Int, title: String) throws {
        let store = try self.store(name)
        let id = try store.resolve([String(format: "%03d", number)])[0]
        let stored = try store.load(id)
        var value = stored.value
        value.title = title
        value.journal.append(JournalEntry(time: "2026-12-07T10:00:00+08:00", user: name, text: "修改标题：\(title)"))
        _ = try store.save(value, replacing: stored.revision)
    }

    /// `git ARGUMENTS` in `directory`; its output.
    @discardableResult
    public static func git(_ directory: String, _ arguments: [String]) throws -> String {
        try Git(executable: "/usr/bin/git", directory: directory).check(arguments)
    }

    @discardableResult
    public func git(_ name: String, _ arguments: [String]) throws -> String { try SharedStores.git(try directory(name), arguments) }
}
