/// How a recorded conflict （冲突） is resolved: the version the case kept, the other copy's, or a
/// text the user made from both.
public enum ConflictChoice: Hashable, Sendable {
    /// 本方: the version the case holds now — the merge left it in the field; a change made to the
    /// field since is kept (`Case.openConflicts` shows it).
    case mine
    /// 对方: the version merged in from the other copy.
    case theirs
    /// A text written from both, read as the field's text (`MergeField.set`).
    case text(String)
}
