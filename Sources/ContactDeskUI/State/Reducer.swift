import ContactEditing
import Foundation
import ContactDeskStrings

/// The one place state changes: pure, so every transition is tested without a terminal or a network.
public enum Reducer {
    /// Applies `action` and returns the effects the run loop must perform.
    public static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
        let effects = reduceAction(&state, action)
        // Staged changes found while a form or dialog was open wait for it to close, so no typing is swept away.
        if state.overlay == .none, let set = state.current.pendingResume {
            state.current.pendingResume = nil
            state.overlay = .resume(set)
        }
        return effects
    }

    static func reduceAction(_ state: inout AppState, _ action: Action) -> [Effect] {
        switch action {
        case .key(let key): return handleKey(&state, key)
        case .resized(let w, let h):
            state.width = w; state.height = h
            state.clampCursor()
            return []
        case .rosterPage(let page):
            state.friends += page
            state.load = .loading(received: state.friends.count)
            state.refreshVisible()
            return []
        case .nicknames(let nicks):
            for i in state.friends.indices { if let n = nicks[state.friends[i].id] { state.friends[i].nickname = n } }
            state.refreshVisible()
            return []
        case .rosterLoaded(let roster):
            guard roster.account == state.account else { return [] }  // a late reply for an account left behind
            show(&state, roster)
            state.load = .loaded
            state.cachedAt = nil
            state.status = .loaded(friends: roster.friends.count)
            return []
        case .rosterCached(let roster, let savedAt):
            guard roster.account == state.account else { return [] }
            show(&state, roster)
            state.load = .loading(received: roster.friends.count)
            state.cachedAt = savedAt
            state.status = .cached(friends: roster.friends.count, savedAt: savedAt)
            return []
        case .rosterFailed(let failure):
            state.load = .failed(failure.description)
            // What the operator is looking at comes first: a narrow screen cuts the error's detail.
            state.status = .loadFailed(failure, savedAt: state.cachedAt)
            return []
        case .accountChecked(let id, let exists):
            guard case .openAccount = state.overlay else { return [] }
            if !exists {
                state.overlay = .openAccount(input: id, error: UIText.openNotImported.text(["id": id]),
                                             checking: false)
                return []
            }
            state.overlay = .none
            return open(&state, id)
        case .accountCheckFailed(let failure):
            if case .openAccount(let input, _, _) = state.overlay { state.overlay = .openAccount(input: input, error: failure.description, checking: false) }
            return []
        case .tick:
            state.tick &+= 1
            return []
        case .journalLoaded(let set, let account):
            if account == state.account && !set.isEmpty { state.current.pendingResume = set }
            return []
        case .saveFailed(let failure):
            if let before = state.beforeLastEdit { state.history = before }
            state.beforeLastEdit = nil
            state.status = .saveFailed(failure)
            let message = failure.description
            // Back into the form with the text as typed and the reason on it.
            switch state.formAwaitingSave {
            case .edit(var form)?: form.error = message; state.overlay = .edit(form)
            case .bulk(var form)?: form.error = message; state.overlay = .bulk(form)
            default: break
            }
            state.formAwaitingSave = nil
            return []
        case .exported(let path):
            state.status = .exported(path: path)
            return []
        case .submitProgress(let done, let total, let account):
            state.update(account) { $0.submitting = SubmitProgress(done: done, total: total) }
            return []
        case .submitFinished(let report, let entries, let account):
            guard account == state.account else {
                // Recorded on its own account (journal and audit log are already written); the screen only says so.
                state.others[account]?.apply(report, entries)
                state.status = .submittedElsewhere(account: account, SubmitCounts(report), auditFailure: report.auditFailure)
                return []
            }
            state.current.apply(report, entries)
            state.status = .submitted(SubmitCounts(report), stillStaged: state.history.current.count, auditFailure: report.auditFailure)
            state.refreshVisible()
            return []
        case .reconcileFailed(let failure, let account):
            // Only words: nothing staged changes, so no edit is taken back.
            if account == state.account { state.status = .saveFailed(.reconcile(failure)) }
            return []
        case .reconciled(let applied, let remaining, let account):
            guard account == state.account else { return [] }
            state.status = .reconciled(applied: applied, stillStaged: remaining)
            for id in applied { state.results[id] = .ok }
            return []
        case .submitFailed(let failure, let account):
            state.update(account) { $0.submitting = nil }
            state.status = .submitFailed(failure, account: account == state.account ? nil : account)
            return []
        case .exportFailed(let failure):
            state.status = .exportFailed(failure)
            return []
        case .copyUnavailable:
            state.status = .copyUnavailable
            return []
        case .groupsRead(let names, let account):
            state.update(account) { $0.setGroups(names) }
            // A form open meanwhile offers groups created elsewhere too; its own choices stay.
            if account == state.account, case .edit(var form) = state.overlay {
                form.groupNames += names.filter { !form.groupNames.contains($0) }
                state.overlay = .edit(form)
            }
            return []
        }
    }

    /// Applies a change-set edit and asks for it to be journaled; a refusal brings the previous set back.
    static func edit(_ state: inout AppState, _ change: (inout ChangeSet) -> Void) -> [Effect] {
        let before = state.history
        state.history.apply(change)
        guard state.history != before else { return [] }
        state.beforeLastEdit = before
        return [.saveChanges(state.history.current, previous: before.current)]
    }

    /// The Stager's verdict on a change set about to be staged: the first problem of `friend`'s entries (all the
    /// account's with nil), or of the account as a whole (the 32-group limit), if any.
    static func stagingProblem(_ state: AppState, _ next: ChangeSet, friend: String?) -> StagingProblem? {
        let entries = next.sorted.filter { $0.key.account == state.account && $0.key.app == state.info.sdkAppID }
        let stager = Stager(configuredFields: Set(state.customFields), existingGroups: state.groups.map(\.name))
        return stager.problems(entries).first { friend == nil || $0.friend == friend || $0.friend == "(all)" }
    }

    static func save(_ state: inout AppState, from before: ChangeHistory) -> [Effect] {
        guard state.history.current != before.current else { return [] }
        state.beforeLastEdit = before
        return [.saveChanges(state.history.current, previous: before.current)]
    }

    static func show(_ state: inout AppState, _ roster: Roster) {
        let keep = state.selected?.id
        state.friends = roster.friends
        state.groups = roster.groups
        state.marked = state.marked.intersection(roster.friends.map(\.id))
        if let g = state.groupFilter, !roster.groups.contains(where: { $0.name == g }) { state.groupFilter = nil }
        state.refreshVisible(keeping: keep)
    }

    /// Switches to another account and starts loading it.
    public static func open(_ state: inout AppState, _ account: String) -> [Effect] {
        // The account left keeps its own state while a submit for it runs or its results are worth seeing again;
        // an account opened again gets back what it had, so nothing of one account ever shows on another.
        let same = account == state.account
        // Opening the account on screen again starts it afresh, but a submit of it still running stays counted.
        let running = same ? state.current.submitting : nil
        if !same && state.current.worthKeeping { state.others[state.account] = state.current }
        let kept = same ? nil : state.others.removeValue(forKey: account)
        state.account = account
        state.current = kept ?? AccountState()
        if let running { state.current.submitting = running }
        state.load = .loading(received: 0)
        state.status = nil
        state.cachedAt = nil
        state.refreshVisible()
        // A kept account's change set is the journal's already: no resume prompt for it.
        return kept == nil ? [.loadRoster(account: account), .loadJournal(account: account)] : [.loadRoster(account: account)]
    }

    /// Quits at once when nothing would be left behind; with staged edits or a submit running, asks first.
    static func requestQuit(_ state: inout AppState) -> [Effect] {
        if state.history.current.isEmpty && !state.anySubmitRunning {
            state.quitting = true
            return [.quit]
        }
        state.overlay = .confirmQuit
        return []
    }

    static func handleKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        if key == .resize { return [] }
        state.startupProblems = nil
        // A journal write is answered before the next key: by now the form's edit is either on disk or back.
        state.formAwaitingSave = nil
        state.beforeLastEdit = nil
        // Ctrl-C means quit everywhere (raw mode delivers it as a key), asking first when work would be left.
        if key == .ctrl("c") {
            if state.overlay == .confirmQuit { state.overlay = .none; state.quitting = true; return [.quit] }
            return requestQuit(&state)
        }
        var key = key
        // Dialogs and forms read Enter and Esc; keys bound to dialog.accept / dialog.cancel stand for them.
        if state.overlay != .none {
            switch state.keyMap.action(for: key, in: .dialog) {
            case .dialogAccept: key = .enter
            case .dialogCancel: key = .escape
            default: break
            }
            // In forms, keys bound to field actions stand for the keys the form understands (not in panes and
            // lists, where Down must stay Down).
            switch state.overlay {
            case .edit, .bulk, .openAccount, .filter: key = state.keyMap.canonicalFieldKey(key)
            default: break
            }
        }
        switch state.overlay {
        case .help(let scroll): return HelpFeature.key(&state, key, scroll: scroll)
        case .openAccount(let input, _, let checking): return OpenAccountFeature.key(&state, key, input: input, checking: checking)
        case .groupPane(let index): return GroupPaneFeature.key(&state, key, index: index)
        case .edit(let form): return EditFeature.key(&state, key, form: form)
        case .bulk(let form): return BulkFeature.key(&state, key, form: form)
        case .changes(let cursor): return ChangeSetFeature.key(&state, key, cursor: cursor)
        case .confirmSubmit(let retry): return ConfirmFeature.submitKey(&state, key, retry: retry)
        case .confirmQuit: return ConfirmFeature.quitKey(&state, key)
        case .resume(let set): return ResumeFeature.key(&state, key, set: set)
        case .filter: return FilterFeature.key(&state, key)
        case .detail(let scroll): return HelpFeature.detailKey(&state, key, scroll: scroll)
        case .none:
            break
        }
        if key == .escape, !state.filter.isEmpty {
            state.filter = ""
            state.refreshVisible()
            return []
        }
        guard let action = state.keyMap.action(for: key, in: .list) else {
            // Read-only leaves the editing keys unbound: say why they do nothing.
            if state.keyMap.isReadOnly(key, in: .list) { state.status = .readOnly }
            return []
        }
        return perform(&state, action)
    }

    static func perform(_ state: inout AppState, _ action: ActionID) -> [Effect] {
        switch action {
        case .moveDown: state.cursor += 1
        case .moveUp: state.cursor -= 1
        case .pageDown: state.cursor += state.listHeight; state.scroll += state.listHeight
        case .pageUp: state.cursor -= state.listHeight; state.scroll -= state.listHeight
        case .top: state.cursor = 0
        case .bottom: state.cursor = state.visible.count - 1
        case .filter: state.overlay = .filter
        case .sort:
            let all = SortColumn.allCases
            state.sort = all[(all.firstIndex(of: state.sort)! + 1) % all.count]
            state.descending = false
            state.refreshVisible()
            state.status = .sorted(state.sort, descending: nil)
        case .sortReverse:
            state.descending.toggle()
            state.refreshVisible()
            state.status = .sorted(state.sort, descending: state.descending)
        case .mark:
            if let f = state.selected {
                if state.marked.contains(f.id) { state.marked.remove(f.id) } else { state.marked.insert(f.id) }
                state.cursor += 1
            }
        case .markAll:
            let shown = Set(state.visible.map { state.friends[$0].id })
            if shown.isSubset(of: state.marked) { state.marked.subtract(shown) } else { state.marked.formUnion(shown) }
        case .markInvert:
            let shown = Set(state.visible.map { state.friends[$0].id })
            state.marked = state.marked.subtracting(shown).union(shown.subtracting(state.marked))
        case .groups:
            let index = state.groupFilter.flatMap { g in state.groups.firstIndex { $0.name == g }.map { $0 + 1 } } ?? 0
            state.overlay = .groupPane(index: index)
        case .openAccount: state.overlay = .openAccount(input: "", error: nil, checking: false)
        case .refresh:
            // Same account: staged changes, undo history, marks and filter stay; only the rows are read again.
            state.load = .loading(received: 0)
            state.status = nil
            return [.loadRoster(account: state.account, full: true)]
        case .help: state.overlay = .help(scroll: 0)
        case .details: state.overlay = .detail(scroll: 0)
        case .copyID, .copyDetail: return CopyFeature.list(&state, action)
        case .quit:
            return requestQuit(&state)
        case .edit:
            guard let f = state.selected else { return [] }
            state.overlay = .edit(EditForm(friend: f, accountGroups: state.groups.map(\.name), customKeys: state.customFields,
                                           staged: { state.staged(f.id, $0) }))
            // Someone may have created groups since the list was read: the form's 32-group check uses the latest.
            return [.readGroups(account: state.account)]
        case .bulk:
            if state.marked.isEmpty {
                state.status = .markFirst
            } else {
                state.overlay = .bulk(BulkForm())
                return [.readGroups(account: state.account)]
            }
        case .changeSet: state.overlay = .changes(cursor: 0)
        case .undo, .redo:
            let before = state.history
            if action == .undo { state.history.undo() } else { state.history.redo() }
            if state.history.current == before.current {
                state.status = action == .undo ? .nothingToUndo : .nothingToRedo
                return []
            }
            state.status = action == .undo ? .undone(staged: state.history.current.count) : .redone(staged: state.history.current.count)
            return save(&state, from: before)
        case .submit:
            if state.submitting != nil { return [] }
            if state.stagedFriends.isEmpty {
                state.status = .nothingToSubmit
            } else {
                state.overlay = .confirmSubmit(retry: nil)
            }
        case .retry:
            let again = Set(state.results.filter { if case .failed = $0.value { return true }; if case .notSent = $0.value { return true }; return false }.keys)
            let entries = state.history.current.sorted.filter { again.contains($0.key.friend) && $0.key.account == state.account }
            if entries.isEmpty || state.submitting != nil {
                state.status = .noFailedRows
                return []
            }
            // A retry sends to the server like S does, so it asks like S does.
            state.overlay = .confirmSubmit(retry: entries)
            return []
        case .keepMine, .takeTheirs:
            guard let f = state.selected, case .conflict = state.results[f.id] else {
                state.status = .noConflict
                return []
            }
            let keys = state.history.current.entries.keys.filter { $0.friend == f.id && $0.account == state.account }
            let effects = edit(&state) { set in
                for k in keys {
                    guard let e = set[k] else { continue }
                    set.drop(k)
                    // Keep mine: the server's current value becomes the base, so the next submit sends mine.
                    if action == .keepMine {
                        set.stage(k, base: f.value(of: k.field), intent: e.intent)
                    }
                }
            }
            state.results[f.id] = nil
            state.status = action == .keepMine ? .keptMine(friend: f.id) : .tookTheirs(friend: f.id)
            return effects
        case .dialogAccept, .dialogCancel, .dropEntry, .export, .reviewSearch, .reviewNext, .confirmYes, .resumeKeep, .resumeDiscard, .resumeExport,
             .formNext, .formPrevious, .formToggle, .fieldStart, .fieldEnd, .fieldKillToEnd, .fieldKillToStart, .fieldKillWord,
             .fieldYank, .fieldWordBack, .fieldWordForward: break
        }
        state.clampCursor()
        return []
    }
}

