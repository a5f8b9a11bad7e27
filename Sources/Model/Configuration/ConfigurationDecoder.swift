/// Reads one configuration file over a base configuration: every key the file names replaces the
/// base's value; keys it leaves out keep it. The shipped defaults are read over nothing, so there
/// every key is required. Each section is checked as a whole once overlaid, and every problem names
/// this file and line.
struct ConfigurationDecoder {
    let path: String

    /// A user's file holding nothing but comments (the shipped settings commented out) overrides
    /// nothing; the shipped defaults must hold every key.
    func decode(_ bytes: [UInt8], over base: Configuration?) throws(DataFileError) -> Configuration {
        guard let tree = try YAMLSource.document(bytes, path: path) else {
            guard let base else { throw DataFileError(path: path, line: nil, reason: .notAMapping) }
            return base
        }
        try ConfigurationLimits.check(tree, path: path)
        var root = try YAMLMap(tree, path: path)
        let office = try decodeOffice(&root, base: base?.office)
        let store = try root.string("store") ?? base?.store ?? ""
        let caseFileMax = try root.int(ReadLimit.caseFileSetting, in: 1...1024) ?? base?.caseFileMaxMebibytes
        let outcomes = try decodeOutcomes(&root, base: base)
        let workflow = try decodeWorkflow(&root, base: base?.workflow)
        let deadlines = try decodeDeadlines(&root, base: base?.deadlines)
        let disclosure = try decodeDisclosure(&root, base: base?.disclosure)
        let maxNames = try root.int("salutation_max_names", in: 1...50) ?? base?.salutationMaxNames
        let profiles = try decodeProfiles(&root, base: base)
        let phrases = try root.node("phrases") == nil ? base?.phrases : root.strings("phrases")
        let keyBindings = try decodeKeys(&root, base: base?.keyBindings)
        let importColumns = try decodeImport(&root, base: base?.importColumns)
        let user = try decodeUser(&root, base: base)
        try root.finish()
        return Configuration(
            office: office, store: store,
            caseFileMaxMebibytes: try present(caseFileMax, ReadLimit.caseFileSetting, root), outcomeSchemeName: outcomes.name,
            outcomeSchemes: outcomes.schemes, workflow: workflow, deadlines: deadlines, disclosure: disclosure,
            salutationMaxNames: try present(maxNames, "salutation_max_names", root), profiles: profiles.profiles,
            profileNames: profiles.names, profileName: profiles.chosen, phrases: try present(phrases, "phrases", root), keyBindings: keyBindings,
            importColumns: importColumns, userName: user.name, userEmail: user.email)
    }

    /// `user:` — the clerk's name and e-mail in a shared store's history; optional, empty by default.
    private func decodeUser(_ root: inout YAMLMap, base: Configuration?) throws(DataFileError) -> (name: String, email: String) {
        guard var m = try root.map("user") else { return (base?.userName ?? "", base?.userEmail ?? "") }
        let user = (name: try m.string("name") ?? base?.userName ?? "", email: try m.string("email") ?? base?.userEmail ?? "")
        try m.finish()
        return user
    }

    func present<T>(_ value: T?, _ key: String, _ map: YAMLMap) throws(DataFileError) -> T {
        guard let value else { throw DataFileError(path: path, line: map.line, reason: .missingField(map.field(key))) }
        return value
    }

    /// Reads `key` from `map` when the file has it, else takes the base value.
    func overlay<T>(_ map: inout YAMLMap, _ key: String, _ base: T?,
                            _ read: (inout YAMLMap, String) throws(DataFileError) -> T?) throws(DataFileError) -> T {
        if let value = try read(&map, key) { return value }
        return try present(base, key, map)
    }

    private func section(_ root: inout YAMLMap, _ key: String, hasBase: Bool) throws(DataFileError) -> YAMLMap? {
        if let map = try root.map(key) { return map }
        if hasBase { return nil }
        throw DataFileError(path: path, line: root.line, reason: .missingField(key))
    }

    private func decodeOffice(_ root: inout YAMLMap, base: Office?) throws(DataFileError) -> Office {
        guard var m = try section(&root, "office", hasBase: base != nil) else { return base! }
        let text: (inout YAMLMap, String) throws(DataFileError) -> String? = { map, key throws(DataFileError) in try map.string(key) }
        let office = Office(
            district: try overlay(&m, "district", base?.district, text), unit: try overlay(&m, "unit", base?.unit, text),
            shortName: try overlay(&m, "short_name", base?.shortName, text),
            contactPerson: try m.string("contact_person") ?? base?.contactPerson ?? "",
            phone: try m.string("phone") ?? base?.phone ?? "", address: try m.string("address") ?? base?.address ?? "",
            postcode: try m.string("postcode") ?? base?.postcode ?? "",
            copyTo: try m.node("copy_to") == nil ? base?.copyTo ?? [] : m.strings("copy_to"))
        try m.finish()
        return office
    }

