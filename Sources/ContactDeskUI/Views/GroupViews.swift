import ContactDeskStrings
import ContactEditing

/// Friend groups with counts; a side pane on wide screens, a pop-over (Tab) on narrow ones. Staged operations
/// show on their rows: `✗ G01` to be deleted, `Billing → 账单` renamed or merged, `+ New` to be created; the
/// heading counts the groups the account will have (`12/32`).
enum GroupPaneView {
    static func focusedWidth(_ state: AppState) -> Int { min(state.width, max(24, min(36, state.width / 2))) }

    static func draw(_ canvas: inout Canvas, _ state: AppState, x: Int, width: Int, focused: Bool) {
        let top = 1, bottom = state.height - 3
        guard width > 2, bottom > top else { return }
        canvas.fill(x: x, y: top, width: width, height: bottom - top + 1, role: .groupPane)
        let projected = state.projectedGroupNames.count
        let count = "\(projected)/\(FieldLimits.groupsPerAccount)" + (state.groupPaneByCount ? " " + GroupText.paneSortByCount.text : "")
        canvas.put(focused ? UIText.groupPaneFocused.text(["count": count, "accept": state.keyMap.first(.dialogAccept)]) : UIText.groupPane.text(["count": count, "key": state.keyMap.first(.groups)]),
                   x: x + 1, y: top, role: .columnHeading, maxWidth: width - 2)
        let rows = state.paneRows
        let cursor: Int? = switch state.overlay {
        case .groupPane(let i): i
        case .groupForm(let form): form.paneIndex
        case .groupDelete(_, let i): i
        default: nil
        }
        let active = state.groupFilter.flatMap { g in rows.firstIndex { $0.name == g }.map { $0 + 1 } } ?? 0
        let height = bottom - top - (projected >= FieldLimits.groupsPerAccount ? 1 : 0)
        let first = max(0, (cursor ?? active) - height + 1)
        let entries: [(label: String, count: Int, role: Role?)] = [(UIText.groupAll.text, state.friends.count, nil)] + rows.map { row in
            switch row.pending {
            case .delete?: (Glyphs.g("✗ ") + row.name, row.count, .diffOld)
            case let op? where op.target != nil: (row.name + Glyphs.g(" → ") + op.target!, row.count, .diffOld)
            default: row.isNew ? ("+ " + row.name, row.count, .diffNew) : (row.name, row.count, nil)
            }
        }
        for (i, entry) in entries.enumerated().dropFirst(first).prefix(max(0, height)) {
            let y = top + 1 + i - first
            let role: Role = i == cursor ? .rowSelected : (i == active ? .rowMarked : (entry.role ?? .groupPane))
            canvas.fill(x: x, y: y, width: width, role: role)
            let number = " \(entry.count)"
            canvas.put((i == active ? Glyphs.g("▸") : " ") + entry.label, x: x, y: y, role: role, maxWidth: max(0, width - DisplayWidth.of(number) - 1))
            canvas.put(number, x: x + max(0, width - DisplayWidth.of(number) - 1), y: y, role: role, maxWidth: width)
        }
        if projected >= FieldLimits.groupsPerAccount {
            canvas.put(UIText.groupsFull.text(["count": projected]), x: x + 1, y: bottom, role: .resultError, maxWidth: width - 2)
        }
    }
}

