/// The incremental filter while it is typed (`/`): keys edit the text, Enter keeps it, Esc clears it.
enum FilterFeature {
    static func key(_ state: inout AppState, _ key: Key) -> [Effect] {
        switch key {
        case .escape:
            state.filter = ""
            state.overlay = .none
        case .enter, .tab:
            state.overlay = .none
        case .backspace:
            if state.filter.isEmpty { state.overlay = .none } else { state.filter.removeLast() }
        case .ctrl("u"):
            state.filter = ""
        case .char(let c):
            state.filter.append(c)
        default:
            return []
        }
        state.refreshVisible()
        return []
    }
}
