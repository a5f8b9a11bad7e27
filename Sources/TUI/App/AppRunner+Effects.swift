import Model

/// Carrying out each effect: the store, the external editor, the terminal. Results are facts for
/// the screen that asked; nothing here decides what the user is told.
extension AppRunner {
    func perform(_ effect: Effect) -> EffectResult {
        let store = workspace.store, user = workspace.user, clock = workspace.clock
        switch effect {
        case .quit: return .done
        case .loadCase(let id):
            do { return .caseLoaded(try store.load(id)) } catch { return .failed(error) }
        case .loadHistory(let id):
            return .historyLoaded(Result { () throws(HistoryError) in try CaseHistory.read(id, in: store) })
        case .loadReplyDiff(let id, let revision):
            return .replyDiffLoaded(Result { () throws(HistoryError) in
                guard let revisions = try CaseRevisions.open(store) else { throw .onlyOneVersion(store: store.directory) }
                return ReplyDiff(from: try revisions.version(of: id, at: revision), to: try revisions.current(id))
            })
        case .openReply(let id):
            let stored: StoredCase
            do { stored = try store.load(id) } catch { return .failed(error) }
            let recovery = store.recovery(for: id, user: user)
            let editing = store.beginEditing(id, user: user, time: clock.timestamp(), now: clock.now())
            return .replyOpened(ReplyOpening(stored: stored, recovery: recovery, editing: editing))
        case .saveReply(let value, let base, let begunFrom):
            do {
                return .replySaved(try store.save(value, replacing: base))
            } catch .conflict(_, let fields) {
                let kept = writeDraft(value, base: base, begunFrom: begunFrom)
                return .replyRefused(theirs: Result { () throws(StoreError) in try store.load(value.id) }, fields: fields, draftProblem: kept)
            } catch {
                return .replyNotSaved(error, draftProblem: writeDraft(value, base: base, begunFrom: begunFrom))
            }
        case .writeDraft(let value, let base, let begunFrom):
            return writeDraft(value, base: base, begunFrom: begunFrom).map { .draftNotWritten($0) } ?? .draftWritten
        case .discardDraft(let id):
            store.discardRecovery(for: id, user: user)
            return .done
        case .endEditing(let id):
            store.endEditing(id, user: user)
            return .done
        case .saveConflictCopy(let value, let base):
            do { return .conflictCopySaved(path: try store.saveConflictCopy(value, base: base, user: user, time: clock.timestamp())) } catch {
                return .failed(error)
            }
        case .loadForHandling(let request, let ids):
            do {
                return .loadedForHandling(request, try ids.map { id throws(StoreError) in try store.load(id) })
            } catch {
                return .handled(HandlingReport(failure: .store(error)))
            }
        case .saveHandled(let results, let bases): return .handled(save(results, bases))
        case .deleteCase(let id, let base):
            do { return .caseDeleted(id, path: try store.delete(id, replacing: base, time: clock.timestamp())) } catch {
                return .handled(HandlingReport(failure: .store(error)))
            }
        case .loadLastChange(let id):
            do { return .lastChangeLoaded(try store.load(id), try store.lastChange(of: id)) } catch {
                return .handled(HandlingReport(failure: .store(error)))
            }
        case .undo(let undone, let step, let base):
            do { return .handled(HandlingReport(saved: [try store.saveUndoing(step, undone.value, replacing: base)], results: [undone])) } catch {
                return .handled(HandlingReport(failure: .store(error)))
            }
        case .loadAllCases:
            do { return .allCasesLoaded(try store.loadAll().cases) } catch { return .failed(error) }
        case .editExternally(let text):
            let editor = ExternalEditor(environment: workspace.environment)
            var outcome: Result<ExternalEditor.Outcome, ExternalEditor.Failure> = .success(.unchanged)
            terminal.suspend { outcome = Result { () throws(ExternalEditor.Failure) in try editor.edit(text) } }
            return .externallyEdited(outcome)
        case .suspend:
            terminal.suspendProcess()
            return .done
        case .findDrafts: return .draftsFound(store.recoveryDrafts(user: user))
        case .awaitSearch:
            draw()
            return .searchAttached(failed: !attachSearch())
        case .readReply(let typed):
            let path = workspace.resolve(typed)
            let bytes: [UInt8]
            do { bytes = try IncomingText.bytes(of: path) } catch { return .replyRead(path: path, .failure(.unreadable(path: path, error))) }
            let importer = ReplyImport(configuration: app.state.cases.configuration)
            return .replyRead(path: path, Result { () throws(ReplyImportError) in try importer.read(bytes: bytes, path: path) })
        case .findFreeID(let id):
            return .freeIDFound(Result { () throws(StoreError) in try store.freeID(near: id) })
        case .createCase(let value):
            do {
                return .caseCreated(try store.create(try store.placed(value)))
            } catch {
                return .failed(error)
            }
        case .openCase(let id):
            do {
                let stored = try store.load(id)
                return .caseOpened(stored, store.beginEditing(id, user: user, time: clock.timestamp(), now: clock.now()))
            } catch {
                return .failed(error)
            }
        case .saveCase(let value, let base):
            do {
                return .caseSaved(try store.save(value, replacing: base))
            } catch .conflict {
                return .caseRefused(theirs: Result { () throws(StoreError) in try store.load(value.id) })
            } catch {
                return .failed(error)
            }
        case .readAssignmentList(let typed):
            let path = workspace.resolve(typed)
            return .assignmentListRead(path: path, Result { () throws(AssignmentListError) in try AssignmentFile(path: path) })
        case .importAssignments(let rows):
            // Each case is one write; a large list takes seconds, so the frame says what is going on.
            draw()
            return .assignmentsImported(AssignmentImport.create(rows, in: store))
        case .findExportDirectory:
            return .exportDirectoryFound(remembered: store.lastExportDirectory(user: user), current: workspace.currentDirectory)
        case .export(let job):
            let path = workspace.resolve(job.path)
            return .exported(path: path, export(job, to: path))
        case .sync: return startSync()
        }
    }

