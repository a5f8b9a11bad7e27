/// An assignment list on its way into the store: the file, the column mapping, and every data
/// row judged by the one rule for a new case's fields (`CaseFields.validated`), against the cases
/// already in the store (same kind, meeting and number: skipped) and the rows above it (a number
/// repeated in the file: the second is an error). The CLI (`banli import`) and the import screen
/// both prepare one, show it, and `create` its new cases.
public struct AssignmentImport: Sendable {
    /// What applies to the whole file rather than to a row.
    public struct Settings: Sendable {
        /// The kind of every row (`--kind`), over any 类型 column; nil to take the column.
        public var kind: String?
        /// The meeting of every row (`--meeting`), over any 届次 column; nil to take the column.
        public var meeting: String?
        public var configuration: Configuration
        public var today: LocalDate
        public var user: String
        /// The time the journal entries carry.
        public var time: String
        /// Whether a missing column's remedy names the command's options (`--kind 提案`) or the
        /// import screen's key.
        public var onScreen = false

        public init(kind: String? = nil, meeting: String? = nil, configuration: Configuration, today: LocalDate, user: String, time: String) {
            self.kind = kind
            self.meeting = meeting
            self.configuration = configuration
            self.today = today
            self.user = user
            self.time = time
        }
    }

    public let file: AssignmentFile
    public private(set) var mapping: ColumnMapping
    public let settings: Settings
    /// The meeting the list's heading names (`2026年青浦区政协六届五次会议提案交办清单` above the
    /// header row), else its sheet's name or the file's: the kind and meeting of a row that gives
    /// neither (`--kind`/`--meeting` or a column come first); nil when none names one.
    public let heading: PrintedMeeting?
    /// The data rows, in the file's order.
    public private(set) var rows: [AssignmentRow] = []
    /// The keys (`key(kind:meeting:number:)`) of the cases in the store.
    private let existing: [String: CaseID]

    /// Judges every data row of `file` as `mapping` reads it, against the cases `store` lists.
    /// - Throws: `AssignmentListError.missingColumn` when no column gives the number or the title,
    ///   or the kind when `settings` gives none either.
    public init(file: AssignmentFile, mapping: ColumnMapping, settings: Settings, store: [CaseSummary]) throws(AssignmentListError) {
        self.file = file
        self.mapping = mapping
        self.settings = settings
        let above = file.table.rows.filter { $0.number < mapping.firstHeaderRow }.flatMap(\.cells)
        heading = (above + [file.table.sheet, file.name]).lazy.compactMap { PrintedMeeting(in: $0) }.first
        existing = Dictionary(store.map { (Self.key(kind: $0.kind, meeting: $0.id.meeting, number: $0.numberAsPrinted), $0.id) },
                              uniquingKeysWith: { first, _ in first })
        try remap(mapping)
    }

    /// The mapping's lines (`ColumnMapping.lines`), and where the kind and meeting of the rows without
    /// them come from when the list's heading names them: what the CLI and the import screen show.
    public var mappingLines: [String] {
        guard let heading, settings.kind == nil || settings.meeting == nil else { return mapping.lines }
        return mapping.lines + ["类型、届次 ← 标题“\(heading.printed)”（无此列或此格空时）"]
    }

    /// Judges the rows again as `mapping` reads them (the import screen's change of a column).
    /// - Throws: as `init`.
    public mutating func remap(_ mapping: ColumnMapping) throws(AssignmentListError) {
        let headers = mapping.headers.filter { !$0.isBlank }
        for field in [CaseField.number, .title] where mapping.columns[field] == nil {
            throw .missingColumn(field, headers: headers, option: settings.onScreen ? "c 键选一列" : "--column \(field.label)=列名")
        }
        if mapping.columns[.kind] == nil && settings.kind == nil && heading == nil {
            throw .missingColumn(.kind, headers: headers, option: settings.onScreen ? "c 键选一列或给全部各行定类型" : "--kind 提案 或 --kind 建议")
        }
        self.mapping = mapping
        var seen: [String: Int] = [:]
        rows = file.table.rows.filter { $0.number > mapping.lastHeaderRow }.map { row in
            AssignmentRow(number: row.number, outcome: judged(row, seen: &seen))
        }
    }

