import ContactDeskStrings

/// The open-account dialog (`o`): a UserID typed, checked with account_check before it is opened.
enum OpenAccountFeature {
    static func key(_ state: inout AppState, _ key: Key, input: String, checking: Bool) -> [Effect] {
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
                state.overlay = .openAccount(input: text, error: UIText.openTypeUserID.text, checking: false)
            } else if id.utf8.count > 32 {
                state.overlay = .openAccount(input: text, error: UIText.openTooLong.text(["bytes": id.utf8.count]), checking: false)
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
}
