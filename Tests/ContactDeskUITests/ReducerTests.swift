import ContactDeskUI
import ContactEditing
import Testing
import TestSupport

/// Each action's exact effect on the state.
@Suite struct ReducerTests {
    static let friends = [
        Friend(id: "c3", nickname: "王芳", remark: "VIP客户", groups: ["VIP"], custom: ["Tier": "gold"]),
        Friend(id: "c1", nickname: "Bob", remark: "billing", groups: ["Billing", "VIP"]),
        Friend(id: "c2", nickname: "🐼 Zoë", remark: "", groups: []),
    ]

    static func loaded(height: Int = 24) -> AppState {
        var s = AppState(info: AppInfo(sdkAppID: 1, endpoint: "test"), account: "a", height: height)
        _ = Reducer.open(&s, "a")
        _ = Reducer.reduce(&s, .rosterLoaded(Roster(account: "a", friends: friends,
                                                    groups: [GroupSummary(name: "VIP", count: 2), GroupSummary(name: "Billing", count: 1)])))
        return s
    }

    func ids(_ s: AppState) -> [String] { s.visible.map { s.friends[$0].id } }

    @Test func openingAnAccountClearsItAndAsksForItsRoster() {
        var s = Self.loaded()
        s.marked = ["c1"]
        s.filter = "x"
        let effects = Reducer.open(&s, "b")
        #expect(effects == [.loadRoster(account: "b"), .loadJournal(account: "b")])
        var fresh = AccountState()
        fresh.load = .loading(received: 0)
        // Nothing worth keeping (no results, no submit): the account left is forgotten.
        #expect(s.account == "b" && s.current == fresh && s.others.isEmpty && s.status == nil)
    }

    /// An account left with results (or a submit running) is kept whole and comes back as it was.
    @Test func anAccountLeftWithResultsComesBackAsItWas() {
        var s = Self.loaded()
        s.marked = ["c1"]
        s.results = ["c1": .ok, "c2": .failed(code: 30011, info: "")]
        let before = s.current
        _ = Reducer.open(&s, "b")
        #expect(s.others == ["a": before] && s.results.isEmpty && s.marked.isEmpty)
        let effects = Reducer.open(&s, "a")
        // Its change set is the journal's already: the roster is refreshed, no resume prompt is asked for.
        #expect(effects == [.loadRoster(account: "a")])
        #expect(s.results == before.results && s.marked == ["c1"] && s.friends == before.friends && s.others.isEmpty)
        // Opening the account on screen again starts it afresh and keeps no stale copy to come back later.
        _ = Reducer.open(&s, "a")
        _ = Reducer.open(&s, "b")
        #expect(s.others.isEmpty)
        #expect(Reducer.open(&s, "a") == [.loadRoster(account: "a"), .loadJournal(account: "a")] && s.results.isEmpty)
        // A submit still running is not forgotten by reopening its account: S stays blocked, quit still asks.
        s.submitting = SubmitProgress(done: 1, total: 5)
        _ = Reducer.open(&s, "a")
        #expect(s.submitting == SubmitProgress(done: 1, total: 5) && s.anySubmitRunning)
    }

    @Test func loadingShowsRowsAsTheyArriveThenTheWholeList() {
        var s = AppState(info: AppInfo(sdkAppID: 1, endpoint: "t"), account: "a")
        _ = Reducer.open(&s, "a")
        assertReduce(&s, .rosterPage(Array(Self.friends.prefix(1)))) {
            $0.friends = Array(Self.friends.prefix(1)); $0.load = .loading(received: 1); $0.refreshVisible()
        }
        assertReduce(&s, .rosterPage(Array(Self.friends.dropFirst().prefix(1)))) {
            $0.friends = Array(Self.friends.prefix(2)); $0.load = .loading(received: 2); $0.refreshVisible()
        }
        #expect(ids(s) == ["c1", "c3"])
        assertReduce(&s, .nicknames(["c1": "Bobby"])) { $0.friends[1].nickname = "Bobby"; $0.refreshVisible() }
        assertReduce(&s, .rosterLoaded(Roster(account: "a", friends: Self.friends))) {
            $0.friends = Self.friends; $0.load = .loaded; $0.status = .loaded(friends: 3); $0.refreshVisible()
        }
        #expect(ids(s) == ["c1", "c2", "c3"])
        // A late roster for another account changes nothing at all.
        assertReduce(&s, .rosterLoaded(Roster(account: "other", friends: [])))
    }

    @Test func aLoadFailureShowsTheMessageAsAnError() {
        var s = Self.loaded()
        assertReduce(&s, .rosterFailed(.other("sns/friend_get: 30003 account does not exist"))) {
            $0.load = .failed("sns/friend_get: 30003 account does not exist")
            $0.status = .loadFailed(.other("sns/friend_get: 30003 account does not exist"), savedAt: nil)
        }
        #expect(s.statusIsError)
    }

