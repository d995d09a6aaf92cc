import ChatAPI
import ContactEditing

/// The whole story of a row's result: on the status line in one sentence (most important first), and in the
/// detail view (`v`) line by line, with a conflict's three values: when staged, on the server now, yours.
enum RowDetail {
    static func summary(_ state: AppState, _ f: Friend, _ r: SubmitOutcome) -> String {
        let k = state.keyMap
        let more = k.keys(for: .details).isEmpty ? "" : " · \(k.label(for: .details)) details"
        switch r {
        case .failed(let code, let info):
            let e = ErrorCatalog.entry(code)
            let said = ServerText.detail(info, besides: e.name).map { " · the service said: \($0)" } ?? ""
            return "\(f.id): ✗ " + ErrorCatalog.inline(code, info: info) + " · " + e.hint + said + more
        case .conflict(let fields):
            return "\(f.id): \(fields.map(\.description).joined(separator: ", ")) changed on the server since you staged it · "
                + "\(k.label(for: .keepMine)) keeps yours, \(k.label(for: .takeTheirs)) takes theirs" + more
        case .notSent(let reason): return "\(f.id): not sent: \(ServerText.clean(reason)) · \(k.label(for: .retry)) retries after re-reading" + more
        case .ok: return "\(f.id): ✓ applied"
        }
    }

    /// The detail view's lines for the selected friend's result.
    static func lines(_ state: AppState, _ f: Friend, _ r: SubmitOutcome) -> [String] {
        var out = ["Friend: \(f.id)" + (f.nickname.isEmpty ? "" : " (\(f.nickname))")]
        let k = state.keyMap
        switch r {
        case .ok: out.append("Result: ✓ applied")
        case .failed(let code, let info):
            let e = ErrorCatalog.entry(code)
            out.append("Result: ✗ \(code) \(e.name)")
            out.append("Meaning: \(e.meaning)")
            if let said = ServerText.detail(info, besides: e.name) { out.append("The service said: \(said)") }
            out.append("What to do: \(e.hint)")
            out.append("Still staged: \(k.label(for: .retry)) retries the failed rows (asks first).")
        case .notSent(let reason):
            out.append("Result: not sent (\(ServerText.clean(reason)))")
            out.append("Whether the server applied it is unknown: \(k.label(for: .retry)) re-reads the row before sending it again.")
        case .conflict(let fields):
            out.append("Result: ! conflict: changed on the server since you staged it; not sent")
            for field in fields {
                let entry = state.history.current[state.key(f.id, field)]
                out.append("")
                out.append("\(field.description):")
                if let entry { out.append("  when you staged it: " + ChangeSetView.text(entry.base)) }
                out.append("  on the server now:  " + ChangeSetView.text(f.value(of: field)))
                if let entry { out.append("  yours:              " + ChangeSetView.text(entry.result)) }
            }
            out.append("")
            out.append("\(k.label(for: .keepMine)) keeps yours (the next submit sends it) · \(k.label(for: .takeTheirs)) takes the server's")
        }
        return out
    }
}

/// The detail view (`v`): the selected row's result in full, then the last message in full.
enum DetailView {
    static func lines(_ state: AppState) -> [String] {
        var out: [String] = []
        if let f = state.selected, let r = state.results[f.id] { out += RowDetail.lines(state, f, r) }
        if let s = state.status?.text(state.keyMap) {
            if !out.isEmpty { out.append("") }
            out.append("Last message: " + s)
        }
        if let p = state.startupProblems { out.append("At start: " + p) }
        if out.isEmpty { out.append("Nothing to show: the selected row has no result and there is no message.") }
        return out
    }

    static func draw(_ canvas: inout Canvas, _ state: AppState, scroll: Int) {
        let width = min(100, state.width - 2)
        let wrapped = lines(state).flatMap { $0.isEmpty ? [""] : TextWrap.lines($0, width: max(1, width - 4)) }
        let title = "Details · any key closes · \(state.keyMap.label(for: .moveDown))/\(state.keyMap.label(for: .moveUp)) scroll"
        let inner = box(&canvas, width: width, height: min(wrapped.count + 2, state.height - 2), title: title, role: .help)
        let start = min(scroll, max(0, wrapped.count - inner.h))
        for (i, line) in wrapped.dropFirst(start).prefix(inner.h).enumerated() {
            canvas.put(line, x: inner.x, y: inner.y + i, role: .help, maxWidth: inner.w)
        }
        if start + inner.h < wrapped.count, inner.w > 0 { canvas.put("▼", x: inner.x + inner.w, y: inner.y + inner.h - 1, role: .help) }
    }
}
