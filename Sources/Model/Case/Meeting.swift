/// The meeting a case was raised at: a term （届） and a session （次） of the body the kind implies.
/// Term 0 and session 0 stand for a meeting the case's documents do not name （`unknown`）: a
/// published reply often leaves it out.
public struct Meeting: Hashable, Sendable {
    public var term: Int
    public var session: Int

    public init(term: Int, session: Int) {
        self.term = term
        self.session = session
    }

    /// A meeting nobody recorded: term 0, session 0. Its case ID reads `zx0-0-52`.
    public static let unknown = Meeting(term: 0, session: 0)

    /// Whether the term and session are known (both from 1); the unknown meeting is 0/0.
    public var isKnown: Bool { term > 0 && session > 0 }

    /// `区政协第五届委员会第二次会议` or `区第六届人民代表大会第二次会议`; empty for the unknown
    /// meeting, so that nothing made up is printed.
    public func printed(for kind: CaseKind, districtPrefix: String = "区") -> String {
        guard isKnown else { return "" }
        let term = ChineseNumeral.string(self.term), session = ChineseNumeral.string(self.session)
        switch kind {
        case .proposal: return "\(districtPrefix)政协第\(term)届委员会第\(session)次会议"
        case .suggestion: return "\(districtPrefix)第\(term)届人民代表大会第\(session)次会议"
        }
    }
}
