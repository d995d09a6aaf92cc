import ChatAPI
import ChatSandbox
import ContactDeskApp
import ContactDeskUI
import ContactEditing
import Foundation
import Testing
import TestSupport

/// The whole loop without tmux: keys in through a ScriptedTerminal, the reducer, effects against the
/// emulator over loopback with a journal and an audit log on disk, frames out.
@Suite struct RuntimeTests {
    struct Harness {
        let dir: URL
        let environment: AppEnvironment
        let journal: Journal
        let audit: AuditLog

        init(client: ChatClient) throws {
            dir = try CommandRunner.temporaryDirectory()
            journal = try Journal(url: dir.appendingPathComponent("journal.sqlite"))
            audit = try SubmitSession.openAudit(dir.appendingPathComponent("audit.sqlite"))
            environment = AppEnvironment(client: client, journal: .success(journal), audit: .success(audit), cache: nil,
                                         exportDirectory: dir.appendingPathComponent("exports"))
        }

        /// Runs the loop on a thread of its own until the script ends (or the operator quits), then stops it.
        func run(_ terminal: ScriptedTerminal, account: String = "demo_alice") async -> Runtime {
            var state = AppState(info: AppInfo(sdkAppID: TestCredentials.sdkAppID, endpoint: "test"), account: account)
            state.configuredFields = Set(DemoSeed.customFields)
            let runtime = Runtime(state: state, environment: environment, terminal: terminal)
            terminal.onFinish.withLock { $0 = { runtime.requestStop() } }
            await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                let thread = Thread { runtime.run(); done.resume() }
                thread.stackSize = 8 << 20
                thread.start()
            }
            return runtime
        }
    }

    @Test func openEditSubmitAndQuitThroughTheWholeLoop() async throws {
        try await TestSandbox.with(try TestSandbox.config(seed: .demo, customFields: DemoSeed.customFields)) { server, client in
            let h = try Harness(client: client)
            defer { try? FileManager.default.removeItem(at: h.dir) }
            let terminal = ScriptedTerminal(width: 100, height: 30, [
                .see("50 friends loaded"),
                .keys([.char("e")]), .see("Edit c0001"),
                .keys([.ctrl("u")]), .type("脚本测试"), .keys([.enter]),
                .see("│ 1 staged │"),
                .keys([.char("S")]), .see("y submit"), .keys([.char("y")]),
                .see("submitted: 1 ✓"),
                .keys([.char("q")]),
            ])
            let runtime = await h.run(terminal)
            #expect(terminal.failure == nil, "\(terminal.failure ?? "")")
            let quitting = runtime.state.quitting
            #expect(quitting && terminal.ended)
            #expect(terminal.screen.split(separator: "\n").contains { $0.contains("c0001") && $0.contains("脚本测试") && $0.contains("✓") })
            // The effects really ran: on the server, in the audit log, and the journal is empty again.
            let remark = try await client.friendGetList(account: "demo_alice", friends: ["c0001"], tags: [FriendTag.remark])[0]
                .snsProfileItem?.value(for: FriendTag.remark)?.stringValue
            #expect(remark == "脚本测试")
            #expect(try h.audit.records(account: "demo_alice").map(\.new) == ["脚本测试"])
            #expect(try h.journal.load(app: TestCredentials.sdkAppID, account: "demo_alice").isEmpty)
        }
    }

    /// Another client takes the account to 32 groups after the list was read: opening the form asks group_get, so
    /// the form offers the new groups and refuses a 33rd (it accepted one before).
    @Test func aFormChecksTheGroupLimitAgainstTheServersLatestList() async throws {
        try await TestSandbox.with(try TestSandbox.config(seed: .demo, customFields: DemoSeed.customFields)) { server, client in
            let h = try Harness(client: client)
            defer { try? FileManager.default.removeItem(at: h.dir) }
            let terminal = ScriptedTerminal([
                .see("50 friends loaded"),
                .perform("another client creating 24 groups") { _ = try await client.groupAdd(account: "demo_alice", groups: (1...24).map { "x\($0)" }) },
                .keys([.char("e")]), .see("Edit c0001"),
                .waitFor("the form offering the groups created elsewhere") { $0.contains("of 32") },
                .keys([.tab, .tab]), .type("新组"), .keys([.enter]),
                .see("the account would have 33 groups"),
                .keys([.escape, .char("q")]),
            ])
            let runtime = await h.run(terminal)
            #expect(terminal.failure == nil, "\(terminal.failure ?? "")")
            let groups = runtime.state.groups.count
            #expect(groups == 32)
        }
    }

    /// The edit form stays usable when the terminal shrinks to 80x12 while it is open (it crashed before).
    @Test func resizingWithTheEditFormOpen() async throws {
        try await TestSandbox.with(try TestSandbox.config(seed: .demo, customFields: DemoSeed.customFields)) { server, client in
            let h = try Harness(client: client)
            defer { try? FileManager.default.removeItem(at: h.dir) }
            let terminal = ScriptedTerminal([
                .see("50 friends loaded"),
                .keys([.char("e")]), .see("Edit c0001"),
                .resize(width: 80, height: 12), .waitFor("the form at 80x12") { $0.contains("Edit c0001") && $0.split(separator: "\n").count <= 12 },
                .keys(Array(repeating: .tab, count: 3)),   // remark, groups, new group, the first custom field
                .waitFor("a focused custom field in view") { $0.contains("Tier") || $0.contains("Ticket") },
                .resize(width: 20, height: 5), .see("Terminal too small"),
                .resize(width: 120, height: 40), .see("Edit c0001"),
                .keys([.escape, .char("q")]),
            ])
            let runtime = await h.run(terminal)
            #expect(terminal.failure == nil, "\(terminal.failure ?? "")")
            let quitting = runtime.state.quitting
            #expect(quitting)
            #expect(terminal.frames.allSatisfy { frame in frame.lines.allSatisfy { DisplayWidth.of($0) == frame.width } })
        }
    }

    /// A journal that refuses writes: the edit is not shown staged, and the reason is on screen.
    @Test func aRefusedJournalWriteIsShownAndNothingIsStaged() async throws {
        try await TestSandbox.with(try TestSandbox.config(seed: .demo, customFields: DemoSeed.customFields)) { server, client in
            let h = try Harness(client: client)
            defer { try? FileManager.default.removeItem(at: h.dir) }
            // Opened read-only, as on a remounted disk (root ignores file modes, so a chmod would not do).
            _ = try Journal(url: h.dir.appendingPathComponent("ro.sqlite"))
            let readOnly = try Journal(url: h.dir.appendingPathComponent("ro.sqlite"), readOnly: true)
            let environment = AppEnvironment(client: client, journal: .success(readOnly), audit: h.environment.audit, cache: nil,
                                             exportDirectory: h.dir)
            let terminal = ScriptedTerminal(width: 100, height: 30, [
                .see("50 friends loaded"),
                .keys([.char("e")]), .see("Edit c0001"),
                .keys([.ctrl("u")]), .type("不会保存"), .keys([.enter]),
                .waitFor("the form again with the reason") { $0.contains("Edit c0001") && $0.contains("不会保存") && $0.contains("is read-only") },
                .keys([.escape]), .keys([.char("q")]),
            ])
            let runtime = Runtime(state: AppState(info: AppInfo(sdkAppID: TestCredentials.sdkAppID, endpoint: "test"), account: "demo_alice"),
                                  environment: environment, terminal: terminal)
            terminal.onFinish.withLock { $0 = { runtime.requestStop() } }
            await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                Thread { runtime.run(); done.resume() }.start()
            }
            #expect(terminal.failure == nil, "\(terminal.failure ?? "")")
            let staged = runtime.state.history.current.count
            #expect(staged == 0)
        }
    }
}
