import ChatAPI
import ContactEditing
import ContactDeskStrings

/// Draws a text field, scrolled to fit, and puts the terminal cursor at its insertion point when focused.
func drawField(_ canvas: inout Canvas, _ field: TextField, x: Int, y: Int, width: Int, focused: Bool) {
    guard width > 0 else { return }
    let role: Role = focused ? .formFieldFocused : .formField
    canvas.fill(x: x, y: y, width: width, role: role)
    let (text, cursorColumn) = field.window(width: width)
    canvas.put(text, x: x, y: y, role: role, maxWidth: width)
    // The terminal's cursor marks the insertion point, so no character is drawn over.
    if focused { canvas.cursor = CursorPosition(x: x + min(cursorColumn, width - 1), y: y) }
}

/// The form for one friend. Its fields are drawn on a sheet as tall as they need and shown through the
/// box, scrolled to keep the focused field in view, so a short terminal gets a scrolled form, never a cut one.
enum EditFormView {
    static func draw(_ canvas: inout Canvas, _ state: AppState, _ form: EditForm) {
        let shown = form.shownGroups
        // Sized by the whole checklist, so filtering it does not shrink the dialog under the operator.
        let visible = min(max(form.groupNames.count, 1), 8)
        let sheetRows = 4 + visible + 2 + form.custom.count
        let inner = box(&canvas, width: 72, height: min(sheetRows + 5, state.height - 2), title: UIText.editTitle.text(["id": form.friend, "accept": state.keyMap.label(for: .dialogAccept), "cancel": state.keyMap.label(for: .dialogCancel)]), role: .dialog)
        guard inner.w > 0, inner.h > 0 else { return }
        let labelWidth = min(10, inner.w / 3), fieldX = labelWidth, fieldWidth = inner.w - labelWidth
        var sheet = Canvas(width: inner.w, height: sheetRows, role: .dialog)
        var focusY = 0
        var y = 0
        let bytes = form.remark.string.utf8.count
        let counter = " \(bytes)/\(FieldLimits.remarkBytes)"
        sheet.put(UIText.editRemark.text, x: 0, y: y, role: .formLabel, maxWidth: labelWidth - 1)
        drawField(&sheet, form.remark, x: fieldX, y: y, width: fieldWidth - 9, focused: form.focus == 0)
        sheet.put(counter, x: max(fieldX, inner.w - 9), y: y, role: bytes > FieldLimits.remarkBytes ? .formError : .formLabel)
        y += 2
        // A window of the checklist that keeps the cursor's group visible, and where it stands in the whole list.
        let inList = form.focus == EditForm.groupsIndex
        let first = max(0, min(form.groupCursor - visible + 1, shown.count - visible))
        let range = shown.isEmpty ? UIText.editNoGroups.text
            : (shown.count > visible ? UIText.editRangeOf.text(["first": first + 1, "last": first + min(visible, shown.count), "count": shown.count])
                : UIText.editGroupCount.text(["count": shown.count]))
        let filter = form.groupFilter.isEmpty ? (inList ? UIText.editTypeToFilter.text : "") : UIText.editFilter.text(["filter": form.groupFilter])
        sheet.put(UIText.editGroups.text, x: 0, y: y, role: .formLabel, maxWidth: labelWidth - 1)
        sheet.put(UIText.editChosen.text(["count": form.checked.count, "range": range, "filter": filter])
                  + (inList ? UIText.editToggles.text(["key": state.keyMap.first(.formToggle)]) : ""),
                  x: fieldX, y: y, role: .formLabel, maxWidth: fieldWidth)
        if inList { focusY = y }
        y += 1
        if shown.isEmpty {
            sheet.put(form.groupFilter.isEmpty ? UIText.editAccountHasNoGroups.text : UIText.editNoGroupContains.text(["filter": form.groupFilter]), x: fieldX, y: y, role: .dialog, maxWidth: fieldWidth)
        }
        for (i, name) in shown.enumerated().dropFirst(first).prefix(visible) {
            let focused = inList && form.groupCursor == i
            if focused { focusY = y }
            let text = (form.checked.contains(name) ? "[x] " : "[ ] ") + name
            sheet.put(text, x: fieldX, y: y, role: focused ? .formFieldFocused : .dialog, maxWidth: fieldWidth - 2)
            if i == first && first > 0 { sheet.put(Glyphs.g("▲"), x: inner.w - 1, y: y, role: .formLabel) }
            if i == first + visible - 1 && first + visible < shown.count { sheet.put(Glyphs.g("▼"), x: inner.w - 1, y: y, role: .formLabel) }
            y += 1
        }
        y = 3 + visible
        sheet.put(UIText.editNewGroup.text, x: 0, y: y, role: .formLabel, maxWidth: labelWidth - 1)
        if form.focus == form.newGroupIndex { focusY = y }
        drawField(&sheet, form.newGroup, x: fieldX, y: y, width: fieldWidth, focused: form.focus == form.newGroupIndex)
        y += 2
        for (i, key) in form.customKeys.enumerated() {
            sheet.put(key, x: 0, y: y, role: .formLabel, maxWidth: labelWidth - 1)
            if form.focus == form.newGroupIndex + 1 + i { focusY = y }
            drawField(&sheet, form.custom[i], x: fieldX, y: y, width: fieldWidth, focused: form.focus == form.newGroupIndex + 1 + i)
            y += 1
        }
        // The error (wrapped, up to three rows) or the hint follows the sheet's window; the window gives way to it.
        let tail = form.error.map { TextWrap.lines(Glyphs.g("✗ ") + $0, width: inner.w, maxLines: max(1, min(3, inner.h - 1))) }
            ?? [DisplayWidth.truncate(state.keyMap.formHint, to: inner.w)]
        let window = max(0, min(sheetRows, inner.h - tail.count))
        let offset = max(0, min(focusY - window + 1, sheetRows - window))
        canvas.blit(sheet, x: inner.x, y: inner.y, fromRow: offset, height: window)
        if offset > 0 { canvas.put(Glyphs.g("▲"), x: inner.x + inner.w - 1, y: inner.y, role: .formLabel) }
        if offset + window < sheetRows { canvas.put(Glyphs.g("▼"), x: inner.x + inner.w - 1, y: inner.y + window - 1, role: .formLabel) }
        for (i, line) in tail.enumerated() {
            canvas.put(line, x: inner.x, y: inner.y + window + i, role: form.error == nil ? .formLabel : .formError, maxWidth: inner.w)
        }
    }
}

