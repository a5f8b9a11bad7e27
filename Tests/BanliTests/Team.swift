import Foundation
import Model
import Testing
import TestSupport

/// A team sharing one store through git, as an office sets it up: a bare remote in a temporary
/// directory (the shared drive), a store made with `banli init --git` and published to it, and one
/// clone per clerk, each with a home and a user name of its own. Everything runs the real `banli`
/// and the real `git`.
struct Team {
    /// One clerk's copy of the store.
    struct Clerk {
        let user: String
        let banli: Banli
        let store: String
    }

    let root = Fixtures.temporaryDirectory("banli-team")
    var remote: String { root + "/remote.git" }
    private(set) var clerks: [Clerk] = []
    let vocabulary: CaseVocabulary
    let configuration: Configuration

    /// The remote, a store holding the demo cases `ids` (file names without `.yaml`) published to it
    /// by the first clerk, and a clone for each of `users` (the first being the publisher's own store).
    init(users: [String], ids: [String]) throws {
        configuration = try Fixtures.configuration()
        vocabulary = configuration.vocabulary
        // On the branch banli uses, main: a remote whose HEAD names a branch that does not exist (plain
        // `git init --bare` names master) gives clones with nothing checked out.
        try Team.shell(["git", "init", "-q", "--bare", "--initial-branch=main", remote], in: root)
        let first = Clerk(user: users[0], banli: Banli(), store: root + "/" + users[0])
        try Team.expectSuccess(first.banli.run(["init", "--git", first.store], environment: ["USER": first.user]), "banli init --git")
        for id in ids { Fixtures.write(String(decoding: Fixtures.bytes(Fixtures.demoStore + "/" + id + ".yaml"), as: UTF8.self), to: first.store + "/" + id + ".yaml") }
        try Team.shell(["git", "remote", "add", "origin", remote], in: first.store)
        clerks = [first]
        try Team.expectSuccess(sync(0), "the first sync, publishing the store")
        for user in users.dropFirst() {
            let clerk = Clerk(user: user, banli: Banli(), store: root + "/" + user)
            try Team.shell(["git", "clone", "-q", remote, clerk.store], in: root)
            clerks.append(clerk)
            try Team.expectSuccess(run(clerks.count - 1, ["git-setup"]), "banli git-setup in \(user)'s clone")
        }
    }

    /// `banli ARGUMENTS --store STORE` as clerk `i`.
    func run(_ i: Int, _ arguments: [String]) throws -> Banli.Output {
        try clerks[i].banli.run(arguments + ["--store", clerks[i].store], environment: ["USER": clerks[i].user])
    }

    /// `banli sync` as clerk `i`.
    func sync(_ i: Int) throws -> Banli.Output { try run(i, ["sync"]) }

    /// Clerk `i`'s store, opened in this process as the terminal UI opens it.
    func store(_ i: Int) throws -> CaseStore { try CaseStore(directory: clerks[i].store, vocabulary: vocabulary) }

    /// The handling steps as clerk `i`, with the clock of the machine (journal times as a clerk's).
    func handling(_ i: Int) -> CaseHandling { CaseHandling(configuration: configuration, user: clerks[i].user, clock: .system) }

    /// Clerk `i`'s commit (HEAD).
    func head(_ i: Int) throws -> String { try Team.shell(["git", "rev-parse", "HEAD"], in: clerks[i].store) }

    /// Every clerk syncs, in turn, until a whole round changes no clerk's commit (at most `rounds`);
    /// fails the test when a sync fails.
    func converge(rounds: Int = 5, context: String) throws {
        var last = try clerks.indices.map(head)
        for _ in 0..<rounds {
            for i in clerks.indices { try Team.expectSuccess(sync(i), "\(context): \(clerks[i].user)'s sync") }
            let now = try clerks.indices.map(head)
            if now == last && Set(now).count == 1 { return }
            last = now
        }
        Issue.record("\(context): the clones did not converge in \(rounds) rounds of syncs: \(last)")
    }

    /// Every file of clerk `i`'s store outside git's and banli's own directories, by path.
    func files(_ i: Int) throws -> [String: [UInt8]] {
        let base = URL(fileURLWithPath: clerks[i].store).resolvingSymlinksInPath().path
        var files: [String: [UInt8]] = [:]
        let walker = FileManager.default.enumerator(atPath: base)
        while let path = walker?.nextObject() as? String {
            if path == ".git" || path == ".banli" { walker?.skipDescendants(); continue }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = Fixtures.bytes(base + "/" + path)
            }
        }
        return files
    }

    /// Runs a program (looked up in PATH) in `directory`; its standard output, trimmed.
    /// - Throws: `Failed` naming the command and what it printed, when it exits with other than 0.
    @discardableResult
    static func shell(_ argv: [String], in directory: String) throws -> String {
        let out = try Banli().run(Array(argv.dropFirst()), environment: ["GIT_AUTHOR_NAME": "test", "GIT_AUTHOR_EMAIL": "test@banli",
                                                                         "GIT_COMMITTER_NAME": "test", "GIT_COMMITTER_EMAIL": "test@banli"],
                                  executable: "/usr/bin/" + argv[0], in: directory)
        guard out.status == 0 else { throw Failed(what: argv.joined(separator: " ") + " in " + directory + ": " + out.stderr) }
        return out.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Fails the test (and stops it) when a run of banli did not succeed.
    static func expectSuccess(_ out: Banli.Output, _ what: String) throws {
        guard out.status == 0 else { throw Failed(what: "\(what): exit \(out.status): \(out.stderr)\(out.stdout)") }
    }

    struct Failed: Error, CustomStringConvertible {
        var what: String
        var description: String { what }
    }
}
