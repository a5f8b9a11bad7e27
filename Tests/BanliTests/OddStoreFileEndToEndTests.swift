import Foundation
import Model
import Testing
import TestSupport

/// The real binary on a store holding what is not a regular file — a named pipe, a link to
/// `/dev/zero`, a case file that is a link, `.banli` leading elsewhere — or a case file over the
/// cap: every command ends and says what it found; none waits, fills memory or writes through a link.
/// Each run is under `timeout`, so a banli that waits fails the test instead of hanging the suite.
@Suite struct OddStoreFileEndToEndTests {
    let banli = Banli()

    /// Runs banli under `timeout` (killed after `seconds`) and, with `memoryKiB`, a limit on
    /// its address space.
    func run(_ arguments: [String], seconds: Int = 20, memoryKiB: Int? = nil) throws -> Banli.Output {
        let limited = "exec timeout -s KILL \(seconds) \"$0\" \"$@\""
        let script = memoryKiB.map { "ulimit -v \($0); " + limited } ?? limited
        return try banli.run(["-c", script, Banli.binary] + arguments, executable: "/bin/sh")
    }

    static let placements = ["x.yaml", ".banli/index.tsv", ".banli/text.tsv",
                             ".banli/recovery/zx6-5-093.tester.yaml", ".banli/editing/zx6-5-093.tester@pc-07.4711.lock"]

    func storeWithPipe(at placement: String) throws -> (store: String, pipe: String) {
        let store = Fixtures.demoStoreCopy()
        let pipe = store + "/" + placement
        try FileManager.default.createDirectory(atPath: FileSystem.parent(of: pipe), withIntermediateDirectories: true)
        #expect(mkfifo(pipe, 0o644) == 0)
        return (store, pipe)
    }

    @Test(arguments: placements)
    func noCommandWaitsOnAPipe(placement: String) throws {
        let (store, pipe) = try storeWithPipe(at: placement)
        for command in ["list", "stats", "ledger", "due", "check"] {
            let out = try run([command, "--store", store])
            // `timeout` ends a command that waits with SIGKILL.
            #expect(out.status != 9 && out.status != 137, "\(command) waited on \(placement)")
            // `check` fails on a case file it cannot read; what it finds in `.banli/` is a warning.
            #expect(out.status == (command == "check" && placement == "x.yaml" ? 1 : 0), "\(command): \(out.stderr)")
        }
        let reason = "是命名管道，banli 只读写普通文件"
        if placement == "x.yaml" {
            #expect(try run(["list", "--store", store]).stderr.contains("\(pipe): \(reason)"))
            #expect(try run(["check", "--store", store]).stdout.contains("\(pipe): \(reason)"))
        } else {
            #expect(try run(["check", "--store", store]).stdout.contains("\(pipe): 警告：\(reason)"))
        }
        #expect(FileKind(at: pipe) == .namedPipe || placement.hasSuffix(".tsv"))
    }

    /// The terminal UI starts, opens a reply (which reads the draft and the editing marks), searches
    /// (which reads the text cache) and quits.
    @Test(arguments: placements)
    func theTerminalUIStartsAndQuitsBesideAPipe(placement: String) throws {
        let (store, _) = try storeWithPipe(at: placement)
        let tmux = try TmuxSession.banli(store: store, prefix: "timeout --foreground -s KILL 60 ")
        try tmux.select("zx6-5-093")
        try tmux.send("r")
        _ = try tmux.wait(for: "the reply form or why not") { $0.contains("Ctrl-S 保存") || $0.contains("恢复文件无法读取") }
        try tmux.send("Escape")
        try tmux.send("q")
        let end = try tmux.wait(for: "banli to quit or ask") { $0.contains("BANLI-EXITED") || $0.contains("(y/N)") }
        if !end.contains("BANLI-EXITED") { try tmux.send("y") }
        _ = try tmux.wait(for: "banli to exit") { $0.contains("BANLI-EXITED 0") }
    }

