/// A one-line question on the status line: a reason, a comment, a name. Enter answers (an answer
/// that is required stays open until it is given), Esc cancels; the text is edited like any field
/// (Chinese input with the cursor at the caret, ←/→, Home/End, Ctrl-U, Ctrl-W; Ctrl-Z stops banli
/// here, as everywhere outside the reply form).
public struct QuestionLayer: Screen {
    public var keyContext: KeyContext { .question }
    public var isLayer: Bool { true }
    public let label: String
    public private(set) var editor = TextEditor(text: "")
    /// What the opener is told with the answer.
    let purpose: any Sendable
    /// Said when Enter comes with no answer; nil when an empty answer will do.
    let required: String?

    /// `text` is filled in to start with (today's date, for a date), the caret after it.
    public init(_ label: String, purpose: any Sendable, required: String?, text: String = "") {
        self.label = label
        self.purpose = purpose
        self.required = required
        editor.paste(text)
    }

    public mutating func update(_ action: Action, _ u: inout Update) {
        switch action {
        case .confirm:
            let text = editor.text.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty, let required {
                u.say(required)
            } else {
                u.close(answering: .answered(text, purpose))
            }
        case .cancel:
            u.say("已取消")
            u.close(answering: .cancelled(purpose))
        default: _ = editor.apply(action, width: LineField.unwrapped, height: 1)
        }
    }

    public mutating func type(_ key: Key, _ u: inout Update) -> Bool {
        guard case .character(let c) = key else { return false }
        editor.type(c)
        return true
    }

    /// A paste gives its first line: the answer is one line.
    public mutating func paste(_ text: String, _ u: inout Update) -> Bool {
        editor.paste(String(text.prefix { $0 != "\n" && $0 != "\r" }))
        return true
    }

    private func field(_ context: RenderContext) -> LineField {
        LineField(editor, labelWidth: TextMetrics.width(of: label), width: context.size.width)
    }

    public func render(into buffer: inout ScreenBuffer, _ context: RenderContext) {}

    public func status(_ context: RenderContext) -> StatusLine? { StatusLine(label: label, text: field(context).shown) }

    public func cursor(_ context: RenderContext) -> (x: Int, y: Int)? {
        (min(context.size.width - 1, field(context).caret), context.size.statusRow)
    }

    public func hints(_ context: RenderContext) -> [Action] { [.confirm, .cancel] }
}
