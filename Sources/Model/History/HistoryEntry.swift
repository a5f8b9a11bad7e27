import Foundation

/// One change to a case in its history: when, who, what, and the git commit that carried it.
public struct HistoryEntry: Hashable, Sendable {
    /// When, ISO 8601 with offset as written (a journal line's 时间, a commit's author date).
    public var time: String
    /// Who: a journal line's 用户 (the OS user), or a commit's author.
    public var user: String
    /// What: the journal line's 内容, or the subject of a commit that carried no journal line (a hand
    /// edit committed with git, a merge).
    public var text: String
    /// The full id of the commit that first holds this change in the case file; nil when the change is
    /// not committed yet, or the store is not a git repository.
    public var commit: String?

    public init(time: String, user: String, text: String, commit: String? = nil) {
        self.time = time
        self.user = user
        self.text = text
        self.commit = commit
    }

    /// The commit's id as people write it: its first seven hex digits.
    public var shortCommit: String? { commit.map { String($0.prefix(7)) } }

    /// The time to the minute, as the list and the journal show it: `2026-12-07 20:31` (the clock
    /// of the person who made the change; the offset is left out).
    public var minute: String {
        String(time.prefix(16)).replacingOccurrences(of: "T", with: " ")
    }

    /// The moment, for ordering entries written with different offsets; nil when the time is not
    /// ISO 8601 (a hand-edited journal line), which then sorts as the oldest.
    var moment: Date? {
        let formatter = ISO8601DateFormatter()
        return formatter.date(from: time) ?? { formatter.formatOptions.insert(.withFractionalSeconds); return formatter.date(from: time) }()
    }

    /// One line of `banli log`: `2026-12-07 20:31  wangli  答复：修改第二部分  [3f2a1c9]`; `user`
    /// writes the user's column (padded to the widest user, so that what was done lines up).
    public func line(user column: (String) -> String = { $0 }) -> String {
        "\(minute)  \(column(user))  \(text)" + (shortCommit.map { "  [\($0)]" } ?? "")
    }
}
