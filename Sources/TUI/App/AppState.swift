import Foundation
import Model

/// Everything the frame is drawn from: every case, the stack of screens (the case list at the
/// bottom, the one receiving keys on top) and the status line with its log. Changed only by `App`.
public struct AppState: Sendable {
    /// A screen on the stack, with the number effects are tagged with to find it again.
    public struct Entry: Sendable {
        public let id: Int
        public var screen: any Screen
    }

    public var cases: CaseCollection
    public internal(set) var stack: [Entry] = []
    /// The status line: the last message, until the next key.
    public internal(set) var message = ""
    /// Every message shown this session, for the message log screen.
    public internal(set) var log = MessageLog()
    /// What the user chose this session that screens opened later start from.
    public internal(set) var settings = SessionSettings()
    var nextID = 0

    /// The store's cases under the case list.
    public init(cases: CaseCollection) {
        self.cases = cases
        stack = [Entry(id: 0, screen: ListScreen(cases))]
        nextID = 1
    }

    /// The screen receiving keys.
    public var top: any Screen { stack[stack.count - 1].screen }

    /// The case list, always at the bottom of the stack.
    public var list: ListScreen { stack[0].screen as! ListScreen }

    /// The topmost screen of type `T`, if one is open.
    public func screen<T: Screen>(_ type: T.Type) -> T? {
        stack.reversed().lazy.compactMap { $0.screen as? T }.first
    }

    /// The reply being drafted in the form, if one is open.
    public var form: ReplyForm? { screen(ReplyFormScreen.self)?.form }

    /// The menu on top, if the top is a menu.
    public var menu: MenuLayer? { top as? MenuLayer }

    /// The case selected in the list.
    public var selectedCase: CaseSummary? { list.selectedID(cases).flatMap { cases.summary(of: $0) } }

    /// Where the frame starts drawing: the topmost screen that is not a layer.
    var base: Int { stack.lastIndex { !$0.screen.isLayer } ?? 0 }

    mutating func say(_ text: String, at time: Date) {
        // Every message may quote a case file, a path or an error: made inert once, here, for the
        // status line and the message log alike.
        let text = UntrustedText.inert(text)
        message = text
        log.append(text, at: time)
    }
}

/// The messages shown this session, oldest first, with the time each was shown (the log keeps the
/// last 500).
public struct MessageLog: Sendable {
    public private(set) var entries: [(time: Date, text: String)] = []
    static let limit = 500

    mutating func append(_ text: String, at time: Date) {
        guard !text.isEmpty else { return }
        entries.append((time, text))
        if entries.count > Self.limit { entries.removeFirst(entries.count - Self.limit) }
    }
}
