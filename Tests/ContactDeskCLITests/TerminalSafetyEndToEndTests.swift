import ChatAPI
import Foundation
import Testing
import TestSupport

/// Any terminal, any SSH client: server text full of escape sequences reaches no terminal raw (friends list in
/// three formats, the TUI under tmux: window title and clipboard untouched, the text visible escaped); y copies
/// the UserID into tmux's buffer with OSC 52; TERMs a jump host lacks open the demo; --ascii and --colors.
@Suite(.serialized) struct TerminalSafetyEndToEndTests {
    /// A nickname that would retitle the window, clear the screen, write the clipboard, start a C1 CSI and
    /// reverse the line; a remark with every C0 control and DEL; a custom value with every C1 control.
    static let evilNickname = "\u{202e}\u{2066}evil\u{1b}]0;PWNED\u{07}\u{1b}[2J\u{1b}]52;c;cHduZWQ=\u{07}\u{9b}31m"
    static let evilRemark = String(String.UnicodeScalarView((0x01...0x1F).compactMap(Unicode.Scalar.init))) + "\u{7f}end"
    static let evilCustom = String(String.UnicodeScalarView((0x80...0x9F).compactMap(Unicode.Scalar.init)))

    /// Bytes a terminal would act on: C0 but line ends, DEL, C1 (UTF-8 C2 80–9F), bidi overrides (E2 80 AA–AE, E2 81 A6–A9).
    static func controls(in text: String, allowCR: Bool = false) -> [String] {
        text.unicodeScalars.filter { u in
            if u.value == 0x0A || (allowCR && u.value == 0x0D) { return false }
            return ServerText.needsEscape(u)
        }.map { "U+" + String($0.value, radix: 16) }
    }

    /// The emulator with c0001 of demo_alice made evil through the API, as an app's end user could.
    static func evilEmulator(_ env: [String: String]) async throws -> (BackgroundProcess, String) {
        let sandbox = try BackgroundProcess(["sandbox"], environment: env)
        let url = try #require(sandbox.firstLine())
        let client = try TestClients.make(baseURL: url)
        _ = try await client.call(Command("profile/portrait_set", isWrite: true), account: "c0001",
                                  ["From_Account": JSONValue.string("c0001"),
                                   "ProfileItem": .array([.object(["Tag": .string(FriendTag.nick), "Value": .string(evilNickname)])])],
                                  as: EmptyPayload.self)
        _ = try await client.friendUpdate(account: "demo_alice", items: [UpdateItem(toAccount: "c0001", snsItem: [
            TagValue(tag: FriendTag.remark, value: .string(evilRemark)), TagValue(tag: "Tag_SNS_Custom_Tier", value: .string(evilCustom)),
        ])])
        return (sandbox, url)
    }