extension AccountState {
    /// Applies a submit report: applied friends leave the change set with their new values as the base;
    /// failed, conflicting and unsent ones stay staged with their outcome shown on the row. The submit session
    /// settled the journal by the same rule; the undo history ends here: what was sent cannot be unsent.
    mutating func apply(_ report: Submitter.Report, _ entries: [ChangeEntry]) {
        submitting = nil
        results.merge(report.outcomes) { $1 }
        for i in friends.indices {
            guard let fresh = report.fresh[friends[i].id] else { continue }
            friends[i].remark = fresh.remark
            friends[i].groups = fresh.groups
            friends[i].custom = fresh.custom
        }
        history.reset(history.current.settled(after: entries, outcomes: report.outcomes))
        // Groups a submit created exist on the server now: the pane, the forms and the 32-group count follow the
        // fresh friends at once, not only after the next reload. Empty groups the list had stay listed.
        setGroups(groups.map(\.name))
    }

    /// The group list from `names` plus any group a friend is in, each counted from the friends.
    mutating func setGroups(_ names: [String]) {
        var counts: [String: Int] = [:]
        var all = names
        var known = Set(names)
        for f in friends {
            for g in f.groups {
                counts[g, default: 0] += 1
                if known.insert(g).inserted { all.append(g) }
            }
        }
        groups = all.map { GroupSummary(name: $0, count: counts[$0] ?? 0) }
    }
}

extension AppState {
    /// Changes the state of `account`, on screen or kept.
    mutating func update(_ account: String, _ change: (inout AccountState) -> Void) {
        if account == self.account { change(&current) } else if others[account] != nil { change(&others[account]!) }
    }
}
