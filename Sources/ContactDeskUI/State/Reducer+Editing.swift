import ContactEditing

/// Change-set edits from the reducer: applied, checked by the Stager, handed to the journal.
extension Reducer {
    /// Applies a change-set edit and asks for it to be journaled; a refusal brings the previous set back.
    static func edit(_ state: inout AppState, _ change: (inout ChangeSet) -> Void) -> [Effect] {
        let before = state.history
        state.history.apply(change)
        guard state.history != before else { return [] }
        state.beforeLastEdit = before
        return [.saveChanges(state.history.current, previous: before.current)]
    }

    /// The Stager's verdict on a change set about to be staged: the first problem of `friend`'s entries (all the
    /// account's with nil), or of the account as a whole (the 32-group limit), if any.
    static func stagingProblem(_ state: AppState, _ next: ChangeSet, friend: String?) -> StagingProblem? {
        let entries = next.sorted.filter { $0.key.account == state.account && $0.key.app == state.info.sdkAppID }
        // Against the groups the staged group operations leave: a staged delete frees a slot (they run first).
        let groups = next.groupNames(after: state.groups.map(\.name), app: state.info.sdkAppID, account: state.account)
        let stager = Stager(configuredFields: Set(state.customFields), existingGroups: groups)
        return stager.problems(entries).first { friend == nil || $0.friend == friend || $0.friend == StagingProblem.allFriends }
    }

    static func save(_ state: inout AppState, from before: ChangeHistory) -> [Effect] {
        guard state.history.current != before.current else { return [] }
        state.beforeLastEdit = before
        return [.saveChanges(state.history.current, previous: before.current)]
    }
}
