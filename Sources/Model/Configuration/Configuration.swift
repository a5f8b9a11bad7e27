/// Everything banli takes from configuration: the office, the outcome scheme, the workflow,
/// deadlines, disclosure options, reply templates and standard phrases. Built only from a fully
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
    public var templates: [ReplyTemplate.Purpose: ReplyTemplate]
    public var phrases: [String]
    /// Key bindings per screen, in file order; a user's file replaces an action's keys on a screen.
    public var keyBindings: [KeyBinding]

    /// The outcome labels a case may carry, in the configured order.
    public var outcomeScheme: [OutcomeOption] { outcomeSchemes[outcomeSchemeName] ?? [] }

    public var vocabulary: CaseVocabulary {
        CaseVocabulary(statuses: workflow.states.map(\.name), outcomes: outcomeScheme.map(\.label),
                       disclosures: disclosure.options)
    }

    /// The cap on one case file, as the store applies it.
    public var caseFileLimit: ReadLimit { .caseFile(mebibytes: caseFileMaxMebibytes) }

    public func template(for purpose: ReplyTemplate.Purpose) -> ReplyTemplate { templates[purpose]! }
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
