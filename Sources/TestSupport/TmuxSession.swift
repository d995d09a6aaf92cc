import Foundation

/// A real terminal for end-to-end tests: a tmux server of its own running one command, driven with
/// send-keys and read with capture-pane, polled until a condition holds (never a fixed sleep).
public final class TmuxSession: @unchecked Sendable {
    public let socket: String
    public let name = "t"

    /// Starts `command` (a shell line) in a detached session of `width`x`height`. The server ends when the command
    /// does, so a command that should stay readable after the program exits ends in a short `sleep`.
    public init(command: String, width: Int = 80, height: Int = 24, environment: [String: String] = [:]) throws {
        socket = "cd-test-\(UUID().uuidString.prefix(8))"
        let env = environment.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
        try tmux(["-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)",
                  "env -i \(env) sh -c \(Self.quote(command))"])
    }

    deinit { try? tmux(["kill-server"]) }

    public static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// Runs a tmux client command against this session's server, with posix_spawn and waitpid. Foundation's
    /// Process is not used here: the server that `new-session` forks inherits the client's descriptors, and
    /// Process then waits for the client forever.
    @discardableResult
    public func tmux(_ args: [String]) throws -> String {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("cd-tmux-\(UUID().uuidString)")
        defer { unlink(out.path) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, out.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ["tmux", "-L", socket] + args
        let env = ["PATH=/usr/bin:/bin", "LANG=C.UTF-8", "TERM=xterm-256color"]
        var cArgs = argv.map { strdup($0) } + [nil]
        var cEnv = env.map { strdup($0) } + [nil]
        defer { (cArgs + cEnv).forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawnp(&pid, "tmux", &actions, nil, &cArgs, &cEnv)
        guard rc == 0 else { throw SpawnError(command: argv.joined(separator: " "), code: rc) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (try? String(contentsOf: out, encoding: .utf8)) ?? ""
    }

    struct SpawnError: Error { let command: String; let code: Int32 }

    /// The process id of the program `name` running under the pane's shell, if any.
    public func childPID(named name: String) throws -> pid_t? {
        let shell = try tmux(["list-panes", "-t", self.name, "-F", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let out = try CommandRunner.run(["-P", shell, "-f", name], environment: ["PATH": "/usr/bin:/bin"],
                                        executable: URL(fileURLWithPath: "/usr/bin/pgrep")).stdout
        return out.split(separator: "\n").first.flatMap { pid_t(String($0)) }
    }

    /// Types keys as tmux names them ("j", "Enter", "Escape", "Space", "C-r") or literal text with `literal`.
    public func send(_ keys: String..., literal: Bool = false) throws {
        try tmux(["send-keys", "-t", name] + (literal ? ["-l"] : []) + keys)
    }

    /// The screen as text.
    public func capture() throws -> String { try tmux(["capture-pane", "-p", "-t", name]) }

    /// Resizes the window (and so the terminal the program sees).
    public func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Polls the screen until `condition` holds; returns the screen, or throws with the last screen.
    @discardableResult
    public func waitFor(_ what: String, timeout: Duration = .seconds(30), _ condition: (String) -> Bool) throws -> String {
        let deadline = ContinuousClock.now + timeout
        var screen = ""
        while ContinuousClock.now < deadline {
            screen = try capture()
            if condition(screen) { return screen }
            usleep(50_000)
        }
        throw Timeout(what: what, screen: screen)
    }

    /// Waits until the screen contains `text`.
    @discardableResult
    public func waitFor(_ text: String, timeout: Duration = .seconds(30)) throws -> String {
        try waitFor("\"\(text)\"", timeout: timeout) { $0.contains(text) }
    }

    public struct Timeout: Error, CustomStringConvertible {
        public let what: String
        public let screen: String
        public var description: String { "timed out waiting for \(what); the screen was:\n\(screen)" }
    }
}
