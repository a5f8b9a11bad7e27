/// The fields of a case already in the store, as the edit form shows and checks them, and what the
/// new-case form shows while they are typed (the ID, the deadline). Every check is `validated`'s.
extension CaseFields {
    /// The own fields of `c` as text: lists joined with `、`, 重点 as 是/否, dates as `YYYY-MM-DD`.
    public init(_ c: Case) {
        self.init()
        kind = c.kind.rawValue
        meeting = c.meeting.isKnown ? "\(c.meeting.term)-\(c.meeting.session)" : ""
        number = c.number
        title = c.title
        leadProposer = c.leadProposer
        jointSigners = c.jointSigners.joined(separator: "、")
        topic = c.topic
        isKey = c.isKey ? "是" : "否"
        role = c.role.rawValue
        leadUnit = c.leadUnit
        otherUnits = c.otherUnits.joined(separator: "、")
        assignedOn = c.assignedOn?.description ?? ""
        deadline = c.deadline?.description ?? ""
        deadlineNote = c.deadlineNote
        handler = c.handler
        text = c.text
    }

    /// `original` with its own fields replaced by these, checked by `validated`'s rule. Its ID (kind,
    /// meeting, number — the file's name), state, records, reply and journal are kept; the caller
    /// journals the change (`CaseHandling.recordEdit`). A blank 交办日期 or 承办人 keeps the
    /// original's; a blank deadline is worked out again from the configuration. A deadline changed
    /// from the original's needs a reason of its own (`deadlineNote`), as `banli deadline` does,
    /// unless it is the configured one. When 交办日期 changes, a deadline that followed the rule (no
    /// 期限说明) and is left as it was follows the new 交办日期 (`followsAssignment`); one set by hand
    /// stays. A changed 交办日期 may not come after the case's earliest record (`Case.earliestRecord`,
    /// by as many days as `DeadlineRules.recordDates` lets a 面商 precede 交办), nor after `today`.
    /// - Throws: `FieldProblems`, every field that cannot be taken, in field order.
    public func edited(_ original: Case, configuration: Configuration, today: LocalDate) throws(FieldProblems) -> Case {
        var fields = self
        fields.kind = original.kind.rawValue
        fields.meeting = original.meeting.isKnown ? "\(original.meeting.term)-\(original.meeting.session)" : ""
        fields.number = original.number
        if fields.assignedOn.isBlank { fields.assignedOn = original.assignedOn?.description ?? "" }
        if fields.handler.isBlank { fields.handler = original.handler }
        let newAssigned = try? Self.date(fields.assignedOn, .assignedOn)
        if followsAssignment(original) { fields.deadline = "" }
        var problems: [FieldProblem] = []
        if let newAssigned, newAssigned != original.assignedOn, let record = original.earliestRecord,
           record.date < configuration.deadlines.recordDates(assignedOn: newAssigned, today: today).lowerBound {
            problems.append(FieldProblem(.assignedOn, "\(newAssigned) 晚于已有的\(record.what)（\(record.date)）"))
        }
        var checked: Case?
        do {
            checked = try fields.validated(configuration: configuration, today: today, user: original.handler, time: "")
        } catch {
            problems = error.problems
        }
        let note = TypedText.trimmed(deadlineNote)
        if let due = try? Self.date(fields.deadline, .deadline), due != original.deadline, note.isEmpty || note == original.deadlineNote,
           due != fields.configuredDeadline(configuration: configuration, today: today) {
            problems.append(FieldProblem(.deadlineNote, "改了办理期限，须写明理由（如：经协商延期）"))
        }
        guard problems.isEmpty, let checked else {
            throw FieldProblems(problems.sorted { CaseField.allCases.firstIndex(of: $0.field)! < CaseField.allCases.firstIndex(of: $1.field)! })
        }
        var c = original
        c.title = checked.title
        c.leadProposer = checked.leadProposer
        c.jointSigners = checked.jointSigners
        c.topic = checked.topic
        c.isKey = checked.isKey
        c.role = checked.role
        c.leadUnit = checked.leadUnit
        c.otherUnits = checked.otherUnits
        c.assignedOn = original.assignedOn == nil && assignedOn.isBlank ? nil : checked.assignedOn
        c.deadline = checked.deadline
        c.deadlineNote = fields.deadline.isBlank ? "" : note
        c.handler = checked.handler
        c.text = checked.text
        return c
    }

    /// Whether these fields change 交办日期 while leaving a deadline that followed the configured
    /// rule (no 期限说明) as `original` had it: then the deadline follows the new 交办日期.
    public func followsAssignment(_ original: Case) -> Bool {
        guard original.deadlineNote.isEmpty, let assigned = try? Self.date(assignedOn, .assignedOn), assigned != original.assignedOn else { return false }
        return TypedText.normalized(deadline) == (original.deadline?.description ?? "")
    }

    /// The ID these fields give, as the new-case form shows it while they are typed (a printed
    /// number's derived one); nil while the kind, meeting or number cannot be read. The store may
    /// still place the case under another (`CaseStore.placed`).
    public var caseID: CaseID? {
        let typed = TypedText.normalized(number)
        guard !typed.isEmpty, let kind = try? Self.kind(kind), let meeting = try? Self.meeting(meeting) else { return nil }
        return CaseID(kind: kind, meeting: meeting, number: CaseID.isValidNumber(typed) ? typed : CaseID.number(derivedFrom: typed))
    }

    /// The deadline the configuration gives these fields (`DeadlineRules.replyDeadline`, from 交办日期 or
    /// else `today`, by 承办方式), as the forms show it; nil while either cannot be read.
    public func configuredDeadline(configuration: Configuration, today: LocalDate) -> LocalDate? {
        guard let assigned = try? Self.date(assignedOn, .assignedOn) ?? today else { return nil }
        let theRole: HandlingRole? = role.isBlank ? .lead : HandlingRole(typed: role)
        return theRole.map { configuration.deadlines.replyDeadline(assignedOn: assigned, role: $0) }
    }
}
