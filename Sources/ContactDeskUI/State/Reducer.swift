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
}