    private func decodeOutcomes(_ root: inout YAMLMap, base: Configuration?) throws(DataFileError)
        -> (name: String, schemes: [String: [OutcomeOption]]) {
        guard var m = try section(&root, "outcomes", hasBase: base != nil) else {
            return (base!.outcomeSchemeName, base!.outcomeSchemes)
        }
        var schemes = base?.outcomeSchemes ?? [:]
        if var s = try m.map("schemes") {
            for name in s.keys {
                var options: [OutcomeOption] = []
                for var o in try s.maps(name) {
                    let label = try o.required("label")
                    options.append(OutcomeOption(label: label, short: try o.string("short") ?? label,
                                                 description: try o.string("description") ?? ""))
                    try o.finish()
                }
                guard !options.isEmpty else { throw s.error(name, .invalidValue(field: s.field(name), value: "[]", why: "至少需要一个结果")) }
                schemes[name] = options
            }
            try s.finish()
        }
        let name = try m.string("scheme") ?? base?.outcomeSchemeName
        let chosen = try present(name, "scheme", m)
        guard schemes[chosen] != nil else {
            throw m.error("scheme", .unknownValue(field: "outcomes.scheme", value: chosen, allowed: schemes.keys.sorted()))
        }
        try m.finish()
        return (chosen, schemes)
    }

    private func decodeWorkflow(_ root: inout YAMLMap, base: Workflow?) throws(DataFileError) -> Workflow {
        guard var m = try section(&root, "workflow", hasBase: base != nil) else { return base! }
        var states = base?.states ?? []
        if m.keys.contains("states") {
            states = []
            for var s in try m.maps("states") {
                let name = try s.required("name")
                guard !states.contains(where: { $0.name == name }) else {
                    throw s.error("name", .invalidValue(field: "workflow.states", value: name, why: "状态重复"))
                }
                let allowed = Workflow.Requirement.allCases.map(\.rawValue)
                let requires = try s.strings("requires")
                if let bad = requires.first(where: { !allowed.contains($0) }) {
                    throw s.error("requires", .unknownValue(field: s.field("requires"), value: bad, allowed: allowed))
                }
                states.append(Workflow.State(name: name, isOpen: try s.yesNo("open") ?? true,
                                             needsReason: try s.yesNo("needs_reason") ?? false,
                                             requires: requires.compactMap(Workflow.Requirement.init(rawValue:)),
                                             locksReply: try s.yesNo("reply_locked") ?? false))
                try s.finish()
            }
        }
        let names = states.map(\.name)
        guard !names.isEmpty else { throw DataFileError(path: path, line: m.line, reason: .missingField("workflow.states")) }
        let initial = try m.oneOf("initial", names) ?? base?.initial ?? names[0]
        guard names.contains(initial) else {
            throw m.error("states", .unknownValue(field: "workflow.initial", value: initial, allowed: names))
        }
        var transitions = base?.transitions ?? [:]
        if var t = try m.map("transitions") {
            transitions = [:]
            for from in t.keys {
                guard names.contains(from) else { throw t.error(from, .unknownValue(field: "workflow.transitions", value: from, allowed: names)) }
                let targets = try t.strings(from)
                if let bad = targets.first(where: { !names.contains($0) }) {
                    throw t.error(from, .unknownValue(field: "workflow.transitions.\(from)", value: bad, allowed: names))
                }
                transitions[from] = targets
            }
            try t.finish()
        } else if let bad = transitions.flatMap({ [$0.key] + $0.value }).first(where: { !names.contains($0) }) {
            throw m.error("states", .invalidValue(field: "workflow.states", value: bad, why: "流程转换仍引用此状态"))
        }
        let review = try step(&m, "review", base?.review, names), sentBack = try step(&m, "sent_back", base?.sentBack, names)
        let signed = try step(&m, "signed", base?.signed, names), replied = try step(&m, "replied", base?.replied, names)
        let reopened = try step(&m, "reopened", base?.reopened, names)
        // Sending back and reopening are moves like any other, so the transitions must allow them.
        for (key, from, to) in [("sent_back", review, sentBack), ("reopened", replied, reopened)]
        where !(transitions[from] ?? []).contains(to) {
            throw m.error(key, .invalidValue(field: m.field(key), value: to, why: "流程转换中没有“\(from) → \(to)”"))
        }
        let reopenings = try decodeReopenings(&m, base: base?.reopenings ?? [], states: states)
        try m.finish()
        return Workflow(initial: initial, states: states, transitions: transitions, review: review, sentBack: sentBack,
                        signed: signed, replied: replied, reopened: reopened, reopenings: reopenings)
    }

