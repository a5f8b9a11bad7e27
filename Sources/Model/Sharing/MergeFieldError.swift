/// Why a conflict's field cannot be set from a text (`MergeField.set`): one line in Chinese naming
/// the field, for `banli resolve` and the conflict screen.
public enum MergeFieldError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No field of the case has this path (a reply section that is no longer there, a typo).
    case unknownField(String)
    /// The text is not a value the field can hold: the field's label and why.
    case invalid(field: String, why: String)

    public var description: String {
        switch self {
        case .unknownField(let path): return "案件没有字段“\(path)”"
        case .invalid(let field, let why): return "\(field)：\(why)"
        }
    }
}
