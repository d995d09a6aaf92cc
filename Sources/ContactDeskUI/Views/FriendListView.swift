import ChatAPI
import ContactEditing
import ContactDeskStrings

/// Renders the whole screen for a state: header, group pane, friend rows, status line, footer, overlays.
public enum Screen {
    public static func render(_ state: AppState) -> Canvas {
        var canvas = Canvas(width: state.width, height: state.height)
        if state.isTooSmall {
            TooSmallView.draw(&canvas, state)
            return canvas
        }
        HeaderView.draw(&canvas, state)
        let paneWidth = state.width >= 100 ? 22 : 0
        if paneWidth > 0 { GroupPaneView.draw(&canvas, state, x: 0, width: paneWidth, focused: false) }
        FriendListView.draw(&canvas, state, x: paneWidth, width: state.width - paneWidth)
        StatusLineView.draw(&canvas, state)
        FooterView.draw(&canvas, state)
        switch state.overlay {
        case .none: break
        case .help(let scroll): HelpView.draw(&canvas, state, scroll: scroll)
        case .openAccount(let input, let error, let checking): OpenAccountView.draw(&canvas, state, input: input, error: error, checking: checking)
        case .groupPane: GroupPaneView.draw(&canvas, state, x: 0, width: GroupPaneView.focusedWidth(state), focused: true)
        case .groupForm(let form):
            GroupPaneView.draw(&canvas, state, x: 0, width: GroupPaneView.focusedWidth(state), focused: true)
            GroupFormView.draw(&canvas, state, form)
        case .groupDelete(let entry, _):
            GroupPaneView.draw(&canvas, state, x: 0, width: GroupPaneView.focusedWidth(state), focused: true)
            GroupDeleteView.draw(&canvas, state, entry)
        case .edit(let form): EditFormView.draw(&canvas, state, form)
        case .bulk(let form): BulkFormView.draw(&canvas, state, form)
        case .changes(let cursor): ChangeSetView.draw(&canvas, state, cursor: cursor)
        case .resume(let set): ResumeView.draw(&canvas, state, set)
        case .confirmSubmit(let retry): ConfirmSubmitView.draw(&canvas, state, retry: retry)
        case .confirmQuit: ConfirmQuitView.draw(&canvas, state)
        case .filter: break  // drawn on the status line
        case .detail(let scroll): DetailView.draw(&canvas, state, scroll: scroll)
        }
        return canvas
    }
}

/// The top line: app, endpoint, account, counts, and a spinner while loading.
enum HeaderView {
    static let spinner = ["|", "/", "-", "\\"]

    static func draw(_ canvas: inout Canvas, _ state: AppState) {
        canvas.fill(y: 0, role: .header)
        var right = ""
        if state.load.isLoading { right = " " + spinner[state.tick % spinner.count] + (state.isRefreshing ? UIText.refreshing : UIText.loading).text }
        let count: String = state.load.isLoading && state.friends.isEmpty ? UIText.friendsLoading.text : UIText.friendCount.text(["count": state.friends.count])
        // Most important first; a part that does not fit whole is left out, never cut in the middle.
        var parts = ([state.info.readOnly ? UIText.readOnlyBadge.text : nil, "ContactDesk", state.account, count] as [String?]).compactMap { $0 }
        let optional: [String] = [UIText.markedCount.text(["count": state.marked.count]), UIText.stagedCount.text(["count": state.history.current.count]),
                        GroupText.headerCount.text(["count": state.projectedGroupNames.count, "limit": FieldLimits.groupsPerAccount]),
                        UIText.appID.text(["id": state.info.sdkAppID]), state.info.endpoint]
        let budget = state.width - DisplayWidth.of(right)
        func line(_ p: [String]) -> String { " " + p.joined(separator: Glyphs.g(" │ ")) }
        for part in optional where DisplayWidth.of(line(parts + [part])) <= budget { parts.append(part) }
        canvas.put(line(parts), x: 0, y: 0, role: .header, maxWidth: max(0, budget))
        if !right.isEmpty { canvas.put(right, x: max(0, state.width - DisplayWidth.of(right)), y: 0, role: .header) }
    }
}

