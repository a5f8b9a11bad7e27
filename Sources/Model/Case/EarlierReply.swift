/// A reply the case no longer answers with （往次答复）, kept with why it was superseded: a configured
/// reopening of a signed or sent reply （撤回签发、更正答复, `Workflow.ReplyReopening`） or 不满意
/// feedback. A signed or sent reply is never rewritten in place; it is kept here with its sign-off.
public struct EarlierReply: Hashable, Sendable {
    /// What was signed or sent, as it stood.
    public var reply: Reply
    /// The step that superseded it （撤回签发、更正答复、不满意）; empty in files written before banli
    /// recorded it.
    public var supersededBy: String
    /// The reason given for the step （不满意: the proposer's comment）.
    public var reason: String
    /// The day it was superseded.
    public var date: LocalDate?
    /// The sign-off the reply carried, which was cleared when it was superseded.
    public var signOff: SignOff?

    public init(reply: Reply, supersededBy: String = "", reason: String = "", date: LocalDate? = nil, signOff: SignOff? = nil) {
        self.reply = reply
        self.supersededBy = supersededBy
        self.reason = reason
        self.date = date
        self.signOff = signOff
    }

    /// One line for the detail screen and `banli show`: `撤回签发 2026-06-13  原因：日期写错  原签发：顾卫东 2026-06-12`;
    /// empty when the file recorded none of it.
    public var summary: String {
        [[supersededBy, date?.description ?? ""].filter { !$0.isEmpty }.joined(separator: " "),
         reason.isEmpty ? "" : "原因：\(reason)",
         signOff.map { "原签发：\($0.signer) \($0.date)" } ?? ""].filter { !$0.isEmpty }.joined(separator: "  ")
    }
}
