import ChatAPI
import Foundation
import Testing
import TestSupport

/// The way out of 30011 in a real terminal: demo_full is at 32 groups, a row fails with 30011, the operator
/// deletes three empty groups from the pane (each confirmed), and the retry of that row succeeds.
@Suite(.serialized) struct GroupsEndToEndTests {
    @Test func deletingThreeEmptyGroupsFromThePaneLetsA30011RowThroughOnRetry() async throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let t = try TUIEndToEndTests.session(term: "xterm-256color", account: "demo_full", width: 130, height: 40, state: dir)
        let first = try t.waitFor("40 friends loaded")
        #expect(first.contains("groups 32/32"))
        let port = try #require(first.firstMatch(of: /127\.0\.0\.1:(\d+)/).map { String($0.1) })
        let other = try TestClients.make(baseURL: "http://127.0.0.1:\(port)")

        // Someone frees a slot; the operator reloads and puts c0001 in a new group (32 again).
        _ = try await other.groupDelete(account: "demo_full", groups: ["G01"])
        try t.send("R")
        try t.waitFor("groups 31/32")
        try t.send("e")
        try t.waitFor("Edit c0001")
        try t.send("BTab", "BTab", "BTab")
        try t.send("新组", literal: true)
        try t.send("Enter")
        try t.waitFor("│ 1 staged │")
        // The backend takes the slot back before the submit: the row fails with 30011.
        _ = try await other.groupAdd(account: "demo_full", groups: ["x1"])
        try t.send("S")
        try t.waitFor("y submit")
        try t.send("y")
        try t.waitFor("the 30011 row") { $0.contains("c0001: ✗ 30011 friend-list group limit reached (32)") }

        // Its detail offers the pane, emptiest first.
        try t.send("v")
        try t.waitFor("the offer") { $0.contains("press Tab to open the groups, emptiest") }
        try t.send("Tab")
        let pane = try t.waitFor("the pane by friends") { $0.contains("by friends") && $0.contains("n new") }
        #expect(pane.contains("d delete") && pane.contains("m merge"), "the footer shows the pane's keys")
        var deleted: [String] = []
        for _ in 0..<3 {
            try t.send("d")
            let confirm = try t.waitFor("the delete confirmation") { $0.contains("Delete the empty group") }
            let name = try #require(confirm.firstMatch(of: /Delete the empty group "([^"]+)"/).map { String($0.1) })
            deleted.append(name)
            try t.send("y")
            try t.waitFor("\(name) staged") { $0.contains("staged: delete group \(name)") }
            try t.send("j")
        }
        #expect(Set(deleted).count == 3 && !deleted.contains("x1"))
        try t.send("Escape")
        try t.waitFor("the pane closed") { !$0.contains("n new") }
        try t.send("c")
        // Waits for the whole overlay: a capture taken while it was being drawn showed its header over the pane.
        func row(_ name: String) -> String { "(groups) delete group  \(name) -> (deleted)  0 friends" }
        let review = try t.waitFor("the change set with the three deletes") { screen in
            screen.contains("Change set:") && screen.contains("3 group operations") && deleted.allSatisfy { screen.contains(row($0)) }
        }
        for name in deleted { #expect(review.contains(row(name)), "\(review)") }
        try t.send("Escape")
        try t.waitFor("change set closed") { !$0.contains("Change set:") }

        // The retry runs the deletes first, then the row.
        try t.send("r")
        let ask = try t.waitFor("the retry question") { $0.contains("and 3 group operations first") }
        #expect(ask.contains("y "))
        try t.send("y")
        let done = try t.waitFor("the retried row") { $0.contains("submitted: 4 ✓, 0 ✗") }
        // 31 read - 3 deleted + 新组; the screen has not read x1, made behind its back (the server has 30).
        #expect(done.contains("groups 29/32"), "\(done)")
        #expect(done.split(separator: "\n").contains { $0.contains("c0001") && $0.contains("新组") && $0.hasSuffix("✓") }, "\(done)")

        let groups = try await other.groupGet(account: "demo_full").resultItem?.map(\.groupName) ?? []
        #expect(groups.count == 30 && groups.contains("新组") && deleted.allSatisfy { !groups.contains($0) })
        try t.send("q")
        try t.waitFor("EXIT=0")
        let audit = try CommandRunner.run(["audit", "--account", "demo_full", "--format", "json"], environment: CommandRunner.environment(state: dir))
        let records = try JSONValue.parse(Data(audit.stdout.utf8)).elements
        #expect(records.filter { $0["field"]?.string == "group" && $0["code"]?.int == 0 }.compactMap { $0["old"]?.string } == deleted)
        #expect(records.filter { $0["friend"]?.string == "c0001" }.map { $0["code"]?.int } == [30011, 0])
    }
}
