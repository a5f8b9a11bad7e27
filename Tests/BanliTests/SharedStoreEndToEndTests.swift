import Foundation
import Model
import Testing
import TestSupport

/// Two real OS users in one group on a store set up as the README says (set-group-ID 2775 in their
/// group, umask 002): both save from the command line, both have drafts, and each sees the other's
/// editing mark in the terminal UI. Making users needs root, as CI runs the tests; the users and
/// their group (`banli-test-…`) are made once and left for the next run.
@Suite(.serialized, .enabled(if: geteuid() == 0, "needs root to create two OS users and a group (useradd, groupadd) and run banli as each (runuser)"))
struct SharedStoreEndToEndTests {
    static let group = "banli-test-share"
    static let users = ["banli-test-a", "banli-test-b"]
    let banli = Banli()
    let id = CaseID("zx6-5-101")!

    /// Runs `script` with `sh -c` as root; fails the test when it fails.
    @discardableResult
    func shell(_ script: String) throws -> Banli.Output {
        let out = try banli.run(["-c", script], environment: ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin"], executable: "/bin/sh")
        #expect(out.status == 0, "\(script): \(out.stderr)")
        return out
    }

    /// The group and both users in it, made if missing (`groupadd -f`; a user made meanwhile by a
    /// parallel run is fine).
    func makeUsers() throws -> gid_t {
        try shell("groupadd -f \(Self.group)")
        for user in Self.users {
            try shell("id -u \(user) >/dev/null 2>&1 || useradd -M -N -g \(Self.group) -s /bin/sh \(user) || id -u \(user)")
            try shell("usermod -a -G \(Self.group) \(user)")
        }
        return try #require(getgrnam(Self.group)).pointee.gr_gid
    }

    func uid(_ user: String) throws -> uid_t { try #require(getpwnam(user)).pointee.pw_uid }

    /// A home of the user's own, so that nothing of root's is read or written.
    func home(for user: String) throws -> String {
        let home = Fixtures.temporaryDirectory("banli-home")
        #expect(chown(home, try uid(user), gid_t.max) == 0)
        return home
    }

    /// `command` (a shell command line) as `user` with umask 002, as a member of a shared store works.
    func asUser(_ user: String, home: String, _ command: String) -> String {
        "runuser -u \(user) -- env HOME=\(home) USER=\(user) LANG=C.UTF-8 PATH=/usr/bin:/bin TERM=xterm-256color sh -c 'umask 002 && \(command)'"
    }

    func info(_ path: String) -> stat {
        var info = stat()
        #expect(stat(path, &info) == 0, "\(path)")
        return info
    }

    /// The store, as a clerk sets it up: a directory in the group, set-group-ID 2775, the demo cases
    /// copied in by the first user and marked with `banli init`.
    func sharedStore(group: gid_t, firstUser: String, home: String) throws -> String {
        let store = Fixtures.temporaryDirectory("banli-shared") + "/store"
        #expect(mkdir(store, 0o755) == 0 && chown(store, 0, group) == 0 && chmod(store, 0o2775) == 0)
        try shell(asUser(firstUser, home: home,
                         "for f in \(Fixtures.demoStore)/*.yaml; do cat \"$f\" > \(store)/\"${f##*/}\"; done && \(Banli.binary) init \(store) >/dev/null"))
        return store
    }

    @Test func twoUsersInAGroupBothSaveBothHaveDraftsAndSeeEachOthersEditingMark() throws {
        let group = try makeUsers()
        let (a, b) = (Self.users[0], Self.users[1])
        let homes = [a: try home(for: a), b: try home(for: b)]
        let store = try sharedStore(group: group, firstUser: a, home: homes[a]!)

        // The command line: each saves a contact on the same case, the second over the first's file.
        for user in [a, b, a] {
            try shell(asUser(user, home: homes[user]!, "exec \(Banli.binary) contact 090 --store \(store) --method 电话 --people 周建平委员 --summary \(user)电话沟通 >/dev/null"))
        }
        let vocabulary = try Fixtures.configuration().vocabulary
        let saved = try CaseStore(directory: store, vocabulary: vocabulary).load(CaseID("zx5-2-090")!)
        #expect(saved.value.journal.suffix(3).map(\.user) == [a, b, a])
        #expect(info(saved.path).st_mode & 0o777 == 0o664 && info(saved.path).st_gid == group)
        for directory in [".banli", ".banli/undo"] {
            #expect(info(store + "/" + directory).st_mode & 0o7777 == 0o2775 && info(store + "/" + directory).st_gid == group)
        }

        // The terminal UI: a opens 101's reply and types; b opens it, is told a is editing, and types.
        let tmuxA = try terminal(as: a, home: homes[a]!, store: store)
        let tmuxB = try terminal(as: b, home: homes[b]!, store: store)
        try openReply(in: tmuxA)
        try tmuxA.send("-l", "甲的草稿")
        let draftA = try draft(of: a, in: store, containing: "甲的草稿")
        try openReply(in: tmuxB)
        let toldB = try tmuxB.wait(for: "a's editing mark") { $0.contains("\(a)（") && $0.contains("正在编辑此案件") }
        #expect(!toldB.contains("无法写入"), "\(toldB)")
        try tmuxB.send("-l", "乙的草稿")
        let draftB = try draft(of: b, in: store, containing: "乙的草稿")
        // Both drafts are there at once, each its writer's alone; both marks are readable by the group.
        for (path, user) in [(draftA, a), (draftB, b)] {
            let owner = try uid(user)
            #expect(info(path).st_mode & 0o777 == 0o600 && info(path).st_uid == owner, "\(path)")
        }
        let marks = try CaseStore(directory: store, vocabulary: vocabulary).editingMarks(of: id)
        #expect(Set(marks.map(\.user)) == [a, b])
        for mark in marks { #expect(info(mark.path).st_mode & 0o777 == 0o664 && info(mark.path).st_gid == group, "\(mark.path)") }
        for directory in [".banli/recovery", ".banli/editing"] {
            #expect(info(store + "/" + directory).st_mode & 0o7777 == 0o2775 && info(store + "/" + directory).st_gid == group)
        }

        // a saves and leaves, then opens the reply again: now a is told b is editing.
        try tmuxA.send("C-s")
        _ = try tmuxA.wait(for: "a's save") { $0.contains("已保存 zx6-5-101") }
        try tmuxA.send("Escape")
        _ = try tmuxA.wait(for: "the list") { !$0.contains("答复 zx6-5-101") }
        try tmuxA.send("r")
        let toldA = try tmuxA.wait(for: "b's editing mark") { $0.contains("\(b)（") && $0.contains("正在编辑此案件") }
        #expect(!toldA.contains("无法写入"), "\(toldA)")
        // b's save meets a's and merges onto it, then saves over a's file.
        try tmuxB.send("C-s")
        _ = try tmuxB.wait(for: "the conflict menu") { $0.contains("把我的版本另存为副本") }
        try tmuxB.send("2")
        _ = try tmuxB.wait(for: "the merge") { $0.contains("已合并") || $0.contains("已把你的修改放到对方的版本上") }
        try tmuxB.send("C-s")
        _ = try tmuxB.wait(for: "b's save") { $0.contains("已保存 zx6-5-101") }
        let reply = try CaseStore(directory: store, vocabulary: vocabulary).load(id)
        #expect(reply.value.journal.suffix(2).map(\.user) == [a, b])
        #expect(info(reply.path).st_mode & 0o777 == 0o664 && info(reply.path).st_gid == group)
    }

    /// banli as `user` in tmux (wide, so that the status line holds a host name of any length),
    /// once its list is on screen.
    func terminal(as user: String, home: String, store: String) throws -> TmuxSession {
        let tmux = try TmuxSession(width: 160, height: 30,
                                   command: asUser(user, home: home, "exec \(Banli.binary) --store \(store)") + "; echo BANLI-EXITED $?; sleep 60")
        _ = try tmux.wait(for: "\(user)'s case list") { $0.contains("共32件") }
        return tmux
    }

    func openReply(in tmux: TmuxSession) throws {
        try tmux.select(id.description)
        try tmux.send("r")
        _ = try tmux.wait(for: "the reply form") { $0.contains("答复 \(id)") }
    }

    /// The path of `user`'s recovery file once it holds `text` (autosave writes it when typing pauses).
    func draft(of user: String, in store: String, containing text: String) throws -> String {
        let path = store + "/.banli/recovery/\(id).\(user).yaml"
        let deadline = Date().addingTimeInterval(10)
        while !String(decoding: Fixtures.bytes(path), as: UTF8.self).contains(text) {
            guard Date() < deadline else { throw DraftNotWritten(path: path) }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return path
    }

    struct DraftNotWritten: Error { var path: String }
}
