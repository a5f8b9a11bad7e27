// TEMPORARY stand-in until the editor branch lands; replaced wholesale at merge.
public struct TextEditor: Sendable, Equatable {
    private var chars: [Character]
    fileprivate var saved: [Character]
    public private(set) var caret: Int
    public init(text: String) { chars = Array(text); saved = chars; caret = chars.count }
    public var text: String { String(chars) }
    public var isModified: Bool { chars != saved }
    public mutating func markSaved() { saved = chars }
    public var characterCount: Int { chars.filter { !$0.isWhitespace }.count }
    public mutating func handle(_ key: Key, width: Int, height: Int) -> Bool {
        switch key {
        case .character(let c): insert(String(c))
        case .enter: insert("\n")
        case .left: caret = max(0, caret - 1)
        case .right: caret = min(chars.count, caret + 1)
        case .backspace: if caret > 0 { chars.remove(at: caret - 1); caret -= 1 }
        default: return false
        }
        return true
    }
    public mutating func insert(_ s: String) { chars.insert(contentsOf: s, at: caret); caret += s.count }
    public mutating func paste(_ s: String) { insert(s) }
    public mutating func undo() {}
    public mutating func redo() {}
    public func layout(width: Int) -> EditorLayout {
        let lines = TextMetrics.wrap(text, width: width)
        return EditorLayout(lines: lines, caretRow: max(0, lines.count - 1), caretColumn: TextMetrics.width(of: String(lines.last ?? "")))
    }
}
public struct EditorLayout { public let lines: [Substring]; public let caretRow: Int; public let caretColumn: Int }
extension TextEditor {
    public mutating func replaceAll(with text: String) { self = TextEditor(text: text); saved = [] }
}
