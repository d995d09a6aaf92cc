import ContactDeskUI
import ContactEditing
import Foundation
import Testing

/// Behaviours mended after reviewing the whole change: cursor across a list swap, start-up problems,
/// stale error colour, column kinds, dialog bindings, read-only hints.
@Suite struct ReviewFixTests {
    @Test func theCursorStaysOnItsFriendWhenTheServerListReplacesTheCachedOne() {
        var s = AppState(info: AppInfo(sdkAppID: 1, endpoint: "t"), account: "a")
        _ = Reducer.open(&s, "a")
        let saved = [Friend(id: "a"), Friend(id: "b"), Friend(id: "c")]
        _ = Reducer.reduce(&s, .rosterCached(Roster(account: "a", friends: saved), savedAt: Date()))
        _ = Reducer.reduce(&s, .key(.char("j")))
        #expect(s.selected?.id == "b")
        // The server has a new friend first in its order: positions shift, the selection must not.
        _ = Reducer.reduce(&s, .rosterLoaded(Roster(account: "a", friends: [Friend(id: "x")] + saved)))
        #expect(s.selected?.id == "b")
    }

    @Test func startupProblemsStayUntilAKeyEvenAfterTheListLoads() {
        var s = AppState(info: AppInfo(sdkAppID: 1, endpoint: "t"), account: "a")
        s.startupProblems = "theme: no theme named \"nope\"; using the default theme"
        _ = Reducer.open(&s, "a")
        _ = Reducer.reduce(&s, .rosterLoaded(Roster(account: "a", friends: [Friend(id: "a")])))
        #expect(Screen.render(s).lines[s.height - 2].hasPrefix("theme: no theme named \"nope\""))
        _ = Reducer.reduce(&s, .resized(width: 100, height: 30))
        #expect(s.startupProblems != nil)
        _ = Reducer.reduce(&s, .key(.char("j")))
        #expect(s.startupProblems == nil && Screen.render(s).lines[s.height - 2].contains("1 friend loaded"))
    }

    @Test func clearingAnErrorClearsItsColour() {
        var s = ReducerTests.loaded()
        _ = Reducer.reduce(&s, .rosterFailed(.other("connection failed")))
        #expect(s.statusIsError)
        _ = Reducer.reduce(&s, .key(.char("R")))
        #expect(s.status == nil && !s.statusIsError)
    }

    @Test func aCustomFieldNamedLikeABuiltInColumnIsNotTakenForIt() {
        var s = ReducerTests.loaded()
        s.configuredFields = ["Remark", "Result"]
        s.width = 120
        s.sort = .remark
        s.refreshVisible()
        let heading = Screen.render(s).lines[1]
        #expect(heading.components(separatedBy: "Remark↑").count == 2, "one arrow, on the built-in column: \(heading)")
    }

    @Test func keysBoundToDialogAcceptAndCancelWorkInForms() {
        var s = AppState(info: AppInfo(sdkAppID: 1, endpoint: "t"), account: "a",
                         keyMap: KeyMap(overrides: ["dialog.accept": ["Ctrl-S"], "dialog.cancel": ["Ctrl-G"]]))
        _ = Reducer.open(&s, "a")
        _ = Reducer.reduce(&s, .rosterLoaded(Roster(account: "a", friends: [Friend(id: "a", remark: "old")])))
        _ = Reducer.reduce(&s, .key(.char("e")))
        _ = Reducer.reduce(&s, .key(.ctrl("g")))
        #expect(s.overlay == .none)
        _ = Reducer.reduce(&s, .key(.char("e")))
        _ = Reducer.reduce(&s, .key(.ctrl("u")))
        for c in "新" { _ = Reducer.reduce(&s, .key(.char(c))) }
        _ = Reducer.reduce(&s, .key(.ctrl("s")))
        #expect(s.overlay == .none && s.history.current.count == 1)
    }

    @Test func readOnlyFootersShowNoHintsForActionsItHasNot() {
        var s = AppState(info: AppInfo(sdkAppID: 1, endpoint: "t", readOnly: true), account: "a",
                         keyMap: KeyMap(overrides: [:], readOnly: true))
        _ = Reducer.open(&s, "a")
        _ = Reducer.reduce(&s, .rosterLoaded(Roster(account: "a", friends: [Friend(id: "a")])))
        let footer = Screen.render(s).lines[s.height - 1]
        #expect(!footer.contains("edit") && !footer.contains("bulk") && !footer.contains("undo") && footer.contains("quit"), "\(footer)")
        #expect(!footer.trimmingCharacters(in: .whitespaces).contains("   "), "no hint without its key: \(footer)")
    }
}
