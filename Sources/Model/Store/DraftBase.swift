/// The case a recovery draft was begun from, kept after the draft in the same file as YAML comment
/// lines under a line of its own. Comments, so that the file still decodes as the draft alone and an
/// older banli reads it unchanged; after the draft, so that the lines a problem in the draft names
/// stay the file's own. One file, written at once, so the draft and its base never disagree.
enum DraftBase {
    /// A line of its own: banli writes no comments into a case file and indents every line of a text
    /// block, so no line of the draft above it is this line.
    static let separator = "# banli 草稿开始时的案件文件"

    /// `yaml` (a case file's text) as the comment lines that follow a draft.
    static func commented(_ yaml: String) -> String {
        var lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        return separator + "\n" + lines.map { $0.isEmpty ? "#\n" : "# " + $0 + "\n" }.joined()
    }

    /// The case file's bytes kept after the draft in a recovery file's `bytes`; nil when there are
    /// none (a file written before they were kept) or a line after the separator is not one of them.
    static func uncommented(_ bytes: [UInt8]) -> [UInt8]? {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let start = text.range(of: "\n" + separator + "\n") else { return nil }
        var yaml = ""
        for line in text[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "#" || line.isEmpty { yaml += "\n" } else if line.hasPrefix("# ") { yaml += line.dropFirst(2) + "\n" } else { return nil }
        }
        return Array(yaml.utf8)
    }
}
