import ContactEditing

/// Keys: routed to the open overlay's feature, else to the list's actions through the key map.
extension Reducer {
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
            case .edit, .bulk, .openAccount, .filter, .groupForm: key = state.keyMap.canonicalFieldKey(key)
            default: break
            }
        }
        switch state.overlay {
        case .help(let scroll): return HelpFeature.key(&state, key, scroll: scroll)
        case .openAccount(let input, _, let checking): return OpenAccountFeature.key(&state, key, input: input, checking: checking)
        case .groupPane(let index): return GroupPaneFeature.key(&state, key, index: index)
        case .groupForm(let form): return GroupPaneFeature.formKey(&state, key, form: form)
        case .groupDelete(let entry, let index): return GroupPaneFeature.deleteKey(&state, key, entry: entry, index: index)
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
            let index = state.groupFilter.flatMap { g in state.paneRows.firstIndex { $0.name == g }.map { $0 + 1 } } ?? 0
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
            state.overlay = .edit(EditForm(friend: f, accountGroups: state.projectedGroupNames, customKeys: state.customFields,
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
            if state.stagedFriends.isEmpty && state.groupOperations.isEmpty {
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
             .fieldYank, .fieldWordBack, .fieldWordForward, .groupCreate, .groupRename, .groupDelete, .groupMerge, .groupSort: break
        }
        state.clampCursor()
        return []
    }
}
