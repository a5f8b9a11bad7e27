import Foundation

/// The part of a template pattern that names the meeting, as a case whose meeting is unknown
/// prints it: not at all (issue 14: an unknown meeting prints nothing). A pattern names a meeting
/// either through `{meeting}` (the profile's `meetings` pattern) — with the `{district}` or
/// `{level}` written just before it and the `在…上` around it — or spelt out with `{term}` and
/// `{session}` (`{district}区政协第{term}届委员会第{session}次会议`), up to the `会议` that ends it.
enum MeetingPhrase {
    /// The meeting phrase's shapes, in the pattern's own text (placeholders with their braces).
    private static let shapes: [NSRegularExpression] = [
        #"在?(\{(district|level)\})*\{meeting\}上?"#,
        #"((\{(district|level)\})+[^{}]*?|[区县市镇政协人大第]*)\{term\}[^{}]*?\{session\}[^{}]*?会议"#,
    ].map { try! NSRegularExpression(pattern: $0) }

    /// `pattern` without its meeting phrases: `关于{district}{meeting}第{number}号提案` →
    /// `关于第{number}号提案`, `{you}在{meeting}上提出的` → `{you}提出的`.
    static func removed(from pattern: String) -> String {
        shapes.reduce(pattern) { text, shape in
            shape.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "")
        }
    }
}
