/// What a piece of the screen means; a theme maps these to colours and attributes, so no screen or
/// widget chooses a colour itself.
public enum Style: Hashable, Sendable {
    case normal, title, header, selection, muted, hint, message, error, overdue, dueSoon, key
    /// Characters a diff marks as taken out, and as put in (the history screen).
    case deleted, inserted
}
