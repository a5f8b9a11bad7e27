/// One line of the `keys:` section: the keys bound to an action on a screen, as written, with where
/// it was written. The terminal layer checks the names, so its errors can point here.
public struct KeyBinding: Hashable, Sendable {
    public var context: String
    public var action: String
    public var keys: [String]
    public var path: String
    public var line: Int?

    public init(context: String, action: String, keys: [String], path: String, line: Int?) {
        self.context = context
        self.action = action
        self.keys = keys
        self.path = path
        self.line = line
    }
}
