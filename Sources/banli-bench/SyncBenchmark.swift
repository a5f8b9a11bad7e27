import Foundation
import Model

/// `banli-bench --sync`: what sharing a store of `count` cases through git costs, with the real
/// `banli` and `git` and a bare remote on local disk. The store is published from one clerk's copy
/// (`a`), cloned by another (`b`); then rounds of `changed` cases edited and synced: a's push, b's
/// pull and what b then waits for (the list and search brought up to date), a round where both
/// changed different cases (b's sync merges), and one where both changed different fields of the
/// same cases (every file goes through banli's merge driver). Prints each time and what the remote's
/// size grew to. Figures go into docs/sharing.md.
struct SyncBenchmark {
    let banli: String
    let count: Int
    let changed: Int
    let store: String
    let configuration: Configuration

    /// Runs every step in `work`, a directory of its own (emptied first, removed at the end).
    func measure(work: String) throws {
        let remote = work + "/remote.git", a = work + "/a", b = work + "/b"
        try? FileManager.default.removeItem(atPath: work)
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        check(banli_bench.run("/bin/cp", ["-a", store, a]), "cp -a \(store) \(a)")
        try? FileManager.default.removeItem(atPath: a + "/.banli")
        // On main, the branch banli uses: a remote whose HEAD names another clones empty.
        git(["init", "-q", "--bare", "--initial-branch=main", remote], in: work)
        let firstCommit = timed(["git-setup"], store: a, user: "clerk-a")
        git(["remote", "add", "origin", remote], in: a)
        let publish = timed(["sync"], store: a, user: "clerk-a")
        let publishedSize = size(remote)
        let clone = seconds { git(["clone", "-q", remote, b], in: work) }
        let checkout = size(b) - size(b + "/.git")
        let setup = timed(["git-setup"], store: b, user: "clerk-b")
        // `banli list` reads the store without writing its index; opening it as the terminal UI
        // does (in this process) builds the index and the text cache, once.
        let firstList = timed(["list"], store: b, user: "clerk-b")
        let firstOpen = try inProcess(b)
        let warmList = (0..<3).map { _ in timed(["list"], store: b, user: "clerk-b") }.min()!

        // A round: a changes `changed` cases and syncs (commit, fetch, push); b syncs (fetch, merge).
        try edit(a, user: "clerk-a", cases: 0..<changed, field: .topic)
        let push = timed(["sync"], store: a, user: "clerk-a")
        let pull = timed(["sync"], store: b, user: "clerk-b")
        let listCommandAfterPull = timed(["list"], store: b, user: "clerk-b")
        let (listAfterPull, textAfterPull, readAfterPull) = try inProcess(b)
        let (listUnchanged, textUnchanged, _) = try inProcess(b)
        let listTouched = try touchAndList(b)

        // Both change different cases; a pushes first, so b's sync merges a's commit with its own.
        try edit(a, user: "clerk-a", cases: changed..<2 * changed, field: .topic)
        try edit(b, user: "clerk-b", cases: 2 * changed..<3 * changed, field: .topic)
        _ = timed(["sync"], store: a, user: "clerk-a")
        let mergeDifferentCases = timed(["sync"], store: b, user: "clerk-b")
        _ = timed(["sync"], store: a, user: "clerk-a")

        // Both change the same cases, different fields: every file goes through banli's merge driver.
        try edit(a, user: "clerk-a", cases: 3 * changed..<4 * changed, field: .topic)
        try edit(b, user: "clerk-b", cases: 3 * changed..<4 * changed, field: .handler)
        _ = timed(["sync"], store: a, user: "clerk-a")
        let mergeSameCases = timed(["sync"], store: b, user: "clerk-b")
        _ = timed(["sync"], store: a, user: "clerk-a")
        let converged = git(["rev-parse", "HEAD"], in: a) == git(["rev-parse", "HEAD"], in: b)
        let grownSize = size(remote)
        let commits = git(["rev-list", "--count", "HEAD"], in: a)
        try? FileManager.default.removeItem(atPath: work)

        func ms(_ s: Double) -> String { milliseconds(s) }
        func mib(_ bytes: Int) -> String { String(format: "%.1f MiB", Double(bytes) / 1_048_576) }
        print("banli-bench --sync: \(count) cases, \(changed) changed a round, bare remote on local disk, "
              + "\(ProcessInfo.processInfo.activeProcessorCount) cores, load \(loadAverage())")
        print("banli git-setup (first commit of \(count) files): \(ms(firstCommit)); first banli sync (push): \(ms(publish))")
        print("remote after publishing: \(mib(publishedSize)); a clone's checkout \(mib(checkout))")
        print("git clone: \(ms(clone)); banli git-setup in the clone: \(ms(setup))")
        print("fresh clone: banli list (no index) \(ms(firstList)); first open, in process: list \(ms(firstOpen.list)) "
              + "(\(firstOpen.parsed) files parsed, index written), text index \(ms(firstOpen.text)); then banli list \(ms(warmList))")
        print("banli sync with \(changed) changed (commit, fetch, push): \(ms(push))")
        print("banli sync receiving them (fetch, merge, re-read): \(ms(pull))")
        print("after the pull, in process: list \(ms(listAfterPull)) (\(readAfterPull) files parsed), text index \(ms(textAfterPull)); "
              + "unchanged store: list \(ms(listUnchanged)), text index \(ms(textUnchanged))")
        print("banli list right after the pull: \(ms(listCommandAfterPull)); with \(changed) files' stamps changed since the index: \(ms(listTouched))")
        print("banli sync merging \(changed) cases changed on each side (different cases): \(ms(mergeDifferentCases))")
        print("banli sync merging \(changed) cases changed on both sides (different fields, merge driver): \(ms(mergeSameCases))")
        print("after \(commits) commits: remote \(mib(grownSize)) (\(mib(grownSize - publishedSize)) more); clones converged: \(converged)")
    }

