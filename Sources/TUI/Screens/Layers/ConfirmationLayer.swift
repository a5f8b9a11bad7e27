/// Asks before what cannot be taken back — discarding text, 不满意 (which reopens a case), deleting
/// a section, acting on marked cases: `确定？(y/N)`, with No the default (Enter and Esc say no). Any
/// other key does nothing but say which keys answer, so a stray key can never say yes.
public struct ConfirmationLayer: Screen {
    public var keyContext: KeyContext { .confirmation }
    public var isLayer: Bool { true }
    public let question: String
    /// What the opener is told, confirmed or cancelled.
    let purpose: any Sendable

    public init(_ question: String, purpose: any Sendable) {
        self.question = question
        self.purpose = purpose
    }

    public mutating func update(_ action: Action, _ u: inout Update) {
        switch action {
        case .confirm: u.close(answering: .confirmed(purpose))
        case .cancel:
            u.say("已取消")
            u.close(answering: .cancelled(purpose))
        default: break
        }
    }

    public mutating func type(_ key: Key, _ u: inout Update) -> Bool {
        u.say("请回答：\(ConfirmationLayer.choices(u.keymap))")
        return true
    }

    public mutating func paste(_ text: String, _ u: inout Update) -> Bool { type(.character(" "), &u) }

    /// `(y/N)` with the shipped keys; the keys in words when rebound.
    static func choices(_ keymap: Keymap) -> String {
        let yes = keymap.keys(for: .confirm, in: .confirmation), no = keymap.keys(for: .cancel, in: .confirmation)
        if yes.contains(.character("y")) && no.contains(.character("N")) { return "确定？(y/N)" }
        return "确定？（\(yes.first?.label ?? "?") 确定，\(no.first?.label ?? "?") 取消）"
    }

    public func render(into buffer: inout ScreenBuffer, _ context: RenderContext) {
        Popup(title: question, items: [ConfirmationLayer.choices(context.keymap)], selected: nil)
            .draw(anchor: context.anchor, rows: context.size.body, into: &buffer)
    }

    public func status(_ context: RenderContext) -> StatusLine? {
        StatusLine(label: ConfirmationLayer.choices(context.keymap), text: "")
    }

    public func hints(_ context: RenderContext) -> [Action] { [.confirm, .cancel] }
}
