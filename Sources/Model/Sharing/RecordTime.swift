import Foundation

/// A journal entry's or a conflict's time as a merge orders them (`CaseMerge`): by the instant it
/// names, so that times two machines wrote under different offsets (`+08:00` on a desktop, `Z` on a
/// server without `TZ`) interleave as they happened; a time that is not ISO 8601 (edited by hand)
/// by its text.
struct RecordTime: Comparable {
    let instant: Date?
    let text: String

    init(_ text: String) {
        self.text = text
        instant = try? Date.ISO8601FormatStyle().parse(text)
    }

    static func < (a: RecordTime, b: RecordTime) -> Bool {
        if let x = a.instant, let y = b.instant { return x < y }
        return a.text < b.text
    }

    static func == (a: RecordTime, b: RecordTime) -> Bool { !(a < b) && !(b < a) }
}
