import ContactEditing

/// The start-up prompt for staged changes found in the journal: resume, discard or export them.
enum ResumeFeature {
    static func key(_ state: inout AppState, _ key: Key, set: ChangeSet) -> [Effect] {
        // Edits staged since the prompt was prepared (a slow reconcile) stay in either case.
        let meanwhile = ChangeSet(state.history.current.sorted.filter { set[$0.key] != $0 })
        switch state.keyMap.action(for: key, in: .prompt) {
        case .resumeKeep?:
            state.history.reset(ChangeSet(set.sorted + meanwhile.sorted))
            state.overlay = .none
            state.status = .resumed(set.count)
        case .resumeDiscard?:
            state.history.reset(meanwhile)
            state.overlay = .none
            state.status = .discarded(set.count)
            if meanwhile.isEmpty { return [.discardJournal] }
            return [.saveChanges(meanwhile, previous: ChangeSet(set.sorted + meanwhile.sorted))]
        case .resumeExport?: return [.export(set)]
        default: break
        }
        return []
    }
}
