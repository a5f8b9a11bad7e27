import Model

/// What an update asks the runner to do: everything that reads or writes files, runs another program
/// or gives up the terminal. The runner does exactly this and nothing else, and reports what
/// happened as an `EffectResult` to the screen that asked.
public enum Effect: Equatable, Sendable {
    /// End the session.
    case quit
    /// Read one case (for its detail screen, or to merge onto it).
    case loadCase(CaseID)
    /// Read a case for its reply form: the case, any recovery draft of this user's, and mark the case
    /// as being edited (telling who else has it open).
    case openReply(CaseID)
    /// Save the reply's case in place of `base`; if that is refused, keep it in the recovery file
    /// with `begunFrom`, the case as `base` holds it.
    case saveReply(Case, base: Revision, begunFrom: Case)
    /// Write the form's draft to its recovery file (autosave, or to keep it safe), with the case as
    /// `base` holds it, which a draft restored after the file changed is merged from.
    case writeDraft(Case, base: Revision, begunFrom: Case)
    case discardDraft(CaseID)
    /// The form on this case is closed: remove this user's editing mark.
    case endEditing(CaseID)
    /// Keep `Case` as a conflict copy in `.banli/conflicts/` (a save was refused).
    case saveConflictCopy(Case, base: Revision)
    /// Read these cases for a handling step (the step itself is worked out by the update).
    case loadForHandling(HandlingRequest, [CaseID])
    /// Save the cases a handling step changed, each in place of the revision it was read at.
    case saveHandled([Handled], bases: [Revision])
    /// Move the case file, still the version `base`, into `.banli/deleted/` (`CaseStore.delete`).
    case deleteCase(CaseID, base: Revision)
    /// Read a case and the latest change to it that can be undone.
    case loadLastChange(CaseID)
    /// Save the case an undo restored in place of `base`, taking the step back.
    case undo(Handled, UndoStep, base: Revision)
    /// Read every case in full (the due list).
    case loadAllCases
    /// Run `$VISUAL`/`$EDITOR` on this text.
    case editExternally(String)
    /// Stop banli as Ctrl-Z does (SIGTSTP) until the shell continues it.
    case suspend
    /// Find this user's recovery drafts in the store (asked before quitting).
    case findDrafts
    /// Wait for the search being prepared with every case's text (the frame says so meanwhile).
    case awaitSearch
    /// Read the published reply in the file at this path as typed (`~` and a path relative to the
    /// current directory resolved, `Workspace.resolve`) into its parts (`ReplyImport.read`).
    case readReply(String)
    /// Find the ID a new case near this one gets in the store (`CaseStore.freeID(near:)`).
    case findFreeID(CaseID)
    /// Create this new case under the first free ID near its own, in one write.
    case createCase(Case)
    /// Read a case for the form of its own fields (`CaseFormScreen`), and mark it as being edited
    /// (telling who else has it open).
    case openCase(CaseID)
    /// Save a case whose own fields the form changed, in place of `base`.
    case saveCase(Case, base: Revision)
    /// Find the directory this user last exported to (`CaseStore.lastExportDirectory`) and the
    /// current directory, where the export dialog suggests the file.
    case findExportDirectory
    /// Write a reply as a file: the path checked by `OutputFile` first, the document made
    /// (`ReplyDocument.file`), written atomically, and its directory remembered for this user.
    case export(ExportJob)
    /// Read the assignment list (`.xlsx`, `.csv`) in the file at this path as typed (resolved as
    /// `readReply`'s), its first sheet with rows (`AssignmentFile`).
    case readAssignmentList(String)
    /// Create the new cases of these rows of an assignment list, one write each (`AssignmentImport.create`).
    case importAssignments([AssignmentRow])
    /// Read a case's history (`CaseHistory.read`): its journal and, in a git repository, the commits.
    case loadHistory(CaseID)
    /// Compare the case's version at `revision` (a commit id) with its working file (`ReplyDiff`).
    case loadReplyDiff(CaseID, revision: String)
    /// Sync the store with its remote in the background (`StoreSync`); the runner tells the app
    /// when it ends (`App.syncFinished`), and the result of the effect itself is `.done`.
    case sync
}

