import Foundation

/// `profile:` and `profiles:` — the office profiles （版式）. A profile the base already has is
/// overlaid key by key; a new one starts from `based_on:` when it names one, else from nothing, and
/// then must give `description`, `level`, `meetings`, `headings` and `templates`. The older
/// top-level `templates:` still loads: it overlays the templates of the profile in use.
extension ConfigurationDecoder {
    struct Profiles {
        var profiles: [String: OfficeProfile]
        var names: [String]
        var chosen: String
    }

    func decodeProfiles(_ root: inout YAMLMap, base: Configuration?) throws(DataFileError) -> Profiles {
        var profiles = base?.profiles ?? [:]
        var names = base?.profileNames ?? []
        if var m = try root.map("profiles") {
            for name in m.keys {
                // The name goes on a line of its own in a store's marker and in messages.
                guard !name.isBlank, !name.contains(where: \.isNewline) else {
                    throw m.error(name, .invalidValue(field: "profiles", value: name, why: "版式名称应为一行文字"))
                }
                guard var p = try m.map(name) else {
                    throw m.error(name, .wrongType(field: m.field(name), expected: "映射（键: 值）"))
                }
                var start = profiles[name]
                if let parent = try p.string("based_on") {
                    guard let found = profiles[parent] else {
                        throw p.error("based_on", .unknownValue(field: p.field("based_on"), value: parent, allowed: names))
                    }
                    start = found
                }
                profiles[name] = try decodeProfile(&p, name: name, base: start)
                if !names.contains(name) { names.append(name) }
            }
            try m.finish()
        }
        guard !names.isEmpty else { throw DataFileError(path: path, line: root.line, reason: .missingField("profiles")) }
        let chosen = try present(try root.string("profile") ?? base?.profileName, "profile", root)
        guard var inUse = profiles[chosen] else {
            throw root.error("profile", .unknownValue(field: "profile", value: chosen, allowed: names))
        }
        if var older = try root.map("templates") {
            inUse.templates = try decodeTemplates(&older, base: inUse.templates)
            profiles[chosen] = inUse
        }
        return Profiles(profiles: profiles, names: names, chosen: chosen)
    }

    private func decodeProfile(_ p: inout YAMLMap, name: String, base: OfficeProfile?) throws(DataFileError) -> OfficeProfile {
        let text: (inout YAMLMap, String) throws(DataFileError) -> String? = { map, key throws(DataFileError) in try map.string(key) }
        let description = try overlay(&p, "description", base?.description, text)
        let level = try overlay(&p, "level", base?.level, text)
        let meetings = try decodeMeetings(&p, base: base?.meetings)
        let templates: [ReplyTemplate.Purpose: ReplyTemplate]
        if var t = try p.map("templates") {
            templates = try decodeTemplates(&t, base: base?.templates)
        } else {
            templates = try present(base?.templates, "templates", p)
        }
        let headings = try decodeHeadings(&p, base: base?.headings)
        let signatureDate = try p.string("signature_date") ?? base?.signatureDate ?? ""
        try checkPattern(signatureDate, field: p.field("signature_date"), line: p.lineOf("signature_date"),
                         allowed: OfficeProfile.placeholders)
        let copies = try patternLines(&p, "copies", allowsItems: false)?.map { $0[0] } ?? base?.copies ?? []
        let profile = OfficeProfile(
            name: name, description: description, level: level, meetings: meetings, templates: templates,
            documentHead: try patternLines(&p, "document_head") ?? base?.documentHead ?? [],
            header: try patternLines(&p, "header") ?? base?.header ?? [], headings: headings,
            signatureUnits: try p.choice("signature_units", OfficeProfile.UnitLayout.self) ?? base?.signatureUnits ?? .oneLine,
            signatureDate: signatureDate, contact: try patternLines(&p, "contact") ?? base?.contact ?? [],
            copies: copies, required: try decodeRequired(&p, base: base?.required),
            fonts: try decodeFonts(&p, base: base?.fonts ?? .standard),
            boldHeadings: try p.yesNo("bold_headings") ?? base?.boldHeadings ?? false,
            recordRules: try p.yesNo("record_rules") ?? base?.recordRules ?? true)
        try p.finish()
        return profile
    }

