import Testing
@testable import Model
import TestSupport

/// A case whose meeting is unknown names no meeting in any document of any shipped profile: no
/// `第零届…第零次` (the `{term}`/`{session}` spelling), no `在上提出` (the `{meeting}` one).
@Suite struct UnknownMeetingDocumentTests {
    @Test func noShippedProfilePrintsAMeetingForACaseWithoutOne() throws {
        let configuration = try Fixtures.configuration()
        #expect(configuration.profileNames.count >= 5)
        for name in configuration.profileNames {
            let profile = try #require(configuration.profiles[name])
            for (kind, role) in [(CaseKind.proposal, HandlingRole.lead), (.suggestion, .lead), (.proposal, .coHandler)] {
                var c = Fixtures.fullCase()
                c.meeting = .unknown
                c.kind = kind
                c.role = role
                c.leadUnit = role == .coHandler ? "区民政局" : ""
                c.number = "905"
                c.printedNumber = ""
                c.reply.title = ""
                c.reply.opening = ""
                let wording = ReplyWording(for: c, configuration: configuration, profile: profile)
                let text = try ReplyDocument(for: c, configuration: configuration, profile: profile).rendered(as: .text, draft: true)
                for printed in [wording.title, wording.opening, wording.salutation, wording.closing, text] {
                    for bad in ["零", "第届", "第次", "在上", "{", "}"] {
                        #expect(!printed.contains(bad), "\(name) \(kind) \(role): \(bad) in \(printed)")
                    }
                }
                #expect(wording.title.contains("第905号"), "\(name): \(wording.title)")
            }
        }
    }

    @Test func aKnownMeetingIsStillNamedInTheTitle() throws {
        let configuration = try Fixtures.configuration()
        var c = Fixtures.fullCase()
        c.role = .lead
        c.reply.title = ""
        let wording = ReplyWording(for: c, configuration: configuration, profile: try configuration.profile(named: "上海区", source: "test"))
        #expect(wording.title.hasPrefix("关于青浦区政协第"), "\(wording.title)")
        #expect(MeetingPhrase.removed(from: "关于{district}区政协第{term}届委员会第{session}次会议第{number}号提案") == "关于第{number}号提案")
        #expect(MeetingPhrase.removed(from: "{you}在{meeting}上提出的") == "{you}提出的")
    }
}