    /// `reopen_reply:` — each step's name, the states it is taken from (each locks the reply) and the
    /// state it goes to (whose reply may be edited). A name may not be a state's: `banli move ID NAME`
    /// takes either.
    private func decodeReopenings(_ m: inout YAMLMap, base: [Workflow.ReplyReopening],
                                  states: [Workflow.State]) throws(DataFileError) -> [Workflow.ReplyReopening] {
        let names = states.map(\.name)
        let locked = states.filter(\.locksReply).map(\.name)
        guard var r = try m.map("reopen_reply") else {
            if let bad = base.flatMap({ $0.from + [$0.to] }).first(where: { !names.contains($0) }) {
                throw m.error("states", .invalidValue(field: "workflow.states", value: bad, why: "workflow.reopen_reply 仍引用此状态"))
            }
            return base
        }
        var reopenings: [Workflow.ReplyReopening] = []
        for name in r.keys {
            let field = "workflow.reopen_reply.\(name)"
            guard !names.contains(name) else { throw r.error(name, .invalidValue(field: field, value: name, why: "与状态同名")) }
            guard var step = try r.map(name) else { throw r.error(name, .missingField("\(field).from")) }
            let from = try step.strings("from")
            guard !from.isEmpty else { throw step.error("from", .missingField("\(field).from")) }
            if let bad = from.first(where: { !locked.contains($0) }) {
                throw step.error("from", .invalidValue(field: "\(field).from", value: bad, why: "不是答复只读（reply_locked）的状态"))
            }
            guard let to = try step.oneOf("to", names) else { throw step.error("to", .missingField("\(field).to")) }
            guard !locked.contains(to) else {
                throw step.error("to", .invalidValue(field: "\(field).to", value: to, why: "此状态的答复只读，撤回后无法修改"))
            }
            try step.finish()
            reopenings.append(Workflow.ReplyReopening(name: name, from: from, to: to))
        }
        try r.finish()
        return reopenings
    }

    /// The state named for one of the steps banli acts on (`review: 待审核`), or the base's.
    private func step(_ m: inout YAMLMap, _ key: String, _ base: String?, _ names: [String]) throws(DataFileError) -> String {
        let name = try overlay(&m, key, base) { map, key throws(DataFileError) in try map.oneOf(key, names) }
        guard names.contains(name) else {
            throw m.error("states", .invalidValue(field: "workflow.states", value: name, why: "workflow.\(key) 仍引用此状态"))
        }
        return name
    }

    private func decodeDeadlines(_ root: inout YAMLMap, base: DeadlineRules?) throws(DataFileError) -> DeadlineRules {
        guard var m = try section(&root, "deadlines", hasBase: base != nil) else { return base! }
        func number(_ key: String, _ fallback: Int?, _ range: ClosedRange<Int>) throws(DataFileError) -> Int {
            try overlay(&m, key, fallback) { map, key throws(DataFileError) in try map.int(key, in: range) }
        }
        let rules = DeadlineRules(
            replyMonths: try number("reply_months", base?.replyMonths, 1...24),
            difficultReplyMonths: try number("difficult_reply_months", base?.difficultReplyMonths, 1...36),
            returnRequestDays: try number("return_request_days", base?.returnRequestDays, 1...90),
            coHandlerOpinionMonths: try number("co_handler_opinion_months", base?.coHandlerOpinionMonths, 1...12),
            preMeetingWorkingDays: try number("pre_meeting_working_days", base?.preMeetingWorkingDays, 1...90),
            secondReplyMonths: try number("second_reply_months", base?.secondReplyMonths, 1...12),
            warnDays: try number("warn_days", base?.warnDays, 0...90),
            feedbackDays: try number("feedback_days", base?.feedbackDays, 1...365),
            recordDaysAhead: try number("record_days_ahead", base?.recordDaysAhead, 0...365),
            recordDaysBeforeAssigned: try number("record_days_before_assigned", base?.recordDaysBeforeAssigned, 0...365))
        try m.finish()
        return rules
    }

    private func decodeDisclosure(_ root: inout YAMLMap, base: DisclosureOptions?) throws(DataFileError) -> DisclosureOptions {
        guard var m = try section(&root, "disclosure", hasBase: base != nil) else { return base! }
        let options = m.keys.contains("options") ? try m.strings("options") : base?.options ?? []
        guard !options.isEmpty else { throw DataFileError(path: path, line: m.line, reason: .missingField("disclosure.options")) }
        let chosen = try m.string("default") ?? base?.defaultOption ?? options[0]
        guard options.contains(chosen) else {
            throw m.error("default", .unknownValue(field: "disclosure.default", value: chosen, allowed: options))
        }
        try m.finish()
        return DisclosureOptions(defaultOption: chosen, options: options)
    }