    /// `meetings:` — the meeting name per kind, each a pattern of `OfficeProfile.meetingPlaceholders`.
    private func decodeMeetings(_ p: inout YAMLMap, base: [CaseKind: String]?) throws(DataFileError) -> [CaseKind: String] {
        guard var m = try p.map("meetings") else { return try present(base, "meetings", p) }
        var meetings = base ?? [:]
        for (kind, key) in [(CaseKind.proposal, "proposal"), (.suggestion, "suggestion")] {
            let pattern = try overlay(&m, key, base?[kind]) { map, key throws(DataFileError) in try map.string(key) }
            try checkPattern(pattern, field: m.field(key), line: m.lineOf(key) ?? m.line, allowed: OfficeProfile.meetingPlaceholders)
            meetings[kind] = pattern
        }
        try m.finish()
        return meetings
    }

    /// `headings:` — one numeral per level of `ReplySection.levels`, each one `HeadingNumeral` reads.
    private func decodeHeadings(_ p: inout YAMLMap, base: [String]?) throws(DataFileError) -> [String] {
        guard p.keys.contains("headings") else { return try present(base, "headings", p) }
        let headings = try p.strings("headings")
        let field = p.field("headings")
        guard headings.count == ReplySection.levels.count else {
            throw p.error("headings", .invalidValue(field: field, value: "\(headings.count) 项",
                                                    why: "应为 \(ReplySection.levels.count) 级标题的序号，如 [一、, （一）, 1., （1）]"))
        }
        if let bad = headings.first(where: { HeadingNumeral($0) == nil }) {
            throw p.error("headings", .invalidValue(field: field, value: bad, why: "应含一个序号“一”或“1”，如 一、 （一） 1. 1、 （1）"))
        }
        return headings
    }

    /// `fonts:` — per role (`DocumentFonts.keys`) a list of font names, preferred first; a role left
    /// out keeps the base's fonts.
    private func decodeFonts(_ p: inout YAMLMap, base: DocumentFonts) throws(DataFileError) -> DocumentFonts {
        guard var m = try p.map("fonts") else { return base }
        var fonts = base
        for key in DocumentFonts.keys where m.keys.contains(key) {
            let names = try m.strings(key).map { $0.trimmingCharacters(in: .whitespaces) }
            guard !names.isEmpty, names.allSatisfy({ !$0.isEmpty && !$0.contains(where: \.isNewline) }) else {
                throw m.error(key, .invalidValue(field: m.field(key), value: names.joined(separator: "、"),
                                                 why: "应为字体名称列表，首选在前，如 [仿宋_GB2312, 仿宋, FangSong]"))
            }
            fonts[key] = names
        }
        try m.finish()
        return fonts
    }

    /// `required:` — the parts a final export needs, named as `workflow.states[].requires` names them.
    private func decodeRequired(_ p: inout YAMLMap, base: [Workflow.Requirement]?) throws(DataFileError) -> [Workflow.Requirement] {
        guard p.keys.contains("required") else { return base ?? [] }
        let allowed = Workflow.Requirement.allCases.map(\.rawValue)
        let names = try p.strings("required")
        if let bad = names.first(where: { !allowed.contains($0) }) {
            throw p.error("required", .unknownValue(field: p.field("required"), value: bad, allowed: allowed))
        }
        return names.compactMap(Workflow.Requirement.init(rawValue:))
    }

    /// A list of lines, each a pattern (one item) or a list of patterns (items printed on one line),
    /// every pattern checked at its own line. Nil when the profile leaves `key` out. With
    /// `allowsItems` false each line must be one pattern (`copies`).
    private func patternLines(_ p: inout YAMLMap, _ key: String, allowsItems: Bool = true) throws(DataFileError) -> [OfficeProfile.Line]? {
        guard p.keys.contains(key) else { return nil }
        guard let node = p.node(key) else { return [] }
        let field = p.field(key)
        guard case .sequence(let lines) = node else { throw p.error(key, .wrongType(field: field, expected: "列表")) }
        var result: [OfficeProfile.Line] = []
        for (i, line) in lines.items.enumerated() {
            let lineField = "\(field)[\(i + 1)]"
            var items: [YAMLNode] = [line]
            if case .sequence(let sequence) = line, allowsItems { items = sequence.items }
            var patterns: [String] = []
            for item in items {
                guard case .scalar(let scalar) = item else {
                    throw DataFileError(path: path, line: item.line,
                                        reason: .wrongType(field: lineField, expected: allowsItems ? "文字或文字列表" : "文字"))
                }
                try checkPattern(scalar.string, field: lineField, line: scalar.line, allowed: OfficeProfile.placeholders)
                patterns.append(scalar.string)
            }
            result.append(patterns)
        }
        return result
    }
}