    @Test func movementStaysInsideTheList() {
        var s = Self.loaded()
        assertReduce(&s, .key(.char("k")))
        assertReduce(&s, .key(.char("j"))) { $0.cursor = 1 }
        assertReduce(&s, .key(.down)) { $0.cursor = 2 }
        assertReduce(&s, .key(.down))
        assertReduce(&s, .key(.char("g"))) { $0.cursor = 0 }
        assertReduce(&s, .key(.char("G"))) { $0.cursor = 2 }
        #expect(s.selected?.id == "c3")
    }

    @Test func scrollingFollowsTheCursorOnASmallScreen() {
        var s = AppState(info: AppInfo(sdkAppID: 1, endpoint: "t"), account: "a", height: 10)
        _ = Reducer.reduce(&s, .rosterLoaded(Roster(account: "a", friends: (0..<30).map { Friend(id: String(format: "u%02d", $0)) })))
        #expect(s.listHeight == 6)
        for _ in 0..<8 { _ = Reducer.reduce(&s, .key(.char("j"))) }
        #expect(s.cursor == 8 && s.scroll == 3)
        _ = Reducer.reduce(&s, .key(.pageDown))
        #expect(s.cursor == 14 && s.scroll == 9)
        _ = Reducer.reduce(&s, .key(.end))
        #expect(s.cursor == 29 && s.scroll == 24)
        _ = Reducer.reduce(&s, .resized(width: 80, height: 24))
        #expect(s.scroll <= s.cursor && s.cursor < s.scroll + s.listHeight)
    }

    @Test func filteringIsIncrementalOverIdNicknameRemarkAndGroups() {
        var s = Self.loaded()
        _ = Reducer.reduce(&s, .key(.char("/")))
        #expect(s.filtering)
        _ = Reducer.reduce(&s, .key(.char("v")))
        #expect(ids(s) == ["c1", "c3"])  // group VIP and remark VIP客户
        _ = Reducer.reduce(&s, .key(.char("i")))
        _ = Reducer.reduce(&s, .key(.char("p")))
        _ = Reducer.reduce(&s, .key(.char("客")))
        #expect(ids(s) == ["c3"] && s.filter == "vip客")
        _ = Reducer.reduce(&s, .key(.backspace))
        #expect(s.filter == "vip" && ids(s) == ["c1", "c3"])
        _ = Reducer.reduce(&s, .key(.enter))
        #expect(!s.filtering && s.filter == "vip")
        // Keys are list keys again; Esc clears the kept filter.
        _ = Reducer.reduce(&s, .key(.char("j")))
        #expect(s.cursor == 1)
        _ = Reducer.reduce(&s, .key(.escape))
        #expect(s.filter.isEmpty && ids(s) == ["c1", "c2", "c3"])
        // While typing, Esc clears and leaves typing mode; a nickname with emoji matches too.
        _ = Reducer.reduce(&s, .key(.char("/")))
        _ = Reducer.reduce(&s, .key(.char("🐼")))
        #expect(ids(s) == ["c2"])
        _ = Reducer.reduce(&s, .key(.escape))
        #expect(!s.filtering && s.filter.isEmpty && ids(s).count == 3)
    }

    @Test func sortCyclesColumnsAndReverses() {
        var s = Self.loaded()
        #expect(s.sort == .userID && ids(s) == ["c1", "c2", "c3"])
        _ = Reducer.reduce(&s, .key(.char("s")))
        #expect(s.sort == .nickname && ids(s) == ["c1", "c3", "c2"])  // "bob" < "王芳" < "🐼 zoë": case-insensitive code points
        _ = Reducer.reduce(&s, .key(.char("s")))
        #expect(s.sort == .remark && ids(s) == ["c2", "c1", "c3"])
        _ = Reducer.reduce(&s, .key(.char("~")))
        #expect(s.descending && ids(s) == ["c3", "c1", "c2"] && s.status?.text == "sorted by Remark, descending")
        // The selected friend stays selected across a re-sort.
        _ = Reducer.reduce(&s, .key(.char("G")))
        let selected = s.selected?.id
        _ = Reducer.reduce(&s, .key(.char("~")))
        #expect(s.selected?.id == selected)
    }

    @Test func markingOneAllShownAndInverting() {
        var s = Self.loaded()
        assertReduce(&s, .key(.char(" "))) { $0.marked = ["c1"]; $0.cursor = 1 }
        assertReduce(&s, .key(.char("a"))) { $0.marked = ["c1", "c2", "c3"] }
        assertReduce(&s, .key(.char("a"))) { $0.marked = [] }
        s.marked = ["c1"]
        assertReduce(&s, .key(.char("i"))) { $0.marked = ["c2", "c3"] }
        // Mark all acts on the shown rows only.
        s.marked = []
        s.filter = "billing"
        s.refreshVisible()
        assertReduce(&s, .key(.char("a"))) { $0.marked = ["c1"] }
    }

