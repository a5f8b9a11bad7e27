/// The page of GB/T 9704-2012 §5 in Word's units: twips (twentieths of a point, 1440 to the inch),
/// half-points for font sizes.
enum DocxGeometry {
    /// Millimetres as twips, rounded.
    static func twips(millimetres: Double) -> Int { Int((millimetres * 1440 / 25.4).rounded()) }

    /// A4, 210 × 297 mm (§5.2.1), as Word writes it.
    static let pageWidth = 11906, pageHeight = 16838
    /// 天头 37 mm, 订口 28 mm (§5.2.2); the text block 156 × 225 mm leaves 35 mm below and 26 mm right.
    static let top = twips(millimetres: 37), bottom = twips(millimetres: 35)
    static let left = twips(millimetres: 28), right = twips(millimetres: 26)
    /// The text block (版心): 8845 × 12756 twips.
    static let textWidth = pageWidth - left - right, textHeight = pageHeight - top - bottom

    /// §5.2.3: 22 lines a page, 28 characters a line.
    static let linesPerPage = 22, charactersPerLine = 28
    /// Body text 三号, 16 pt (§7.3.3).
    static let bodyPoints = 16.0
    /// The line pitch: the text block's height over 22 lines, rounded down so that 22 fit —
    /// 12756 / 22 → 579 twips, 28.95 pt (`w:docGrid w:linePitch`, in twips).
    static let linePitch = textHeight / linesPerPage
    /// The character pitch: the text block's width over 28 characters, 8845 / 28 ≈ 315.9 twips,
    /// 15.79 pt.
    static let characterPitch = Double(textWidth) / Double(charactersPerLine)
    /// `w:docGrid w:charSpace`: by ECMA-376 §17.6.5 the difference between the grid's character
    /// pitch and the Normal font's size, in 4096ths of a point — (15.795 − 16) × 4096 → −841: a
    /// 16 pt character sits in a slightly narrower cell, which is how 28 of them fit in 156 mm.
    static let charSpace = Int(((characterPitch / 20 - bodyPoints) * 4096).rounded())

    /// Each character drawn at 98 % of its width (`w:w`), 15.68 pt: 28 × 15.68 = 439 pt fit the
    /// 442.25 pt line, 29 do not — 28 characters a line by the characters' own width, which Word and
    /// LibreOffice both honour (see `DocxBody.sectionProperties`). (Narrowing by negative character
    /// spacing instead makes LibreOffice drop a stop at the end of a justified line.)
    static let characterScale = 98

    /// A text's printed width in full-width characters, estimated as the government fonts set it:
    /// a Latin letter, digit or ASCII sign is half a character.
    static func width<Text: Sequence>(of text: Text) -> Double where Text.Element == Character {
        text.reduce(0) { $0 + ($1.isASCII ? 0.5 : 1) }
    }

    /// `n` characters of body text as twips, for indents Word has no character unit for.
    static func characters(_ n: Double) -> Int { Int((n * characterPitch).rounded()) }

    /// Page numbers are 四号, 14 pt (§7.5); their line is set exactly this high.
    static let pageNumberPoints = 14.0
    /// The footer's distance from the page's bottom edge: §7.5 puts the page number's dashes 7 mm
    /// below the text block, i.e. the line's top 35 − 7 = 28 mm above the edge; the line is 14 pt
    /// (≈ 4.9 mm) high, so its bottom stands ≈ 23.1 mm above the edge.
    static let footerDistance = twips(millimetres: 35 - 7 - pageNumberPoints * 25.4 / 72)
    /// Word's default header distance; the document has no header.
    static let headerDistance = twips(millimetres: 15)
}
