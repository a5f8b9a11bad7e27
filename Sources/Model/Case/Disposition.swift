/// How a case left the ordinary course of handling without a reply of its own: withdrawn by the
/// proposer （撤案） or merged into another case that carries the reply （并案）. Such a case is not
/// open whatever its status: it has no deadline, is not due and is counted apart in the statistics.
public enum Disposition: Hashable, Sendable {
    case withdrawn
    /// Merged into the case `into`, whose reply answers it.
    case merged(into: CaseID)

    /// As the list and the detail show it in place of the status: `已撤案`, `已并案 → 090`.
    public var label: String {
        switch self {
        case .withdrawn: return "已撤案"
        case .merged(let carrier): return "已并案 → \(carrier.number)"
        }
    }

    /// In a column as narrow as the longest state name (6 cells): `已撤案`, `已并案`.
    public var shortLabel: String {
        switch self {
        case .withdrawn: return "已撤案"
        case .merged: return "已并案"
        }
    }

    /// The short labels, which a status filter offers after the workflow's states.
    public static let labels = ["已撤案", "已并案"]

    /// As the list index writes it (`撤案`, `并入 zx6-5-090`); `init?(indexField:)` reads it back.
    var indexField: String {
        switch self {
        case .withdrawn: return "撤案"
        case .merged(let carrier): return "并入 \(carrier)"
        }
    }

    /// The disposition an index field names; nil for anything else.
    init?(indexField: String) {
        if indexField == "撤案" {
            self = .withdrawn
        } else if indexField.hasPrefix("并入 "), let carrier = CaseID(String(indexField.dropFirst(3))) {
            self = .merged(into: carrier)
        } else {
            return nil
        }
    }
}

extension CaseSummary {
    /// The status as lists show it: the disposition's label (`已撤案`, `已并案 → 090`) in place of
    /// the status a withdrawn or merged case keeps, else the status.
    public var shownStatus: String { disposition?.label ?? status }

    /// The status a status filter matches: `已撤案` or `已并案` (`Disposition.labels`) for a withdrawn
    /// or merged case, whatever state it kept, else the status.
    public var filteredStatus: String { disposition?.shortLabel ?? status }
}

extension Case {
    /// 撤案 or 并案, if either applies; a withdrawal stands first (a withdrawn case cannot be merged).
    public var disposition: Disposition? {
        if withdrawal != nil { return .withdrawn }
        return mergedInto.map { .merged(into: $0) }
    }
}

extension Workflow {
    /// Whether the case counts towards deadlines and "in progress": its state is open and it was
    /// neither withdrawn nor merged into another case.
    public func isOpen(_ summary: CaseSummary) -> Bool {
        summary.disposition == nil && isOpen(summary.status)
    }
}