    @Test func friendsListWritesNoControlCharacterInAnyFormat() async throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let env = CommandRunner.environment(state: dir, extra: [KeyLoader.variable: TestCredentials.keyText])
        let (sandbox, url) = try await Self.evilEmulator(env)
        defer { sandbox.stop() }
        for format in ["table", "csv", "json"] {
            let out = try CommandRunner.run(["friends", "list", "--account", "demo_alice", "--format", format, "--endpoint", url,
                                             "--sdkappid", "1400000000", "--admin", TestCredentials.admin], environment: env)
            #expect(out.status == 0, "\(format): \(out.stderr)")
            #expect(Self.controls(in: out.stdout, allowCR: format == "csv").isEmpty, "\(format): \(Self.controls(in: out.stdout))")
            if format == "json" {
                // JSON escapes them and reads back as the very text the server holds.
                let rows = try JSONValue.parse(Data(out.stdout.utf8)).elements
                let c0001 = try #require(rows.first { $0["UserID"] == .string("c0001") })
                #expect(c0001["Nickname"] == .string(Self.evilNickname) && c0001["Remark"] == .string(Self.evilRemark))
            } else if format == "csv" {
                // Whole values: the text stays visible, escaped.
                for part in ["\\u202e\\u2066evil\\x1b]0;PWNED\\x07\\x1b[2J\\x1b]52;c;cHduZWQ=\\x07\\x9b31m", "\\x01\\x02\\x03", "\\x1f\\x7fend", "\\x80\\x81", "\\x9f"] {
                    #expect(out.stdout.contains(part), "csv: \(part)\n\(out.stdout.prefix(600))")
                }
            } else {
                // The table cuts columns at 32 cells, counting the escapes as drawn.
                #expect(out.stdout.contains("\\u202e\\u2066evil\\x1b]0;"), "\(out.stdout.prefix(600))")
            }
        }
    }

    /// The TUI shows the same text escaped; the window title and tmux's clipboard stay untouched.
    @Test func theTUIShowsEscapesAndLeavesTitleAndClipboardAlone() async throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let env = CommandRunner.environment(state: dir, extra: [KeyLoader.variable: TestCredentials.keyText])
        let (sandbox, url) = try await Self.evilEmulator(env)
        defer { sandbox.stop() }
        let t = try Self.tuiAfterEnter(url, env: env, width: 200, height: 30)
        let before = try t.tmux(["display", "-p", "-t", t.name, "#{pane_title}"])
        try t.send("Enter")
        let screen = try t.waitFor("\\u202e\\u2066evil\\x1b")
        #expect(screen.contains("\\x01\\x02\\x03"), "\(screen)")
        try t.send("Y")
        try t.waitFor("copied the detail of c0001")
        try t.send("y")
        try t.waitFor("copied c0001")
        #expect(try t.tmux(["display", "-p", "-t", t.name, "#{pane_title}"]) == before, "the window title changed")
        // The only buffers are the two copies made on purpose, both free of control characters.
        let buffers = try t.tmux(["list-buffers", "-F", "#{buffer_name}"]).split(separator: "\n")
        #expect(buffers.count == 2, "\(buffers)")
        #expect(try t.tmux(["show-buffer", "-b", String(buffers[0])]) == "c0001")
        let detail = try t.tmux(["show-buffer", "-b", String(buffers[1])])
        #expect(detail.contains("c0001") && detail.contains("evil\\x1b]0;PWNED") && Self.controls(in: detail).isEmpty, "\(detail)")
        #expect(!buffers.contains { (try? t.tmux(["show-buffer", "-b", String($0)]))?.contains("pwned") == true }, "the nickname's OSC 52 reached tmux")
        try t.send("q")
        try t.waitFor("EXIT=0")
    }

    /// The TUI waits for Enter, so tmux's clipboard option is set before anything is drawn.
    static func tuiAfterEnter(_ url: String, env: [String: String], extra: String = "", width: Int = 120, height: Int = 30) throws -> TmuxSession {
        let bin = TmuxSession.quote(CommandRunner.contactdesk.path)
        let t = try TmuxSession(command: "read go; \(bin) --account demo_alice --endpoint \(url) --sdkappid \(TestCredentials.sdkAppID) --admin \(TestCredentials.admin) \(extra); echo EXIT=$?; sleep 30",
                                width: width, height: height, environment: env.merging(["TERM": "xterm-256color"]) { $1 })
        try t.tmux(["set-option", "-g", "set-clipboard", "on"])
        return t
    }

    @Test(arguments: ["xterm-kitty", "alacritty", "wezterm"])
    func termsAJumpHostLacksOpenTheDemoAndQuitCleanly(term: String) throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let t = try TUIEndToEndTests.session(term: term, account: "demo_alice", state: dir)
        // The status line names the stand-in entry (or nothing, where the entry is installed); the list is there.
        let screen = try t.waitFor("│ 50 friends │")
        #expect(screen.contains("UserID"))
        try t.send("q")
        try t.waitFor("EXIT=0")
    }

    /// --ascii: no box or marker glyph on any screen, the data's own characters kept; --colors 24bit on a
    /// terminfo without direct colour says what it draws with instead.
    @Test func asciiAndColorsFromTheCommandLine() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bin = TmuxSession.quote(CommandRunner.contactdesk.path)
        var env = CommandRunner.environment(state: dir)
        env["TERM"] = "xterm-256color"
        let t = try TmuxSession(command: "\(bin) --demo --ascii --colors 24bit; echo EXIT=$?; sleep 30", width: 100, height: 30, environment: env)
        let list = try t.waitFor("| 50 friends |")
        #expect(list.contains(" | demo_alice | ") && list.contains("黄芳"), "\(list)")
        // Without a direct-colour entry here, a 24-bit request says what it draws with instead (until the first key).
        let infocmp = URL(fileURLWithPath: "/usr/bin/infocmp")
        var hasDirect = false
        if FileManager.default.isExecutableFile(atPath: infocmp.path) {
            hasDirect = try CommandRunner.run(["xterm-direct"], environment: ["PATH": "/usr/bin:/bin"], executable: infocmp).status == 0
        }
        if !hasDirect {
            #expect(list.contains("24-bit colours asked for, but TERM=xterm-256color has no entry for them here (xterm-direct)"), "\(list)")
        }
        try t.send("Space")
        try t.waitFor("1 marked")
        try t.send("e")
        let form = try t.waitFor("+- Edit c0002")
        for screen in [list, form] {
            #expect(!screen.unicodeScalars.contains { "✓✗●✎▸◂▲▼↑↓…·│─┌┐└┘".unicodeScalars.contains($0) }, "\(screen)")
        }
        #expect(form.contains("* c0001") || form.contains("*   c0001") || form.split(separator: "\n").contains { $0.hasPrefix("*") }, "the mark is *:\n\(form)")
        try t.send("Escape")
        try t.waitFor("form closed") { !$0.contains("+- Edit") }
        try t.send("q")
        try t.waitFor("EXIT=0")
    }
}
