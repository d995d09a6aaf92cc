import ChatAPI
import ContactEditing

/// The change-set screen (`c`): every staged field as old -> new; drop, export, undo, redo.
enum ChangeSetFeature {
    /// Keys of the change-set screen.
    static func key(_ state: inout AppState, _ key: Key, cursor: Int) -> [Effect] {
        // Moving needs the count only; the sorted entries are built when one is dropped.
        let count = state.history.current.count
        let last = max(0, count - 1), page = max(1, state.listHeight - 2)
        if state.reviewSearching { return search(&state, key, cursor: cursor) }
        if key == .escape { state.overlay = .none; return [] }

        // The list's movement keys from the key map, a page at a time too (3000 entries need more than j/k).
        switch state.keyMap.action(for: key, in: .review) ?? state.keyMap.action(for: key, in: .list) {
        case .moveDown?: state.overlay = .changes(cursor: min(last, cursor + 1))
        case .moveUp?: state.overlay = .changes(cursor: max(0, cursor - 1))
        case .pageDown?: state.overlay = .changes(cursor: min(last, cursor + page))
        case .pageUp?: state.overlay = .changes(cursor: max(0, cursor - page))
        case .top?: state.overlay = .changes(cursor: 0)
        case .bottom?: state.overlay = .changes(cursor: last)
        case .quit?, .changeSet?: state.overlay = .none
        case .dropEntry?:
            // Group operations are the first rows, in the order they run; the friend fields follow.
            let ops = state.groupOperations
            let effects: [Effect]
            if ops.indices.contains(cursor) {
                let op = ops[cursor]
                effects = Reducer.edit(&state) { $0.dropGroupOperation(op) }
                state.groupResults[op.operation] = nil
            } else {
                let entries = state.history.current.sorted
                guard entries.indices.contains(cursor - ops.count) else { return [] }
                let k = entries[cursor - ops.count].key
                effects = Reducer.edit(&state) { $0.drop(k) }
            }
            state.overlay = .changes(cursor: min(cursor, max(0, state.history.current.count - 1)))
            return effects
        case .export?: return [.export(state.history.current)]
        case let action? where action == .copyID || action == .copyDetail:
            let ops = state.groupOperations
            if ops.indices.contains(cursor) {
                state.status = .copiedDetail(subject: ops[cursor].operation.summary, lines: 1)
                return [.copy(ServerText.visible(ops[cursor].operation.summary))]
            }
            return CopyFeature.entry(&state, action, cursor: cursor - ops.count)
        case .reviewSearch?:
            state.reviewSearching = true
            state.reviewSearch = ""
        case .reviewNext? where !state.reviewSearch.isEmpty:
            state.overlay = .changes(cursor: next(state, from: cursor + 1) ?? cursor)
        case let action? where action == .undo || action == .redo:
            let effects = Reducer.perform(&state, action)
            state.overlay = .changes(cursor: min(cursor, max(0, state.history.current.count - 1)))
            return effects
        default:
            if state.keyMap.isReadOnly(key, in: .review) { state.status = .readOnly }
        }
        return []
    }

    /// Typing the search: each key moves to the first entry at or after the cursor that matches (friend, nickname,
    /// field or either value, case-insensitive, wrapping); Enter keeps the search (`n` finds the next), Esc ends it.
    static func search(_ state: inout AppState, _ key: Key, cursor: Int) -> [Effect] {
        switch key {
        case .escape: state.reviewSearching = false; state.reviewSearch = ""; return []
        case .enter: state.reviewSearching = false; return []
        case .backspace: if !state.reviewSearch.isEmpty { state.reviewSearch.removeLast() }
        case .ctrl("u"): state.reviewSearch = ""
        case .char(let c): state.reviewSearch.append(c)
        default: return []
        }
        if let found = next(state, from: cursor) { state.overlay = .changes(cursor: found) }
        return []
    }

    /// The first entry at or after `from` (wrapping) that matches the search.
    static func next(_ state: AppState, from: Int) -> Int? {
        let needle = state.reviewSearch.lowercased()
        guard !needle.isEmpty else { return nil }
        let ops = state.groupOperations
        let entries = state.history.current.sorted
        let total = ops.count + entries.count
        guard total > 0 else { return nil }
        let nicknames = ChangeSetView.nicknames(state, entries)
        for step in 0..<total {
            let i = (from + step) % total
            let text: [String]
            if i < ops.count {
                text = [ops[i].operation.summary, ops[i].operation.source ?? "", ops[i].operation.target ?? ""]
            } else {
                let e = entries[i - ops.count]
                text = [e.key.friend, nicknames[e.key.friend] ?? "", e.key.field.description, e.key.field.title, ChangeSetView.text(e.base), ChangeSetView.text(e.result)]
            }
            if text.contains(where: { $0.lowercased().contains(needle) }) { return i }
        }
        return nil
    }
}
