/// What `AssignmentImport.create` did: the cases written, every row as it ended (a row whose case
/// could not be written is an error row), and the store's error that stopped the import, if one did.
public struct AssignmentCreation: Sendable {
    public var rows: [AssignmentRow]
    /// The cases written, as stored.
    public var created: [StoredCase] = []
    public var stopped: StoreError?

    public init(rows: [AssignmentRow]) { self.rows = rows }

    /// The summary line: `新建 182 件，跳过已有 3 件，错误 2 行`.
    public var summary: String {
        AssignmentImport.summary(created: created.count, existing: rows.count { if case .existing = $0.outcome { true } else { false } },
                                 errors: rows.count(where: \.isError))
    }
}
