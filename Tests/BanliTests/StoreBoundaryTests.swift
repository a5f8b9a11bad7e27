import Foundation
import Model
import Testing
import TestSupport

/// A store is a store: commands open only a directory `banli init` marked, commands that only read
/// leave it exactly as it was, and an output named with `-o` never lands in a store or on a file
/// that is there already.
@Suite struct StoreBoundaryTests {
    let banli = Banli()

    /// Every name under `directory`, with its size, modification time and inode, and the directory's
    /// own modification time: what a read-only command must leave byte for byte as it was.
    func listing(_ directory: String) -> String {
        func line(_ path: String, _ name: String) -> String {
            var info = stat()
            _ = lstat(path, &info)
            return "\(name) \(info.st_mode) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_ino)"
        }
        let names = (FileManager.default.enumerator(atPath: directory)?.allObjects as? [String] ?? []).sorted()
        return ([line(directory, ".")] + names.map { line(directory + "/" + $0, $0) }).joined(separator: "\n")
    }

    @Test func everyCommandRefusesWhatIsNotAStore() throws {
        let root = Fixtures.temporaryDirectory()
        let plain = root + "/plain", file = root + "/file.txt"
        try FileManager.default.createDirectory(atPath: plain, withIntermediateDirectories: false)
        Fixtures.write("x", to: file)
        let refusals = [
            (root + "/missing", "banli: 不存在：\(root)/missing（请检查路径；新建案件库用 banli init \(root)/missing）\n"),
            (file, "banli: 不是目录：\(file)\n"),
            (plain, "banli: 不是案件库：\(plain)（可用 banli init \(plain) 创建）\n"),
        ]
        let commands: [[String]] = [["list"], ["show", "090"], ["stats"], ["ledger"], ["due"], ["export", "090"],
                                    ["move", "090", "办理中"], ["new", "--kind", "提案"], []]
        for (store, message) in refusals {
            for command in commands {
                let out = try banli.run(command + ["--store", store])
                #expect(out.status == 1 && out.stderr == message && out.stdout.isEmpty, "\(command) \(store): \(out.stderr)")
            }
            // The store named by the environment is refused alike.
            #expect(try banli.run(["list"], environment: ["BANLI_STORE": store]).stderr == message)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: plain).isEmpty, "nothing was written into the directory refused")
    }

    @Test func initMarksAStoreAndItsCaseFilesStayAsTheyWere() throws {
        let root = Fixtures.temporaryDirectory()
        let fresh = root + "/新库/案件"
        let created = try banli.run(["init", fresh])
        #expect(created.status == 0 && created.stdout == "已创建案件库：\(fresh)\n", "\(created.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: fresh) == [StoreMarker.fileName])
        #expect(try banli.run(["list", "--format", "tsv", "--store", fresh]).lines == [
            "id\tkind\tnumber\ttitle\tlead\tsigners\tassigned\tdeadline\tdays_left\tstatus\toutcome\tkey\tprinted_number"])

        // A directory of case files from before stores were marked: marked, its files untouched.
        let old = root + "/old"
        try FileManager.default.createDirectory(atPath: old, withIntermediateDirectories: false)
        for name in try FileManager.default.contentsOfDirectory(atPath: Fixtures.demoStore) where name.hasSuffix(".yaml") {
            try FileManager.default.copyItem(atPath: Fixtures.demoStore + "/" + name, toPath: old + "/" + name)
        }
        let before = Fixtures.bytes(old + "/zx5-2-090.yaml")
        #expect(try banli.run(["list", "--store", old]).status == 1)
        let marked = try banli.run(["init", old])
        #expect(marked.status == 0 && marked.stdout == "已将 \(old) 标记为案件库（其中已有 32 个案件文件）\n", "\(marked.stdout)")
        #expect(Fixtures.bytes(old + "/zx5-2-090.yaml") == before)
        #expect(try banli.run(["list", "--format", "tsv", "--store", old]).lines.count == 33)
        let again = try banli.run(["init", old])
        #expect(again.status == 0 && again.stdout == "\(old) 已是案件库，未作改动\n")

