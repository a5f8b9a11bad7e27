/// The reply in the form laid out as its document, as it would be exported.
public struct PreviewScreen: PagedScreen {
    public var keyContext: KeyContext { .preview }
    var pager: Pager
    let heading: String

    /// The document wraps as it would print: paragraphs from the left edge, no hanging indents.
    public init(_ document: String, title: String) {
        pager = Pager(document, hanging: false)
        heading = title
    }

    func style(of line: Substring) -> Style { .normal }

    public func title(_ context: RenderContext) -> TitleBar? { TitleBar(heading) }
}
