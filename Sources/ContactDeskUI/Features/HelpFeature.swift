/// The help box (`?`): scrolls with the move keys of the key map; any other key closes it.
enum HelpFeature {
    static func key(_ state: inout AppState, _ key: Key, scroll: Int) -> [Effect] {
        switch state.keyMap.action(for: key, in: .list) {
        case .moveDown?: state.overlay = .help(scroll: scroll + 1)
        case .moveUp?: state.overlay = .help(scroll: max(0, scroll - 1))
        default: state.overlay = .none
        }
        return []
    }
}

/// The detail view (`v`): scrolls like help; any other key closes it.
enum DetailFeature {
    static func key(_ state: inout AppState, _ key: Key, scroll: Int) -> [Effect] {
        switch state.keyMap.action(for: key, in: .list) {
        case .moveDown?: state.overlay = .detail(scroll: scroll + 1)
        case .moveUp?: state.overlay = .detail(scroll: max(0, scroll - 1))
        default: state.overlay = .none
        }
        return []
    }
}
