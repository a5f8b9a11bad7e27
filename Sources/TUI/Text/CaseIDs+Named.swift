import Model

extension Collection<CaseID> {
    /// Cases as a message names them: the first three, then 等 (`zx6-5-101、zx6-5-104、zx6-5-107等`).
    var named: String { prefix(3).map(\.description).joined(separator: "、") + (count > 3 ? "等" : "") }
}
