/// A profile name that the configuration does not define: given with `--profile`, kept in a
/// reply's `版式`, or written in the store's marker.
public struct UnknownProfile: Error, Hashable, Sendable, CustomStringConvertible {
    /// The name as given.
    public let name: String
    /// Where the name came from, as a clerk would say it: `--profile`, `案件 zx5-2-090 的版式`.
    public let source: String
    /// The profiles the configuration defines, in file order.
    public let known: [String]

    /// One line: `没有名为“X”的版式（--profile）；可用的版式：上海区、青溪县局、云河镇`.
    public var description: String {
        "没有名为“\(name)”的版式（\(source)）；可用的版式：\(known.joined(separator: "、"))"
    }
}
