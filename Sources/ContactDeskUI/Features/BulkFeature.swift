import ContactEditing

/// The bulk-edit form (`b`): one change for every marked friend.
enum BulkFeature {
    /// Keys of the bulk form: the form handles them; Enter stages for every marked friend, Esc closes.
    static func key(_ state: inout AppState, _ key: Key, form: BulkForm) -> [Effect] {
        var form = form
        if key == .escape { state.overlay = .none; return [] }
        if form.handle(key) { return submit(&state, form) }
        state.overlay = .bulk(form)
        return []
    }

    /// Validates the bulk form and stages the operation for every marked friend.
    static func submit(_ state: inout AppState, _ form: BulkForm) -> [Effect] {
        var form = form
        let validator = Validator(configuredFields: Set(state.customFields))
        let value = form.first.string.trimmingCharacters(in: .whitespaces)
        func refuse(_ message: String) -> [Effect] {
            form.error = message
            state.overlay = .bulk(form)
            return []
        }
        let targets = state.friends.filter { state.marked.contains($0.id) }
        var next = state.history.current
        var changed = 0
        switch form.operation {
        case .addGroup, .removeGroup:
            do { try validator.groupName(value) } catch { return refuse(error.description) }
            let adding = form.operation == .addGroup
            for f in targets {
                let before = next
                next.stage(state.key(f.id, .groups), base: .groups(f.groups),
                           intent: .groups(add: adding ? [value] : [], remove: adding ? [] : [value]))
                if next != before { changed += 1 }
            }
            if let problem = Reducer.stagingProblem(state, next, friend: nil) { return refuse(problem.description) }
        case .setField, .clearField:
            let text = form.operation == .setField ? form.second.string : ""
            do { try validator.custom(value, text) } catch { return refuse(error.description) }
            for f in targets {
                let before = next
                next.stage(state.key(f.id, .custom(value)), base: .text(f.custom[value] ?? ""), intent: .set(text))
                if next != before { changed += 1 }
            }
        case .replaceRemark:
            if form.first.string.isEmpty { return refuse("Find: type the text to replace") }
            for f in targets {
                let current = state.staged(f.id, .remark)?.text ?? f.remark
                guard current.contains(form.first.string) else { continue }
                let replaced = current.replacingOccurrences(of: form.first.string, with: form.second.string)
                do { try validator.remark(replaced) } catch { return refuse("\(f.id): \(error.description)") }
                let before = next
                next.stage(state.key(f.id, .remark), base: .text(f.remark), intent: .set(replaced))
                if next != before { changed += 1 }
            }
        }
        state.overlay = .none
        let effects = Reducer.edit(&state) { $0 = next }
        state.formAwaitingSave = effects.isEmpty ? nil : .bulk(form)
        state.status = .bulkStaged(operation: form.operation.rawValue, changed: changed, of: targets.count, total: state.history.current.count)
        return effects
    }
}
