import ContactDeskUI
import ContactEditing
import Foundation
import Testing

/// The indexed filter and sort must show exactly the rows the plain definition does, and follow every change
/// to the friends (loads, nicknames, submits).
@Suite struct FriendIndexTests {
    static let names = ["田中", "Zoë", "bob", "BOB", "Ünal", "さくら", "🐼 panda", "alice", "", "VIP客户"]

    /// A deterministic mixed list, with ties on every sort column.
    static func friends(_ n: Int) -> [Friend] {
        (0..<n).map { i in
            Friend(id: String(format: "u%03d", (i * 37) % n), nickname: names[i % names.count], remark: names[(i / 3) % names.count] + " \(i % 4)",
                   groups: i % 3 == 0 ? [] : [["VIP", "Billing", "大阪"][i % 3], "G\(i % 2)"], custom: i % 5 == 0 ? ["Tier": "gold"] : [:])
        }
    }

    /// The definition: substring of id, nickname, remark or a group, case-insensitive; stable sort by the column.
    /// The plain definition of the operator's order: Chinese text by its pinyin (ICU's transliteration of the whole
    /// string, no cache), everything lowercased.
    static func pinyin(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0.properties.isIdeographic }) else { return s.lowercased() }
        return (s.applyingTransform(StringTransform("Han-Latin; Latin-ASCII"), reverse: false) ?? s).lowercased()
    }

    static func expected(_ s: AppState) -> [String] {
        let needle = s.filter.lowercased()
        let rows = s.friends.enumerated().filter { _, f in
            if let g = s.groupFilter, !f.groups.contains(g) { return false }
            if needle.isEmpty { return true }
            return ([f.id, f.nickname, f.remark] + f.groups).contains { $0.lowercased().contains(needle) }
        }
        func key(_ f: Friend) -> String {
            switch s.sort {
            case .userID: f.id.lowercased()
            case .nickname: pinyin(f.nickname)
            case .remark: pinyin(f.remark)
            case .groups: pinyin(f.groups.joined(separator: ","))
            }
        }
        return rows.sorted { a, b in
            let (ka, kb) = (key(a.element), key(b.element))
            if ka != kb { return s.descending ? ka > kb : ka < kb }
            return a.offset < b.offset
        }.map(\.element.id)
    }

    static func shown(_ s: AppState) -> [String] { s.visible.map { s.friends[$0].id } }

    static func loaded(_ friends: [Friend]) -> AppState {
        var s = AppState(info: AppInfo(sdkAppID: 1, endpoint: "t"), account: "a")
        _ = Reducer.open(&s, "a")
        _ = Reducer.reduce(&s, .rosterLoaded(Roster(account: "a", friends: friends, groups: [GroupSummary(name: "VIP", count: 1)])))
        return s
    }

    @Test func everyFilterSortAndGroupShowsWhatTheDefinitionSays() {
        var s = Self.loaded(Self.friends(60))
        for sort in SortColumn.allCases {
            for descending in [false, true] {
                for group in [nil, "VIP"] as [String?] {
                    for filter in ["", "u0", "BOB", "田", "zoë", "panda 🐼", "🐼", "vip", " 1", "大阪", "nothing", "ü"] {
                        s.sort = sort; s.descending = descending; s.groupFilter = group; s.filter = filter
                        s.refreshVisible()
                        #expect(Self.shown(s) == Self.expected(s), "sort \(sort) desc \(descending) group \(group ?? "-") filter \(filter)")
                    }
                }
            }
        }
    }

    @Test func theIndexFollowsEveryChangeToTheFriends() {
        var s = Self.loaded(Self.friends(30))
        s.filter = "neuer"
        s.refreshVisible()
        #expect(s.visible.isEmpty)
        // Pages appended while loading.
        _ = Reducer.reduce(&s, .rosterPage([Friend(id: "p1", remark: "Neuer Kunde")]))
        #expect(Self.shown(s) == ["p1"])
        // Nicknames arriving.
        s.filter = "späth"
        _ = Reducer.reduce(&s, .nicknames(["u001": "Späth"]))
        #expect(Self.shown(s) == ["u001"])
        // A submit that changed a remark on the server.
        s.filter = "umbenannt"
        let report = Submitter.Report(outcomes: ["u002": .ok], fresh: ["u002": Friend(id: "u002", remark: "umbenannt")])
        _ = Reducer.reduce(&s, .submitFinished(report, entries: [], account: s.account))
        #expect(Self.shown(s) == ["u002"])
        // A different list altogether, with a custom field nobody had before.
        _ = Reducer.reduce(&s, .rosterLoaded(Roster(account: "a", friends: [Friend(id: "x", remark: "umbenannt", custom: ["Note": "n"])])))
        #expect(Self.shown(s) == ["x"] && s.customFields.contains("Note") && !s.customFields.contains("Tier"))
    }

    @Test func pagesAndNicknamesThatArriveTogetherAreAppliedAsOne() {
        let a = [Friend(id: "a")], b = [Friend(id: "b")], c = [Friend(id: "c")]
        let actions: [Action] = [.rosterPage(a), .nicknames(["a": "A"]), .rosterPage(b), .nicknames(["b": "B"]), .tick,
                                 .rosterPage(c), .nicknames(["c": "C"])]
        #expect(Action.coalesced(actions) == [.rosterPage(a + b), .nicknames(["a": "A", "b": "B"]), .tick,
                                              .rosterPage(c), .nicknames(["c": "C"])])
        // Applied together or one by one, the screen ends the same.
        var one = AppState(info: AppInfo(sdkAppID: 1, endpoint: "t"), account: "a"), all = one
        for action in actions { _ = Reducer.reduce(&one, action) }
        for action in Action.coalesced(actions) { _ = Reducer.reduce(&all, action) }
        #expect(one.friends == all.friends && all.friends.map(\.nickname) == ["A", "B", "C"])
    }

    @Test func aCachedListIsShownThenConfirmedOrKeptWhenTheRefreshFails() {
        var s = AppState(info: AppInfo(sdkAppID: 1, endpoint: "t"), account: "a")
        _ = Reducer.open(&s, "a")
        let saved = Date(timeIntervalSince1970: 1_790_000_000)
        _ = Reducer.reduce(&s, .rosterCached(Roster(account: "a", friends: Self.friends(5)), savedAt: saved))
        #expect(s.visible.count == 5 && s.load.isLoading && s.cachedAt == saved)
        #expect(s.status?.text.hasPrefix("5 friends as saved ") == true && s.status?.text.hasSuffix("checking for changes…") == true)
        #expect(Screen.render(s).lines[0].contains("refreshing"))
        // The server cannot be reached: the list stays, and the status says it is the saved one.
        _ = Reducer.reduce(&s, .rosterFailed(.other("connection failed: refused")))
        #expect(s.visible.count == 5 && s.statusIsError)
        #expect(s.status?.text.hasPrefix("showing the list as saved ") == true
                && s.status?.text.hasSuffix("; refresh failed (R retries): connection failed: refused") == true)
        // A cached list for an account left behind is ignored; a confirmed one replaces it.
        _ = Reducer.reduce(&s, .rosterCached(Roster(account: "other", friends: []), savedAt: saved))
        #expect(s.friends.count == 5)
        _ = Reducer.reduce(&s, .rosterLoaded(Roster(account: "a", friends: Self.friends(6))))
        #expect(s.visible.count == 6 && s.load == .loaded && s.cachedAt == nil && s.status?.text == "6 friends loaded")
        #expect(!Screen.render(s).lines[0].contains("refreshing"))
    }
}
