/// A case's identity in the store: kind, meeting and number. Its string form (`zx5-2-090`) is the
/// file name without `.yaml` and the ID used on the command line.
public struct CaseID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var kind: CaseKind
    public var meeting: Meeting
    public var number: String

    public init(kind: CaseKind, meeting: Meeting, number: String) {
        self.kind = kind
        self.meeting = meeting
        self.number = number
    }

    public var description: String { "\(kind.idPrefix)\(meeting.term)-\(meeting.session)-\(number)" }

    public var fileName: String { description + ".yaml" }

    /// Case numbers hold only ASCII letters, digits and '-', so an ID can never name a path
    /// outside the store (no '/', '..', NUL or control characters).
    public static func isValidNumber(_ number: String) -> Bool {
        !number.isEmpty && number.count <= 16 && number.unicodeScalars.allSatisfy {
            ("0"..."9").contains($0) || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || $0 == "-"
        } && number.first != "-"
    }

    /// Parses `zx5-2-090`.
    public init?(_ text: String) {
        let kind: CaseKind
        if text.hasPrefix("zx") { kind = .proposal } else if text.hasPrefix("rd") { kind = .suggestion } else { return nil }
        let parts = text.dropFirst(2).split(separator: "-", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let term = Int(parts[0]), let session = Int(parts[1]), term > 0, session > 0,
              CaseID.isValidNumber(String(parts[2])) else { return nil }
        self.init(kind: kind, meeting: Meeting(term: term, session: session), number: String(parts[2]))
    }

    public static func < (a: CaseID, b: CaseID) -> Bool {
        // Numbers compare by value first, so 9 sorts before 10 even without zero padding.
        (a.kind == .proposal ? 0 : 1, a.meeting.term, a.meeting.session, Int(a.number) ?? Int.max, a.number)
            < (b.kind == .proposal ? 0 : 1, b.meeting.term, b.meeting.session, Int(b.number) ?? Int.max, b.number)
    }
}
