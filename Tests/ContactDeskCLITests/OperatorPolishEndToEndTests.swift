import ChatAPI
import Foundation
import Testing
import TestSupport

/// The operator-polish work in a real terminal: keys as tmux sends them under a TERM that names others, the
/// terminal cursor in fields, the layout after a submit at three widths, a conflict's detail, change-set paging
/// and a bulk no-op; and no miscounted noun on any screen seen along the way.
@Suite(.serialized) struct OperatorPolishEndToEndTests {
    /// Nouns counted wrong, as an operator found them.
    static let miscounts = ["1 friends", "1 rows", "1 conflicts", "1 marked friends", "1 bytes", "1 changes", "1 matches", "1 groups"]

    static func expectWellCounted(_ screens: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        for screen in screens {
            for bad in miscounts {
                #expect(!screen.contains(" " + bad), "\"\(bad)\" on screen:\n\(screen)", sourceLocation: sourceLocation)
            }
        }
    }

    /// A terminal that cannot draw the screen ends before anything starts, with the reason and exit 2.
    @Test func aTerminalWithoutCursorAddressingOrNoTermIsRefused() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let dumb = try CommandRunner.run(["--demo"], environment: CommandRunner.environment(state: dir, extra: ["TERM": "dumb"]))
        #expect(dumb.status == 2 && dumb.stderr.contains("TERM=dumb cannot move the cursor") && !dumb.stderr.contains("Usage"), "\(dumb.stderr)")
        let unset = try CommandRunner.run(["--demo"], environment: CommandRunner.environment(state: dir))
        #expect(unset.status == 2 && unset.stderr.contains("TERM is not set"), "\(unset.stderr)")
    }

    /// A TERM without a terminfo entry here runs on a stand-in and says so on the status line.
    @Test func aTermWithoutTerminfoRunsOnAStandIn() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let t = try TUIEndToEndTests.session(term: "xterm-nosuchterm", account: "demo_alice", state: dir)
        let screen = try t.waitFor("TERM=xterm-nosuchterm has no terminfo here; using xterm-256color")
        #expect(screen.contains("UserID"))
        try t.send("q")
        try t.waitFor("EXIT=0")
    }

    /// Under tmux, Home and End arrive as ESC[1~ and ESC[4~ while xterm-256color's terminfo names ESC OH and ESC OF.
    @Test func homeEndAndTheCursorUnderTmuxWithXterm256color() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let t = try TUIEndToEndTests.session(term: "xterm-256color", account: "demo_alice", state: dir)
        var seen = [try t.waitFor("50 friends loaded")]
        try t.send("End")
        try t.send("e")
        seen.append(try t.waitFor("Edit c0050"))
        try t.send("Escape")
        try t.waitFor("form closed") { !$0.contains("Edit c0050") }
        try t.send("Home")
        try t.send("e")
        try t.waitFor("Edit c0001")
        // In a text field: Home and End move, they type nothing.
        try t.send("C-u")
        try t.send("abc", literal: true)
        try t.send("Home")
        try t.send("X", literal: true)
        try t.send("End")
        try t.send("Y", literal: true)
        let typed = try t.waitFor("XabcY")
        #expect(!typed.contains("1~") && !typed.contains("4~"))
        // The terminal's own cursor stands on the X after Home, and the X is drawn.
        try t.send("Home")
        var position: [Int] = []
        let deadline = ContinuousClock.now + .seconds(10)
        repeat {
            position = try t.tmux(["display-message", "-p", "-t", t.name, "#{cursor_x} #{cursor_y} #{cursor_flag}"])
                .split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            if position.count == 3, let line = try t.capture().split(separator: "\n", omittingEmptySubsequences: false)[safe: position[1]],
               Array(line)[safe: position[0]] == "X" { break }
            Thread.sleep(forTimeInterval: 0.05)
        } while ContinuousClock.now < deadline
        let line = try t.capture().split(separator: "\n", omittingEmptySubsequences: false)[safe: position[safe: 1] ?? 0] ?? ""
        #expect(position.count == 3 && position[2] == 1, "cursor flag: \(position)")
        #expect(position.count == 3 && Array(line)[safe: position[0]] == "X", "cursor at \(position) on \(line)")
        // Escape alone: Escape and a key in one burst read as Alt-key.
        try t.send("Escape")
        try t.waitFor("form closed") { !$0.contains("Edit c0001") }
        try t.send("q")
        try t.waitFor("EXIT=0")
        Self.expectWellCounted(seen)
    }

    /// After a submit with one applied row and one conflict: 200, 120 and 80 columns keep the custom fields, wide
    /// screens show the result in words, and the conflict's detail shows the server's value beside the operator's.
    @Test func theLayoutAfterASubmitAndAConflictsDetail() async throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let env = CommandRunner.environment(state: dir, extra: [KeyLoader.variable: TestCredentials.keyText])
        let sandbox = try BackgroundProcess(["sandbox"], environment: env)
        defer { sandbox.stop() }
        let url = try #require(sandbox.firstLine())
        let t = try EmulatorSession.tui(url, env: env, width: 200, height: 60)
        var seen = [try t.waitFor("50 friends loaded")]
        for (id, remark) in [("c0001", "mine"), ("c0002", "two")] {
            try EmulatorSession.stageRemark(t, friend: id, remark)
            try t.send("j")
        }
        // Someone else changes c0001's remark meanwhile.
        let client = try TestClients.make(baseURL: url)
        _ = try await client.friendUpdate(account: "demo_alice", items: [UpdateItem(toAccount: "c0001", snsItem: [TagValue(tag: FriendTag.remark, value: .string("theirs"))])])
        try t.send("S")
        try t.waitFor("y submit")
        try t.send("y")
        let wide = try t.waitFor("submitted: 1 ✓, 0 ✗, 1 conflict")
        seen.append(wide)
        let heading = wide.split(separator: "\n")[1]
        #expect(heading.contains("Ticket") && heading.contains("Tier") && heading.contains("Result"), "\(heading)")
        #expect(wide.split(separator: "\n").contains { $0.contains("c0002") && $0.contains("two") && $0.hasSuffix("✓") }, "\(wide)")
        // The conflict's detail: what was staged from, what the server has now, and mine.
        try t.send("Home")
        try t.send("v")
        let detail = try t.waitFor("on the server now:")
        #expect(detail.contains("on the server now:  \"theirs\"") && detail.contains("yours:              \"mine\""), "\(detail)")
        try t.send("Escape")
        try t.waitFor("detail closed") { !$0.contains("on the server now:") }
        for (w, h) in [(120, 40), (80, 24)] {
            try t.resize(width: w, height: h)
            let screen = try t.waitFor("\(w) columns") { $0.split(separator: "\n").first.map { $0.count <= w } == true && $0.contains("Tier") }
            let head = screen.split(separator: "\n")[1]
            #expect(head.contains("Ticket") && head.contains("Tier"), "\(w)x\(h): \(head)")
            #expect(screen.split(separator: "\n").contains { $0.contains("c0002") && $0.contains("✓") }, "\(screen)")
            seen.append(screen)
        }
        try t.send("q")
        try t.waitFor("Quit ContactDesk?")
        try t.send("y")
        try t.waitFor("EXIT=0")
        Self.expectWellCounted(seen)
    }

    /// A bulk change that touches nobody stages nothing and says so; 50 staged changes page and search.
    @Test func aBulkNoOpAndChangeSetPaging() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let t = try TUIEndToEndTests.session(term: "xterm-256color", account: "demo_alice", state: dir)
        var seen = [try t.waitFor("50 friends loaded")]
        try t.send("a")
        try t.waitFor("50 marked")
        try t.send("b")
        try t.waitFor("Bulk edit")
        try t.send("Up")
        try t.send("Right")
        try t.waitFor("Remove from group")
        try t.send("Down")
        try t.send("Nobody", literal: true)
        seen.append(try t.waitFor("0 of 50 marked friends would change"))
        try t.send("Enter")
        seen.append(try t.waitFor("nothing to stage: no marked friend is in \"Nobody\""))
        try t.send("Escape")
        let after = try t.waitFor("form closed") { !$0.contains("Bulk edit") }
        #expect(after.contains("│ 0 staged │"))
        try t.send("u")
        seen.append(try t.waitFor("nothing to undo"))
        try t.send("b")
        try t.waitFor("Bulk edit")
        try t.send("Zed", literal: true)
        try t.send("Enter")
        try t.waitFor("│ 50 staged │")
        try t.send("c")
        seen.append(try t.waitFor("1/50"))
        try t.send("G")
        seen.append(try t.waitFor("50/50"))
        try t.send("g")
        try t.waitFor("1/50")
        try t.send("NPage")
        let paged = try t.waitFor("a page down") { !$0.contains("1/50") && !$0.contains("50/50") && $0.contains("/50") }
        seen.append(paged)
        try t.send("/")
        try t.send("c0042", literal: true)
        try t.send("Enter")
        seen.append(try t.waitFor("42/50"))
        try t.send("Escape")
        try t.waitFor("back on the list") { !$0.contains("Change set:") }
        try t.send("q")
        try t.waitFor("Quit ContactDesk?")
        try t.send("y")
        try t.waitFor("EXIT=0")
        Self.expectWellCounted(seen)
    }
}

extension Collection {
    subscript(safe i: Index) -> Element? { indices.contains(i) ? self[i] : nil }
}
