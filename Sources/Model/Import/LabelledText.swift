/// `联系电话：0571-8800000` read as its label and its value; either colon, and spaces around it.
struct LabelledText: Hashable {
    var label: String
    var value: String

    /// Nil when `text` has no colon after a label of one to eight characters.
    init?(_ text: String) {
        guard let colon = text.firstIndex(where: { $0 == "：" || $0 == ":" }) else { return nil }
        let label = text[..<colon].trimmingSpaces
        guard (1...8).contains(label.count), !label.contains(where: { "，。、；".contains($0) }) else { return nil }
        self.label = label
        value = text[text.index(after: colon)...].trimmingSpaces
    }

    /// The value when the label is one of `labels`.
    func value(for labels: [String]) -> String? { labels.contains(label) ? value : nil }
}
