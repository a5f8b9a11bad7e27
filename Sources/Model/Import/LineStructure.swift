/// What a word processor recorded about a line beyond its text, for `ReplyReader`: the outline
/// level of a heading paragraph and the run set apart at its start (a run-in heading in bold or in
/// the heading's face). A line of a text file or a web page carries neither.
public struct LineStructure: Hashable, Sendable {
    /// The paragraph's outline level as Word counts it, 0 for `heading 1` (ECMA-376 17.3.1.20
    /// `w:outlineLvl`, 0…8); nil for body text. Levels are relative: a document may make its
    /// title `heading 1` and its sections `heading 2`, so the reader ranks the levels its body uses.
    public var outlineLevel: Int?
    /// The text of the paragraph's first run, numeral included, when it is set apart from the run
    /// after it (bold before plain, or another font): where a run-in heading ends, when its own
    /// stop does not say so.
    public var leadingRun: String?

    public init(outlineLevel: Int? = nil, leadingRun: String? = nil) {
        self.outlineLevel = outlineLevel
        self.leadingRun = leadingRun
    }
}