    /// Writes `job`'s document to `path`: refused before anything is made when `OutputFile` refuses
    /// the path; the directory remembered once the file is written (a store that cannot be written
    /// only loses the suggestion).
    private func export(_ job: ExportJob, to path: String) -> Result<Void, ExportJob.Problem> {
        do {
            let target = try OutputFile(path, store: workspace.store, overwrite: job.overwrite)
            let document = ReplyDocument(for: job.value, configuration: app.state.cases.configuration)
            let converter = PDFConverter.installed(path: workspace.environment["PATH"])
            // A conversion takes seconds: the frame drawn now shows the dialog's 正在转换 meanwhile.
            if job.format == .pdf, converter != nil { draw() }
            try target.write(try document.file(as: job.format, draft: job.draft, pdf: converter))
        } catch let refusal as OutputFile.Refusal {
            return .failure(.refused(refusal))
        } catch let failure as ReplyDocument.ExportFailure {
            return .failure(.document(failure))
        } catch {
            return .failure(.notWritten(error))
        }
        try? workspace.store.rememberExportDirectory(FileSystem.parent(of: path), user: workspace.user)
        return .success(())
    }

    /// Writes a draft to its recovery file; why it could not be, if so.
    private func writeDraft(_ value: Case, base: Revision, begunFrom: Case) -> StoreError? {
        do {
            try workspace.store.writeRecovery(value, base: base, begunFrom: begunFrom, time: workspace.clock.timestamp(), user: workspace.user)
            return nil
        } catch {
            return error
        }
    }

    /// Saves what a handling step changed, each case under the revision it was read at, stopping at
    /// the first that cannot be saved (the report says which were).
    private func save(_ results: [Handled], _ bases: [Revision]) -> HandlingReport {
        var report = HandlingReport(results: results)
        for (result, base) in zip(results, bases) {
            do {
                report.saved.append(try workspace.store.save(result.value, replacing: base))
            } catch {
                report.failure = .store(error)
                break
            }
        }
        return report
    }
}