    enum Field { case topic, handler }

    /// Edits cases `range` (in file-name order) in `directory` as `user` would: one field changed,
    /// saved through the store with the journal entry the edit makes.
    func edit(_ directory: String, user: String, cases range: Range<Int>, field: Field) throws {
        let store = try CaseStore(directory: directory, vocabulary: configuration.vocabulary)
        let handling = CaseHandling(configuration: configuration, user: user, clock: .system)
        let ids = try store.list().summaries.map(\.id).sorted { $0.description < $1.description }
        for id in ids[range] {
            let old = try store.load(id)
            var new = old.value
            switch field {
            case .topic: new.topic = user + "改" + new.topic.suffix(4)
            case .handler: new.handler = user
            }
            guard let handled = try handling.recordEdit(from: old.value, to: new) else { continue }
            _ = try store.save(handled.value, replacing: old.revision)
        }
    }

    /// The list and the text index opened in this process, as banli opens them: seconds for each,
    /// and how many case files the list parsed.
    func inProcess(_ directory: String) throws -> (list: Double, text: Double, parsed: Int) {
        let store = try CaseStore(directory: directory, vocabulary: configuration.vocabulary)
        var parsed = 0
        let list = try seconds { parsed = try store.list().parsedCount }
        let text = try seconds { _ = try store.textIndex() }
        return (list, text, parsed)
    }

    /// `banli list` after `changed` case files were rewritten unchanged (new stamps): what a pull that
    /// did not go through banli sync leaves.
    func touchAndList(_ directory: String) throws -> Double {
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".yaml") }.sorted()
        for name in files.prefix(changed) {
            let path = directory + "/" + name
            try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: path)
        }
        return timed(["list"], store: directory, user: "clerk-b")
    }

    func timed(_ arguments: [String], store directory: String, user: String) -> Double {
        seconds { banliStep(arguments, store: directory, user: user) }
    }

    func banliStep(_ arguments: [String], store directory: String, user: String) {
        let status = banli_bench.run(banli, arguments + ["--store", directory], environment: environment(user, directory))
        check(status, "banli " + arguments.joined(separator: " ") + " in " + directory)
    }

    /// The clerk's environment. `--no-auto-gc` turns git's automatic packing off (`gc.auto=0`): the
    /// first commit of 100,000 files sets it off, and banli waits for it (see docs/sharing.md).
    func environment(_ user: String, _ directory: String) -> [String: String] {
        let noAutoGC = CommandLine.arguments.contains("--no-auto-gc")
            ? ["GIT_CONFIG_COUNT": "1", "GIT_CONFIG_KEY_0": "gc.auto", "GIT_CONFIG_VALUE_0": "0"] : [:]
        return noAutoGC.merging(["USER": user, "XDG_CONFIG_HOME": directory + "/.banli/no-config", "COLUMNS": "100",
         "GIT_AUTHOR_NAME": user, "GIT_AUTHOR_EMAIL": user + "@bench", "GIT_COMMITTER_NAME": user, "GIT_COMMITTER_EMAIL": user + "@bench"]) { $1 }
    }

    /// Runs git in `directory`; its standard output, trimmed. Stops the benchmark when git fails.
    @discardableResult
    func git(_ arguments: [String], in directory: String) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let pipe = Pipe()
        process.standardOutput = pipe
        try! process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        check(process.terminationStatus, "git " + arguments.joined(separator: " ") + " in " + directory)
        return String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func check(_ status: Int32, _ what: String) {
        guard status == 0 else { fatalError("banli-bench --sync: \(what) failed (exit \(status))") }
    }

    /// Bytes on disk under `path` (du -sb).
    func size(_ path: String) -> Int {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/du")
        process.arguments = ["-sb", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try! process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return Int(output.split(separator: "\t").first ?? "") ?? 0
    }

    func loadAverage() -> String {
        ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "").split(separator: " ").prefix(3).joined(separator: " ")
    }
}
