/// The help box (`?`) and the detail view (`v`): both scroll with the move keys of the key map; any other key
/// closes them.
enum HelpFeature {
    static func key(_ state: inout AppState, _ key: Key, scroll: Int) -> [Effect] {
        scrolled(&state, key, scroll) { .help(scroll: $0) }
    }

    static func detailKey(_ state: inout AppState, _ key: Key, scroll: Int) -> [Effect] {
        // A row that failed on the group limit offers the pane, emptiest groups first (RowDetail says so).
        if state.keyMap.action(for: key, in: .list) == .groups, let f = state.selected, case .failed(30011, _)? = state.results[f.id] {
            state.groupPaneByCount = true
            state.overlay = .groupPane(index: state.paneRows.isEmpty ? 0 : 1)
            state.status = .group(.sorted(byCount: true))
            return []
        }
        return scrolled(&state, key, scroll) { .detail(scroll: $0) }
    }

    private static func scrolled(_ state: inout AppState, _ key: Key, _ scroll: Int, _ overlay: (Int) -> Overlay) -> [Effect] {
        switch state.keyMap.action(for: key, in: .list) {
        case .moveDown?: state.overlay = overlay(scroll + 1)
        case .moveUp?: state.overlay = overlay(max(0, scroll - 1))
        default: state.overlay = .none
        }
        return []
    }
}
