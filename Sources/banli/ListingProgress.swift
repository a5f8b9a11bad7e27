import Foundation
import Model

/// The listing of a store, with a progress bar on stderr (when it is a terminal, `ProgressBar`)
/// while it parses many case files: a store's first open, or one after many files changed, parses
/// every file, which takes seconds for a large store. Erased before anything else is written.
final class ListingProgress: @unchecked Sendable {
    /// The fewest files to parse that show the bar: fewer take well under a second.
    static let threshold = 2_000

    private let label: String
    // Set by `willParse` on the listing's thread before the parsing threads start, then updated by
    // them one at a time (`CaseStore.list`'s `parsed` is called under its lock).
    private var bar: ProgressBar?

    private init(label: String) {
        self.label = label
    }

    /// `store.list()`, showing the bar labelled `label` while it parses.
    static func list(_ store: CaseStore, label: String = "banli：正在读取案件文件并建立索引") throws(StoreError) -> StoreListing {
        let progress = ListingProgress(label: label)
        defer { progress.bar?.finish() }
        return try store.list(willParse: { count in
            if count >= threshold { progress.bar = ProgressBar(total: count, label: label) }
        }, parsed: { done in progress.bar?.update(done) })
    }
}
