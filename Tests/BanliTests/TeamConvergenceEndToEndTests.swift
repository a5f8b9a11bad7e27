import Foundation
import Model
import Testing
import TestSupport

/// Three clerks on one store through a bare git remote, with the real `banli` and the real `git`:
/// a seeded random run of edits to the same and to different cases and syncs in random order, then
/// everyone syncs until nothing changes. Every clone must then hold the same files as the remote's
/// commit, no journal, contact or outcome entry may be lost or doubled, every value a clerk wrote
/// must be the field's value, replaced by a clerk who had seen it, or kept in a recorded 冲突; every
/// conflict is resolved with `banli resolve`, and the clones converge again with none left.
///
/// `BANLI_TEAM_STEPS` sets the number of steps (150 by default, about a minute on 2 cores; thousands
/// for a long run), `BANLI_TEAM_SEED` replays a run (each run prints its seed).
@Suite(.serialized) struct TeamConvergenceEndToEndTests {
    /// Demo cases a clerk can still edit (办理中, 待审核, 待签收), with and without reply sections.
    static let ids = ["zx6-5-052", "zx6-5-088", "zx6-5-093", "zx6-5-097", "zx6-5-099",
                      "rd7-5-036", "rd7-5-045", "rd7-5-050", "rd7-5-053", "zx6-5-101"]
    static let users = ["wangli", "lihua", "zhaomin"]

    @Test func threeClerksEditAndSyncInRandomOrderThenConvergeWithNothingLost() throws {
        let environment = ProcessInfo.processInfo.environment
        let seed = environment["BANLI_TEAM_SEED"].flatMap { UInt64($0) } ?? 12345
        let steps = environment["BANLI_TEAM_STEPS"].flatMap { Int($0) } ?? 150
        print("TeamConvergenceEndToEndTests: seed \(seed), \(steps) steps (BANLI_TEAM_SEED=\(seed) replays it)")
        let team = try Team(users: Self.users, ids: Self.ids)
        var run = TeamRun(team: team, seed: seed, ids: Self.ids)
        for n in 0..<steps { try run.step(n) }
        // A clash the run may not have made: two clerks rewrite the same opening before syncing.
        let clash = TeamRun.Field(id: run.ids[0], path: "答复.开头")
        try run.editText(0, clash, steps)
        try run.editText(1, clash, steps + 1)
        try team.converge(context: "seed \(seed)")
        print("TeamConvergenceEndToEndTests: seed \(seed): \(run.counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))")
        try checkConverged(team, seed: seed)

        let cases = try team.store(0).loaded(Self.ids)
        checkRecords(run, cases)
        checkNothingLost(run, cases)
        let clashTexts = Set([steps, steps + 1].map { n in run.written[clash]!.first { $0.hasSuffix("T\(n)。") }! })
        #expect(cases[clash.id]!.conflicts.contains { $0.field == clash.path && Set([$0.mine, $0.theirs]) == clashTexts },
                "seed \(seed): the clash on \(clash) is not a recorded conflict: \(cases[clash.id]!.conflicts)")
        let conflicts = cases.values.reduce(0) { $0 + $1.conflicts.count }
        print("TeamConvergenceEndToEndTests: seed \(seed): \(conflicts) conflicts recorded")

        // Each case's conflicts resolved by one clerk (the cases shared out among them), half of them
        // keeping their own side, half the other's; then everyone syncs again.
        for (n, id) in Self.ids.map({ CaseID($0)! }).enumerated() {
            let clerk = n % team.clerks.count
            for (k, conflict) in cases[id]!.conflicts.enumerated() {
                try Team.expectSuccess(team.run(clerk, ["resolve", id.description, conflict.field, k % 2 == 0 ? "--mine" : "--theirs"]),
                                       "seed \(seed): banli resolve \(id) \(conflict.field)")
            }
        }
        try team.converge(context: "seed \(seed), after resolving every conflict")
        try checkConverged(team, seed: seed)
        for i in team.clerks.indices {
            let left = try team.store(i).list().summaries.filter { $0.conflictCount > 0 }.map(\.id)
            #expect(left.isEmpty, "seed \(seed): \(team.clerks[i].user) still lists conflicts on \(left)")
        }
    }

    /// Every clone holds exactly the remote's commit, nothing left uncommitted, the same bytes in every
    /// file, and `banli check` finds nothing wrong.
    func checkConverged(_ team: Team, seed: UInt64) throws {
        let branch = try Team.shell(["git", "rev-parse", "--abbrev-ref", "HEAD"], in: team.clerks[0].store)
        let remoteHead = try Team.shell(["git", "rev-parse", branch], in: team.remote)
        let reference = try team.files(0)
        for i in team.clerks.indices {
            let user = team.clerks[i].user
            #expect(try team.head(i) == remoteHead, "seed \(seed): \(user)'s commit is not the remote's")
            let status = try Team.shell(["git", "status", "--porcelain"], in: team.clerks[i].store)
            #expect(status.isEmpty, "seed \(seed): \(user) has uncommitted changes:\n\(status)")
            let files = try team.files(i)
            let differing = Set(files.keys).union(reference.keys).filter { files[$0] != reference[$0] }
            #expect(differing.isEmpty, "seed \(seed): \(user)'s files differ from \(team.clerks[0].user)'s: \(differing.sorted())")
            let check = try team.run(i, ["check"])
            #expect(check.status == 0, "seed \(seed): banli check in \(user)'s clone: \(check.stdout)\(check.stderr)")
        }
    }

    /// Each journal entry the run created is in its case as many times as it was made (equal entries of
    /// one clerk in one second included), each contact and outcome exactly once.
    func checkRecords(_ run: TeamRun, _ cases: [CaseID: Case]) {
        for (id, entries) in run.journal {
            for (entry, created) in entries {
                let count = cases[id]!.journal.filter { $0 == entry }.count
                #expect(count == created, "seed \(run.seed): \(id)'s journal holds \(count) of \(entry), made \(created) times")
            }
        }
        for (id, people) in run.contacts {
            for name in people {
                let count = cases[id]!.contacts.filter { $0.people == name }.count
                #expect(count == 1, "seed \(run.seed): \(id) holds \(count) contacts with \(name)")
            }
        }
        for (id, notes) in run.outcomeNotes {
            for note in notes {
                let count = cases[id]!.outcomes.filter { $0.note == note }.count
                #expect(count == 1, "seed \(run.seed): \(id) holds \(count) outcomes noted \(note)")
            }
        }
    }

    /// Every value written into a field is still its value, or was replaced by a clerk who had it, or
    /// is one side of a recorded conflict on that field: no clash was decided silently.
    func checkNothingLost(_ run: TeamRun, _ cases: [CaseID: Case]) {
        for (field, values) in run.written {
            let c = cases[field.id]!
            let kept = Set(c.conflicts.filter { $0.field == field.path }.flatMap { [$0.mine, $0.theirs] })
                .union([TeamRun.value(field.path, in: c)].compactMap { $0 })
                .union(run.replaced[field] ?? [])
            let lost = values.subtracting(kept)
            #expect(lost.isEmpty, "seed \(run.seed): \(field): written, never replaced by a clerk who had seen it, and gone: \(lost.sorted())")
        }
    }
}

extension CaseStore {
    /// The cases `ids` as this store holds them now.
    func loaded(_ ids: [String]) throws -> [CaseID: Case] {
        var cases: [CaseID: Case] = [:]
        for id in ids.map({ CaseID($0)! }) { cases[id] = try load(id).value }
        return cases
    }
}