    private func decodeKeys(_ root: inout YAMLMap, base: [KeyBinding]?) throws(DataFileError) -> [KeyBinding] {
        guard var m = try section(&root, "keys", hasBase: base != nil) else { return base! }
        var bindings = base ?? []
        for context in m.keys {
            guard var actions = try m.map(context) else { continue }
            for action in actions.keys {
                let binding = KeyBinding(context: context, action: action, keys: try actions.strings(action), path: path,
                                         line: actions.lineOf(action))
                // An override goes last, so a key it takes from another action is reported at its line.
                bindings.removeAll { $0.context == context && $0.action == action }
                bindings.append(binding)
            }
            try actions.finish()
        }
        try m.finish()
        return bindings
    }

    /// `import: columns:` — more header names for a field of an assignment list, by the field's label
    /// (`标题: [案由, 提案名称]`, or one name as a string), over the base's. Optional: a file without
    /// it keeps the base's names; a label that is no field is an unknown key, at its line.
    private func decodeImport(_ root: inout YAMLMap, base: [CaseField: [String]]?) throws(DataFileError) -> [CaseField: [String]] {
        var columns = base ?? [:]
        guard var m = try root.map("import") else { return columns }
        if var c = try m.map("columns") {
            for key in c.keys {
                guard let field = CaseField.allCases.first(where: { $0.label == key }) else { continue }
                if case .sequence = c.node(key) {
                    columns[field] = try c.strings(key)
                } else {
                    columns[field] = try c.string(key).map { [$0] } ?? []
                }
            }
            try c.finish()
        }
        try m.finish()
        return columns
    }

    /// The templates of `m` (`templates:` of a profile, or the older top-level one) over `base`,
    /// key by key. Without a base every purpose must be there.
    func decodeTemplates(_ m: inout YAMLMap, base: [ReplyTemplate.Purpose: ReplyTemplate]?)
        throws(DataFileError) -> [ReplyTemplate.Purpose: ReplyTemplate] {
        var result = base ?? [:]
        for purpose in ReplyTemplate.Purpose.allCases {
            let old = base?[purpose]
            guard var t = try m.map(purpose.rawValue) else {
                if old == nil { throw DataFileError(path: path, line: m.line, reason: .missingField(m.field(purpose.rawValue))) }
                continue
            }
            func pattern(_ key: String, _ fallback: String?) throws(DataFileError) -> String {
                let value = try overlay(&t, key, fallback) { map, key throws(DataFileError) in try map.string(key) }
                try checkPattern(value, field: t.field(key), line: t.lineOf(key) ?? t.line, allowed: OfficeProfile.placeholders)
                return value
            }
            result[purpose] = ReplyTemplate(
                title: try pattern("title", old?.title), salutation: try pattern("salutation", old?.salutation),
                opening: try pattern("opening", old?.opening), closing: try pattern("closing", old?.closing),
                signature: try pattern("signature", old?.signature), footer: try pattern("footer", old?.footer),
                pluralYou: try pronoun(&t, old?.pluralYou))
            try t.finish()
        }
        try m.finish()
        return result
    }

    /// Refuses a pattern with a placeholder outside `allowed` or a brace with no partner.
    func checkPattern(_ value: String, field: String, line: Int?, allowed: Set<String>) throws(DataFileError) {
        if let unknown = TemplateText.placeholders(in: value).first(where: { !allowed.contains($0) }) {
            throw DataFileError(path: path, line: line, reason: .invalidValue(field: field, value: "{\(unknown)}", why: "未知的占位符"))
        }
        if let stray = TemplateText.strayBrace(in: value) {
            throw DataFileError(path: path, line: line, reason: .invalidValue(
                field: field, value: value, why: "\(stray)（占位符写作 {title}；要写花括号本身请写 {{ 或 }}）"))
        }
    }

    /// A template's `you_plural`: a word, not a pattern, so it may not be blank or hold placeholders.
    private func pronoun(_ t: inout YAMLMap, _ fallback: String?) throws(DataFileError) -> String {
        guard let value = try t.string("you_plural") else { return fallback ?? ReplyTemplate.defaultPluralYou }
        guard !value.isBlank, !value.contains("{"), !value.contains("}") else {
            throw t.error("you_plural", .invalidValue(field: t.field("you_plural"), value: value, why: "应为称呼，如 您 或 你们"))
        }
        return value
    }
}
