import Model

/// Every message shown on the status line this session, oldest first, each whole and with its time
/// (`:messages` in vim): a message cut short on the status line is read here.
public struct MessagesScreen: PagedScreen {
    public var keyContext: KeyContext { .messages }
    var pager = Pager("")
    private var shownCount = -1

    public init() {}

    public mutating func arrange(_ context: RenderContext) {
        let entries = context.messages.entries
        if entries.count != shownCount {
            let text = entries.isEmpty ? "（还没有消息）"
                // One message a line (each wraps under its time), whatever text it quotes.
                : entries.map { "\(TimeText.moment($0.time, context.environment.clock))  \($0.text)" }.joined(separator: "\n")
            let first = shownCount < 0
            pager = Pager(text)
            shownCount = entries.count
            pager.arrange(width: context.size.width, rows: context.size.bodyHeight)
            // Opened at the newest message.
            if first { _ = pager.scroll(.last) }
        }
        pager.arrange(width: context.size.width, rows: context.size.bodyHeight)
    }

    func style(of line: Substring) -> Style { .normal }

    public func title(_ context: RenderContext) -> TitleBar? {
        TitleBar("消息记录", right: "\(context.messages.entries.count)条")
    }
}
