import ChatAPI
import ContactEditing

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
        case .groupPane: GroupPaneView.draw(&canvas, state, x: 0, width: 24, focused: true)
        case .edit(let form): EditFormView.draw(&canvas, state, form)
        case .bulk(let form): BulkFormView.draw(&canvas, state, form)
        case .changes(let cursor): ChangeSetView.draw(&canvas, state, cursor: cursor)
        case .resume(let set): ResumeView.draw(&canvas, state, set)
        case .confirmSubmit(let retry): ConfirmSubmitView.draw(&canvas, state, retry: retry)
        case .confirmQuit: ConfirmQuitView.draw(&canvas, state)
        case .filter: break  // drawn on the status line
        }
        return canvas
    }
}

/// The top line: app, endpoint, account, counts, and a spinner while loading.
enum HeaderView {
    static let spinner = ["|", "/", "-", "\\"]

    static func draw(_ canvas: inout Canvas, _ state: AppState) {
        canvas.fill(y: 0, role: .header)
        let count = state.load.isLoading && state.friends.isEmpty ? "…" : "\(state.friends.count)"
        // Most important first: a narrow screen cuts the endpoint, not the account or the counts.
        var text = " ContactDesk │ \(state.account) │ \(count) friends │ \(state.marked.count) marked │ \(state.history.current.count) staged │ app \(state.info.sdkAppID) │ \(state.info.endpoint)"
        if state.info.readOnly { text = " READ-ONLY │" + text.dropFirst() }
        canvas.put(text, x: 0, y: 0, role: .header)
        if state.load.isLoading {
            let s = " " + spinner[state.tick % spinner.count] + (state.isRefreshing ? " refreshing " : " loading ")
            canvas.put(s, x: max(0, state.width - DisplayWidth.of(s)), y: 0, role: .header)
        }
    }
}

/// The friend rows with their column headings.
enum FriendListView {
    struct Column {
        let title: String
        let width: Int
        let field: FieldKey?
        /// The sort this column shows an arrow for; nil for custom fields, which do not sort.
        var sort: SortColumn? = nil
        var isResult = false
        let value: (Friend) -> String
    }

    /// Columns that fit `width`: marker, UserID, nickname, remark (flexible), groups, custom fields.
    static func columns(_ state: AppState, width: Int) -> [Column] {
        let idWidth = min(14, max(6, state.visible.prefix(200).map { DisplayWidth.of(state.friends[$0].id) }.max() ?? 6))
        let nickWidth = width >= 100 ? 18 : 14
        let groupsWidth = width >= 100 ? 18 : 12
        var custom = state.customFields
        let resultWidth = state.results.isEmpty ? 0 : (width >= 90 ? 46 : 24)
        func remarkWidth(_ n: Int) -> Int { width - 2 - (idWidth + 1) - (nickWidth + 1) - (groupsWidth + 1) - n * 9 - (resultWidth > 0 ? resultWidth + 1 : 0) }
        while !custom.isEmpty && remarkWidth(custom.count) < 16 { custom.removeLast() }
        var cols = [
            Column(title: "UserID", width: idWidth, field: nil, sort: .userID) { $0.id },
            Column(title: "Nickname", width: nickWidth, field: nil, sort: .nickname) { $0.nickname },
            Column(title: "Remark", width: max(8, remarkWidth(custom.count)), field: .remark, sort: .remark) { $0.remark },
            Column(title: "Groups", width: groupsWidth, field: .groups, sort: .groups) { $0.groups.joined(separator: ",") },
        ]
        // A custom field may be called "Result" or "Groups": columns are told apart by kind, never by title.
        cols += custom.map { key in Column(title: key, width: 8, field: .custom(key)) { $0.custom[key] ?? "" } }
        if resultWidth > 0 {
            cols.append(Column(title: "Result", width: resultWidth, field: nil, isResult: true) { state.results[$0.id]?.inline ?? "" })
        }
        return cols
    }

