/// The meeting a case was raised at: a term （届） and a session （次） of the body the kind implies.
public struct Meeting: Hashable, Sendable {
    public var term: Int
    public var session: Int

    public init(term: Int, session: Int) {
        self.term = term
        self.session = session
    }

    /// `区政协第五届委员会第二次会议` or `区第六届人民代表大会第二次会议`.
    public func printed(for kind: CaseKind, districtPrefix: String = "区") -> String {
        let term = ChineseNumeral.string(self.term), session = ChineseNumeral.string(self.session)
        switch kind {
        case .proposal: return "\(districtPrefix)政协第\(term)届委员会第\(session)次会议"
        case .suggestion: return "\(districtPrefix)第\(term)届人民代表大会第\(session)次会议"
        }
    }
}
