import Model
import Testing
import TestSupport

/// Who `banli sync`'s commits are by: the configuration's `user:`, else the OS user.
@Suite struct GitIdentityTests {
    @Test func theConfiguredUserIsTheAuthorElseTheOSUserAtTheHost() throws {
        let configured = try Fixtures.configuration(user: "user:\n  name: 王丽\n  email: wangli@qpmz.gov.cn\n")
        let identity = GitIdentity(configuredName: configured.userName, configuredEmail: configured.userEmail, osUser: "wangli", host: "pc1")
        #expect(identity.name == "王丽" && identity.email == "wangli@qpmz.gov.cn")
        #expect(identity.environment["GIT_COMMITTER_NAME"] == "王丽" && identity.environment["GIT_AUTHOR_EMAIL"] == "wangli@qpmz.gov.cn")
        let shipped = try Fixtures.configuration()
        let fallback = GitIdentity(configuredName: shipped.userName, configuredEmail: shipped.userEmail, osUser: "wangli", host: "pc1")
        #expect(fallback.name == "wangli" && fallback.email == "wangli@pc1")
        #expect(throws: DataFileError.self) { try Fixtures.configuration(user: "user:\n  nmae: 王丽\n") }
    }
}
