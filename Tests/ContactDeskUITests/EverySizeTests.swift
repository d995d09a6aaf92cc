import ContactDeskUI
import ContactEditing
import Testing

/// No screen may trap: every overlay, with CJK and emoji data and long texts, rendered at sizes from
/// 1x1 to 200x60 and resized while open. Each render must finish and every row must be exactly the
/// canvas width in display columns.
@Suite struct EverySizeTests {
    /// The state of RenderTests with an overlay opened by the keys a person would press.
    static func states() -> [(String, AppState)] {
        func with(_ keys: [Key], _ prepare: (inout AppState) -> Void = { _ in }) -> AppState {
            var s = RenderTests.state(width: 80, height: 24)
            prepare(&s)
            for k in keys { _ = Reducer.reduce(&s, .key(k)) }
            return s
        }
        let many = (1...30).map { GroupSummary(name: "分组\($0) 🎮 group", count: $0) }
        return [
            ("list", with([])),
            ("help", with([.char("?")])),
            ("open", with([.char("o")] + "用户名很长的账号🚀".map(Key.char))),
            ("groups", with([.tab])),
            ("edit", with([.char("e")])),
            // The last field focused and an error shown: the rows a short terminal must scroll to.
            ("edit-error-scrolled", with([.char("e")] + "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三".map(Key.char) + [.enter]
                                         + Array(repeating: .tab, count: 33)) {
                _ = Reducer.reduce(&$0, .rosterLoaded(Roster(account: "demo_alice", friends: $0.friends, groups: many)))
            }),
            ("bulk", with([.char("b")])),
            // The group pane's forms over many long CJK names, one with an error, and a staged rename shown in the pane.
            ("group-rename-error", with([.tab, .char("j"), .char("r")] + String(repeating: "组", count: 11).map(Key.char) + [.enter]) {
                _ = Reducer.reduce(&$0, .rosterLoaded(Roster(account: "demo_alice", friends: $0.friends, groups: many)))
            }),
            ("group-merge", with([.tab, .char("j"), .char("r")] + "新名字🚀".map(Key.char) + [.enter, .char("j"), .char("m")]) {
                _ = Reducer.reduce(&$0, .rosterLoaded(Roster(account: "demo_alice", friends: $0.friends, groups: many)))
            }),
            ("group-delete", with([.tab, .char("s"), .char("G"), .char("d")])),
            ("group-operations-review", with([.tab, .char("j"), .char("d"), .char("y"), .char("j"), .char("r")] + "改名后的分组".map(Key.char)
                                              + [.enter, .escape, .char("c")])),
            ("changes", with([.char("e")] + "新的备注".map(Key.char) + [.enter, .char("c")])),
            ("submit", with([.char("e")] + "新的备注".map(Key.char) + [.enter, .char("S")])),
        ]
    }

    /// The group states really reached their overlays (a typo in the keys would test the plain list).
    @Test func theGroupStatesOpenTheirOverlays() {
        let states = Dictionary(uniqueKeysWithValues: Self.states())
        if case .groupForm(let f)? = states["group-rename-error"]?.overlay { #expect(f.error != nil) } else { Issue.record("no rename form") }
        if case .groupForm(let f)? = states["group-merge"]?.overlay { #expect(!f.choices.isEmpty) } else { Issue.record("no merge form") }
        if case .groupDelete? = states["group-delete"]?.overlay {} else { Issue.record("no delete confirmation") }
        #expect(states["group-operations-review"]?.overlay == .changes(cursor: 0) && states["group-operations-review"]?.groupOperations.count == 2)
    }

    static let sizes: [(Int, Int)] = {
        var out: [(Int, Int)] = []
        for w in 1...200 { for h in [1, 2, 3, 9, 10, 11, 12, 13, 14, 15, 16, 24, 60] { out.append((w, h)) } }
        for h in 1...60 { for w in [1, 2, 3, 49, 50, 51, 52, 80, 120, 200] { out.append((w, h)) } }
        return out
    }()

    @Test(arguments: states().map(\.0))
    func everyOverlayRendersWholeAtEverySize(_ name: String) {
        let base = Self.states().first { $0.0 == name }!.1
        var failures = 0
        for (w, h) in Self.sizes {
            var s = base
            _ = Reducer.reduce(&s, .resized(width: w, height: h))
            let canvas = Screen.render(s)
            #expect(canvas.width == w && canvas.height == h)
            for line in canvas.lines where DisplayWidth.of(line) != w {
                failures += 1
                if failures < 5 { Issue.record("\(name) at \(w)x\(h): \(line)") }
            }
        }
        #expect(failures == 0)
    }

    /// The edit form at 80x12, the size that crashed: the focused field stays in view as Tab walks the form.
    @Test func theEditFormScrollsToTheFocusedFieldOnAShortTerminal() {
        var s = RenderTests.state(width: 80, height: 12)
        _ = Reducer.reduce(&s, .rosterLoaded(Roster(account: "demo_alice", friends: s.friends,
                                                    groups: (1...12).map { GroupSummary(name: "g\($0)", count: 1) })))
        _ = Reducer.reduce(&s, .key(.char("e")))
        guard case .edit(let start) = s.overlay else { Issue.record("no form"); return }
        // Down walks the checklist group by group, then the fields after it.
        for _ in 0..<(1 + start.groupNames.count + start.customKeys.count) {
            _ = Reducer.reduce(&s, .key(.down))
            guard case .edit(let form) = s.overlay else { Issue.record("form closed"); return }
            let lines = Screen.render(s).lines
            let label = form.focus == form.newGroupIndex ? "New group"
                : form.focus > form.newGroupIndex ? form.customKeys[form.focus - form.newGroupIndex - 1]
                : "] " + (form.focusedGroup ?? "?")
            #expect(lines.contains { $0.contains(label) }, "focus \(form.focus) (\(label)) not in view")
            #expect(lines.contains { $0.contains("Tab/Shift-Tab move") }, "the hint row is gone")
        }
    }
}
