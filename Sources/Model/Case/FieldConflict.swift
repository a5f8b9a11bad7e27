/// 冲突： one field two people changed differently in two copies of the store, as a merge of the two
/// (`banli merge-driver`, run by git during `banli sync`) recorded it inside the case instead of
/// choosing for them or writing `<<<<<<<` markers into a file banli must read.
///
/// The case's field holds `mine` until the conflict is resolved (mine, theirs, or a text made from
/// both); resolving removes the record. Values are the field's text as the case file spells it (a
/// date `2018-11-01`, a list `区财政局、区民政局`, a reply section's 内容 as written).
public struct FieldConflict: Hashable, Sendable {
    /// Which field: its keys in the case file joined by `.`, a reply section numbered from 1
    /// (`标题`, `状态`, `答复.开头`, `答复.正文.2.内容`). docs/case-file.md lists every field a merge
    /// can name.
    public var field: String
    /// The version in the copy that made the merge （本方）; the field holds it until resolved.
    public var mine: String
    /// The version merged in from the other copy （对方）.
    public var theirs: String
    /// Who wrote `mine`, as the case's journal names them (the latest entry on that side); may be empty.
    public var mineUser: String
    /// Who wrote `theirs`, likewise; may be empty.
    public var theirsUser: String
    /// When the merge recorded the conflict, ISO 8601 with offset (as journal times are).
    public var time: String

    public init(field: String, mine: String, theirs: String, mineUser: String = "", theirsUser: String = "", time: String) {
        self.field = field
        self.mine = mine
        self.theirs = theirs
        self.mineUser = mineUser
        self.theirsUser = theirsUser
        self.time = time
    }
}