/// The bulk-edit form, with how many marked friends it would touch.
enum BulkFormView {
    static func draw(_ canvas: inout Canvas, _ state: AppState, _ form: BulkForm) {
        let inner = box(&canvas, width: 72, height: 11, title: UIText.bulkTitle.text(["count": state.marked.count, "accept": state.keyMap.label(for: .dialogAccept), "cancel": state.keyMap.label(for: .dialogCancel)]), role: .dialog)
        let fieldX = inner.x + 10, fieldWidth = inner.w - 10
        canvas.put(UIText.bulkChange.text, x: inner.x, y: inner.y, role: .formLabel)
        canvas.put(Glyphs.g("◂ ") + form.operation.title + Glyphs.g(" ▸"), x: fieldX, y: inner.y, role: form.focus == 0 ? .formFieldFocused : .dialog, maxWidth: fieldWidth)
        canvas.put(form.operation.firstLabel, x: inner.x, y: inner.y + 2, role: .formLabel)
        drawField(&canvas, form.first, x: fieldX, y: inner.y + 2, width: fieldWidth, focused: form.focus == 1)
        if let second = form.operation.secondLabel {
            canvas.put(second, x: inner.x, y: inner.y + 3, role: .formLabel)
            drawField(&canvas, form.second, x: fieldX, y: inner.y + 3, width: fieldWidth, focused: form.focus == 2)
        }
        let plan = BulkPlan(state, form)
        canvas.put(plan.preview, x: inner.x, y: inner.y + 5, role: .progress, maxWidth: inner.w)
        let message = form.error.map { Glyphs.g("✗ ") + $0 } ?? UIText.bulkHint.text(["key": state.keyMap.first(.formNext)])
        for (i, line) in TextWrap.lines(message, width: inner.w, maxLines: 2).enumerated() {
            canvas.put(line, x: inner.x, y: inner.y + 6 + i, role: form.error == nil ? .formLabel : .formError, maxWidth: inner.w)
        }
    }
}

/// Every staged field as old -> new.
enum ChangeSetView {
    /// A value as the change set and the detail view show it: "text", (empty) or [groups], control characters visible.
    static func text(_ v: FieldValue) -> String {
        v.text.map { $0.isEmpty ? UIText.empty.text : "\"\($0)\"" } ?? "[" + (v.groups ?? []).joined(separator: ", ") + "]"
    }

    /// Nicknames of the friends the entries name (one pass over the friends, not one per entry).
    static func nicknames(_ state: AppState, _ entries: [ChangeEntry]) -> [String: String] {
        let wanted = Set(entries.map(\.key.friend))
        var out: [String: String] = [:]
        for f in state.friends where wanted.contains(f.id) { out[f.id] = f.nickname }
        return out
    }

