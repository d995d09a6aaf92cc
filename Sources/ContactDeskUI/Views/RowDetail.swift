import ChatAPI
import ContactEditing
import ContactDeskStrings

/// The whole story of a row's result: on the status line in one sentence (most important first), and in the
/// detail view (`v`) line by line, with a conflict's three values: when staged, on the server now, yours.
enum RowDetail {
    static func summary(_ state: AppState, _ f: Friend, _ r: SubmitOutcome) -> String {
        let k = state.keyMap
        let more = k.keys(for: .details).isEmpty ? "" : UIText.summaryMore.text(["key": k.label(for: .details)])
        switch r {
        case .failed(let code, let info):
            let e = ErrorCatalog.entry(code)
            let said = ServerText.detail(info, besides: e.englishName).map { UIText.summaryServiceSaid.text(["said": $0]) } ?? ""
            return UIText.summaryFailed.text(["id": f.id, "result": ErrorCatalog.inline(code, info: info), "hint": e.hint]) + said + more
        case .conflict(let fields):
            return UIText.summaryConflict.text(["id": f.id, "fields": fields.map(\.title).joined(separator: ", "),
                                                "keep": k.label(for: .keepMine), "take": k.label(for: .takeTheirs)]) + more
        case .notSent(let reason): return UIText.summaryNotSent.text(["id": f.id, "reason": ServerText.clean(reason), "retry": k.label(for: .retry)]) + more
        case .ok: return UIText.summaryApplied.text(["id": f.id])
        }
    }

    /// The detail view's lines for the selected friend's result.
    static func lines(_ state: AppState, _ f: Friend, _ r: SubmitOutcome) -> [String] {
        var out = [UIText.detailFriend.text(["id": f.id]) + (f.nickname.isEmpty ? "" : UIText.nicknameAfter.text(["nickname": f.nickname]))]
        let k = state.keyMap
        switch r {
        case .ok: out.append(UIText.detailResultOK.text)
        case .failed(let code, let info):
            let e = ErrorCatalog.entry(code)
            out.append(UIText.detailResultFailed.text(["code": code, "name": e.name]))
            out.append(UIText.detailMeaning.text(["meaning": e.meaning]))
            if let said = ServerText.detail(info, besides: e.englishName) { out.append(UIText.detailServiceSaid.text(["said": said])) }
            out.append(UIText.detailWhatToDo.text(["hint": e.hint]))
            // The way out of the group limit: the pane, emptiest groups first, where one can be deleted or merged.
            if code == 30011, !k.keys(for: .groupDelete).isEmpty {
                out.append(GroupText.limitOffer.text(["count": state.projectedGroupNames.count, "limit": FieldLimits.groupsPerAccount,
                                                      "key": k.first(.groups)]))
            }
            out.append(UIText.detailStillStaged.text(["retry": k.label(for: .retry)]))
        case .notSent(let reason):
            out.append(UIText.detailNotSent.text(["reason": ServerText.clean(reason)]))
            out.append(UIText.detailNotSentUnknown.text(["retry": k.label(for: .retry)]))
        case .conflict(let fields):
            out.append(UIText.detailConflict.text)
            for field in fields {
                let entry = state.history.current[state.key(f.id, field)]
                out.append("")
                out.append(UIText.fieldHeading.text(["field": field.title]))
                if let entry { out.append(UIText.detailWhenStaged.text(["value": ChangeSetView.text(entry.base)])) }
                out.append(UIText.detailOnServer.text(["value": ChangeSetView.text(f.value(of: field))]))
                if let entry { out.append(UIText.detailYours.text(["value": ChangeSetView.text(entry.result)])) }
            }
            out.append("")
            out.append(UIText.detailConflictKeys.text(["keep": k.label(for: .keepMine), "take": k.label(for: .takeTheirs)]))
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
            out.append(UIText.detailLastMessage.text(["text": s]))
        }
        if let p = state.startupProblems { out.append(UIText.detailAtStart.text(["text": p])) }
        if out.isEmpty { out.append(UIText.detailNothing.text) }
        return out
    }

    static func draw(_ canvas: inout Canvas, _ state: AppState, scroll: Int) {
        let width = min(100, state.width - 2)
        let wrapped = lines(state).flatMap { $0.isEmpty ? [""] : TextWrap.lines($0, width: max(1, width - 4)) }
        let title = UIText.detailsTitle.text(["down": state.keyMap.label(for: .moveDown), "up": state.keyMap.label(for: .moveUp)])
        let inner = box(&canvas, width: width, height: min(wrapped.count + 2, state.height - 2), title: title, role: .help)
        let start = min(scroll, max(0, wrapped.count - inner.h))
        for (i, line) in wrapped.dropFirst(start).prefix(inner.h).enumerated() {
            canvas.put(line, x: inner.x, y: inner.y + i, role: .help, maxWidth: inner.w)
        }
        if start + inner.h < wrapped.count, inner.w > 0 { canvas.put(Glyphs.g("▼"), x: inner.x + inner.w, y: inner.y + inner.h - 1, role: .help) }
    }
}
