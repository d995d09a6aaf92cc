import Foundation
import Testing
import TestSupport

/// The real binary in a real terminal (tmux), as an operator would use it, polling the screen.
@Suite(.serialized) struct TUIEndToEndTests {
    static func session(term: String, noColor: Bool = false, account: String = "demo_shop", width: Int = 80, height: Int = 24,
                        state: URL) throws -> TmuxSession {
        let bin = CommandRunner.contactdesk.path
        // After the program exits, print its status and whether the terminal is back in cooked mode.
        let command = "\(TmuxSession.quote(bin)) --demo --account \(account); echo \"EXIT=$?\"; "
            + "echo \"TTY=$(stty -a | tr ' ;' '\\n\\n' | grep -xE -- '-?(icanon|echo)' | tr '\\n' ' ')\"; sleep 30"
        var env = ["LANG": "C.UTF-8", "TERM": term, "PATH": "/usr/bin:/bin", "HOME": state.path,
                   "XDG_STATE_HOME": state.path + "/state", "XDG_CONFIG_HOME": state.path + "/config"]
        if noColor { env["NO_COLOR"] = "1" }
        return try TmuxSession(command: command, width: width, height: height, environment: env)
    }

    @Test(arguments: [("xterm-256color", false), ("screen", false), ("vt100", false), ("xterm-256color", true)])
    func browseTheThreeThousandFriendAccount(term: String, noColor: Bool) throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let t = try Self.session(term: term, noColor: noColor, state: dir)

        // Open: rows appear, then the whole list with nicknames.
        let loaded = try t.waitFor("3000 friends loaded")
        #expect(loaded.contains("demo_shop") && loaded.contains("c0001"))

        // Filter: the match count follows each key; Enter keeps the filter.
        try t.send("/")
        try t.send("c299", literal: true)
        try t.waitFor("10 matches")
        try t.send("Enter")
        let filtered = try t.waitFor("filter \"c299\": 10 matches")
        #expect(filtered.contains("c2990") && !filtered.contains("c0001"))

        // Sort by the next column (Nickname), then mark the selected row.
        try t.send("s")
        try t.waitFor("sorted by Nickname")
        try t.send("Space")
        try t.waitFor("1 marked")
        try t.send("a")
        try t.waitFor("10 marked")

        // Help comes from the live key map.
        try t.send("?")
        // Wait for the whole box (its last lines), not just its title, so a half-painted screen cannot pass or fail.
        let help = try t.waitFor("the help box") { $0.contains("Help ·") && $0.contains("open another account") && $0.contains("└") }
        #expect(help.contains("mark all shown") && help.contains("open another account"))
        try t.send("Escape")
        try t.waitFor("shown") { !$0.contains("Help ·") }

        // Esc clears the filter: all 3000 are back.
        try t.send("Escape")
        try t.waitFor("unfiltered") { $0.contains("c0001") || $0.contains("3000 friends") && !$0.contains("filter \"") }

        // Too small, then back.
        try t.resize(width: 40, height: 10)
        try t.waitFor("Terminal too small: 40x10")
        try t.resize(width: 80, height: 24)
        try t.waitFor("list again") { $0.contains("UserID") && !$0.contains("too small") }

        // Quit: exit status 0 and the terminal back in cooked mode with echo.
        try t.send("q")
        let after = try t.waitFor("EXIT=0")
        let tty = try t.waitFor("TTY=") { $0.contains("TTY=") }
        #expect(after.contains("EXIT=0"))
        #expect(tty.contains("TTY=icanon echo"), "terminal modes after exit: \(tty)")
    }

    @Test func openAnotherAccountChecksItExists() throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let t = try Self.session(term: "xterm-256color", account: "demo_alice", state: dir)
        try t.waitFor("50 friends loaded")
        try t.send("o")
        try t.waitFor("Open account")
        try t.send("nobody_here", literal: true)
        try t.send("Enter")
        try t.waitFor("does not exist")
        try t.send("C-u")
        try t.send("demo_solo", literal: true)
        try t.send("Enter")
        let solo = try t.waitFor("1 friend loaded")
        #expect(solo.contains("demo_solo") && solo.contains("c0001"))
        // A dialog survives a resize.
        try t.send("o")
        try t.waitFor("Open account")
        try t.resize(width: 100, height: 30)
        try t.waitFor("wider") { $0.contains("Open account") && $0.split(separator: "\n").first.map { $0.count > 80 } == true }
        try t.send("Escape")
        // Esc and a key within the Esc delay read as Alt-key, as in any terminal: wait for the dialog to close.
        try t.waitFor("dialog closed") { !$0.contains("Open account") }
        try t.send("q")
        try t.waitFor("EXIT=0")
    }

    @Test(arguments: [SIGTERM, SIGHUP])
    func aSignalRestoresTheTerminal(signal: Int32) throws {
        let dir = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let t = try Self.session(term: "xterm-256color", account: "demo_alice", state: dir)
        try t.waitFor("50 friends loaded")
        // The pane runs sh; its child is contactdesk.
        kill(try #require(try t.childPID(named: "contactdesk")), signal)
        let after = try t.waitFor("TTY=") { $0.contains("TTY=") }
        #expect(after.contains("TTY=icanon echo"), "\(after)")
    }
}
