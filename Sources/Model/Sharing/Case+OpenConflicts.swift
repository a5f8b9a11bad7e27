extension Case {
    /// The recorded conflicts as they stand now: each one's 本方 is the value its field holds today.
    /// The merge left 本方 in the field, but the field may have changed since (a deadline moved again
    /// before the conflict was resolved); what the case holds is what keeping 本方 keeps, so that is
    /// what a person choosing is shown. A 本方 changed since names nobody as its author. A field the
    /// case no longer has keeps the recorded text.
    public var openConflicts: [FieldConflict] {
        conflicts.map { recorded in
            guard let field = MergeField.named(recorded.field, in: self) else { return recorded }
            var conflict = recorded
            conflict.mine = field.text(self)
            if conflict.mine != recorded.mine { conflict.mineUser = "" }
            return conflict
        }
    }
}
