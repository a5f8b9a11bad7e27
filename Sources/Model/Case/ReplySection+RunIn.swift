import Foundation

extension ReplySection {
    /// The marks that end a run-in heading as a sentence, full and half width: 。！？；： and
    /// `｡ . ! ? ; :`.
    public static let runInStops: Set<Character> = ["。", "！", "？", "；", "：", "｡", ".", "!", "?", ";", ":"]

    /// A run-in heading （标题接排） as the document prints it: `heading`, trimmed, with 。 added
    /// when it does not end in one of `runInStops`. In official documents a run-in heading is a
    /// sentence of its own (`一、摸清底数，分类施策。镇政府对……`); without its stop it would run
    /// into the text it opens (`（二）规范婚事新办推广集体婚礼。`). The record is not rewritten: the
    /// document adds the stop. An empty heading stays empty.
    public static func runInPrinted(_ heading: String) -> String {
        let trimmed = heading.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let last = trimmed.last, !runInStops.contains(last) else { return trimmed }
        return trimmed + "。"
    }

    /// Whether this section is run in and its heading has text but no stop, so that the document
    /// adds 。 to it (`runInPrinted`): the reply form hints at it.
    public var runInHeadingLacksStop: Bool {
        runIn && Self.runInPrinted(heading) != heading.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
