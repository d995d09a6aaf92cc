import ChatAPI
import ContactEditing
import ContactDeskStrings

/// What a bulk form would do to the marked friends: the change set after it, how many friends it changes, and
/// the first problem with a value. One computation serves the preview (every frame of the form) and the staging,
/// so the count shown is the count staged; the account-wide Stager check runs only when staging.
struct BulkPlan: Equatable {
    var next: ChangeSet
    var changed = 0
    var targets = 0
    /// Marked friends the filter or group hides: they are changed too, so the form says how many.
    var hidden = 0
    var problem: String?

    init(_ state: AppState, _ form: BulkForm) {
        next = state.history.current
        let targetList = state.friends.filter { state.marked.contains($0.id) }
        targets = targetList.count
        let shown = Set(state.visible.map { state.friends[$0].id })
        hidden = targetList.count { !shown.contains($0.id) }
        let validator = Validator(configuredFields: Set(state.customFields))
        let value = form.first.string.trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty || form.operation == .replaceRemark else { return }
        // A friend counts as changed only when the value it would end with differs from what it has now (staged or
        // on the server), so an operation that touches nobody stages nothing and leaves no undo step.
        // Staged in place and put back when it changed nothing: a copy of the set per friend would make the
        // preview quadratic in the number of marked friends.
        func stage(_ f: Friend, _ field: FieldKey, _ intent: Intent) {
            let key = state.key(f.id, field)
            let old = next[key]
            let now = old?.result ?? f.value(of: field)
            next.stage(key, base: f.value(of: field), intent: intent)
            if (next.staged(key) ?? f.value(of: field)) != now { changed += 1; return }
            next.drop(key)
            if let old { next.stage(key, base: old.base, intent: old.intent) }
        }
        switch form.operation {
        case .addGroup, .removeGroup:
            do { try validator.groupName(value) } catch { problem = error.description; return }
            let adding = form.operation == .addGroup
            for f in targetList { stage(f, .groups, .groups(add: adding ? [value] : [], remove: adding ? [] : [value])) }
        case .setField, .clearField:
            let text = form.operation == .setField ? form.second.string : ""
            do { try validator.custom(value, text) } catch { problem = error.description; return }
            for f in targetList { stage(f, .custom(value), .set(text)) }
        case .replaceRemark:
            if form.first.string.isEmpty { problem = UIText.bulkFindEmpty.text; return }
            for f in targetList {
                let current = next.staged(state.key(f.id, .remark))?.text ?? f.remark
                guard current.contains(form.first.string) else { continue }
                let replaced = current.replacingOccurrences(of: form.first.string, with: form.second.string)
                do { try validator.remark(replaced) } catch { problem = "\(f.id): \(error.description)"; return }
                stage(f, .remark, .set(replaced))
            }
        }
    }

    /// "3 of 4 marked friends would change (2 of them hidden by the filter)".
    var preview: String {
        let hiddenNote = hidden == 0 ? "" : UIText.bulkHiddenNote.text(["hidden": hidden])
        return UIText.bulkWouldChange.text(["changed": changed, "count": targets, "hidden": hiddenNote])
    }

    /// Why nothing would change, in the operation's terms.
    static func noChange(_ form: BulkForm, targets: Int) -> String {
        let value = form.first.string.trimmingCharacters(in: .whitespaces)
        let why: String = switch form.operation {
        case .addGroup: UIText.bulkWhyAddGroup.text(["group": value])
        case .removeGroup: UIText.bulkWhyRemoveGroup.text(["group": value])
        case .setField: UIText.bulkWhySetField.text(["field": value, "value": form.second.string])
        case .clearField: UIText.bulkWhyClearField.text(["field": value])
        case .replaceRemark: UIText.bulkWhyReplace.text(["find": form.first.string])
        }
        return UIText.bulkNothingToStage.text(["why": why])
    }
}

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

    /// Validates the bulk form and stages the operation for every marked friend it changes.
    static func submit(_ state: inout AppState, _ form: BulkForm) -> [Effect] {
        var form = form
        let plan = BulkPlan(state, form)
        if form.first.string.trimmingCharacters(in: .whitespaces).isEmpty && form.operation != .replaceRemark {
            form.error = UIText.bulkTypeName.text(["label": form.operation.firstLabel])
        } else if let problem = plan.problem {
            form.error = problem
        } else if let problem = Reducer.stagingProblem(state, plan.next, friend: nil) {
            // The Stager's last word over the whole account (a 33rd group counted with everything staged).
            form.error = problem.description
        } else if plan.changed == 0 {
            // Nothing staged, no undo step: the form stays open so a mistyped name can be fixed.
            form.error = BulkPlan.noChange(form, targets: plan.targets)
        }
        if form.error != nil { state.overlay = .bulk(form); return [] }
        state.overlay = .none
        let effects = Reducer.edit(&state) { $0 = plan.next }
        state.formAwaitingSave = effects.isEmpty ? nil : .bulk(form)
        state.status = .bulkStaged(operation: form.operation, changed: plan.changed, of: plan.targets, total: state.history.current.count)
        return effects
    }
}