    @Test func aLinkToDevZeroIsAProblemUnderATimeAndMemoryLimit() throws {
        let store = Fixtures.demoStoreCopy()
        #expect(symlink("/dev/zero", store + "/z.yaml") == 0)
        for command in ["list", "check"] {
            let out = try run([command, "--store", store], seconds: 20, memoryKiB: 600_000)
            #expect(out.status == (command == "check" ? 1 : 0), "\(command): \(out.status) \(out.stderr)")
            #expect((out.stdout + out.stderr).contains("\(store)/z.yaml: 是符号链接，banli 只读写普通文件"), "\(out.stderr)")
        }
    }

    @Test func aCaseFileOverTheConfiguredCapIsAProblem() throws {
        let store = Fixtures.demoStoreCopy()
        let config = Fixtures.temporaryDirectory() + "/config.yaml"
        Fixtures.write("case_file_max_mib: 1\n", to: config)
        let big = store + "/zx6-5-093.yaml"
        let bytes = Fixtures.bytes(big)
        // The case itself, padded past the cap with blank lines.
        _ = FileManager.default.createFile(atPath: big, contents: Data(bytes + Array(repeating: UInt8(ascii: "\n"), count: 2 << 20)))
        let out = try run(["list", "--config", config, "--store", store])
        #expect(out.status == 0 && out.stderr.contains("\(big): 大小为 2 MiB，超过上限 1 MiB（配置项 case_file_max_mib），未读取"), "\(out.stderr)")
        #expect(!out.stdout.contains("zx6-5-093"))
        // The default cap, 16 MiB, reads it.
        #expect(try run(["list", "--store", store]).stdout.contains("zx6-5-093"))
    }

    @Test func aCaseFileThatIsALinkIsListedAndNeverSavedThrough() throws {
        let store = Fixtures.demoStoreCopy()
        let link = store + "/zx6-5-093.yaml", target = Fixtures.temporaryDirectory() + "/093.yaml"
        #expect(rename(link, target) == 0 && symlink(target, link) == 0)
        let before = Fixtures.bytes(target)
        let listed = try run(["list", "--store", store])
        #expect(listed.stderr.contains("\(link): 是符号链接，banli 只读写普通文件"), "\(listed.stderr)")
        let contact = try run(["contact", "zx6-5-093", "--method", "电话", "--people", "王丽", "--summary", "沟通", "--store", store])
        #expect(contact.status == 1 && contact.stderr.contains("\(link): 是符号链接，banli 只读写普通文件"), "\(contact.stderr)")
        #expect(FileKind(at: link) == .symbolicLink && Fixtures.bytes(target) == before)
    }

    @Test(arguments: [".banli", ".banli/recovery"])
    func aStoreWhoseOwnDirectoryLeadsElsewhereWritesNothingThere(linked: String) throws {
        let store = Fixtures.demoStoreCopy()
        let outside = Fixtures.temporaryDirectory("outside")
        try FileManager.default.createDirectory(atPath: store + "/.banli", withIntermediateDirectories: true)
        if linked == ".banli" { try FileManager.default.removeItem(atPath: store + "/.banli") }
        #expect(symlink(outside, store + "/" + linked) == 0)
        #expect(try run(["list", "--store", store]).status == 0)
        let contact = try run(["contact", "zx6-5-093", "--method", "电话", "--people", "王丽", "--summary", "沟通", "--store", store])
        #expect(contact.status == 1 && contact.stderr.contains("\(store)/\(linked): 是符号链接而不是案件库中的目录"), "\(contact.stderr)")
        let check = try run(["check", "--store", store])
        #expect(check.stdout.contains("\(store)/\(linked): 是符号链接而不是案件库中的目录"), "\(check.stdout)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside).isEmpty)
    }

