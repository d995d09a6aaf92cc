import ContactEditing
import ContactDeskStrings

/// The edit form of one friend (`e`): remark, groups, custom fields, validated field by field and staged.
enum EditFeature {
    /// Keys of the edit form: the form handles them; Enter stages, Esc closes.
    static func key(_ state: inout AppState, _ key: Key, form: EditForm) -> [Effect] {
        var form = form
        // The toggle key stands for Space only on a checkbox; in a text field it is whatever it types.
        var key = key
        if state.keyMap.action(for: key, in: .field) == .formToggle, form.focus == EditForm.groupsIndex { key = .char(" ") }
        if key == .escape { state.overlay = .none; return [] }
        if form.handle(key) { return submit(&state, form) }
        state.overlay = .edit(form)
        return []
    }

    /// Validates the edit form and stages what differs from the friend's server values.
    static func submit(_ state: inout AppState, _ form: EditForm) -> [Effect] {
        guard let friend = state.friends.first(where: { $0.id == form.friend }) else { state.overlay = .none; return [] }
        let validator = Validator(configuredFields: Set(state.customFields))
        var form = form
        func refuse(_ error: ValidationError, focus: Int) -> [Effect] {
            form.error = error.description
            form.focus = focus
            state.overlay = .edit(form)
            return []
        }
        do { try validator.remark(form.remark.string) } catch { return refuse(error, focus: 0) }
        let newGroup = form.newGroup.string.trimmingCharacters(in: .whitespaces)
        if !newGroup.isEmpty { do { try validator.groupName(newGroup) } catch { return refuse(error, focus: form.newGroupIndex) } }
        for (i, key) in form.customKeys.enumerated() where form.custom[i].string != (friend.custom[key] ?? "") {
            do { try validator.custom(key, form.custom[i].string) } catch { return refuse(error, focus: form.newGroupIndex + 1 + i) }
        }
        // "billing" beside "Billing" is almost always a typo: say so once; Enter again means it.
        if let twin = form.caseTwin, form.confirmedNewGroup != newGroup {
            form.confirmedNewGroup = newGroup
            return refuse(ValidationError(field: UIText.editNewGroup.text,
                                          message: UIText.editCaseTwin.text(["name": newGroup, "twin": twin, "accept": state.keyMap.first(.dialogAccept)])),
                          focus: form.newGroupIndex)
        }
        var next = state.history.current
        next.stage(state.key(friend.id, .remark), base: .text(friend.remark), intent: .set(form.remark.string))
        let desired = form.desiredGroups
        let groupKey = state.key(friend.id, .groups)
        next.drop(groupKey)
        next.stage(groupKey, base: .groups(friend.groups),
                   intent: .groups(add: desired.filter { !friend.groups.contains($0) }, remove: friend.groups.filter { !desired.contains($0) }))
        for (i, key) in form.customKeys.enumerated() {
            next.stage(state.key(friend.id, .custom(key)), base: .text(friend.custom[key] ?? ""), intent: .set(form.custom[i].string))
        }
        // The last gate is the Stager's, the same as for imported and applied files (the group limit counts
        // every staged entry of the account); the checks above only put the cursor on the field at fault.
        if let problem = Reducer.stagingProblem(state, next, friend: friend.id) {
            return refuse(ValidationError(field: problem.field == .groups ? UIText.editGroups.text : problem.field.title, message: problem.message),
                          focus: problem.field == .groups ? form.newGroupIndex : 0)
        }
        state.overlay = .none
        let effects = Reducer.edit(&state) { $0 = next }
        state.formAwaitingSave = effects.isEmpty ? nil : .edit(form)
        state.status = effects.isEmpty ? .noChange(friend: friend.id) : .staged(friend: friend.id, total: state.history.current.count)
        return effects
    }
}