/// What the runner reports after carrying out an `Effect`: facts only; the screen that asked
/// decides what they mean for the user.
public enum EffectResult: Sendable {
    case caseLoaded(StoredCase)
    /// The case could not be read (or written, for a conflict copy).
    case failed(StoreError)
    case replyOpened(ReplyOpening)
    case replySaved(StoredCase)
    /// Someone else saved the case since the form read it. `theirs` is the case as it is now (or why it
    /// could not be read), `fields` what the store found changed, `draftProblem` why the draft could
    /// not be kept in the recovery file, if so.
    case replyRefused(theirs: Result<StoredCase, StoreError>, fields: [String], draftProblem: StoreError?)
    /// The disk refused the save (full, read-only, no permission…); the draft went to the recovery
    /// file unless `draftProblem` says why not.
    case replyNotSaved(StoreError, draftProblem: StoreError?)
    case draftWritten
    case draftNotWritten(StoreError)
    case conflictCopySaved(path: String)
    /// The cases a handling step is for, as they are now.
    case loadedForHandling(HandlingRequest, [StoredCase])
    case handled(HandlingReport)
    /// A case's file was moved to `path` in `.banli/deleted/`.
    case caseDeleted(CaseID, path: String)
    /// A case as it is now, and the latest change to it that can be undone (nil when none is kept).
    case lastChangeLoaded(StoredCase, UndoStep?)
    case allCasesLoaded([Case])
    case externallyEdited(Result<ExternalEditor.Outcome, ExternalEditor.Failure>)
    case draftsFound([CaseID])
    /// A published reply's parts as read from the file at `path` (resolved), or why it is not one.
    case replyRead(path: String, Result<ReadReply, ReplyImportError>)
    /// The ID a new case gets (`Effect.findFreeID`).
    case freeIDFound(Result<CaseID, StoreError>)
    /// A new case was written to the store.
    case caseCreated(StoredCase)
    /// A case read for the form of its own fields, and who else is editing it.
    case caseOpened(StoredCase, EditingCheck)
    /// The form's changes to a case's own fields were saved.
    case caseSaved(StoredCase)
    /// Someone else saved the case since the form read it: the case as it is now, or why it could not be read.
    case caseRefused(theirs: Result<StoredCase, StoreError>)
    /// Where an export may go: the directory last exported to (nil when none is remembered or it is
    /// gone) and the current directory.
    case exportDirectoryFound(remembered: String?, current: String)
    /// A reply was written to `path` (resolved), or why it was not.
    case exported(path: String, Result<Void, ExportJob.Problem>)
    /// The search with every case's text is ready, or loading the text failed (the app said why).
    case searchAttached(failed: Bool)
    /// An assignment list as read from the file at `path` (resolved), or why it is not one.
    case assignmentListRead(path: String, Result<AssignmentFile, AssignmentListError>)
    /// The cases of an assignment list were written (`Effect.importAssignments`), as far as they were.
    case assignmentsImported(AssignmentCreation)
    /// A case's history (`Effect.loadHistory`), or why it could not be read.
    case historyLoaded(Result<CaseHistory, HistoryError>)
    /// The difference from a version of a case to its working file (`Effect.loadReplyDiff`), or why not.
    case replyDiffLoaded(Result<ReplyDiff, HistoryError>)
    /// An effect with nothing to report (a draft discarded, a mark removed, back from a suspension).
    case done
}

/// What opening a case's reply found.
public struct ReplyOpening: Sendable {
    public var stored: StoredCase
    /// This user's recovery draft of the case, if one exists (or why it could not be read).
    public var recovery: Result<RecoveredDraft, DataFileError>?
    public var editing: EditingCheck

    public init(stored: StoredCase, recovery: Result<RecoveredDraft, DataFileError>?, editing: EditingCheck) {
        self.stored = stored
        self.recovery = recovery
        self.editing = editing
    }
}

/// How a handling step went: the cases saved, the steps worked out (with their journal entries and
/// warnings), and why it stopped if it did not finish.
public struct HandlingReport: Sendable {
    public var saved: [StoredCase] = []
    public var results: [Handled] = []
    public var failure: HandlingFailure?

    public init(saved: [StoredCase] = [], results: [Handled] = [], failure: HandlingFailure? = nil) {
        self.saved = saved
        self.results = results
        self.failure = failure
    }
}

/// Why a handling step stopped: a case could not be read or saved, or a rule refused the step.
public enum HandlingFailure: Error, Sendable, CustomStringConvertible {
    case store(StoreError)
    case refused(BatchRefusal)

    public var description: String {
        switch self {
        case .store(let error): return error.description
        case .refused(let refusal): return refusal.description
        }
    }
}
