import ContactEditing
import Foundation

/// The one place state changes: pure, so every transition is tested without a terminal or a network.
public enum Reducer {
    /// Applies `action` and returns the effects the run loop must perform.
    public static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
        switch action {
        case .key(let key): return handleKey(&state, key)
        case .resized(let w, let h):
            state.width = w; state.height = h
            state.clampCursor()
            return []
        case .rosterProgress(let friends):
            state.friends = friends
            state.load = .loading(received: friends.count)
            state.refreshVisible()
            return []
        case .nicknames(let nicks):
            for i in state.friends.indices { if let n = nicks[state.friends[i].id] { state.friends[i].nickname = n } }
            state.refreshVisible()
            return []
        case .rosterLoaded(let roster):
            guard roster.account == state.account else { return [] }  // a late reply for an account left behind
            state.friends = roster.friends
            state.groups = roster.groups
            state.load = .loaded
            state.marked = state.marked.intersection(roster.friends.map(\.id))
            if let g = state.groupFilter, !roster.groups.contains(where: { $0.name == g }) { state.groupFilter = nil }
            state.refreshVisible()
            state.status = "\(roster.friends.count) friends loaded"
            state.statusIsError = false
            return []
        case .rosterFailed(let message):
            state.load = .failed(message)
            state.status = message
            state.statusIsError = true
            return []
        case .accountChecked(let id, let exists):
            guard case .openAccount = state.overlay else { return [] }
            if !exists {
                state.overlay = .openAccount(input: id, error: "account \(id) does not exist in this app (account_check: NotImported)",
                                             checking: false)
                return []
            }
            state.overlay = .none
            return open(&state, id)
        case .accountCheckFailed(let message):
            if case .openAccount(let input, _, _) = state.overlay { state.overlay = .openAccount(input: input, error: message, checking: false) }
            return []
        case .tick:
            state.tick &+= 1
            return []
        }
    }

    /// Switches to another account and starts loading it.
    public static func open(_ state: inout AppState, _ account: String) -> [Effect] {
        state.account = account
        state.friends = []
        state.groups = []
        state.marked = []
        state.groupFilter = nil
        state.filter = ""
        state.cursor = 0
        state.scroll = 0
        state.load = .loading(received: 0)
        state.status = nil
        state.refreshVisible()
        return [.loadRoster(account: account)]
    }

    static func handleKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        if key == .resize { return [] }
        switch state.overlay {
        case .help(let scroll):
            switch key {
            case .char("j"), .down: state.overlay = .help(scroll: scroll + 1)
            case .char("k"), .up: state.overlay = .help(scroll: max(0, scroll - 1))
            default: state.overlay = .none
            }
            return []
        case .openAccount(let input, _, let checking):
            return openAccountKey(&state, key, input: input, checking: checking)
        case .groupPane(let index):
            return groupPaneKey(&state, key, index: index)
        case .none:
            break
        }
        if state.filtering { return filterKey(&state, key) }
        if key == .escape, !state.filter.isEmpty {
            state.filter = ""
            state.refreshVisible()
            return []
        }
        guard let action = state.keyMap.action(for: key, in: .list) else { return [] }
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
        case .filter: state.filtering = true
        case .sort:
            let all = SortColumn.allCases
            state.sort = all[(all.firstIndex(of: state.sort)! + 1) % all.count]
            state.descending = false
            state.refreshVisible()
            state.status = "sorted by \(state.sort.rawValue)"
            state.statusIsError = false
        case .sortReverse:
            state.descending.toggle()
            state.refreshVisible()
            state.status = "sorted by \(state.sort.rawValue), \(state.descending ? "descending" : "ascending")"
            state.statusIsError = false
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
        case .refresh: return open(&state, state.account)
        case .help: state.overlay = .help(scroll: 0)
        case .quit:
            state.quitting = true
            return [.quit]
        case .dialogAccept, .dialogCancel: break
        }
        state.clampCursor()
        return []
    }

    static func filterKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        switch key {
        case .escape:
            state.filter = ""
            state.filtering = false
        case .enter, .tab:
            state.filtering = false
        case .backspace:
            if state.filter.isEmpty { state.filtering = false } else { state.filter.removeLast() }
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

    static func openAccountKey(_ state: inout AppState, _ key: Key, input: String, checking: Bool) -> [Effect] {
        if checking { return key == .escape ? { state.overlay = .none; return [] }() : [] }
        var text = input
        switch key {
        case .escape: state.overlay = .none; return []
        case .backspace: if !text.isEmpty { text.removeLast() }
        case .ctrl("u"): text = ""
        case .char(let c): text.append(c)
        case .enter:
            let id = text.trimmingCharacters(in: .whitespaces)
            if id.isEmpty {
                state.overlay = .openAccount(input: text, error: "type a UserID", checking: false)
            } else if id.utf8.count > 32 {
                state.overlay = .openAccount(input: text, error: "a UserID is at most 32 bytes; this one is \(id.utf8.count)", checking: false)
            } else {
                state.overlay = .openAccount(input: id, error: nil, checking: true)
                return [.checkAccount(id)]
            }
            return []
        default: return []
        }
        state.overlay = .openAccount(input: text, error: nil, checking: false)
        return []
    }

    static func groupPaneKey(_ state: inout AppState, _ key: Key, index: Int) -> [Effect] {
        let count = state.groups.count + 1
        switch key {
        case .char("j"), .down: state.overlay = .groupPane(index: min(count - 1, index + 1))
        case .char("k"), .up: state.overlay = .groupPane(index: max(0, index - 1))
        case .char("g"), .home: state.overlay = .groupPane(index: 0)
        case .char("G"), .end: state.overlay = .groupPane(index: count - 1)
        case .enter, .char(" "):
            state.groupFilter = index == 0 ? nil : state.groups[index - 1].name
            state.overlay = .none
            state.cursor = 0
            state.refreshVisible()
        case .escape, .tab, .char("q"): state.overlay = .none
        default: break
        }
        return []
    }
}
