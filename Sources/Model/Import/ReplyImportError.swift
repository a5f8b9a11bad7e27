/// Why a file could not be imported as a reply; each description is one line of Chinese naming
/// the file.
public enum ReplyImportError: Error, Sendable, CustomStringConvertible {
    /// The file could not be read as text (missing, unreadable, binary, UTF-16, a control character,
    /// neither UTF-8 nor GB18030).
    case unreadable(path: String, IncomingText.Failure)
    /// The text is not a reply (`ReplyReader.Refusal`).
    case notAReply(path: String, ReplyReader.Refusal)
    /// `--profile` names no configured profile.
    case unknownProfile(UnknownProfile)

    public var description: String {
        switch self {
        case .unreadable(let path, let failure):
            switch failure {
            case .unreadable, .refused: return failure.description
            default: return "\(path) 不是答复：\(failure)"
            }
        case .notAReply(let path, let refusal):
            let why = switch refusal {
            case .empty: "文件是空的"
            case .noTitleOrSalutation: "找不到答复的标题（关于…的答复/办理意见）或称呼（…委员：/…代表：）"
            case .noBody: "标题下面没有答复正文"
            }
            return "\(path) 不是答复：\(why)，未导入"
        case .unknownProfile(let error):
            return error.description
        }
    }
}
