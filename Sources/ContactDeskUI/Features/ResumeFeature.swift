import ContactEditing

/// The start-up prompt for staged changes found in the journal: resume, discard or export them.
enum ResumeFeature {
    static func key(_ state: inout AppState, _ key: Key, set: ChangeSet) -> [Effect] {
        switch state.keyMap.action(for: key, in: .prompt) {
        case .resumeKeep?:
            state.history.reset(set)
            state.overlay = .none
            state.status = .resumed(set.count)
        case .resumeDiscard?:
            state.history.reset(ChangeSet())
            state.overlay = .none
            state.status = .discarded(set.count)
            return [.discardJournal]
        case .resumeExport?: return [.export(set)]
        default: break
        }
        return []
    }
}
