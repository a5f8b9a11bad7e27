/// How banli names a case's meeting wherever it prints one — the detail screen and `banli show`,
/// the ledger, a case file's comment line, the statistics — in the style of the office profile the
/// case is laid out with (`Configuration.profile(for:)`), so that one case shows one meeting name
/// everywhere: `市政协十三届二次会议` for a case laid out with `市局`, as its reply's title says, not
/// the district's long form. (`export --profile NAME` lays a case out with another profile, and
/// prints that profile's name of the meeting.)
public struct MeetingNaming: Sendable {
    /// The configuration's profiles, by name.
    let profiles: [String: OfficeProfile]
    /// The profile in use where a case names none (`Configuration.profile`).
    let inUse: OfficeProfile
    /// `{district}` in meeting patterns (`office.district`).
    let district: String

    /// The naming of `configuration`'s profiles.
    public init(_ configuration: Configuration) {
        profiles = configuration.profiles
        inUse = configuration.profile
        district = configuration.office.district
    }

    /// The meeting `c` was raised at, as the profile its reply is laid out with names it; a reply
    /// naming a profile this configuration lacks is named in the profile in use, as it is listed
    /// and edited. Empty when the case does not say which meeting.
    public func name(of c: Case) -> String {
        let profile = c.reply.layout.isBlank ? inUse : profiles[c.reply.layout] ?? inUse
        return profile.meetingName(c.meeting, kind: c.kind, district: district)
    }

    /// `meeting` of cases of `kind` taken together (the statistics' groups, which may hold cases of
    /// several layouts), named in the profile in use; empty when the meeting is unknown.
    public func name(_ meeting: Meeting, kind: CaseKind) -> String {
        inUse.meetingName(meeting, kind: kind, district: district)
    }
}
