/// What the user chose in this session that screens opened later start from; not saved, so a new
/// session starts from the defaults.
public struct SessionSettings: Sendable {
    /// Where the reply form shows the proposal text (`proposal-text` cycles it).
    public var proposalPlacement = ProposalPlacement.hidden
}

/// Where the reply form shows the proposal text (`ProposalPane`) while the reply is drafted.
public enum ProposalPlacement: Sendable {
    case hidden
    /// To the right of the form, when the terminal is wide enough (`ReplyFormPanes.besideWidth`); on a
    /// narrower one, above it.
    case beside
    /// A few lines above the form.
    case above

    /// The next placement `proposal-text` chooses: beside (or straight above when the terminal is too
    /// narrow for beside), above, hidden.
    func next(width: Int) -> ProposalPlacement {
        switch self {
        case .hidden: return width >= ReplyFormPanes.besideWidth ? .beside : .above
        case .beside: return .above
        case .above: return .hidden
        }
    }

    /// What the status line says once it is chosen.
    var said: String {
        switch self {
        case .hidden: return "不显示提案原文"
        case .beside: return "提案原文显示在表单旁边"
        case .above: return "提案原文显示在表单上方"
        }
    }
}