    private func judged(_ row: CellTable.Row, seen: inout [String: Int]) -> AssignmentRow.Outcome {
        var fields = CaseFields()
        func cell(_ field: CaseField) -> String { mapping.columns[field].map { row[$0] } ?? "" }
        for field in CaseField.allCases { fields[keyPath: CaseFields.path(field)] = cell(field) }
        fields.kind = settings.kind ?? fields.kind
        fields.meeting = settings.meeting ?? fields.meeting
        if let heading {
            if fields.kind.isBlank { fields.kind = heading.kind.rawValue }
            if fields.meeting.isBlank { fields.meeting = heading.printed }
        }
        var c: Case
        do {
            c = try fields.validated(configuration: settings.configuration, today: settings.today, user: settings.user, time: settings.time)
        } catch {
            return .problems(error.problems.map(\.description))
        }
        let key = Self.key(kind: c.kind, meeting: c.meeting, number: c.printedNumber.isEmpty ? c.number : c.printedNumber)
        if let earlier = seen[key] { return .problems(["\(CaseField.number.label)“\(TypedText.trimmed(fields.number))”与第\(earlier)行重复"]) }
        seen[key] = row.number
        if let id = existing[key] { return .existing(id) }
        c.journal = [JournalEntry(time: settings.time, user: settings.user, text: "从 \(file.source) 第\(row.number)行导入")]
        return .new(c)
    }

    /// What makes two cases the same for an import: kind, meeting, and the number as printed with
    /// its case and any leading zeros of a plain number ignored (`052` is `52`, as `CaseReference` takes it).
    static func key(kind: CaseKind, meeting: Meeting, number: String) -> String {
        var printed = TypedText.normalized(number).lowercased()
        if printed.allSatisfy(\.isNumber) { printed = String(printed.drop { $0 == "0" }) }
        return "\(kind.idPrefix)\(meeting.term)-\(meeting.session)-\(printed)"
    }

    /// How many rows make new cases.
    public var newCount: Int { rows.count { if case .new = $0.outcome { true } else { false } } }
    /// How many rows name cases already in the store.
    public var existingCount: Int { rows.count { if case .existing = $0.outcome { true } else { false } } }
    /// How many rows are in error.
    public var errorCount: Int { rows.count(where: \.isError) }

    /// `新建 182 件，跳过已有 3 件，错误 2 行` (with `将` before it for a dry run), from the counts given.
    public static func summary(created: Int, existing: Int, errors: Int, dryRun: Bool = false) -> String {
        "\(dryRun ? "将" : "")新建 \(created) 件，跳过已有 \(existing) 件，错误 \(errors) 行"
    }

    /// Writes the new cases, each file written whole and renamed into place, the disk synced once for
    /// them all (`CaseStore.create(_:progress:)`), a printed number placed first (`CaseStore.placed`),
    /// telling `progress` how many rows are done.
    /// A row whose case cannot be written becomes an error row; a store that refuses a write for
    /// another reason than a taken number (a full disk, a read-only store) stops the import there.
    public func create(in store: CaseStore, progress: (Int) -> Void = { _ in }) -> AssignmentCreation {
        Self.create(rows, in: store, progress: progress)
    }

    /// Writes the new cases of `rows` as `create(in:progress:)` does: the import screen hands its
    /// rows to the runner, which writes them.
    public static func create(_ rows: [AssignmentRow], in store: CaseStore, progress: (Int) -> Void = { _ in }) -> AssignmentCreation {
        var creation = AssignmentCreation(rows: rows)
        var cases: [(row: Int, value: Case)] = []
        for (index, row) in rows.enumerated() {
            guard case .new(let c) = row.outcome else { continue }
            do {
                cases.append((index, CaseID.isValidNumber(c.numberAsPrinted) && c.printedNumber.isEmpty ? c : try store.placed(c)))
            } catch {
                creation.rows[index].outcome = .problems(["未能保存：\(error)"])
            }
        }
        let results = store.create(cases.map(\.value)) { written in progress(cases[written - 1].row + 1) }
        for ((index, value), result) in zip(cases, results) {
            switch result {
            case .success(let stored):
                creation.created.append(stored)
                creation.rows[index].outcome = .new(value)
            case .failure(let error):
                creation.rows[index].outcome = .problems(["未能保存：\(error)"])
                if case .alreadyExists = error { continue }
                creation.stopped = creation.stopped ?? error
            }
        }
        progress(rows.count)
        return creation
    }
}