/// The create, rename and merge form: names the group and the friends it moves.
enum GroupFormView {
    static func draw(_ canvas: inout Canvas, _ state: AppState, _ form: GroupForm) {
        let title: String = switch form.purpose {
        case .create: GroupText.formCreateTitle.text
        case .rename(let from): GroupText.formRenameTitle.text(["name": from, "count": form.members])
        case .merge(let from): GroupText.formMergeTitle.text(["name": from, "count": form.members])
        }
        let listed = min(form.choices.count, 8)
        let inner = box(&canvas, width: 60, height: (form.choices.isEmpty ? 6 : 4 + listed) + 2, title: title, role: .dialog)
        guard inner.w > 0, inner.h > 0 else { return }
        var y = inner.y
        let keys = ["accept": state.keyMap.label(for: .dialogAccept), "cancel": state.keyMap.label(for: .dialogCancel)]
        if case .merge = form.purpose {
            let first = max(0, form.choice - listed + 1)
            for (i, name) in form.choices.enumerated().dropFirst(first).prefix(listed) where y < inner.y + inner.h {
                canvas.put((i == form.choice ? Glyphs.g("▸ ") : "  ") + name, x: inner.x, y: y, role: i == form.choice ? .formFieldFocused : .dialog, maxWidth: inner.w)
                y += 1
            }
            if let op = form.operation, y < inner.y + inner.h {
                canvas.put(GroupText.confirmMerge.text(["count": form.members, "name": op.target ?? ""]), x: inner.x, y: y, role: .progress, maxWidth: inner.w)
                y += 1
            }
        } else {
            let label = (form.purpose == .create ? GroupText.formName : .formNewName).text
            let labelWidth = min(DisplayWidth.of(label) + 1, inner.w / 3)
            canvas.put(label, x: inner.x, y: y, role: .formLabel, maxWidth: labelWidth)
            let counter = " \(form.name.string.utf8.count)/\(FieldLimits.groupNameBytes)"
            let over = form.name.string.utf8.count > FieldLimits.groupNameBytes
            drawField(&canvas, form.name, x: inner.x + labelWidth, y: y, width: max(1, inner.w - labelWidth - DisplayWidth.of(counter)), focused: true)
            canvas.put(counter, x: inner.x + inner.w - DisplayWidth.of(counter), y: y, role: over ? .formError : .formLabel)
            y += 2
            if case .rename = form.purpose, !form.name.string.isEmpty, y < inner.y + inner.h {
                canvas.put(GroupText.confirmRename.text(["count": form.members, "name": form.name.string]), x: inner.x, y: y, role: .progress, maxWidth: inner.w)
            }
        }
        let message = form.error.map { Glyphs.g("✗ ") + $0 } ?? (form.choices.isEmpty ? GroupText.formKeys : .formMergeKeys).text(keys)
        let lines = TextWrap.lines(message, width: inner.w, maxLines: 2)
        for (i, line) in lines.enumerated() {
            let row = inner.y + inner.h - lines.count + i
            guard row >= inner.y else { continue }
            canvas.put(line, x: inner.x, y: row, role: form.error == nil ? .formLabel : .formError, maxWidth: inner.w)
        }
    }
}

/// "Delete group X? N friends leave it and stay friends." (default No).
enum GroupDeleteView {
    static func draw(_ canvas: inout Canvas, _ state: AppState, _ entry: GroupOperationEntry) {
        let name = entry.operation.source ?? ""
        let inner = box(&canvas, width: 60, height: 7, title: GroupText.kindDelete.text, role: .dialog)
        let question = entry.members == 0 ? GroupText.confirmDeleteEmpty.text(["name": name])
            : GroupText.confirmDelete.text(["name": name, "count": entry.members])
        paragraphs(&canvas, inner, [(question, .dialog)], footer: (GroupText.confirmKeys.text(["key": state.keyMap.first(.confirmYes)]), .formFieldFocused))
    }
}

/// A staged group operation on the change-set screen: what it is, old -> new, the friends it moves, and the
/// outcome of the last submit when it did not finish.
enum GroupOperationRowView {
    static func draw(_ canvas: inout Canvas, _ state: AppState, _ entry: GroupOperationEntry, y: Int, selected: Bool) {
        let role: Role = selected ? .rowSelected : .row
        canvas.fill(y: y, role: role)
        let op = entry.operation
        let kind: String = switch op {
        case .create: GroupText.kindCreate.text
        case .delete: GroupText.kindDelete.text
        case .rename: GroupText.kindRename.text
        case .merge: GroupText.kindMerge.text
        }
        var x = canvas.put("  " + GroupText.rowAccount.text + " " + kind + "  ", x: 0, y: y, role: role)
        x += canvas.put(op.source ?? GroupText.none.text, x: x, y: y, role: selected ? role : .diffOld, maxWidth: max(1, (state.width - x) / 3))
        x += canvas.put(" -> ", x: x, y: y, role: role)
        x += canvas.put(op.target ?? GroupText.deleted.text, x: x, y: y, role: selected ? role : .diffNew, maxWidth: max(0, (state.width - x) / 2))
        if op.source != nil { x += canvas.put("  " + GroupText.touches.text(["count": entry.members]), x: x, y: y, role: role, maxWidth: max(0, state.width - x)) }
        if let outcome = state.groupResults[op] {
            canvas.put("  " + outcome.inline, x: x, y: y, role: selected ? role : .resultError, maxWidth: max(0, state.width - x))
        }
    }
}
