import ContactDeskUI
import ContactEditing
import Foundation
import Testing
import TestSupport

/// Screens rendered into a Canvas at fixed sizes, compared with checked-in text snapshots.
@Suite struct RenderTests {
    static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    static func state(width: Int, height: Int) -> AppState {
        var s = AppState(info: AppInfo(sdkAppID: 1_400_000_000, endpoint: "demo 127.0.0.1:8080"), account: "demo_alice",
                         width: width, height: height)
        let friends = [
            Friend(id: "c0001", nickname: "黄芳", remark: "ramen shop owner 黄芳", groups: ["Billing", "大阪"], custom: ["Tier": "gold"]),
            Friend(id: "c0002", nickname: "Nguyễn An", remark: "账单联系人 Nguyễn An", groups: ["Billing"], custom: ["Tier": "gold", "Ticket": "T-7767"]),
            Friend(id: "c0003", nickname: "🍜 田中さくら", remark: "ramen shop owner 🍜 田中さくら and a very long remark that will be cut",
                   groups: ["取引先"], custom: ["Tier": "bronze"]),
            Friend(id: "c0004", nickname: "Priya 🚀", remark: "Billing contact Priya 🚀", groups: ["家人", "🎮 Gamers"]),
            Friend(id: "c0005", nickname: "👩‍💻 María José", remark: "", groups: []),
        ]
        _ = Reducer.reduce(&s, .rosterLoaded(Roster(account: "demo_alice", friends: friends, groups: [
            GroupSummary(name: "Billing", count: 2), GroupSummary(name: "大阪", count: 1), GroupSummary(name: "🎮 Gamers", count: 1),
        ])))
        _ = Reducer.reduce(&s, .key(.char("j")))
        _ = Reducer.reduce(&s, .key(.char(" ")))
        return s
    }

    func expectSnapshot(_ canvas: Canvas, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        if let problem = Snapshot.check(canvas.snapshot, named: name, in: Self.snapshots) {
            Issue.record(Comment(rawValue: problem), sourceLocation: sourceLocation)
        }
        // Every row is exactly the canvas width in display columns: no wide character spilled over.
        for line in canvas.lines { #expect(DisplayWidth.of(line) == canvas.width, "\(line)", sourceLocation: sourceLocation) }
    }

    @Test func friendListAt80x24() { expectSnapshot(Screen.render(Self.state(width: 80, height: 24)), "list-80x24") }
    @Test func friendListAt120x40() { expectSnapshot(Screen.render(Self.state(width: 120, height: 40)), "list-120x40") }

    @Test func filterTypingAt80x24() {
        var s = Self.state(width: 80, height: 24)
        for c in "/田中" { _ = Reducer.reduce(&s, .key(.char(c))) }
        expectSnapshot(Screen.render(s), "filter-80x24")
    }

    @Test func helpAt80x24() {
        var s = Self.state(width: 80, height: 24)
        _ = Reducer.reduce(&s, .key(.char("?")))
        expectSnapshot(Screen.render(s), "help-80x24")
    }

    @Test func openAccountDialogAndGroupPaneAt80x24() {
        var s = Self.state(width: 80, height: 24)
        _ = Reducer.reduce(&s, .key(.char("o")))
        for c in "用户" { _ = Reducer.reduce(&s, .key(.char(c))) }
        expectSnapshot(Screen.render(s), "open-account-80x24")
        _ = Reducer.reduce(&s, .key(.escape))
        _ = Reducer.reduce(&s, .key(.tab))
        expectSnapshot(Screen.render(s), "group-pane-80x24")
    }

    @Test func editFormAndChangeSetAt80x24() {
        var s = Self.state(width: 80, height: 24)
        s.configuredFields = ["Tier", "Ticket"]
        _ = Reducer.reduce(&s, .key(.char("k")))
        _ = Reducer.reduce(&s, .key(.char("e")))
        _ = Reducer.reduce(&s, .key(.ctrl("u")))
        for c in "老客户 🐼" { _ = Reducer.reduce(&s, .key(.char(c))) }
        expectSnapshot(Screen.render(s), "edit-form-80x24")
        _ = Reducer.reduce(&s, .key(.enter))
        expectSnapshot(Screen.render(s), "list-staged-80x24")
        _ = Reducer.reduce(&s, .key(.char("c")))
        expectSnapshot(Screen.render(s), "change-set-80x24")
    }

    @Test func tooSmall() {
        var s = Self.state(width: 80, height: 24)
        _ = Reducer.reduce(&s, .resized(width: 40, height: 10))
        expectSnapshot(Screen.render(s), "too-small-40x10")
    }

    @Test func rolesMarkTheSelectedAndMarkedRows() {
        let canvas = Screen.render(Self.state(width: 80, height: 24))
        #expect(canvas[0, 0].role == .header)
        #expect(canvas[10, 3].role == .rowMarked)     // c0002, marked by Space
        #expect(canvas[0, 3].text == "●")
        #expect(canvas[10, 4].role == .rowSelected)   // c0003: Space moved the cursor on
        #expect(canvas[10, 2].role == .row)
        #expect(canvas[0, 23].role == .footer)
    }
}
