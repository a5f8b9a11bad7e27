/// A case's identity in the store: kind, meeting and number. Its string form (`zx5-2-090`) is the
/// file name without `.yaml` and the ID used on the command line. A case whose meeting is unknown
/// reads `zx0-0-52`.
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

    /// How many characters (ASCII: terminal cells) `description` has, without building it: a list
    /// sizes its ID column from every case's when a store opens.
    public var length: Int {
        func digits(_ n: Int) -> Int { n < 10 ? 1 : n < 100 ? 2 : String(n).utf8.count }
        return kind.idPrefix.utf8.count + digits(meeting.term) + 1 + digits(meeting.session) + 1 + number.utf8.count
    }

    /// Case numbers hold only ASCII letters, digits and '-', so an ID can never name a path
    /// outside the store (no '/', '..', NUL or control characters).
    public static func isValidNumber(_ number: String) -> Bool {
        !number.isEmpty && number.count <= 16 && number.unicodeScalars.allSatisfy {
            ("0"..."9").contains($0) || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || $0 == "-"
        } && number.first != "-"
    }

    /// Parses `zx5-2-090`, and `zx0-0-52` for a case whose meeting is unknown (term and session
    /// both 0 or both from 1: `zx0-2-52` names nothing).
    public init?(_ text: String) {
        let kind: CaseKind
        if text.hasPrefix("zx") { kind = .proposal } else if text.hasPrefix("rd") { kind = .suggestion } else { return nil }
        let parts = text.dropFirst(2).split(separator: "-", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, let term = Int(parts[0]), let session = Int(parts[1]), term >= 0, session >= 0,
              (term > 0) == (session > 0), CaseID.isValidNumber(String(parts[2])) else { return nil }
        self.init(kind: kind, meeting: Meeting(term: term, session: session), number: String(parts[2]))
    }

    public static func < (a: CaseID, b: CaseID) -> Bool {
        if a.kind != b.kind { return a.kind == .proposal }
        if a.meeting.term != b.meeting.term { return a.meeting.term < b.meeting.term }
        if a.meeting.session != b.meeting.session { return a.meeting.session < b.meeting.session }
        return numberPrecedes(a.number, b.number)
    }

    /// Numbers compare by value first, so 9 sorts before 10 even without zero padding; numbers that
    /// are not all digits come after, in byte order. Works on bytes: this runs for every comparison
    /// while sorting a store.
    static func numberPrecedes(_ a: String, _ b: String) -> Bool {
        let x = a.utf8, y = b.utf8
        let xDigits = x.allSatisfy { (48...57).contains($0) }, yDigits = y.allSatisfy { (48...57).contains($0) }
        if xDigits != yDigits { return xDigits }
        if xDigits {
            let xs = x.drop { $0 == 48 }, ys = y.drop { $0 == 48 }
            if xs.count != ys.count { return xs.count < ys.count }
            if !xs.elementsEqual(ys) { return xs.lexicographicallyPrecedes(ys) }
        }
        return x.lexicographicallyPrecedes(y)
    }
}