    static func draw(_ canvas: inout Canvas, _ state: AppState, cursor: Int) {
        let ops = state.groupOperations
        let entries = state.history.current.sorted
        let total = ops.count + entries.count
        // The screen covers the list, not the status area above the footer: an export's path stays whole.
        let statusRows = StatusLineView.height(state)
        canvas.fill(y: 1, height: state.height - 2 - statusRows, role: .row)
        canvas.fill(y: 1, role: .columnHeading)
        let friendCount = Set(entries.map(\.key.friend)).count
        let position = total == 0 ? "" : "   \(min(cursor, total - 1) + 1)/\(total)"
        let groupPart = ops.isEmpty ? "" : GroupText.headingOperations.text(["count": ops.count])
        canvas.put(UIText.changeSetHeading.text(["fields": entries.count, "friends": friendCount, "position": groupPart + position]),
                   x: 0, y: 1, role: .columnHeading)
        let height = max(1, state.height - 3 - statusRows)  // rows 2 ... above the status area
        let first = max(0, cursor - height + 1)
        if total == 0 {
            let hint = state.keyMap.keys(for: .edit).isEmpty ? UIText.nothingStagedReadOnly.text
                : UIText.nothingStaged.text(["edit": state.keyMap.label(for: .edit), "bulk": state.keyMap.label(for: .bulk)])
            canvas.put(hint, x: 2, y: 3, role: .row, maxWidth: state.width - 2)
        }
        // Group operations first (the order they run), then the friend fields.
        for (i, op) in ops.enumerated().dropFirst(first).prefix(height) {
            GroupOperationRowView.draw(&canvas, state, op, y: 2 + i - first, selected: i == cursor)
        }
        let firstEntry = max(0, first - ops.count), entryRows = max(0, height - max(0, ops.count - first))
        let shown = Array(entries.enumerated().dropFirst(firstEntry).prefix(entryRows)).map { (offset: $0.offset + ops.count, element: $0.element) }
        let nicknames = nicknames(state, shown.map(\.element))
        // Columns sized by what is shown: the friend, its nickname (when there is room) and the whole field name.
        let idWidth = min(24, shown.map { DisplayWidth.of($0.element.key.friend) }.max() ?? 6)
        let fieldWidth = min(32, shown.map { DisplayWidth.of($0.element.key.field.title) }.max() ?? 6)
        let nickWidth = state.width >= 70 ? min(state.width >= 100 ? 20 : 12, max(8, shown.map { DisplayWidth.of(nicknames[$0.element.key.friend] ?? "") }.max() ?? 0)) : 0
        for (i, e) in shown {
            let y = 2 + i - first
            let role: Role = i == cursor ? .rowSelected : .row
            canvas.fill(y: y, role: role)
            var x = canvas.put("  " + DisplayWidth.pad(e.key.friend, to: idWidth) + " ", x: 0, y: y, role: role)
            if nickWidth > 0 { x += canvas.put(DisplayWidth.pad(nicknames[e.key.friend] ?? "", to: nickWidth) + " ", x: x, y: y, role: role) }
            x += canvas.put(DisplayWidth.pad(e.key.field.title, to: fieldWidth) + " ", x: x, y: y, role: role)
            // Cut values end in "…", so a long remark never reads as complete.
            x += canvas.put(DisplayWidth.truncate(text(e.base), to: max(1, (state.width - x) / 2 - 2)), x: x, y: y, role: i == cursor ? role : .diffOld)
            x += canvas.put(" -> ", x: x, y: y, role: role)
            canvas.put(DisplayWidth.truncate(text(e.result), to: max(0, state.width - x)), x: x, y: y, role: i == cursor ? role : .diffNew)
        }
        let keys = state.keyMap
        canvas.fill(y: state.height - 1, role: .footer)
        if state.reviewSearching {
            let used = canvas.put(" /" + state.reviewSearch, x: 0, y: state.height - 1, role: .footer, maxWidth: state.width - 1)
            canvas.cursor = CursorPosition(x: used, y: state.height - 1)
            canvas.put(UIText.reviewSearchKeys.text(["accept": keys.label(for: .dialogAccept), "cancel": keys.label(for: .dialogCancel)]), x: used + 1, y: state.height - 1, role: .footer)
            return
        }
        // Unbound actions (read-only mode) get no hint.
        let move = UIText.reviewMove.text(["keys": "\(keys.first(.top))/\(keys.first(.bottom))/\(keys.first(.pageUp))/\(keys.first(.pageDown))"])
        let redo = UIText.reviewRedo.text(["key": keys.first(.redo)])
        var hints = [(ActionID.dropEntry, UIText.reviewDrop), (.undo, .reviewUndo), (.redo, .reviewRedo), (.export, .reviewExport)]
            .filter { !keys.keys(for: $0.0).isEmpty }.map { $0.1.text(["key": keys.first($0.0)]) }
            + [state.reviewSearch.isEmpty ? UIText.reviewSearch.text(["key": keys.first(.reviewSearch)])
                : UIText.reviewSearchNext.text(["key": keys.first(.reviewSearch), "next": keys.first(.reviewNext)]),
               move, UIText.reviewBack.text(["key": keys.first(.dialogCancel)])]
        // A narrow screen drops the movement and redo hints first; help lists them all. The bottom-right cell
        // cannot be written (the terminal would scroll), so a hint must end before it.
        for dropped in [move, redo] where DisplayWidth.of(" " + hints.joined(separator: Glyphs.g(" · "))) >= state.width {
            hints.removeAll { $0 == dropped }
        }
        canvas.put(" " + hints.joined(separator: Glyphs.g(" · ")), x: 0, y: state.height - 1, role: .footer)
    }
}