/// The friend rows with their column headings.
enum FriendListView {
    static func draw(_ canvas: inout Canvas, _ state: AppState, x: Int, width: Int) {
        let layout = ColumnLayout(state, width: width)
        let cols = layout.columns
        var cx = x + layout.prefix
        canvas.fill(x: x, y: 1, width: width, role: .columnHeading)
        for c in cols {
            let arrow = c.sort != nil && c.sort == state.sort ? Glyphs.g(state.descending ? "↓" : "↑") : ""
            canvas.put(c.title + arrow, x: cx, y: 1, role: .columnHeading, maxWidth: c.width)
            cx += c.width + 1
        }
        let top = 2
        if state.visible.isEmpty {
            let message: String
            switch state.load {
            case .loading: message = UIText.loadingFriends.text
            case .failed: message = UIText.listLoadFailed.text(["refresh": state.keyMap.label(for: .refresh)])
            default: message = state.friends.isEmpty ? UIText.noFriends.text(["account": state.account]) : UIText.noMatch.text
            }
            canvas.put(message, x: x + 2, y: top + 1, role: .row, maxWidth: width - 2)
            return
        }
        let staged = layout.stagedFriends
        for row in 0..<state.listHeight {
            let pos = state.scroll + row
            guard pos < state.visible.count else { break }
            let friend = state.friends[state.visible[pos]]
            let isMarked = state.marked.contains(friend.id)
            let selected = pos == state.cursor
            let role: Role = selected ? .rowSelected : (isMarked ? .rowMarked : .row)
            canvas.fill(x: x, y: top + row, width: width, role: role)
            canvas.put(isMarked ? Glyphs.g("●") : " ", x: x, y: top + row, role: role)
            let isStaged = staged.contains(friend.id)
            if isStaged { canvas.put(Glyphs.g("✎"), x: x + 1, y: top + row, role: selected ? role : .staged) }
            let result = state.results[friend.id]
            if let r = result { canvas.put(r.marker, x: x + 2, y: top + row, role: selected ? role : resultRole(r)) }
            var cx = x + layout.prefix
            for c in cols {
                // A staged field shows its new value in the staged style.
                let stagedValue = isStaged ? c.field.flatMap { state.staged(friend.id, $0) } : nil
                let text = stagedValue?.plainText ?? c.value(friend)
                var cellRole: Role = stagedValue != nil && !selected ? .staged : role
                if c.kind == .result, !selected, let r = result { cellRole = resultRole(r) }
                canvas.put(DisplayWidth.truncate(text, to: c.width), x: cx, y: top + row, role: cellRole, maxWidth: c.width)
                cx += c.width + 1
            }
        }
    }

    static func resultRole(_ r: SubmitOutcome) -> Role {
        switch r {
        case .ok: .resultOK
        case .conflict: .conflict
        default: .resultError
        }
    }
}

/// The lines above the footer: the filter being typed, the match count, progress or the last message. A message
/// longer than the screen is wide wraps upward over the last rows of the list (at most a third of the screen);
/// what still does not fit ends in "…" and is whole in the detail view.
enum StatusLineView {
    static func maxLines(_ state: AppState) -> Int { max(1, min(4, (state.height - 4) / 3)) }

