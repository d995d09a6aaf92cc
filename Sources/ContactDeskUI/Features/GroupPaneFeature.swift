import ContactEditing

/// The friend-group pane (Tab): choose a group to filter the list by, and stage group operations on the
/// selected group (create, rename, delete, merge), each through a form or a confirmation that names the group
/// and the friends it affects.
enum GroupPaneFeature {
    static func key(_ state: inout AppState, _ key: Key, index: Int) -> [Effect] {
        let rows = state.paneRows
        let count = rows.count + 1
        // The groups may have changed under the pane (a refresh returned fewer): keep the index on a row.
        let index = max(0, min(index, count - 1))
        let row = index > 0 ? rows[index - 1] : nil
        // Moving uses the list's keys from the key map, so a rebinding applies here too (and wins over a pane key).
        switch state.keyMap.action(for: key, in: .list) {
        case .moveDown?: state.overlay = .groupPane(index: min(count - 1, index + 1)); return []
        case .moveUp?: state.overlay = .groupPane(index: max(0, index - 1)); return []
        case .pageDown?: state.overlay = .groupPane(index: min(count - 1, index + max(1, state.listHeight))); return []
        case .pageUp?: state.overlay = .groupPane(index: max(0, index - max(1, state.listHeight))); return []
        case .top?: state.overlay = .groupPane(index: 0); return []
        case .bottom?: state.overlay = .groupPane(index: count - 1); return []
        case .quit?, .groups?: state.overlay = .none; return []
        case .help?: state.overlay = .help(scroll: 0); return []
        default: break
        }
        if let action = state.keyMap.action(for: key, in: .pane) {
            return perform(&state, action, row: row, index: index)
        }
        switch key {
        case .enter, .char(" "):
            state.groupFilter = row?.name
            state.overlay = .none
            state.cursor = 0
            state.refreshVisible()
        case .escape: state.overlay = .none
        default:
            if state.keyMap.isReadOnly(key, in: .pane) { state.status = .readOnly }
        }
        return []
    }

    static func perform(_ state: inout AppState, _ action: ActionID, row: PaneRow?, index: Int) -> [Effect] {
        if action == .groupSort {
            state.groupPaneByCount.toggle()
            let moved = row.flatMap { r in state.paneRows.firstIndex { $0.name == r.name }.map { $0 + 1 } } ?? index
            state.overlay = .groupPane(index: moved)
            state.status = .group(.sorted(byCount: state.groupPaneByCount))
            return []
        }
        if action == .groupCreate {
            state.overlay = .groupForm(GroupForm(purpose: .create, members: 0, paneIndex: index))
            return []
        }
        guard let row else { state.status = .group(.chooseGroup); return [] }
        if let pending = row.pending { state.status = .group(.pending(pending)); return [] }
        switch action {
        case .groupRename:
            state.overlay = .groupForm(GroupForm(purpose: .rename(from: row.name), members: row.count, paneIndex: index))
        case .groupMerge:
            let targets = state.projectedGroupNames.filter { $0 != row.name }
            guard !targets.isEmpty else { state.status = .group(.noMergeTarget); return [] }
            state.overlay = .groupForm(GroupForm(purpose: .merge(from: row.name), members: row.count, choices: targets, paneIndex: index))
        case .groupDelete:
            let entry = GroupOperationEntry(app: state.info.sdkAppID, account: state.account, operation: .delete(row.name), members: row.count)
            state.overlay = .groupDelete(entry, index: index)
        default: break
        }
        return []
    }

    /// The create, rename and merge form: Enter checks against the groups the staged operations leave and stages.
    static func formKey(_ state: inout AppState, _ key: Key, form: GroupForm) -> [Effect] {
        var form = form
        switch key {
        case .escape:
            state.overlay = .groupPane(index: form.paneIndex)
            state.status = .group(.notStaged)
            return []
        case .enter:
            guard let op = form.operation else { return [] }
            if let problem = op.problem(groups: state.groupNamesForChecks) {
                form.error = problem.error.description
                state.overlay = .groupForm(form)
                return []
            }
            return stage(&state, GroupOperationEntry(app: state.info.sdkAppID, account: state.account, operation: op, members: form.members),
                         index: form.paneIndex)
        default: break
        }
        if case .merge = form.purpose {
            switch state.keyMap.action(for: key, in: .list) {
            case .moveDown?: form.choice = min(form.choices.count - 1, form.choice + 1)
            case .moveUp?: form.choice = max(0, form.choice - 1)
            case .top?: form.choice = 0
            case .bottom?: form.choice = form.choices.count - 1
            default: return []
            }
        } else if form.name.handle(key) {
            form.error = nil
        }
        state.overlay = .groupForm(form)
        return []
    }

    /// The delete confirmation: only the yes keys stage it.
    static func deleteKey(_ state: inout AppState, _ key: Key, entry: GroupOperationEntry, index: Int) -> [Effect] {
        guard ConfirmFeature.isYes(state, key) else {
            state.overlay = .groupPane(index: index)
            state.status = .group(.notStaged)
            return []
        }
        return stage(&state, entry, index: index)
    }

    static func stage(_ state: inout AppState, _ entry: GroupOperationEntry, index: Int) -> [Effect] {
        if state.groupOperations.contains(where: { $0.operation == entry.operation }) {
            state.overlay = .groupPane(index: index)
            state.status = .group(.pending(entry.operation))
            return []
        }
        // Never fold into an operation that is running or did not finish: its journal mark and outcome are its own.
        let last = state.groupOperations.last
        let fold = state.submitting == nil && last.map { state.groupResults[$0.operation] == nil } ?? true
        let effects = Reducer.edit(&state) { $0.stage(entry, fold: fold) }
        state.groupResults[entry.operation] = nil
        state.overlay = .groupPane(index: min(index, state.paneRows.count))
        state.status = .group(.staged(entry.operation, members: entry.members, total: state.history.current.count))
        state.formAwaitingSave = nil
        return effects
    }
}