    /// A lock that is a named pipe or a link to `/dev/zero`: a save is refused naming the lock and
    /// the fix, `check` reports it, and after `rm` banli makes a new one and saves.
    @Test(arguments: ["pipe", "zero"])
    func anOddLockFileIsNamedAndReported(kind: String) throws {
        let store = Fixtures.demoStoreCopy()
        let lock = store + "/.banli/lock"
        try FileManager.default.createDirectory(atPath: store + "/.banli", withIntermediateDirectories: true)
        unlink(lock)
        #expect(kind == "pipe" ? mkfifo(lock, 0o644) == 0 : symlink("/dev/zero", lock) == 0)
        let what = kind == "pipe" ? "命名管道" : "符号链接"
        let reason = "\(lock): 是\(what)而不是普通文件，不能用作案件库的锁，banli 不经它保存（请删除：rm \(lock)；banli 会重新创建）"
        let contact = ["contact", "zx6-5-093", "--method", "电话", "--people", "王丽", "--summary", "沟通", "--store", store]
        let refused = try run(contact)
        #expect(refused.status == 1 && refused.stderr == "banli: \(reason)\n", "\(refused.stderr)")
        let check = try run(["check", "--store", store])
        #expect(check.status == 1 && check.stdout.contains(reason), "\(check.stdout)")
        unlink(lock)
        #expect(try run(contact).status == 0)
        #expect(FileKind(at: lock) == .regular)
    }

    /// The store marker as a named pipe or a link to `/dev/zero`: `list` and `init` both name it
    /// as what it is, neither waits on it nor calls the directory no store or a store.
    @Test(arguments: ["pipe", "zero"])
    func anOddStoreMarkerIsNamedAlikeByListAndInit(kind: String) throws {
        let store = Fixtures.demoStoreCopy()
        let marker = store + "/.banli-store"
        unlink(marker)
        #expect(kind == "pipe" ? mkfifo(marker, 0o644) == 0 : symlink("/dev/zero", marker) == 0)
        let what = kind == "pipe" ? "命名管道" : "符号链接"
        for command in ["list", "init"] {
            let out = try run(command == "init" ? ["init", store] : ["list", "--store", store])
            #expect(out.status == 1 && out.stderr == "banli: \(marker): 是\(what)，banli 只读写普通文件\n", "\(command): \(out.stderr)")
        }
    }

    /// A store whose `.banli/recovery` is a link: the terminal UI starts read-only for browsing,
    /// says why, reports a save as refused, and writes nothing where the link leads.
    @Test func theTerminalUIBrowsesAStoreWithALinkedOwnDirectoryReadOnly() throws {
        let store = Fixtures.demoStoreCopy()
        let outside = Fixtures.temporaryDirectory("outside")
        try FileManager.default.createDirectory(atPath: store + "/.banli", withIntermediateDirectories: true)
        try? FileManager.default.removeItem(atPath: store + "/.banli/recovery")
        #expect(symlink(outside, store + "/.banli/recovery") == 0)
        let tmux = try TmuxSession.banli(store: store, prefix: "timeout --foreground -s KILL 60 ")
        let start = try tmux.wait(for: "the read-only reason") { $0.contains(".banli/recovery 是符号链接：案件库以只读方式打开") }
        #expect(start.contains("只读 · "))
        try tmux.select("zx6-5-093")
        try tmux.send("r")
        _ = try tmux.wait(for: "the reply form") { $0.contains("Ctrl-S 保存") }
        try tmux.send("x", "C-s")
        _ = try tmux.wait(for: "the save refused") { $0.contains("未能保存 zx6-5-093.yaml") }
        // The typed letter taken back, the form leaves without asking.
        try tmux.send("BSpace", "Escape")
        try tmux.send("q")
        let end = try tmux.wait(for: "banli to quit or ask") { $0.contains("BANLI-EXITED") || $0.contains("(y/N)") }
        if !end.contains("BANLI-EXITED") { try tmux.send("y") }
        _ = try tmux.wait(for: "banli to exit") { $0.contains("BANLI-EXITED 0") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside).isEmpty)
    }
}
