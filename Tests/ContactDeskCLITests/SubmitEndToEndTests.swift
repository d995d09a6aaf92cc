import ChatAPI
import Foundation
import Testing
import TestSupport

/// Submit in a real terminal: three staged friends, a second client fills the account's groups, results inline.
@Suite(.serialized) struct SubmitEndToEndTests {
    @Test func twoAppliedOneOverTheGroupLimitAndAllAudited() async throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let t = try TUIEndToEndTests.session(term: "xterm-256color", account: "demo_alice", width: 120, height: 30, state: dir)
        let first = try t.waitFor("50 friends loaded")
        for (i, remark) in ["一号", "二号"].enumerated() {
            if i > 0 { try t.send("j") }
            try t.send("e")
            try t.waitFor("Edit c000\(i + 1)")
            try t.send("C-u")
            try t.send(remark, literal: true)
            try t.send("Enter")
            try t.waitFor("│ \(i + 1) staged │")
        }
        try t.send("j", "e")
        try t.waitFor("Edit c0003")
        try t.send("BTab", "BTab", "BTab")
        try t.send("新组", literal: true)
        try t.send("Enter")
        try t.waitFor("│ 3 staged │")

        // A second client (the app's backend, say) creates 24 groups: demo_alice now has 32.
        let port = try #require(first.firstMatch(of: /127\.0\.0\.1:(\d+)/).map { String($0.1) })
        let other = try TestClients.make(baseURL: "http://127.0.0.1:\(port)")
        _ = try await other.groupAdd(account: "demo_alice", groups: (1...24).map { "x\($0)" })

        try t.send("S")
        try t.waitFor("y submit")
        try t.send("y")
        let done = try t.waitFor("submitted: 2 ✓, 1 ✗")
        let rows = done.split(separator: "\n")
        #expect(rows.contains { $0.contains("c0001") && $0.hasSuffix("✓") })
        #expect(rows.contains { $0.contains("c0002") && $0.hasSuffix("✓") })
        #expect(rows.contains { $0.contains("c0003") && $0.contains("✗ 30011 friend-list group limit reached (32)") }, "\(done)")
        #expect(done.contains("│ 1 staged │"))   // the failed row stays staged
        try t.send("q")
        try t.waitFor("EXIT=0")

        let audit = try CommandRunner.run(["audit", "--account", "demo_alice", "--format", "json"],
                                          environment: CommandRunner.environment(state: dir))
        let records = try JSONValue.parse(Data(audit.stdout.utf8)).elements
        #expect(records.map { $0["friend"]?.string } == ["c0001", "c0002", "c0003"])
        #expect(records.map { $0["code"]?.int } == [0, 0, 30011])
        #expect(records[0]["new"] == .string("一号"))
    }
}