    /// The words and their role for the state, before wrapping.
    static func message(_ state: AppState) -> (text: String, role: Role)? {
        let matches = UIText.matches.text(["count": state.visible.count])
        if let problems = state.startupProblems { return (problems, .resultError) }
        // The selected row's result in full: code, the catalog's hint, the service's text.
        if state.overlay == .none, state.submitting == nil, let f = state.selected, let r = state.results[f.id], r != .ok {
            return (RowDetail.summary(state, f, r), .resultError)
        }
        var parts: [String] = []
        if !state.filter.isEmpty { parts.append(UIText.filterPart.text(["filter": state.filter, "matches": matches, "cancel": state.keyMap.label(for: .dialogCancel)])) }
        if let g = state.groupFilter { parts.append(UIText.groupPart.text(["group": g])) }
        if case .loading(let n) = state.load, state.cachedAt == nil {
            parts.append(state.isRefreshing ? UIText.reloadingAll.text(["count": state.friends.count]) : UIText.receivedSoFar.text(["count": n]))
        }
        if let p = state.submitting {
            let width = 20, filled = p.total == 0 ? 0 : min(width, max(0, width * p.done / p.total))
            parts.append(UIText.submittingProgress.text(["bar": String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled), "done": p.done, "total": p.total]))
        }
        // While loading, the progress replaces news, except the cached list's own note.
        if let s = state.status?.text(state.keyMap), !(state.load.isLoading && !state.statusIsError) || state.cachedAt != nil { parts.append(s) }
        if parts.isEmpty { return nil }
        let role: Role = state.statusIsError ? .resultError : (state.load.isLoading || state.submitting != nil ? .progress : .footer)
        return (parts.joined(separator: Glyphs.g(" · ")), role)
    }

    /// The message as drawn: wrapped to the width, at most `maxLines` rows.
    static func wrapped(_ state: AppState) -> (lines: [String], role: Role)? {
        guard !state.filtering, let (text, role) = message(state) else { return nil }
        return (TextWrap.lines(text, width: state.width, maxLines: maxLines(state)), role)
    }

    /// Rows the status area takes above the footer (at least its own line), so full-screen views leave them free.
    static func height(_ state: AppState) -> Int { max(1, wrapped(state)?.lines.count ?? 1) }

    static func draw(_ canvas: inout Canvas, _ state: AppState) {
        let y = state.height - 2
        if state.filtering {
            let matches = UIText.matches.text(["count": state.visible.count])
            let used = canvas.put("/" + state.filter, x: 0, y: y, role: .progress, maxWidth: state.width - 1)
            canvas.cursor = CursorPosition(x: used, y: y)
            canvas.put(UIText.filterPromptHint.text(["matches": matches, "accept": state.keyMap.label(for: .dialogAccept), "cancel": state.keyMap.label(for: .dialogCancel)]),
                       x: used + 1, y: y, role: .progress)
            return
        }
        guard let (lines, role) = wrapped(state) else { return }
        for (i, line) in lines.enumerated() {
            let row = y - (lines.count - 1) + i
            canvas.fill(y: row, role: role == .footer ? .row : role)
            canvas.put(line, x: 0, y: row, role: role)
        }
    }
}

/// The bottom line: the keys that matter here, from the live key map.
enum FooterView {
    static func draw(_ canvas: inout Canvas, _ state: AppState) {
        let y = state.height - 1
        canvas.fill(y: y, role: .footer)
        let inPane: Bool = switch state.overlay { case .groupPane, .groupForm, .groupDelete: true; default: false }
        var order: [ActionID] = inPane ? [.groupCreate, .groupRename, .groupDelete, .groupMerge, .groupSort, .groups, .help]
            : [.filter, .mark, .edit, .bulk, .changeSet, .submit, .undo, .groups, .help, .quit]
        func text() -> String {
            // An action without keys (read-only mode) has no hint.
            var hints = order.compactMap { a -> String? in
                guard let name = a.footer, let key = state.keyMap.keys(for: a).first else { return nil }
                return "\(key.description) \(name)"
            }
            if state.info.readOnly { hints.insert(UIText.footerReadOnly.text, at: 0) }
            return " " + hints.joined(separator: "  ")
        }
        // On a narrow screen drop the less needed hints first; help and quit always show. The bottom-right cell
        // cannot be written (the terminal would scroll), so the hints end before it.
        for dropped in [ActionID.groups, .undo, .submit, .bulk, .mark, .groupSort, .groupMerge] where DisplayWidth.of(text()) >= state.width {
            order.removeAll { $0 == dropped }
        }
        canvas.put(text(), x: 0, y: y, role: .footer)
    }
}
