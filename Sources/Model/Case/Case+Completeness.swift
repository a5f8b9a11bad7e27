extension Case {
    /// What the case lacks of `required`, named as a clerk would, in document order: unfilled reply
    /// parts, then the 办理结果 and the 签发人. Where 正文 is required a reply needs at least one
    /// written section (numbered or plain paragraphs), and where 办理结果 is, a result; a co-handler's
    /// 会办意见 needs neither, since it is advice to the lead unit, which writes the reply and records
    /// the result.
    public func missing(_ required: Set<Workflow.Requirement>) -> [String] {
        let needsLeadParts = role != .coHandler
        var parts = reply.progress
        if reply.sections.isEmpty && needsLeadParts, let opening = parts.firstIndex(where: { $0.part == .opening }) {
            parts.insert((.section(0), false), at: opening + 1)
        }
        var missing = parts.filter { !$0.filled && required.contains(Workflow.Requirement($0.part)) }.map(\.part.description)
        if required.contains(.outcome) && needsLeadParts && currentOutcome == nil { missing.append(Workflow.Requirement.outcome.rawValue) }
        if required.contains(.signer) && signOff == nil { missing.append(Workflow.Requirement.signer.rawValue) }
        return missing
    }
}
