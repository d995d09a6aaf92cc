import ContactEditing
import ContactDeskStrings

/// Widths of the friend list's columns at the actual width: each column asks for a minimum (its title, with room
/// for the sort arrow) and what its content needs (up to a cap); columns that do not fit even at their minimum are
/// left out from the least important (the result text, then custom fields from the last), and the space that is
/// left is shared out evenly up to each column's need, the rest going to the remark. So 120 and 200 columns use
/// the space, and custom fields stay at 80 after a submit (the result is a one-cell marker before the row, and in
/// words only on screens of 90 columns and more).
struct ColumnLayout {
    enum Kind: Equatable { case userID, nickname, remark, groups, custom(String), result }

    struct Column {
        let kind: Kind
        let title: String
        var width: Int
        let field: FieldKey?
        let sort: SortColumn?
        let value: (Friend) -> String
    }

    /// Width of the marks before the columns: mark, staged, and the result marker when there are results.
    let prefix: Int
    let columns: [Column]
    /// Friends with staged edits (one pass over the change set per frame, shared with the rows).
    let stagedFriends: Set<String>

    init(_ state: AppState, width: Int) {
        let hasResults = !state.results.isEmpty
        prefix = hasResults ? 4 : 2
        // Content widths from the rows on screen and the first screenful of the list, so widths mostly stay put while
        // scrolling; measured every frame, so the sample stays about two screens (a hundred rows doubled a cursor move).
        let head = min(state.visible.count, state.listHeight)
        var sample: [Friend] = []
        for i in state.visible.prefix(head) { sample.append(state.friends[i]) }
        let onScreen = state.scroll..<min(state.visible.count, state.scroll + state.listHeight)
        for p in onScreen where p >= head { sample.append(state.friends[state.visible[p]]) }

        struct Spec { let kind: Kind; let title: String; let field: FieldKey?; let sort: SortColumn?; let cap: Int; let value: (Friend) -> String }
        var specs: [Spec] = [
            Spec(kind: .userID, title: "UserID", field: nil, sort: .userID, cap: 32) { $0.id },
            Spec(kind: .nickname, title: SortColumn.nickname.title, field: nil, sort: .nickname, cap: 24) { $0.nickname },
            Spec(kind: .remark, title: SortColumn.remark.title, field: .remark, sort: .remark, cap: 96) { $0.remark },
            Spec(kind: .groups, title: SortColumn.groups.title, field: .groups, sort: .groups, cap: 32) { $0.groups.joined(separator: ",") },
        ]
        // A custom field may be called "Result" or "Groups": columns are told apart by kind, never by title.
        for key in state.customFields {
            specs.append(Spec(kind: .custom(key), title: key, field: .custom(key), sort: nil, cap: 20) { $0.custom[key] ?? "" })
        }
        func minimum(_ s: Spec) -> Int {
            let title = DisplayWidth.of(s.title) + (s.sort == nil ? 0 : 1)
            switch s.kind {
            case .userID: return max(title, 6)
            case .custom: return max(min(title, 10), 6)
            case .result: return 16
            default: return max(title, 8)
            }
        }
        // A staged value is drawn instead of the server's: measure that one (looked up only for friends with edits).
        let stagedFriends = state.stagedFriends
        self.stagedFriends = stagedFriends
        func staged(_ f: Friend, _ field: FieldKey?) -> String? {
            guard stagedFriends.contains(f.id) else { return nil }
            return field.flatMap { state.staged(f.id, $0)?.plainText }
        }
        func need(_ s: Spec) -> Int {
            let content = sample.reduce(0) { m, f in max(m, DisplayWidth.of(staged(f, s.field) ?? s.value(f))) }
            return min(s.cap, max(minimum(s), content))
        }
        // On a wide screen the result in words is a column of its own; it is the first to go when space is short.
        if hasResults && width - prefix >= 90 {
            specs.append(Spec(kind: .result, title: UIText.columnResult.text, field: nil, sort: nil, cap: 46) { state.results[$0.id]?.inline ?? "" })
        }
        let available = max(0, width - prefix)
        // Leave out custom fields from the last until the minimums fit.
        while specs.count > 4 && specs.map(minimum).reduce(specs.count - 1, +) > available { specs.removeLast() }
        var widths = specs.map(minimum)
        let needs = specs.map(need)
        var spare = available - widths.reduce(specs.count - 1, +)
        // The UserID is what the operator acts on: whole first.
        let idGrow = max(0, min(spare, needs[0] - widths[0]))
        widths[0] += idGrow; spare -= idGrow
        // Then an even share, one column at a time, up to each column's need.
        var grew = true
        while spare > 0 && grew {
            grew = false
            for i in 1..<widths.count where spare > 0 && widths[i] < needs[i] { widths[i] += 1; spare -= 1; grew = true }
        }
        var columns = zip(specs, widths).map { s, w in Column(kind: s.kind, title: s.title, width: w, field: s.field, sort: s.sort, value: s.value) }
        if spare > 0, let r = columns.firstIndex(where: { $0.kind == .remark }) { columns[r].width += spare }
        self.columns = columns
    }
}

extension SubmitOutcome {
    /// One cell for the row's marker column.
    var marker: String {
        switch self {
        case .ok: Glyphs.g("✓")
        case .failed: Glyphs.g("✗")
        case .conflict: "!"
        case .notSent: "?"
        }
    }
}
