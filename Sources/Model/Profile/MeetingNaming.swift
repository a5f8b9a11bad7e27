/// How banli names a case's meeting wherever it prints one — the detail screen and `banli show`,
/// the ledger, a case file's comment line, the statistics — in the style of the office profile the
/// case is laid out with (`Configuration.profile(for:)`), so that one case shows one meeting name
/// everywhere: `市政协十三届二次会议` for a case laid out with `市局`, as its reply's title says, not
/// the district's long form. (`export --profile NAME` lays a case out with another profile, and
/// prints that profile's name of the meeting.)
public struct MeetingNaming: Sendable {
    /// The configuration whose profiles name meetings.
    let configuration: Configuration

    /// The naming of `configuration`'s profiles.
    public init(_ configuration: Configuration) {
        self.configuration = configuration
    }

    /// The meeting `c` was raised at, as the profile its reply is laid out with names it
    /// (`Configuration.shownProfile(for:)`). Empty when the case does not say which meeting.
    public func name(of c: Case) -> String {
        configuration.shownProfile(for: c).meetingName(c.meeting, kind: c.kind, district: configuration.office.district)
    }

    /// `meeting` of cases of `kind` taken together (the statistics' groups, which may hold cases of
    /// several layouts), named in the profile in use; empty when the meeting is unknown.
    public func name(_ meeting: Meeting, kind: CaseKind) -> String {
        configuration.profile.meetingName(meeting, kind: kind, district: configuration.office.district)
    }
}
