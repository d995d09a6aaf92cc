import ContactEditing

/// The confirmations that default to No: submit (and retry), and quit with work left. Only the keys of
/// `dialog.yes` (y, Y) say yes.
enum ConfirmFeature {
    static func isYes(_ state: AppState, _ key: Key) -> Bool { state.keyMap.action(for: key, in: .prompt) == .confirmYes }

    /// Submit, or retry the given rows.
    static func submitKey(_ state: inout AppState, _ key: Key, retry: [ChangeEntry]?) -> [Effect] {
        state.overlay = .none
        guard isYes(state, key) else {
            state.status = retry == nil ? .notSubmitted : .notRetried
            return []
        }
        let entries = retry ?? state.history.current.sorted.filter { $0.key.account == state.account && $0.key.app == state.info.sdkAppID }
        // Staged group operations go first, on a retry too: deleting a group is how a 30011 row gets through.
        let groups = state.groupOperations
        state.submitting = SubmitProgress(done: 0, total: Set(entries.map(\.key.friend)).count)
        state.status = retry == nil ? .submitting : .retrying(rows: state.submitting!.total)
        return [.submit(entries, groups: groups)]
    }

    static func quitKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        state.overlay = .none
        guard isYes(state, key) else {
            state.status = .notQuitting
            return []
        }
        state.quitting = true
        return [.quit]
    }
}
