import Foundation
import Model
import Testing
import TestSupport
import TUI

/// Real processes on one store at the same time: writers racing on one case lose nothing, writers on
/// different cases never get in each other's way, a command and the reply form racing on one case
/// never overwrite each other, and a store the disk refuses is reported with the file and the reason.
@Suite struct ConcurrentProcessTests {
    let configuration = try! Fixtures.configuration()
    /// Saves per racing process: `BANLI_RACE_SAVES=2000` for a long run.
    static let saves = ProcessInfo.processInfo.environment["BANLI_RACE_SAVES"].flatMap { Int($0) } ?? 30

    func newStore() throws -> CaseStore {
        let store = try CaseStore.create(at: Fixtures.temporaryDirectory() + "/store", vocabulary: configuration.vocabulary)
        for number in TortureVersions.numbers { try store.create(TortureVersions.saved(number, 0)) }
        return store
    }

    func race(_ store: CaseStore, _ users: [(user: String, cases: [String])]) throws -> [String: Int] {
        let writers = try users.map { try Spawned(Spawned.binary("banli-torture"), ["race", store.directory, $0.user, "\(Self.saves)"] + $0.cases) }
        var conflicts: [String: Int] = [:]
        for (writer, who) in zip(writers, users) {
            let line = writer.readLine() ?? ""
            #expect(writer.waitForExit() == 0 && line.hasPrefix("saved \(Self.saves) conflicts "), "\(who.user): \(line)")
            conflicts[who.user] = Int(line.split(separator: " ").last ?? "")
        }
        return conflicts
    }

    func journal(_ store: CaseStore, _ number: String, by user: String) throws -> [String] {
        try store.load(TortureVersions.saved(number, 0).id).value.journal.filter { $0.user == user }.map(\.text)
    }

    @Test func twoProcessesSavingOneCaseLoseNoSave() throws {
        let store = try newStore()
        let conflicts = try race(store, [("alice", ["001"]), ("bob", ["001"])])
        // Every save of each is in the journal, in order: none was overwritten by the other's.
        for user in ["alice", "bob"] {
            #expect(try journal(store, "001", by: user) == (1...Self.saves).map { "\(user) #\($0)" })
            // Each keeps a draft of their own; the other's saves did not remove it.
            #expect(try store.recovery(for: TortureVersions.saved("001", 0).id, user: user)?.get().value.reply.closing == "\(user) #\(Self.saves)")
        }
        print("two writers on one case, \(Self.saves) saves each: \(conflicts) refused and retried")
    }

    @Test func processesSavingDifferentCasesNeverInterfere() throws {
        let store = try newStore()
        let conflicts = try race(store, [("alice", ["001"]), ("bob", ["002"]), ("carol", ["003"])])
        #expect(conflicts == ["alice": 0, "bob": 0, "carol": 0])
        for (user, number) in [("alice", "001"), ("bob", "002"), ("carol", "003")] {
            #expect(try journal(store, number, by: user) == (1...Self.saves).map { "\(user) #\($0)" })
            #expect(try store.recovery(for: TortureVersions.saved(number, 0).id, user: user)?.get().value.reply.closing == "\(user) #\(Self.saves)")
        }
    }

    /// `banli contact` processes run while the reply form keeps saving: a command that meets a case the
    /// form changed applies its step again to the new version (or, should it keep changing, is refused
    /// naming the change), the form merges whenever its save is refused, and in the end every contact
    /// that was reported saved is there, with the form's text.
    @Test func commandsRacingWithTheFormOverwriteNothing() throws {
        let directory = Fixtures.demoStoreCopy(reopening: ["zx5-2-090"])
        let store = try CaseStore(directory: directory, vocabulary: configuration.vocabulary)
        let id = CaseID("zx5-2-090")!
        let contactsBefore = try store.load(id).value.contacts.count
        let terminal = MemoryTerminal(width: 80, height: 24)
        let runner = AppRunner(terminal: terminal, listing: try store.list(), configuration: configuration,
                               keymap: try Keymap(configuration.keyBindings),
                               workspace: Workspace(store: store, user: "form", clock: .system, environment: [:]), storeName: "demo")
        terminal.send(keys: [.character("/")])
        terminal.type("zx5-2-090")
        terminal.send(keys: [.enter, .character("r")])
        runner.run()

        let commands = 6
        let results = Results()
        let group = DispatchGroup()
        for n in 1...commands {
            DispatchQueue.global().async(group: group) {
                let out = try? Banli().run(["contact", "090", "--store", directory, "--method", "电话", "--people", "命令\(n)",
                                            "--summary", "第\(n)次"])
                results.add(out)
            }
        }
        var saved = 0, merged = 0
        while group.wait(timeout: .now()) == .timedOut || runner.state.form?.isModified == true {
            if runner.state.menu != nil {
                // 2: merge.
                terminal.send(keys: [.character("2")])
                merged += 1
            } else {
                terminal.send(.paste("⟨\(saved)⟩"))
                terminal.send(keys: [.control("s")])
            }
            runner.run()
            if runner.state.message.hasPrefix("已保存") { saved += 1 }
        }
        let final = try store.load(id).value
        let succeeded = results.outputs.filter { $0?.status == 0 }
        for failure in results.outputs where failure?.status != 0 {
            #expect(failure?.stderr.contains("读取后已被其他程序修改") == true, "\(failure?.stderr ?? "did not run")")
        }
        #expect(final.contacts.count == contactsBefore + succeeded.count)
        #expect(final.reply.opening.contains("⟨\(saved - 1)⟩") || final.reply.closing.contains("⟨\(saved - 1)⟩") || saved == 0)
        #expect(!succeeded.isEmpty && saved > 0)
        print("\(commands) commands against the form: \(succeeded.count) saved, \(commands - succeeded.count) refused; "
              + "the form saved \(saved) times and merged \(merged) times")
    }

    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [Banli.Output?] = []
        func add(_ output: Banli.Output?) { lock.withLock { list.append(output) } }
        var outputs: [Banli.Output?] { lock.withLock { list } }
    }
}
