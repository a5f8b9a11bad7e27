/// The meeting a case was raised at: a term （届） and a session （次） of the body the kind implies.
/// Term 0 and session 0 stand for a meeting the case's documents do not name （`unknown`）: a
/// published reply often leaves it out. Its printed name is an office profile's
/// (`OfficeProfile.meetingName`, chosen per case by `MeetingNaming`): a meeting has no name of its own.
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
}