        let other = root + "/other"
        try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: false)
        Fixtures.write("笔记", to: other + "/notes.txt")
        let refused = try banli.run(["init", other])
        #expect(refused.status == 1 && refused.stderr.hasPrefix("banli: \(other): 目录不空") && refused.stderr.filter { $0 == "\n" }.count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: other) == ["notes.txt"])
    }

    @Test func commandsThatOnlyReadCreateNothingInTheStore() throws {
        let store = Fixtures.demoStoreCopy()
        let before = listing(store)
        let readers: [[String]] = [["list"], ["list", "--format", "json"], ["show", "090"], ["export", "090"],
                                   ["export", "090", "--format", "html"], ["due"], ["stats"], ["ledger"], []]
        for command in readers {
            let out = try banli.run(command + ["--store", store])
            #expect(out.status == 0 && !out.stdout.isEmpty, "\(command): \(out.stderr)")
            #expect(listing(store) == before, "\(command) changed the store")
        }
        #expect(!FileManager.default.fileExists(atPath: store + "/.banli"))
        // A command that writes may make `.banli/` (its lock), and does.
        #expect(try banli.run(["move", "101", "办理中", "--store", store]).status == 0)
        #expect(FileManager.default.fileExists(atPath: store + "/.banli"))
    }

    @Test func exportAndLedgerNeverWriteIntoAStore() throws {
        let store = Fixtures.demoStoreCopy()
        let elsewhere = Fixtures.demoStoreCopy()
        let outside = Fixtures.temporaryDirectory()
        try FileManager.default.createSymbolicLink(atPath: outside + "/link", withDestinationPath: store)
        try FileManager.default.createDirectory(atPath: outside + "/sub", withIntermediateDirectories: false)
        try FileManager.default.createDirectory(atPath: store + "/.banli", withIntermediateDirectories: false)
        let storeName = URL(fileURLWithPath: store).lastPathComponent
        let before = listing(store), beforeElsewhere = listing(elsewhere)
        let attempts: [(arguments: [String], output: String, store: String)] = [
            (["export", "090"], store + "/zx6-5-099.yaml", store),
            (["ledger"], store + "/zx6-5-101.yaml", store),
            (["ledger"], store + "/x.csv", store),
            (["export", "090", "--force"], store + "/zx6-5-099.yaml", store),
            (["export", "090"], store + "/.banli/x.txt", store),
            (["export", "090"], outside + "/link/zx6-5-099.yaml", store),
            (["export", "090"], outside + "/sub/../link/x.txt", store),
            (["ledger"], outside + "/sub/../../" + storeName + "/x.csv", store),
            // Any store, not only the one in use.
            (["ledger", "--force"], elsewhere + "/zx5-2-090.yaml", elsewhere),
        ]
        for (arguments, output, inStore) in attempts {
            let out = try banli.run(arguments + ["-o", output, "--store", store])
            let message = "banli: 不能写入 \(output)：位于案件库 \(try FileSystem.realPath(inStore)) 之中，导出不写进案件库（请写到库外）\n"
            #expect(out.status == 1 && out.stderr == message && out.stdout.isEmpty, "\(arguments) \(output): \(out.stderr)")
        }
        #expect(listing(store) == before && listing(elsewhere) == beforeElsewhere)
        #expect(try banli.run(["list", "--format", "tsv", "--store", store]).lines.count == 33, "every case still lists")
    }

    @Test func anOutputNeverReplacesAFileUnlessForcedNorADirectory() throws {
        let store = Fixtures.demoStoreCopy()
        let outside = Fixtures.temporaryDirectory()
        let existing = outside + "/台账.csv"
        Fixtures.write("别人的表格", to: existing)
        for command in [["ledger"], ["export", "090"]] {
            let refused = try banli.run(command + ["-o", existing, "--store", store])
            #expect(refused.status == 1 && refused.stderr == "banli: 不能写入 \(existing)：文件已存在（确要替换请加 --force）\n", "\(refused.stderr)")
            #expect(String(decoding: Fixtures.bytes(existing), as: UTF8.self) == "别人的表格")
            let directory = try banli.run(command + ["-o", outside, "--force", "--store", store])
            #expect(directory.status == 1 && directory.stderr == "banli: 不能写入 \(outside)：是目录（请在 -o 后写出文件名）\n", "\(directory.stderr)")
        }
        let forced = try banli.run(["ledger", "-o", existing, "--force", "--store", store])
        #expect(forced.status == 0 && forced.stderr.isEmpty)
        #expect(String(decoding: Fixtures.bytes(existing), as: UTF8.self).hasPrefix("编号,"))
        let new = try banli.run(["export", "090", "-o", outside + "/090.txt", "--store", store])
        #expect(new.status == 0 && Fixtures.bytes(outside + "/090.txt").count > 1000)
    }

    /// `--force` replaces a regular file only: a device, a named pipe, a socket or a link named
    /// with `-o` is refused by its kind and stays what it was (a link's target untouched).
    @Test func forceNeverReplacesWhatIsNotARegularFile() throws {
        let store = Fixtures.demoStoreCopy()
        let outside = Fixtures.temporaryDirectory()
        Fixtures.write("目标", to: outside + "/tgt.txt")
        #expect(symlink("tgt.txt", outside + "/答复.html") == 0)
        #expect(mkfifo(outside + "/ff", 0o644) == 0)
        var odd = [("答复.html", FileKind.symbolicLink), ("ff", .namedPipe)]
        if getuid() == 0 {
            #expect(mknod(outside + "/mynull", S_IFCHR | 0o666, dev_t((1 << 8) | 3)) == 0)
            odd.append(("mynull", .characterDevice))
        }
        for (name, kind) in odd {
            let path = outside + "/" + name
            for command in [["ledger"], ["export", "090"]] {
                for force in [["--force"], []] {
                    let out = try banli.run(command + ["-o", path, "--store", store] + force)
                    #expect(out.status == 1 && out.stderr == "banli: 不能写入 \(path)：是\(kind.name)，未覆盖（--force 只覆盖普通文件）\n", "\(out.stderr)")
                    #expect(FileKind(at: path) == kind)
                }
            }
        }
        #expect(String(decoding: Fixtures.bytes(outside + "/tgt.txt"), as: UTF8.self) == "目标")
    }
}
