import Foundation
import Model
import Testing
import TestSupport

/// What goes wrong between clerks and their remote, across the whole flow of `banli sync` with the
/// real git: the remote gone, a push rejected (another clerk pushed first, or a remote that refuses
/// every push), and banli killed in the middle of a sync. Each time the failure is one line, the
/// clerk's commit and files stay, and once the cause is gone the next sync finishes and the clones
/// converge. (H2's own tests cover each step of sync alone.)
@Suite(.serialized) struct TeamFailureEndToEndTests {
    /// Each clerk changes cases of their own here: the field merge of one case is the convergence
    /// test's (TeamConvergenceEndToEndTests).
    static let ids = ["zx6-5-093", "zx6-5-097", "rd7-5-050"]

    /// Clerk `i` adds a contact to `id` with `banli contact`; the people's names, unique to the call.
    func addContact(_ team: Team, _ i: Int, _ id: String, _ tag: String) throws -> String {
        let people = "\(team.clerks[i].user)联系\(tag)"
        try Team.expectSuccess(team.run(i, ["contact", id, "--method", "电话", "--people", people, "--summary", "沟通\(tag)"]), "banli contact")
        return people
    }

    /// The failed sync said one line on standard error, and the clerk's change is committed locally,
    /// the store still lists.
    func expectFailedKeepingTheCommit(_ team: Team, _ out: Banli.Output, people: String, _ what: String) throws {
        #expect(out.status != 0, "\(what): sync succeeded")
        let lines = out.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(what): not one line: \(out.stderr)")
        #expect(try !Team.shell(["git", "log", "--oneline", "-S", people], in: team.clerks[0].store).isEmpty,
                "\(what): the change is not in a local commit")
        let list = try team.run(0, ["list"])
        #expect(list.status == 0 && list.lines.count == Self.ids.count + 1, "\(what): banli list: \(list.stderr)")
    }

    /// Both clones hold the contact `people` once in `id`.
    func expectEverywhere(_ team: Team, _ id: String, _ people: String) throws {
        for i in team.clerks.indices {
            let count = try team.store(i).load(CaseID(id)!).value.contacts.filter { $0.people == people }.count
            #expect(count == 1, "\(team.clerks[i].user) holds \(count) contacts with \(people)")
        }
    }

    @Test func aRemoteThatIsGoneFailsInOneLineAndTheNextSyncFinishes() throws {
        let team = try Team(users: ["wangli", "lihua"], ids: Self.ids)
        let people = try addContact(team, 0, "093", "远端不在")
        try FileManager.default.moveItem(atPath: team.remote, toPath: team.remote + ".away")
        try expectFailedKeepingTheCommit(team, team.sync(0), people: people, "remote gone")
        try FileManager.default.moveItem(atPath: team.remote + ".away", toPath: team.remote)
        try team.converge(context: "remote back")
        try expectEverywhere(team, "zx6-5-093", people)
    }

    @Test func aRemoteThatRejectsEveryPushFailsInOneLineAndLosesNothing() throws {
        let team = try Team(users: ["wangli", "lihua"], ids: Self.ids)
        let hook = team.remote + "/hooks/pre-receive"
        Fixtures.write("#!/bin/sh\necho '只读：本库暂停接收' >&2\nexit 1\n", to: hook)
        chmod(hook, 0o755)
        let people = try addContact(team, 0, "097", "拒收")
        try expectFailedKeepingTheCommit(team, team.sync(0), people: people, "push rejected")
        // A second failed sync neither loses nor doubles anything.
        try expectFailedKeepingTheCommit(team, team.sync(0), people: people, "push rejected again")
        try FileManager.default.removeItem(atPath: hook)
        try team.converge(context: "hook removed")
        try expectEverywhere(team, "zx6-5-097", people)
    }

    /// Another clerk pushes while this one's sync is between its fetch and its push (a `pre-push` hook
    /// in this clone makes the other clerk sync, once): the push is rejected, and sync fetches, merges
    /// and pushes again.
    @Test func aPushRejectedBecauseAnotherClerkPushedFirstIsMergedAndPushedAgain() throws {
        let team = try Team(users: ["wangli", "lihua"], ids: Self.ids)
        let theirs = try addContact(team, 0, "rd7-5-050", "抢先")
        let mine = try addContact(team, 1, "097", "在后")
        let other = team.clerks[0]
        let hook = team.clerks[1].store + "/.git/hooks/pre-push", marker = team.root + "/raced"
        Fixtures.write("""
            #!/bin/sh
            [ -e \(marker) ] && exit 0
            touch \(marker)
            cd \(other.store) && env -u GIT_DIR -u GIT_WORK_TREE -u GIT_INDEX_FILE HOME=\(other.banli.home) USER=\(other.user) \(Banli.binary) sync --store \(other.store) >&2
            """, to: hook)
        chmod(hook, 0o755)
        let out = try team.sync(1)
        #expect(FileManager.default.fileExists(atPath: marker), "the pre-push hook did not run")
        #expect(out.status == 0, "the sync did not recover from the rejected push: \(out.stderr)")
        try team.converge(context: "after the race")
        try expectEverywhere(team, "rd7-5-050", theirs)
        try expectEverywhere(team, "zx6-5-097", mine)
    }

    /// `banli sync` killed (SIGKILL) after different delays, the remote's `pre-receive` slowed so that
    /// some kills land during the push and the other clerk's change waiting to be merged: git's own
    /// atomicity keeps both repositories sound, banli lists and checks the store, and the next sync
    /// finishes.
    @Test func syncKilledAtAnyPointLeavesASoundRepositoryAndTheNextSyncFinishes() throws {
        let team = try Team(users: ["wangli", "lihua"], ids: Self.ids)
        let hook = team.remote + "/hooks/pre-receive"
        Fixtures.write("#!/bin/sh\ncat >/dev/null\nsleep 0.4\n", to: hook)
        chmod(hook, 0o755)
        var added: [String] = [], statuses: [Int32] = []
        for (round, delay) in [0.01, 0.04, 0.08, 0.15, 0.25, 0.4, 0.6].enumerated() {
            added.append(try addContact(team, 1, "097", "第\(round)轮对方"))
            try Team.expectSuccess(team.sync(1), "the other clerk's sync")
            added.append(try addContact(team, 0, "093", "第\(round)轮"))
            let clerk = team.clerks[0]
            let sync = try Spawned("/usr/bin/env", ["HOME=\(clerk.banli.home)", "USER=\(clerk.user)", "LANG=C.UTF-8", "PATH=/usr/bin:/bin",
                                                    Banli.binary, "sync", "--store", clerk.store])
            usleep(useconds_t(delay * 1_000_000))
            kill(sync.pid, SIGKILL)
            let status = sync.waitForExit()
            statuses.append(status)
            // git's own processes, orphaned by the kill, finish on their own (the push waits for the hook).
            usleep(1_000_000)
            let what = "killed after \(Int(delay * 1000)) ms (exit \(status))"
            for directory in [clerk.store, team.remote] {
                #expect(throws: Never.self, "\(what): git fsck in \(directory)") { try Team.shell(["git", "fsck", "--no-progress"], in: directory) }
            }
            for command in [["list"], ["check"]] {
                let out = try team.run(0, command)
                #expect(out.status == 0, "\(what): banli \(command[0]): \(out.stderr)")
            }
            try Team.expectSuccess(team.sync(0), "\(what): the next sync")
        }
        #expect(statuses.filter { $0 == 128 + SIGKILL }.count >= 3, "too few syncs were still running when killed: \(statuses)")
        print("TeamFailureEndToEndTests: exit statuses of the killed syncs: \(statuses)")
        try FileManager.default.removeItem(atPath: hook)
        try team.converge(context: "after the kills")
        for (n, people) in added.enumerated() { try expectEverywhere(team, n % 2 == 0 ? "zx6-5-097" : "zx6-5-093", people) }
    }
}
