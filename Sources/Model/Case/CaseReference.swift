/// A case as a person names it: the full ID (`zx5-2-090`) or the number alone (`090`), typed as an
/// IME or a shell gives it. The text is compared after `TypedText.normalized` (so `０９０` is `090`)
/// and in lowercase (`ZX5-2-090`), without a trailing `.yaml` (a file name completed by the shell),
/// and each run of digits by its value (`15` names `015`, `zx05-2-90` names `zx5-2-090`). The one
/// resolver of typed IDs: the command line's every ID argument goes through `CaseStore.resolve`,
/// which uses it.
public struct CaseReference: Sendable, CustomStringConvertible {
    /// What was typed, normalised: the form messages quote (`有2件案件编号为090：…`).
    public let text: String
    /// The kind and meeting, when a full ID was typed; nil for a number alone.
    private let meeting: (kind: CaseKind, meeting: Meeting)?
    /// The number as `numberKey` reads it.
    private let number: String

    public init(_ typed: String) {
        var text = TypedText.normalized(typed).lowercased()
        if text.hasSuffix(".yaml") { text = String(text.dropLast(5)) }
        self.text = text
        let parts = text.split(separator: "-", maxSplits: 2, omittingEmptySubsequences: false)
        let kind: CaseKind? = text.hasPrefix(CaseKind.proposal.idPrefix) ? .proposal
            : text.hasPrefix(CaseKind.suggestion.idPrefix) ? .suggestion : nil
        if let kind, parts.count == 3, let term = CaseReference.digits(parts[0].dropFirst(2)),
           let session = CaseReference.digits(parts[1]) {
            meeting = (kind, Meeting(term: term, session: session))
            number = CaseReference.numberKey(parts[2])
        } else {
            meeting = nil
            number = CaseReference.numberKey(text)
        }
    }

    public var description: String { text }

    /// The ID spelt exactly as typed (after normalising), when the text is a full ID: the file to look
    /// for first, before comparing numbers by value.
    public var exactID: CaseID? { meeting == nil ? nil : CaseID(text) }

    /// Whether `id` is a case this names.
    public func names(_ id: CaseID) -> Bool {
        if let meeting, meeting.kind != id.kind || meeting.meeting != id.meeting { return false }
        return !number.isEmpty && CaseReference.numberKey(id.number) == number
    }

    /// The cases among `ids` this names: the one whose ID is spelt as typed when there is one, else
    /// every one whose number has the same value. More than one means the user must write more.
    public func matches(among ids: some Sequence<CaseID>) -> [CaseID] {
        let found = ids.filter(names)
        if found.count > 1, let exact = found.first(where: { $0.description == text }) { return [exact] }
        return found.sorted()
    }

    /// A run of ASCII digits as a number; nil for anything else (an empty run included).
    private static func digits(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.count <= 4, text.utf8.allSatisfy({ (48...57).contains($0) }) else { return nil }
        return Int(text)
    }

    /// A case number for comparing: lowercase, each run of digits without its leading zeros (`015`,
    /// `15` and `0015` are all `15`; `a01-2` is `a1-2`). Runs of digits are always separated by
    /// something else, so joining them up again keeps numbers apart that differ.
    static func numberKey(_ number: some StringProtocol) -> String {
        // Nearly every number is digits alone, and resolving `090` reads every case's.
        if number.utf8.allSatisfy({ (48...57).contains($0) }) {
            let value = number.drop { $0 == "0" }
            return value.isEmpty && !number.isEmpty ? "0" : String(value)
        }
        var key = "", digits = ""
        func endDigits() {
            guard !digits.isEmpty else { return }
            let value = digits.drop { $0 == "0" }
            key += value.isEmpty ? "0" : value
            digits = ""
        }
        for character in number.lowercased() {
            if character.isASCII && character.isNumber {
                digits.append(character)
            } else {
                endDigits()
                key.append(character)
            }
        }
        endDigits()
        return key
    }
}
