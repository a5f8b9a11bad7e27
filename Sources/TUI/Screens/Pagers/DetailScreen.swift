import Model

/// One case in full — header fields, results, feedback, contacts, the proposal, the reply laid out
/// as the document, earlier replies and the journal — scrolled like a pager. The reply and handling
/// keys act on this case.
public struct DetailScreen: PagedScreen, HandlesCases {
    public var keyContext: KeyContext { .detail }
    public let id: CaseID
    /// The case as last read or saved; nil until it is read.
    public private(set) var value: Case?
    var pager = Pager("")

    public init(_ id: CaseID) { self.id = id }

    public mutating func appear(_ u: inout Update) { u.run(.loadCase(id)) }

    public func handlingTargets(_ cases: CaseCollection) -> (ids: [CaseID], marked: Bool) { ([id], false) }

    mutating func handle(_ action: Action, _ u: inout Update) -> Bool {
        switch action {
        case .reply: u.open(ReplyFormScreen(id))
        case .export: u.open(ExportDialog(id))
        case .editCase: CaseFormScreen.open(editing: id, &u)
        case .resolveConflict: ConflictScreen.open(id, &u)
        case .history: u.open(HistoryScreen(id))
        default: return false
        }
        return true
    }

    public mutating func receive(_ result: EffectResult, _ u: inout Update) {
        switch result {
        case .caseLoaded(let stored): show(stored.value, u)
        case .failed(let error):
            u.close()
            u.say("\(error)")
        default: break
        }
    }

    public mutating func observe(_ change: Change, _ u: inout Update) {
        switch change {
        case .caseSaved(let saved) where saved.value.id == id, .caseChanged(let saved) where saved.value.id == id: show(saved.value, u)
        case .caseRemoved(let removed) where removed == id: u.close()
        case .dayChanged: if let value { show(value, u) }
        default: break
        }
    }

    /// Shows `value`, keeping the place when the case is shown again after a change.
    private mutating func show(_ value: Case, _ u: Update) {
        self.value = value
        pager.replaceText(with: CaseReport(value, configuration: u.configuration, today: u.today).parts)
    }

    public func title(_ context: RenderContext) -> TitleBar? {
        TitleBar("\(id) \(value?.title ?? "")", right: value?.summary.shownStatus ?? "")
    }

    public func hints(_ context: RenderContext) -> [Action] { [.back, .reply, .outcome, .status, .pageDown, .help] }
}
