/// Plain text, one paragraph per line and a blank line between groups, as the reply is pasted
/// into the district's reply system or an email.
public struct TextRenderer: DocumentRenderer {
    public init() {}

    public func render(_ blocks: [DocumentBlock]) -> String {
        blocks.groupRuns.map { run in
            run.blocks.map { $0.items.joined(separator: DocumentBlock.itemSeparator) }.joined(separator: "\n")
        }.joined(separator: "\n\n") + "\n"
    }
}
