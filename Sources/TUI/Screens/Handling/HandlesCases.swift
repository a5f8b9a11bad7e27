import Model

/// A screen whose handling keys — outcome, status, contact, feedback — act on cases: the list, the
/// due list, a case's detail, the reply form. It says which cases; `App` runs the rest (the menus,
/// questions and confirmations of `HandlingFlow`, the effects, the message), so a new screen with
/// handling keys conforms and binds the keys, nothing more.
public protocol HandlesCases: Screen {
    /// The cases the handling keys act on now, and whether they are the user's marks (a step on
    /// marked cases is always confirmed, since they need not be the row in view).
    func handlingTargets(_ cases: CaseCollection) -> (ids: [CaseID], marked: Bool)
    /// A handling step this screen started has finished (the list clears its marks).
    mutating func handled(_ report: HandlingReport)
}

extension HandlesCases {
    public mutating func handled(_ report: HandlingReport) {}
}
