/// How a recorded conflict （冲突） is resolved: the version the case kept, the other copy's, or a
/// text the user made from both.
public enum ConflictChoice: Hashable, Sendable {
    /// 本方: the version the field held when the merge recorded the conflict.
    case mine
    /// 对方: the version merged in from the other copy.
    case theirs
    /// A text written from both, read as the field's text (`MergeField.set`).
    case text(String)
}