    static func draw(_ canvas: inout Canvas, _ state: AppState, x: Int, width: Int) {
        let cols = columns(state, width: width)
        var cx = x + 2
        canvas.fill(x: x, y: 1, width: width, role: .columnHeading)
        for c in cols {
            let arrow = c.sort == state.sort ? (state.descending ? "↓" : "↑") : ""
            canvas.put(c.title + arrow, x: cx, y: 1, role: .columnHeading, maxWidth: c.width)
            cx += c.width + 1
        }
        let top = 2
        if state.visible.isEmpty {
            let message: String
            switch state.load {
            case .loading: message = "Loading friends…"
            case .failed: message = "The friend list could not be loaded; \(state.keyMap.label(for: .refresh)) retries."
            default: message = state.friends.isEmpty ? "\(state.account) has no friends." : "No friend matches the filter."
            }
            canvas.put(message, x: x + 2, y: top + 1, role: .row, maxWidth: width - 2)
            return
        }
        let staged = state.stagedFriends
        for row in 0..<state.listHeight {
            let pos = state.scroll + row
            guard pos < state.visible.count else { break }
            let friend = state.friends[state.visible[pos]]
            let isMarked = state.marked.contains(friend.id)
            let role: Role = pos == state.cursor ? .rowSelected : (isMarked ? .rowMarked : .row)
            canvas.fill(x: x, y: top + row, width: width, role: role)
            canvas.put(isMarked ? "●" : " ", x: x, y: top + row, role: role)
            let isStaged = staged.contains(friend.id)
            if isStaged { canvas.put("✎", x: x + 1, y: top + row, role: pos == state.cursor ? role : .staged) }
            var cx = x + 2
            for c in cols {
                // A staged field shows its new value in the staged style.
                let stagedValue = isStaged ? c.field.flatMap { state.staged(friend.id, $0) } : nil
                let text = stagedValue?.plainText ?? c.value(friend)
                var cellRole: Role = stagedValue != nil && pos != state.cursor ? .staged : role
                if c.isResult, pos != state.cursor, let r = state.results[friend.id] {
                    cellRole = switch r {
                    case .ok: .resultOK
                    case .conflict: .conflict
                    default: .resultError
                    }
                }
                canvas.put(DisplayWidth.truncate(text, to: c.width), x: cx, y: top + row, role: cellRole, maxWidth: c.width)
                cx += c.width + 1
            }
        }
    }
}

/// The line above the footer: the filter being typed, the match count, progress or the last message.
enum StatusLineView {
    static func draw(_ canvas: inout Canvas, _ state: AppState) {
        let y = state.height - 2
        let matches = "\(state.visible.count) match\(state.visible.count == 1 ? "" : "es")"
        if let problems = state.startupProblems {
            canvas.put(problems, x: 0, y: y, role: .resultError)
            return
        }
        if state.filtering {
            canvas.put("/" + state.filter + "▏  " + matches + "  (\(state.keyMap.label(for: .dialogAccept)) keeps, \(state.keyMap.label(for: .dialogCancel)) clears)", x: 0, y: y, role: .progress)
            return
        }
        var parts: [String] = []
        // The selected row's result in full: code, the service's text and the catalog's hint.
        if state.overlay == .none, state.submitting == nil, let f = state.selected, let r = state.results[f.id], r != .ok {
            let detail: String = switch r {
            case .failed(let code, let info):
                "\(f.id): " + ErrorCatalog.inline(code, info: info) + (info.isEmpty ? "" : " (\(info))") + " · " + ErrorCatalog.entry(code).hint
            case .conflict(let fields):
                "\(f.id): \(fields.map(\.description).joined(separator: ", ")) changed on the server since you staged it · \(state.keyMap.label(for: .keepMine)) keeps yours, \(state.keyMap.label(for: .takeTheirs)) takes theirs"
            case .notSent(let reason): "\(f.id): not sent: \(reason) · \(state.keyMap.label(for: .retry)) retries after re-reading"
            case .ok: ""
            }
            canvas.put(detail, x: 0, y: y, role: .resultError)
            return
        }
        if !state.filter.isEmpty { parts.append("filter \"\(state.filter)\": \(matches) · \(state.keyMap.label(for: .dialogCancel)) clears") }
        if let g = state.groupFilter { parts.append("group \(g)") }
        if case .loading(let n) = state.load, state.cachedAt == nil {
            parts.append(state.isRefreshing ? "reloading all \(state.friends.count) friends…" : "loading friends… \(n) received")
        }
        if let p = state.submitting {
            let width = 20, filled = p.total == 0 ? 0 : min(width, max(0, width * p.done / p.total))
            parts.append("submitting [" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] \(p.done)/\(p.total) rows")
        }
        // While loading, the progress replaces news, except the cached list's own note.
        if let s = state.status?.text(state.keyMap), !(state.load.isLoading && !state.statusIsError) || state.cachedAt != nil { parts.append(s) }
        let role: Role = state.statusIsError ? .resultError : (state.load.isLoading || state.submitting != nil ? .progress : .footer)
        canvas.put(parts.joined(separator: " · "), x: 0, y: y, role: role)
    }
}

/// The bottom line: the keys that matter here, from the live key map.
enum FooterView {
    static func draw(_ canvas: inout Canvas, _ state: AppState) {
        let y = state.height - 1
        canvas.fill(y: y, role: .footer)
        var order: [ActionID] = [.filter, .mark, .edit, .bulk, .changeSet, .undo, .groups, .help, .quit]
        func text() -> String {
            // An action without keys (read-only mode) has no hint.
            " " + order.compactMap { a in
                guard let name = a.footer, let key = state.keyMap.keys(for: a).first else { return nil }
                return "\(key.description) \(name)"
            }.joined(separator: "  ")
        }
        // On a narrow screen drop the less needed hints first; help and quit always show.
        for dropped in [ActionID.groups, .undo, .bulk] where DisplayWidth.of(text()) > state.width { order.removeAll { $0 == dropped } }
        canvas.put(text(), x: 0, y: y, role: .footer)
    }
}
