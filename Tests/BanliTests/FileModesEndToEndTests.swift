import Foundation
import Testing
import TestSupport

/// The modes and groups of what the real binary writes, under the umask it is given. The umask is
/// the process's, and tests run in parallel in one process, so each command here gets its own from
/// `sh -c 'umask …; exec banli …'` rather than the test changing it.
@Suite struct FileModesEndToEndTests {
    let banli = Banli()

    /// `banli ARGUMENTS` run under `umask` (octal, as the shell writes it).
    func run(umask: String, _ arguments: [String]) throws -> Banli.Output {
        try banli.run(["-c", "umask \(umask) && exec \"$0\" \"$@\"", Banli.binary] + arguments, executable: "/bin/sh")
    }

    static func contact(_ store: String, _ summary: String = "电话沟通") -> [String] {
        ["contact", "090", "--store", store, "--method", "电话", "--people", "周建平委员", "--summary", summary]
    }

    func info(_ path: String) -> stat {
        var info = stat()
        #expect(stat(path, &info) == 0, "\(path)")
        return info
    }

    func mode(_ path: String) -> mode_t { info(path).st_mode & 0o7777 }

    /// A group this process may give a directory other than its own: as root any (nogroup's),
    /// otherwise one of its supplementary groups, or its own when it has no other.
    func sharedGroup() -> gid_t {
        if geteuid() == 0 { return 65534 }
        var groups = [gid_t](repeating: 0, count: Int(getgroups(0, nil)))
        let count = getgroups(Int32(groups.count), &groups)
        return groups.prefix(Int(max(count, 0))).first { $0 != getegid() } ?? getegid()
    }

    @Test func aCaseSharedWithEveryoneStaysSharedUnderAPrivateUmask() throws {
        let store = Fixtures.demoStoreCopy()
        let path = store + "/zx5-2-090.yaml"
        #expect(chmod(path, 0o666) == 0)
        let out = try run(umask: "077", Self.contact(store))
        #expect(out.status == 0 && out.stderr.isEmpty, "\(out.stderr)")
        #expect(mode(path) == 0o666)
        // What banli makes anew follows the umask: this user's alone.
        #expect(mode(store + "/.banli") == 0o700 && mode(store + "/.banli/lock") == 0o600)
        // The undo step holds the case's earlier bytes, and is as readable as the case.
        #expect(mode(store + "/.banli/undo/zx5-2-090.1.yaml") == 0o666)
    }

    @Test func aPrivateCaseStaysPrivateUnderAnOpenUmask() throws {
        let store = Fixtures.demoStoreCopy()
        let path = store + "/zx5-2-090.yaml"
        #expect(chmod(path, 0o600) == 0)
        let out = try run(umask: "002", Self.contact(store))
        #expect(out.status == 0 && out.stderr.isEmpty, "\(out.stderr)")
        #expect(mode(path) == 0o600 && mode(store + "/.banli/undo/zx5-2-090.1.yaml") == 0o600)
    }

    @Test func aNewStoreAndItsBookkeepingAreGroupWritableUnderUmask002() throws {
        let parent = Fixtures.temporaryDirectory()
        let store = parent + "/科室/案件库"
        let out = try run(umask: "002", ["init", store])
        #expect(out.status == 0 && out.stderr.isEmpty, "\(out.stderr)")
        #expect(mode(parent + "/科室") == 0o775 && mode(store) == 0o775)
        #expect(mode(store + "/.banli-store") == 0o664)
    }

    /// A store directory set-group-ID to a shared group: every directory and file banli makes in it
    /// takes that group, and the directories the bit, so a colleague in the group may write them.
    @Test func whatBanliMakesInASetGroupIDStoreTakesItsGroup() throws {
        let store = Fixtures.demoStoreCopy()
        let group = sharedGroup()
        #expect(chown(store, uid_t.max, group) == 0 && chmod(store, 0o2775) == 0)
        let out = try run(umask: "002", Self.contact(store))
        #expect(out.status == 0 && out.stderr.isEmpty, "\(out.stderr)")
        for directory in [store + "/.banli", store + "/.banli/undo"] {
            #expect(mode(directory) == 0o2775 && info(directory).st_gid == group, "\(directory)")
        }
        #expect(mode(store + "/.banli/lock") == 0o664 && info(store + "/.banli/lock").st_gid == group)
        // An undo step takes its case's group (the case was copied in before the store was shared).
        #expect(info(store + "/.banli/undo/zx5-2-090.1.yaml").st_gid == info(store + "/zx5-2-090.yaml").st_gid)
    }

    @Test func aReadOnlyCaseIsNotReplacedByACommandWhichSaysHowToAllowIt() throws {
        let store = Fixtures.demoStoreCopy()
        let path = store + "/zx5-2-090.yaml"
        #expect(chmod(path, 0o444) == 0)
        let before = Fixtures.bytes(path)
        let out = try run(umask: "022", Self.contact(store))
        #expect(out.status == 1)
        #expect(out.stderr == "banli: \(path): 文件只读（要允许修改：chmod u+w \(path)），未保存\n")
        #expect(Fixtures.bytes(path) == before && mode(path) == 0o444)
    }

    /// A store whose bookkeeping directory exists but holds no lock file yet, and which this user may
    /// not write: the message says why the lock could not be made, not that it is missing. As root
    /// no permission stops a write, so banli runs as `nobody` there.
    @Test func aLockFileThatCannotBeMadeSaysWhy() throws {
        let store = Fixtures.demoStoreCopy()
        #expect(mkdir(store + "/.banli", 0o755) == 0)
        let out: Banli.Output
        if geteuid() == 0 {
            out = try banli.run(["--reuid=65534", "--regid=65534", "--clear-groups", Banli.binary] + Self.contact(store),
                                executable: "/usr/bin/setpriv")
        } else {
            chmod(store + "/.banli", 0o555)
            defer { chmod(store + "/.banli", 0o755) }
            out = try banli.run(Self.contact(store))
        }
        #expect(out.status == 1 && out.stderr == "banli: \(store)/.banli/lock: 创建锁文件失败：没有权限\n", "\(out.stderr)")
    }
}