    @Test func theGroupPaneFiltersByGroup() {
        var s = Self.loaded()
        assertReduce(&s, .key(.tab)) { $0.overlay = .groupPane(index: 0) }
        assertReduce(&s, .key(.char("j"))) { $0.overlay = .groupPane(index: 1) }
        assertReduce(&s, .key(.enter)) { $0.overlay = .none; $0.groupFilter = "VIP"; $0.refreshVisible() }
        #expect(ids(s) == ["c1", "c3"])
        assertReduce(&s, .key(.tab)) { $0.overlay = .groupPane(index: 1) }
        assertReduce(&s, .key(.char("g"))) { $0.overlay = .groupPane(index: 0) }
        assertReduce(&s, .key(.enter)) { $0.overlay = .none; $0.groupFilter = nil; $0.refreshVisible() }
        #expect(ids(s).count == 3)
    }

    @Test func openingAnotherAccountChecksItFirst() {
        var s = Self.loaded()
        assertReduce(&s, .key(.char("o"))) { $0.overlay = .openAccount(input: "", error: nil, checking: false) }
        assertReduce(&s, .key(.enter)) { $0.overlay = .openAccount(input: "", error: "type a UserID", checking: false) }
        for c in "bo" { _ = Reducer.reduce(&s, .key(.char(c))) }
        assertReduce(&s, .key(.char("b"))) { $0.overlay = .openAccount(input: "bob", error: nil, checking: false) }
        assertReduce(&s, .key(.enter), effects: [.checkAccount("bob")]) { $0.overlay = .openAccount(input: "bob", error: nil, checking: true) }
        assertReduce(&s, .accountChecked(id: "bob", exists: false)) {
            $0.overlay = .openAccount(input: "bob", error: "account bob does not exist in this app (account_check: NotImported)", checking: false)
        }
        _ = Reducer.reduce(&s, .key(.enter))
        #expect(Reducer.reduce(&s, .accountChecked(id: "bob", exists: true)) == [.loadRoster(account: "bob"), .loadJournal(account: "bob")])
        #expect(s.overlay == .none && s.account == "bob")
        // Too long is refused before any call.
        _ = Reducer.reduce(&s, .key(.char("o")))
        for _ in 0..<33 { _ = Reducer.reduce(&s, .key(.char("x"))) }
        assertReduce(&s, .key(.enter)) {
            $0.overlay = .openAccount(input: String(repeating: "x", count: 33), error: "a UserID is at most 32 bytes; this one is 33", checking: false)
        }
        assertReduce(&s, .key(.escape)) { $0.overlay = .none }
    }

    @Test func refreshRereadsTheRowsButKeepsStagedChangesMarksAndFilter() {
        var s = Self.loaded()
        s.marked = ["c1"]
        s.filter = "vip"
        s.refreshVisible()
        s.history.apply { $0.stage(EntryKey(app: 1, account: "a", friend: "c1", field: .remark), base: .text("billing"), intent: .set("x")) }
        #expect(Reducer.reduce(&s, .key(.char("R"))) == [.loadRoster(account: "a", full: true)])
        #expect(s.history.current.count == 1 && s.history.canUndo && s.marked == ["c1"] && s.filter == "vip")
        #expect(s.load == .loading(received: 0))
    }

    @Test func helpRefreshAndQuit() {
        var s = Self.loaded()
        assertReduce(&s, .key(.char("?"))) { $0.overlay = .help(scroll: 0) }
        assertReduce(&s, .key(.char("j"))) { $0.overlay = .help(scroll: 1) }
        assertReduce(&s, .key(.char("q"))) { $0.overlay = .none }  // closes help, does not quit
        assertReduce(&s, .key(.char("R")), effects: [.loadRoster(account: "a", full: true)]) { $0.load = .loading(received: 0); $0.status = nil }
        assertReduce(&s, .key(.char("q")), effects: [.quit]) { $0.quitting = true }
    }

    @Test func resizeKeepsTheDialogOpen() {
        var s = Self.loaded()
        _ = Reducer.reduce(&s, .key(.char("o")))
        _ = Reducer.reduce(&s, .resized(width: 40, height: 10))
        #expect(s.isTooSmall && s.overlay == .openAccount(input: "", error: nil, checking: false))
        _ = Reducer.reduce(&s, .resized(width: 80, height: 24))
        #expect(!s.isTooSmall && s.overlay == .openAccount(input: "", error: nil, checking: false))
    }
}
