import Foundation
import Model
import Testing
import TestSupport

/// A seeded random run of clerks working on a shared store: each step one clerk handles a case —
/// through the real `banli` commands (contact, outcome, move) or through the model as the terminal
/// UI does (CaseStore + CaseHandling: the reply's opening or a section's text, a contact) — or syncs.
/// Everything created carries a text of its own (`T17`: step 17), so that the end can tell what was
/// kept, lost or doubled; every field edit remembers the value it replaced, which that clerk had seen.
struct TeamRun {
    let team: Team
    let seed: UInt64
    let ids: [CaseID]
    private var random: SplitMix64

    /// Journal entries the steps appended, by case, with how many times each (a clerk's two edits
    /// of a part in one second append two equal entries).
    private(set) var journal: [CaseID: [JournalEntry: Int]] = [:]
    /// The `人员` of each contact added, and the `说明` of each outcome recorded, by case.
    private(set) var contacts: [CaseID: Set<String>] = [:], outcomeNotes: [CaseID: Set<String>] = [:]
    /// Every value written into a text field (`答复.开头`, `答复.正文.2.内容`), and the values an edit
    /// replaced (seen by the clerk who replaced them), by case and field.
    private(set) var written: [Field: Set<String>] = [:], replaced: [Field: Set<String>] = [:]
    /// The field a clerk last edited, for another to edit the same one.
    private var lastEdit: (clerk: Int, field: Field)?
    private(set) var counts: [String: Int] = [:]

    struct Field: Hashable, CustomStringConvertible {
        var id: CaseID
        /// The case-file path, as 冲突 names it (`答复.正文.2.内容`).
        var path: String
        var description: String { "\(id) \(path)" }
    }

    init(team: Team, seed: UInt64, ids: [String]) {
        self.team = team
        self.seed = seed
        self.ids = ids.map { CaseID($0)! }
        random = SplitMix64(seed: seed)
    }

    /// One step: a clerk chosen at random does one thing.
    mutating func step(_ n: Int) throws {
        let clerk = Int.random(in: team.clerks.indices, using: &random)
        let id = ids.randomElement(using: &random)!
        let roll = Int.random(in: 0..<100, using: &random)
        switch roll {
        case ..<25: try sync(clerk)
        case ..<37: try contactCommand(clerk, id, n)
        case ..<42:
            let contact = ContactEntry(date: team.handling(clerk).clock.today, method: .visit, people: "走访T\(n)", summary: "走访T\(n)")
            try edit(clerk, id, n) { $0.contacts.append(contact) }
        case ..<52: try outcomeCommand(clerk, id, n)
        case ..<62: try moveCommand(clerk, id)
        case ..<75: try editText(clerk, Field(id: id, path: "答复.开头"), n)
        case ..<90: try editText(clerk, sectionField(clerk, id), n)
        default:
            if let last = lastEdit, last.clerk != clerk { try editText(clerk, last.field, n) } else { try sync(clerk) }
        }
    }

    mutating func sync(_ clerk: Int) throws {
        counts["sync", default: 0] += 1
        try Team.expectSuccess(team.sync(clerk), "seed \(seed): \(team.clerks[clerk].user)'s sync")
    }

    /// `banli contact` on the command line.
    mutating func contactCommand(_ clerk: Int, _ id: CaseID, _ n: Int) throws {
        let people = "周委员T\(n)"
        try command(clerk, id, ["contact", id.description, "--method", "电话", "--people", people, "--summary", "电话沟通T\(n)"])
        contacts[id, default: []].insert(people)
    }

    /// `banli outcome` with a result other than the current one (a follow-up once there is one).
    mutating func outcomeCommand(_ clerk: Int, _ id: CaseID, _ n: Int) throws {
        let current = try team.store(clerk).load(id).value.currentOutcome?.result
        let result = team.configuration.outcomeScheme.map(\.label).filter { $0 != current }.randomElement(using: &random)!
        try command(clerk, id, ["outcome", id.description, result, "--note", "跟踪T\(n)"])
        outcomeNotes[id, default: []].insert("跟踪T\(n)")
    }

    /// `banli move` between 办理中 and 待审核 (待签收 → 办理中 first).
    mutating func moveCommand(_ clerk: Int, _ id: CaseID) throws {
        let status = try team.store(clerk).load(id).value.status
        try command(clerk, id, ["move", id.description, status == "办理中" ? "待审核" : "办理中"])
    }

    /// Runs a command that changes case `id` in clerk's store and notes the journal entries it added.
    private mutating func command(_ clerk: Int, _ id: CaseID, _ arguments: [String]) throws {
        counts[arguments[0], default: 0] += 1
        let before = try team.store(clerk).load(id).value.journal
        try Team.expectSuccess(team.run(clerk, arguments), "seed \(seed): \(team.clerks[clerk].user): banli \(arguments.joined(separator: " "))")
        let after = try team.store(clerk).load(id).value.journal
        for entry in after.dropFirst(before.count) { journal[id, default: [:]][entry, default: 0] += 1 }
    }

    /// A random section of the reply, or its opening when it has none.
    mutating func sectionField(_ clerk: Int, _ id: CaseID) throws -> Field {
        let sections = try team.store(clerk).load(id).value.reply.sections.count
        guard sections > 0 else { return Field(id: id, path: "答复.开头") }
        return Field(id: id, path: "答复.正文.\(Int.random(in: 1...sections, using: &random)).内容")
    }

    /// Writes a text of step `n`'s own into `field`, as the reply form saves it.
    mutating func editText(_ clerk: Int, _ field: Field, _ n: Int) throws {
        let text = "\(team.clerks[clerk].user)在第\(n)步改写T\(n)。"
        var old: String?
        try edit(clerk, field.id, n) { c in
            old = TeamRun.value(field.path, in: c)
            TeamRun.set(field.path, to: text, in: &c)
        }
        // A section that is no longer there (another clerk's merge) is not edited.
        guard let old else { return }
        replaced[field, default: []].insert(old)
        written[field, default: []].insert(text)
        lastEdit = (clerk, field)
    }

    /// Changes case `id` in clerk's store through the model, journalled as the terminal UI does.
    mutating func edit(_ clerk: Int, _ id: CaseID, _ n: Int, _ change: (inout Case) -> Void) throws {
        counts["model edit", default: 0] += 1
        let store = try team.store(clerk)
        let old = try store.load(id)
        var new = old.value
        change(&new)
        guard let handled = try team.handling(clerk).recordEdit(from: old.value, to: new) else { return }
        _ = try store.save(handled.value, replacing: old.revision)
        journal[id, default: [:]][handled.entry, default: 0] += 1
        for contact in new.contacts where !old.value.contacts.contains(contact) { contacts[id, default: []].insert(contact.people) }
    }

    /// The text at a field path of the reply; nil for a section the reply does not have.
    static func value(_ path: String, in c: Case) -> String? {
        if path == "答复.开头" { return c.reply.opening }
        let index = Int(path.split(separator: ".")[2])! - 1
        return c.reply.sections.indices.contains(index) ? c.reply.sections[index].text : nil
    }

    static func set(_ path: String, to text: String, in c: inout Case) {
        if path == "答复.开头" { c.reply.opening = text; return }
        let index = Int(path.split(separator: ".")[2])! - 1
        if c.reply.sections.indices.contains(index) { c.reply.sections[index].text = text }
    }
}