/// Offered at start when the journal holds staged changes for the account.
enum ResumeView {
    static func draw(_ canvas: inout Canvas, _ state: AppState, _ set: ChangeSet) {
        let inner = box(&canvas, width: 72, height: 8, title: UIText.resumeTitle.text, role: .dialog)
        let k = state.keyMap
        paragraphs(&canvas, inner, [
            (UIText.resumeBody.text(["count": set.count, "account": state.account]), .dialog), ("", .dialog),
            (UIText.resumeKeys.text(["keep": k.label(for: .resumeKeep), "export": k.label(for: .resumeExport), "discard": k.label(for: .resumeDiscard)]), .formLabel),
        ], footer: (UIText.resumeFooter.text, .dialog))
    }
}

/// "Submit?" naming the app, the account and the counts; only y submits.
enum ConfirmSubmitView {
    static func draw(_ canvas: inout Canvas, _ state: AppState, retry: [ChangeEntry]?) {
        // Counts only: no need to sort the change set on every frame of the dialog.
        let count = retry?.count ?? state.history.current.entries.count
        let friends = retry.map { Set($0.map(\.key.friend)).count } ?? state.history.current.friends.count
        let inner = box(&canvas, width: 66, height: 8, title: (retry == nil ? UIText.submitTitle : .retryTitle).text, role: .dialog)
        let ops = state.groupOperations.count
        // Only group operations staged: say that, not "0 changes for 0 friends".
        let question = retry == nil && count == 0 && ops > 0
            ? GroupText.submitOnlyOperations.text(["count": ops, "account": state.account, "app": state.info.sdkAppID])
            : (retry == nil ? UIText.submitQuestion : .retryQuestion).text(["count": count, "friends": friends, "account": state.account, "app": state.info.sdkAppID])
        let yes = state.keyMap.first(.confirmYes)
        paragraphs(&canvas, inner, [
            (question, .dialog), (ops == 0 || count == 0 ? "" : GroupText.submitAlso.text(["count": ops]), .dialog), (UIText.submitConflictsNote.text, .formLabel),
        ], footer: ((retry == nil ? UIText.submitFooter : .retryFooter).text(["key": yes]), .formFieldFocused))
    }
}

/// Quit with work left: what stays (staged edits are in the journal) and what is still on its way.
enum ConfirmQuitView {
    static func draw(_ canvas: inout Canvas, _ state: AppState) {
        let inner = box(&canvas, width: 66, height: 8, title: UIText.quitTitle.text, role: .dialog)
        let staged = state.history.current.count
        var lines: [(String, Role)] = []
        if staged > 0 {
            lines.append((UIText.quitStaged.text(["count": staged]), .dialog))
        }
        // A submit of this account, or of one left behind with `o`.
        let running = state.submitting.map { (state.account, $0) } ?? state.others.sorted { $0.key < $1.key }.lazy
            .compactMap { a, s in s.submitting.map { (a, $0) } }.first
        if let (account, p) = running {
            lines.append((account == state.account ? UIText.quitRunning.text(["done": p.done, "total": p.total])
                : UIText.quitRunningFor.text(["account": account, "done": p.done, "total": p.total]), .dialog))
        }
        paragraphs(&canvas, inner, lines, footer: (UIText.quitFooter.text(["key": state.keyMap.first(.confirmYes)]), .formFieldFocused))
    }
}
