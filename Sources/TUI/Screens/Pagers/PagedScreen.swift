/// A screen that shows a text to scroll through (a case, help, a preview, statistics, the message
/// log, the files that could not be read). It keeps the text in a `Pager`; the moving keys, back,
/// help, fitting and drawing are the same for all of them and live here.
protocol PagedScreen: Screen {
    var pager: Pager { get set }
    /// Actions of its own (nil: not one of them); the shared ones are handled here.
    mutating func handle(_ action: Action, _ u: inout Update) -> Bool
    /// The style of a line, from its text.
    func style(of line: Substring) -> Style
}

extension PagedScreen {
    mutating func handle(_ action: Action, _ u: inout Update) -> Bool { false }
    func style(of line: Substring) -> Style { line.hasPrefix("【") ? .header : .normal }

    public mutating func update(_ action: Action, _ u: inout Update) {
        if pager.scroll(action) || handle(action, &u) { return }
        if action == .back { u.close() }
    }

    public mutating func arrange(_ context: RenderContext) {
        pager.arrange(width: context.size.width, rows: context.size.bodyHeight)
    }

    public func render(into buffer: inout ScreenBuffer, _ context: RenderContext) {
        pager.draw(rows: context.size.body, into: &buffer) { style(of: $0.text) }
    }

    public func hints(_ context: RenderContext) -> [Action] { [.back, .moveDown, .pageDown, .help] }
}
