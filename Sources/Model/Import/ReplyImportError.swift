/// Why a file could not be imported as a reply; each description is one line of Chinese naming
/// the file.
public enum ReplyImportError: Error, Sendable, CustomStringConvertible {
    /// The file could not be read as text (missing, unreadable, binary, UTF-16, a control character,
    /// neither UTF-8 nor GB18030).
    case unreadable(path: String, IncomingText.Failure)
    /// The file is a Word document that cannot be read (`WordText.Failure`): a `.doc`, an
    /// encrypted, damaged or crafted `.docx`.
    case notWord(path: String, WordText.Failure)
    /// The text is not a reply (`ReplyReader.Refusal`).
    case notAReply(path: String, ReplyReader.Refusal)
    /// `--profile` names no configured profile.
    case unknownProfile(UnknownProfile)

    public var description: String {
        if case .notWord(let path, let failure) = self { return "\(path) \(failure)" }
        guard let (path, why) = pathAndReason else { return message }
        return "\(path) 不是答复：\(why)"
    }

    /// The same message with the reason first and the file's path last
    /// (`不是答复：文件是空的，未导入（/tmp/a.txt）`): how a status line that cuts a long message at
    /// the screen's width still shows why.
    public var reasonFirst: String {
        if case .notWord(let path, let failure) = self { return "\(failure)（\(path)）" }
        guard let (path, why) = pathAndReason else { return message }
        return "不是答复：\(why)（\(path)）"
    }

    /// The file and why it is not a reply; nil when the message is another's (a file that cannot
    /// be read at all, an unknown profile).
    private var pathAndReason: (String, String)? {
        switch self {
        case .unreadable(_, .unreadable), .unreadable(_, .refused), .unknownProfile, .notWord: return nil
        case .unreadable(let path, let failure): return (path, failure.description)
        case .notAReply(let path, let refusal):
            let why = switch refusal {
            case .empty: "文件是空的"
            case .noTitleOrSalutation: "找不到答复的标题（关于…的答复/办理意见）或称呼（…委员：/…代表：）"
            case .noBody: "标题下面没有答复正文"
            }
            return (path, why + "，未导入")
        }
    }

    /// The message of an error whose text is another type's.
    private var message: String {
        switch self {
        case .unreadable(_, let failure): failure.description
        case .notAReply, .notWord: ""
        case .unknownProfile(let error): error.description
        }
    }
}
