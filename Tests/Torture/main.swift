// banli-torture: a process for the crash-safety tests to kill and race. It does nothing but save
// cases and write drafts through `CaseStore`, as fast as it can, so that a SIGKILL at a random moment
// lands in the middle of a write far more often than it would in banli itself.
//
//   banli-torture kill STORE
//       Saves the versions of TortureVersions in turn over cases 001–003, each followed by a draft,
//       forever; prints "ready" once the store is open and "saved" once every case has been saved
//       once. The test kills it and checks what is left.
//   banli-torture race STORE USER SAVES NUMBER…
//       SAVES times: loads one of the cases NUMBER… (in turn), appends a journal entry "USER #n",
//       writes a draft and saves; a save refused because another process saved first is counted
//       and tried again on the new version. Prints "saved SAVES conflicts C".
import Glibc
import Model
import TestSupport

/// Writes straight to the descriptor: stdout is a pipe, and buffered output would die with the process.
func say(_ line: String, to descriptor: Int32 = 1) {
    let bytes = Array((line + "\n").utf8)
    _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
}

func fail(_ message: String) -> Never {
    say("banli-torture: \(message)", to: 2)
    exit(1)
}

func openStore(_ directory: String) -> CaseStore {
    do {
        return try CaseStore(directory: directory, vocabulary: Fixtures.configuration().vocabulary)
    } catch {
        fail("\(error)")
    }
}

func caseID(_ number: String) -> CaseID { TortureVersions.saved(number, 0).id }

let arguments = CommandLine.arguments
switch (arguments.count, arguments.dropFirst().first) {
case (3, "kill"):
    let store = openStore(arguments[2])
    say("ready")
    var round = 0
    while true {
        round += 1
        for number in TortureVersions.numbers {
            let k = round % TortureVersions.count
            do {
                let current = try store.load(caseID(number))
                let saved = try store.save(TortureVersions.saved(number, k), replacing: current.revision)
                try store.writeRecovery(TortureVersions.draft(number, k), base: saved.revision, time: "2026-11-29T09:00:00+08:00",
                                        user: TortureVersions.user)
            } catch {
                fail("\(error)")
            }
        }
        if round == 1 { say("saved") }
    }
case (let n, "race") where n >= 6:
    let store = openStore(arguments[2])
    let user = arguments[3]
    guard let saves = Int(arguments[4]) else { fail("SAVES must be a number") }
    let ids = arguments[5...].map(caseID)
    var conflicts = 0
    for n in 1...max(1, saves) {
        let id = ids[(n - 1) % ids.count]
        while true {
            do {
                let current = try store.load(id)
                var value = current.value
                value.reply.closing = "\(user) #\(n)"
                value.journal.append(JournalEntry(time: "2026-11-29T09:00:00+08:00", user: user, text: "\(user) #\(n)"))
                try store.writeRecovery(value, base: current.revision, time: "2026-11-29T09:00:00+08:00", user: user)
                try store.save(value, replacing: current.revision)
                break
            } catch .conflict {
                conflicts += 1
            } catch {
                fail("\(error)")
            }
        }
    }
    say("saved \(saves) conflicts \(conflicts)")
default:
    fail("usage: banli-torture kill STORE | banli-torture race STORE USER SAVES NUMBER…")
}
