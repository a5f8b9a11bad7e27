/// Who a commit of `banli sync` is by: the clerk, as author and committer, so that each case's
/// history in git names the person who changed it.
public struct GitIdentity: Hashable, Sendable {
    /// The name git records (`user.name` in the configuration, else the OS user).
    public var name: String
    /// The e-mail address git records (`user.email` in the configuration, else `NAME@HOST`).
    public var email: String

    /// `name` and `email` as configured; an empty one falls back to `osUser` and `osUser@HOST`,
    /// HOST being `host` or, when nil, this machine's name.
    public init(configuredName: String, configuredEmail: String, osUser: String, host: String? = nil) {
        self.name = configuredName.isEmpty ? osUser : configuredName
        self.email = configuredEmail.isEmpty ? osUser + "@" + (host ?? LocalProcess.hostName) : configuredEmail
    }

    /// The environment that makes git record this identity, whatever the repository's or the
    /// user's git configuration says: a clerk's store needs no `git config user.name` of its own.
    public var environment: [String: String] {
        ["GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email, "GIT_COMMITTER_NAME": name, "GIT_COMMITTER_EMAIL": email]
    }
}
