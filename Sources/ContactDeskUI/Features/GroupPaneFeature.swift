/// The friend-group pane (Tab): choose a group to filter the list by.
enum GroupPaneFeature {
    static func key(_ state: inout AppState, _ key: Key, index: Int) -> [Effect] {
        let count = state.groups.count + 1
        // The groups may have changed under the pane (a refresh returned fewer): keep the index on a row.
        let index = max(0, min(index, count - 1))
        // Moving uses the list's keys from the key map, so a rebinding applies here too.
        switch state.keyMap.action(for: key, in: .list) {
        case .moveDown?: state.overlay = .groupPane(index: min(count - 1, index + 1)); return []
        case .moveUp?: state.overlay = .groupPane(index: max(0, index - 1)); return []
        case .top?: state.overlay = .groupPane(index: 0); return []
        case .bottom?: state.overlay = .groupPane(index: count - 1); return []
        case .quit?, .groups?: state.overlay = .none; return []
        default: break
        }
        switch key {
        case .enter, .char(" "):
            state.groupFilter = index == 0 ? nil : state.groups[index - 1].name
            state.overlay = .none
            state.cursor = 0
            state.refreshVisible()
        case .escape: state.overlay = .none
        default: break
        }
        return []
    }
}
