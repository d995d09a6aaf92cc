import Foundation
import Testing
import TestSupport

/// Editing, staging, the journal across kill -9, bulk edits, undo/redo and the limits, in a real terminal.
@Suite(.serialized) struct EditingEndToEndTests {
    static func session(_ account: String, state: URL, extra: String = "") throws -> TmuxSession {
        try TUIEndToEndTests.session(term: "xterm-256color", account: account + extra, state: state)
    }

    /// The change-set screen's rows, without the header line that names the emulator's port.
    static func changeSetLines(_ t: TmuxSession) throws -> [String] {
        try t.send("c")
        // The footer is drawn last: waiting for it avoids reading a half-painted screen.
        let screen = try t.waitFor("the change-set screen") { $0.contains("Change set:") && $0.contains("Esc back") }
        try t.send("Escape")
        try t.waitFor("change set closed") { !$0.contains("Change set:") }
        return screen.split(separator: "\n").map(String.init).filter { $0.contains("->") && !$0.contains("Change set:") }
    }

    static func killContactDesk(_ t: TmuxSession) throws {
        kill(try #require(try t.childPID(named: "contactdesk")), SIGKILL)
    }

    @Test func aStagedChineseRemarkSurvivesKillMinus9() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let t = try Self.session("demo_alice", state: dir)
        try t.waitFor("50 friends loaded")
        try t.send("e")
        try t.waitFor("Edit c0001")
        try t.send("C-u")
        try t.send("老客户 王先生 🐼", literal: true)
        try t.waitFor("24/96")  // 3+3+3 +1+ 3+3+3 +1+ 4 bytes
        try t.send("Enter")
        try t.waitFor("│ 1 staged │")
        let before = try Self.changeSetLines(t)
        #expect(before.count == 1 && before[0].contains("\"老客户 王先生 🐼\""))

        try Self.killContactDesk(t)
        try t.waitFor("EXIT=137")

        let again = try Self.session("demo_alice", state: dir)
        try again.waitFor("Staged changes found")
        try again.send("r")
        // The list may finish loading before or after the prompt is answered: wait for both, in either order.
        try again.waitFor("resumed") { !$0.contains("Staged changes found") && $0.contains("│ 1 staged │") && $0.contains("│ 50 friends │") }
        #expect(try Self.changeSetLines(again) == before)
        // Staged edits are left: quit asks first (default No).
        try again.send("q")
        try again.waitFor("Quit ContactDesk?")
        try again.send("y")
        try again.waitFor("EXIT=0")
    }

    @Test func bulkAddAGroupToFiftyMarkedFriendsThenUndoAndRedo() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let t = try Self.session("demo_alice", state: dir)
        try t.waitFor("50 friends loaded")
        try t.send("a")
        try t.waitFor("50 marked")
        try t.send("b")
        try t.waitFor("Bulk edit 50 marked")
        try t.send("Q4 回访", literal: true)
        try t.waitFor("50 of 50 marked friends would change")
        try t.send("Enter")
        try t.waitFor("│ 50 staged │")
        try t.send("u")
        try t.waitFor("│ 0 staged │")
        try t.send("C-r")
        try t.waitFor("│ 50 staged │")
        let changes = try Self.changeSetLines(t)
        #expect(changes.count >= 10 && changes.allSatisfy { $0.contains("groups") })
        #expect(changes.contains { $0.contains("Q4 回访") })
        // Staged edits are left: quit asks first (default No).
        try t.send("q")
        try t.waitFor("Quit ContactDesk?")
        try t.send("y")
        try t.waitFor("EXIT=0")
    }

    @Test func aRemarkOverNinetySixBytesAndAThirtyThirdGroupAreRefused() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let t = try Self.session("demo_full", state: dir)
        try t.waitFor("40 friends loaded")
        try t.send("e")
        try t.waitFor("Edit c0001")
        try t.send("C-u")
        try t.send(String(repeating: "备", count: 32) + "x", literal: true)
        try t.waitFor("97/96")
        try t.send("Enter")
        try t.waitFor("Remark: 97 bytes, the limit is 96 bytes")
        try t.send("C-u")
        // Shift-Tab from the remark wraps to the last field: Tier, Ticket, then the new group.
        try t.send("BTab", "BTab", "BTab")
        try t.send("extra", literal: true)
        try t.send("Enter")
        try t.waitFor("the account would have 33 groups")
        try t.send("Escape")
        try t.waitFor("form closed") { !$0.contains("Edit c0001") && $0.contains("│ 0 staged │") }
        try t.send("q")
        try t.waitFor("EXIT=0")
    }

    @Test func anExportedChangeSetImportsIntoAFreshState() throws {
        let dir = try CommandRunner.temporaryDirectory(), fresh = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir); try? FileManager.default.removeItem(at: fresh) }
        let t = try Self.session("demo_alice", state: dir)
        try t.waitFor("50 friends loaded")
        try t.send("j", "Space", "j", "Space", "b")
        try t.waitFor("Bulk edit 2 marked")
        try t.send("VIP", literal: true)
        try t.send("Enter")
        try t.waitFor("│ 2 staged │") { $0.contains("│ 1 staged │") || $0.contains("│ 2 staged │") }
        let staged = try Self.changeSetLines(t)
        try t.send("c")
        try t.waitFor("Change set:")
        try t.send("x")
        try t.waitFor("exported to")
        let exports = dir.appendingPathComponent("state/contactdesk/exports")
        let files = try FileManager.default.contentsOfDirectory(atPath: exports.path).filter { $0.hasPrefix("changeset-demo_alice-") }
        #expect(files.count == 1)
        let path = exports.appendingPathComponent(try #require(files.first)).path
        try t.send("Escape")
        try t.waitFor("closed") { !$0.contains("Change set:") }
        // Staged edits are left: quit asks first (default No).
        try t.send("q")
        try t.waitFor("Quit ContactDesk?")
        try t.send("y")
        try t.waitFor("EXIT=0")

        let other = try Self.session("demo_alice", state: fresh, extra: " --import \(path)")
        try other.waitFor("Staged changes found")
        try other.send("r")
        try other.waitFor("resumed") { !$0.contains("Staged changes found") && $0.contains("│ 50 friends │") }
        #expect(try Self.changeSetLines(other) == staged)
        // Staged edits are left: quit asks first (default No).
        try other.send("q")
        try other.waitFor("Quit ContactDesk?")
        try other.send("y")
        try other.waitFor("EXIT=0")
    }
}
