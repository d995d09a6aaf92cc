import ChatAPI
import ContactDeskStrings
import ContactEditing

/// `y` and `Y`: the selected friend's UserID, or the selected row's whole detail, onto the operator's own
/// clipboard with OSC 52 (the mouse and the local clipboard are out of reach over SSH). The text is sanitised
/// like everything shown, so a paste can carry no control character.
enum CopyFeature {
    /// On the friend list.
    static func list(_ state: inout AppState, _ action: ActionID) -> [Effect] {
        guard let f = state.selected else { state.status = .nothingToCopy; return [] }
        if action == .copyID {
            state.status = .copiedID(f.id)
            return [.copy(ServerText.visible(f.id))]
        }
        let lines = detail(state, f)
        state.status = .copiedDetail(subject: f.id, lines: lines.count)
        return [.copy(text(lines))]
    }

    /// On the change-set screen: the entry's friend, or the entry as old -> new.
    static func entry(_ state: inout AppState, _ action: ActionID, cursor: Int) -> [Effect] {
        let entries = state.history.current.sorted
        guard entries.indices.contains(cursor) else { state.status = .nothingToCopy; return [] }
        let e = entries[cursor]
        if action == .copyID {
            state.status = .copiedID(e.key.friend)
            return [.copy(ServerText.visible(e.key.friend))]
        }
        let line = "\(e.key.friend) \(UIText.fieldHeading.text(["field": e.key.field.title])) \(ChangeSetView.text(e.base)) -> \(ChangeSetView.text(e.result))"
        state.status = .copiedDetail(subject: e.key.friend, lines: 1)
        return [.copy(text([line]))]
    }

    /// The row's result as the detail view words it; without one, the friend's every field, whole.
    static func detail(_ state: AppState, _ f: Friend) -> [String] {
        if let r = state.results[f.id] { return RowDetail.lines(state, f, r) }
        func line(_ title: String, _ value: String) -> String { UIText.fieldHeading.text(["field": title]) + " " + value }
        return [UIText.detailFriend.text(["id": f.id]) + (f.nickname.isEmpty ? "" : UIText.nicknameAfter.text(["nickname": f.nickname])),
                line(FieldKey.remark.title, ChangeSetView.text(f.value(of: .remark))),
                line(FieldKey.groups.title, ChangeSetView.text(f.value(of: .groups)))]
            + state.customFields.map { line(FieldKey.custom($0).title, ChangeSetView.text(f.value(of: .custom($0)))) }
    }

    /// Each line sanitised on its own, so a newline inside a nickname cannot start a line of its own in a paste.
    static func text(_ lines: [String]) -> String { lines.map { ServerText.visible($0) }.joined(separator: "\n") }
}
