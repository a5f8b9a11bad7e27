import Foundation
import Model
import Testing
import TestSupport

/// Kills a process with SIGKILL at random moments while it saves cases and writes drafts, hundreds
/// of times, and checks what is left each time: every case file whole (the old or the new version,
/// never a mix), no temporary file taken for a case, every draft readable.
///
/// `BANLI_KILL_TRIALS` sets the number of kills (default 100; 1000 or more for a long run), and
/// `BANLI_KILL_SEED` the seed of the random delays, to replay a failing run.
@Suite(.serialized) struct CrashSafetyTests {
    static let environment = ProcessInfo.processInfo.environment
    static let trials = environment["BANLI_KILL_TRIALS"].flatMap { Int($0) } ?? 100
    static let seed = environment["BANLI_KILL_SEED"].flatMap { UInt64($0) } ?? 20_261_129

    let vocabulary = try! Fixtures.configuration().vocabulary

    @Test func aProcessKilledWhileSavingLeavesEveryFileWholeAndEveryDraftReadable() throws {
        let store = try CaseStore.create(at: Fixtures.temporaryDirectory() + "/store", vocabulary: vocabulary)
        var versions: [String: Set<[UInt8]>] = [:], drafts: [String: [Case]] = [:]
        for number in TortureVersions.numbers {
            try store.create(TortureVersions.saved(number, 0))
            versions[number] = Set((0..<TortureVersions.count).map { Array(CaseFileEncoder.encode(TortureVersions.saved(number, $0)).utf8) })
            drafts[number] = (0..<TortureVersions.count).map { TortureVersions.draft(number, $0) }
        }
        var random = SplitMix64(seed: Self.seed)
        var changed = 0, killedMidWrite = 0
        let started = ContinuousClock.now
        for trial in 0..<Self.trials {
            let replay = "trial \(trial) of seed \(Self.seed)"
            let writer = try Spawned(Spawned.binary("banli-torture"), ["kill", store.directory])
            try #require(writer.readLine() == "ready", "\(replay): the writer did not start")
            // Every other kill comes after a whole round of saves, so that the store has changed
            // however slowly a loaded machine lets the writer start; the others may come before.
            if trial.isMultiple(of: 2) { try #require(writer.readLine() == "saved", "\(replay): the writer did not save") }
            usleep(UInt32(random.next() % 25_000))
            kill(writer.pid, SIGKILL)
            #expect(writer.waitForExit() == 128 + SIGKILL, "\(replay): the writer ended before it was killed")

            let listing = try store.list()
            #expect(listing.summaries.map(\.id.number) == TortureVersions.numbers && listing.problems.isEmpty,
                    "\(replay): \(listing.problems.map(\.description))")
            for number in TortureVersions.numbers {
                let id = TortureVersions.saved(number, 0).id
                let bytes = Fixtures.bytes(store.path(of: id))
                #expect(versions[number]!.contains(bytes), "\(replay): \(id) is not one of the versions written")
                if bytes != Array(CaseFileEncoder.encode(TortureVersions.saved(number, 0)).utf8) { changed += 1 }
                switch store.recovery(for: id, user: TortureVersions.user) {
                case nil: break
                case .success(let draft): #expect(drafts[number]!.contains(draft.value), "\(replay): \(id)'s draft is not one written")
                case .failure(let problem): Issue.record("\(replay): \(problem)")
                }
            }
            // A write cut short leaves its temporary file, which is recognised as abandoned and removed.
            let left = temporaryFiles(in: store.directory)
            if !left.isEmpty { killedMidWrite += 1 }
            #expect(store.removeAbandonedTemporaryFiles(olderThan: .zero).sorted() == left, "\(replay)")
        }
        // The writer did write, and was killed in the middle of writing too (not only between writes).
        #expect(changed > 0 && killedMidWrite > 0, "seed \(Self.seed): \(changed) versions changed, \(killedMidWrite) kills mid-write")
        print("\(Self.trials) kills (seed \(Self.seed)) in \(ContinuousClock.now - started): \(killedMidWrite) in the middle of a write")
    }

    /// A real process meets a store it may not write: as root (as tests often run), no permission stops
    /// a write, so banli runs as `nobody`, for whom root's store is read-only; otherwise the store's
    /// directories are made read-only.
    @Test func aStoreThatMayNotBeWrittenIsReportedNamingTheFileAndLeftWhole() throws {
        let store = Fixtures.demoStoreCopy()
        let path = store + "/zx5-2-090.yaml"
        // The store has been used: its bookkeeping directory and lock exist.
        let opened = try CaseStore(directory: store, vocabulary: vocabulary)
        try opened.save(try opened.load(CaseID("zx5-2-090")!).value, replacing: try opened.load(CaseID("zx5-2-090")!).revision)
        let before = Fixtures.bytes(path)
        let command = Self.contact(store)
        let out: (status: Int32, stderr: String)
        if geteuid() == 0 {
            out = try Self.run(["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] + command)
        } else {
            chmod(store, 0o555)
            chmod(store + "/.banli", 0o555)
            defer { chmod(store, 0o755); chmod(store + "/.banli", 0o755) }
            out = try Self.run(command)
        }
        #expect(out.status != 0 && out.stderr == "banli: \(path): 写入失败：没有权限\n", "\(out.stderr)")
        #expect(Fixtures.bytes(path) == before)
        #expect(temporaryFiles(in: store).isEmpty)
    }

    /// A real process meets a full disk: a file-size limit (`ulimit -f`) makes the write fail part way,
    /// as a full disk does, with the signal that would kill the process ignored.
    @Test func aDiskThatFillsUpMidWriteIsReportedAndTheFileLeftWhole() throws {
        let store = Fixtures.demoStoreCopy()
        let path = store + "/zx5-2-090.yaml"
        let before = Fixtures.bytes(path)
        #expect(before.count > 4 * 1024)
        let out = try Self.run(["/bin/sh", "-c", "trap '' XFSZ; ulimit -f 4; exec \"$0\" \"$@\""] + Self.contact(store))
        #expect(out.status != 0 && out.stderr == "banli: \(path): 写入失败：文件超出允许的大小\n", "\(out.stderr)")
        #expect(Fixtures.bytes(path) == before)
        #expect(temporaryFiles(in: store).isEmpty)
    }

    static func contact(_ store: String) -> [String] {
        [Banli.binary, "contact", "090", "--store", store, "--method", "电话", "--people", "周建平委员", "--summary", "电话沟通"]
    }

    /// Runs `argv` with a minimal environment; its exit status and what it wrote to stderr.
    static func run(_ argv: [String]) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: argv[0])
        process.arguments = Array(argv.dropFirst())
        process.environment = ["HOME": "/nonexistent", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin", "USER": "tester"]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stderr, as: UTF8.self))
    }

    /// The temporary files under `directory`, `.banli` and its subdirectories included, sorted.
    func temporaryFiles(in directory: String) -> [String] {
        let paths = FileManager.default.enumerator(atPath: directory)?.compactMap { $0 as? String } ?? []
        return paths.filter { ($0 as NSString).lastPathComponent.contains(".tmp-") }.map { directory + "/" + $0 }.sorted()
    }
}
