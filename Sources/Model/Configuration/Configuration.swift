/// Everything banli takes from configuration: the office, the outcome scheme, the workflow,
/// deadlines, disclosure options, office profiles (the reply document's layout and wording) and
/// standard phrases. Built only from a fully
/// validated set of files, so it is never half-applied.
public struct Configuration: Sendable {
    public var office: Office
    /// The store directory named in the configuration, or empty.
    public var store: String
    /// The most one case file may hold, in MiB (`case_file_max_mib`); see `CaseStore.caseFileLimit`.
    public var caseFileMaxMebibytes: Int
    /// The name of the scheme in use, a key of `outcomeSchemes`.
    public var outcomeSchemeName: String
    public var outcomeSchemes: [String: [OutcomeOption]]
    public var workflow: Workflow
    public var deadlines: DeadlineRules
    public var disclosure: DisclosureOptions
    public var salutationMaxNames: Int
    /// The office profiles （版式）, by name (`profiles:`).
    public var profiles: [String: OfficeProfile]
    /// The profiles' names in file order, shipped ones first, for listings and messages.
    public var profileNames: [String]
    /// The profile in use where a case names none: the store's (its marker's `profile:` line, see
    /// `useProfile`), else the configuration's `profile:`. Always a key of `profiles`.
    public var profileName: String
    public var phrases: [String]
    /// Key bindings per screen, in file order; a user's file replaces an action's keys on a screen.
    public var keyBindings: [KeyBinding]
    /// Header names an assignment list's columns may have beyond the built-in ones, by field
    /// (`import: columns:`), tried first (`ColumnNames`).
    public var importColumns: [CaseField: [String]] = [:]
    /// Who the clerk is in a shared store's history (`user: name`, `user: email`): the author of
    /// `banli sync`'s commits. Empty: the OS user, and `USER@HOST` (`GitIdentity`).
    public var userName = ""
    public var userEmail = ""

    /// The outcome labels a case may carry, in the configured order.
    public var outcomeScheme: [OutcomeOption] { outcomeSchemes[outcomeSchemeName] ?? [] }

    public var vocabulary: CaseVocabulary {
        CaseVocabulary(statuses: workflow.states.map(\.name), outcomes: outcomeScheme.map(\.label),
                       disclosures: disclosure.options)
    }

    /// The cap on one case file, as the store applies it.
    public var caseFileLimit: ReadLimit { .caseFile(mebibytes: caseFileMaxMebibytes) }

    /// The profile in use where a case names none.
    public var profile: OfficeProfile { profiles[profileName]! }

    /// The profile called `name`.
    /// - Throws: `UnknownProfile` naming `source` (where the name came from) and the known profiles.
    public func profile(named name: String, source: String) throws(UnknownProfile) -> OfficeProfile {
        guard let profile = profiles[name] else { throw UnknownProfile(name: name, source: source, known: profileNames) }
        return profile
    }

    /// The profile `c`'s reply is laid out with: `chosen` (`export --profile`), else the reply's own
    /// `版式`, else the profile in use.
    /// - Throws: `UnknownProfile` when the chosen or the reply's name is not a profile.
    public func profile(for c: Case, chosen: String? = nil) throws(UnknownProfile) -> OfficeProfile {
        if let chosen { return try profile(named: chosen, source: "--profile") }
        if !c.reply.layout.isBlank { return try profile(named: c.reply.layout, source: "案件 \(c.id) 的版式") }
        return profile
    }

    /// The profile `c` is shown with where nothing can be refused — a document on screen, a meeting
    /// name, a list row: as `profile(for:)`, but a reply naming a profile this configuration lacks
    /// is shown in the profile in use (`banli check` and an export name the missing one).
    public func shownProfile(for c: Case) -> OfficeProfile {
        c.reply.layout.isBlank ? profile : profiles[c.reply.layout] ?? profile
    }

    /// How a case's meeting is named: in the style of the profile the case is laid out with.
    public var meetingNaming: MeetingNaming { MeetingNaming(self) }

    /// Makes `name` the profile in use, as a store's marker names it (`banli init --profile`).
    /// - Throws: `UnknownProfile` naming `source` when the configuration has no such profile.
    public mutating func useProfile(named name: String, source: String) throws(UnknownProfile) {
        _ = try profile(named: name, source: source)
        profileName = name
    }
}

public struct Office: Hashable, Sendable {
    public var district: String
    public var unit: String
    public var shortName: String
    public var contactPerson: String
    public var phone: String
    public var address: String
    public var postcode: String
    public var copyTo: [String]
}

/// One handling result of an outcome scheme.
public struct OutcomeOption: Hashable, Sendable {
    /// What files store and documents print: 解决或采纳， A类.
    public var label: String
    /// For narrow columns and statistics: 解决采纳.
    public var short: String
    public var description: String
}

public struct DisclosureOptions: Hashable, Sendable {
    public var defaultOption: String
    public var options: [String]
}
