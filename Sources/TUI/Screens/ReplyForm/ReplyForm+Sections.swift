import Model

/// The body sections of the form: each a heading field and a body field, with the section's level
/// and run-in flag kept on its heading field. Every change here is one undo step of the form's
/// history, and none changes any text: a section's text is only ever removed by `deleteSection`,
/// which the screen confirms first.
extension ReplyForm {
    /// The section the focus is in, if any.
    public var focusedSection: Int? { focused.role.section }

    /// Where section `i`'s heading field is.
    func headingIndex(_ i: Int) -> Int { fields.firstIndex { $0.role == .heading(i) }! }

    /// The level (1 `一、` … 4 `（1）`) of section `i`.
    public func level(ofSection i: Int) -> Int { fields[headingIndex(i)].level }

    /// Whether section `i`'s heading runs in with its first paragraph.
    public func isRunIn(section i: Int) -> Bool { fields[headingIndex(i)].runIn }

    /// Whether section `i` is run in with a heading that ends in no stop, so the document prints it
    /// with 。 (`ReplySection.runInHeadingLacksStop`).
    public func runInHeadingLacksStop(section i: Int) -> Bool {
        let field = fields[headingIndex(i)]
        return ReplySection(heading: field.text, text: "", runIn: field.runIn).runInHeadingLacksStop
    }

    /// A level as a clerk names it, with the profile's first numeral of it in quotes (a numeral may
    /// bring its own brackets): `第二级“（一）”`.
    public func levelName(_ level: Int) -> String {
        let style = headingStyles.indices.contains(level - 1) ? "“\(headingStyles[level - 1].written)”" : ""
        return "第\(ChineseNumeral.string(level))级\(style)"
    }

    /// Each section's numeral as the document prints it, nil for a section whose heading is empty
    /// (printed as plain paragraphs, without a number): `ReplySection.numerals`, in `headingStyles`,
    /// the profile's.
    public func numerals() -> [String?] {
        ReplySection.numerals(levels: headingIndices.map { fields[$0].editor.text.isBlank ? nil : fields[$0].level }, in: headingStyles)
    }

    /// Adds an empty section after the focused one (or after the last) and focuses its heading: at
    /// the focused section's level, or one level deeper (a sub-section) when `deeper`. False, and
    /// nothing added, when a sub-section is asked for below the deepest level.
    @discardableResult
    public mutating func addSection(deeper: Bool = false) -> Bool {
        let after = focusedSection ?? (sectionCount - 1)
        let level = after >= 0 && (focusedSection != nil || deeper) ? self.level(ofSection: after) + (deeper ? 1 : 0) : 1
        guard ReplySection.levels.contains(level) else { return false }
        let insertAt = after >= 0 ? headingIndex(after) + 2 : fields.firstIndex { $0.role == .closing }!
        recordStructure()
        fields.insert(contentsOf: [makeField(.heading(0), "", level: level), makeField(.body(0), "")], at: insertAt)
        renumber()
        focus = insertAt
        return true
    }

    /// Deletes the focused section; the focus moves to what followed it.
    public mutating func deleteSection() {
        guard let i = focusedSection else { return }
        let start = headingIndex(i)
        recordStructure()
        fields.removeSubrange(start...(start + 1))
        renumber()
        focus = min(start, fields.count - 1)
    }

    /// Moves the focused section one place up (-1) or down (+1), keeping the focus in it.
    /// False when there is no section that way to move past.
    @discardableResult
    public mutating func moveSection(by step: Int) -> Bool {
        guard let i = focusedSection, (0..<sectionCount).contains(i + step) else { return false }
        let start = headingIndex(i)
        let other = headingIndex(i + step)
        let offset = focus - start
        recordStructure()
        let pair = Array(fields[start...(start + 1)])
        fields.removeSubrange(start...(start + 1))
        // Moving down, the other pair has moved up two places: the place after it is `other` again.
        fields.insert(contentsOf: pair, at: other)
        renumber()
        focus = other + offset
        return true
    }

    /// Makes the focused section one level deeper (+1: `一、` → `（一）`) or higher (-1). False when
    /// the focus is in no section or the level would leave 1…4.
    @discardableResult
    public mutating func changeLevel(by step: Int) -> Bool {
        guard let i = focusedSection else { return false }
        let heading = headingIndex(i)
        guard ReplySection.levels.contains(fields[heading].level + step) else { return false }
        recordStructure()
        fields[heading].level += step
        restructured = true
        return true
    }

    /// Turns the focused section's run-in heading on or off. False when the focus is in no section.
    @discardableResult
    public mutating func toggleRunIn() -> Bool {
        guard let i = focusedSection else { return false }
        recordStructure()
        fields[headingIndex(i)].runIn.toggle()
        restructured = true
        return true
    }

    private mutating func renumber() {
        var section = -1
        for i in fields.indices {
            switch fields[i].role {
            case .heading:
                section += 1
                fields[i].role = .heading(section)
            case .body: fields[i].role = .body(section)
            default: break
            }
        }
        restructured = true
    }
}
